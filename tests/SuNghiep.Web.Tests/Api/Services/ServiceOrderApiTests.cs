using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Entities;
using static SuNghiep.Web.Tests.Api.Resources.ResourceRequests;
using static SuNghiep.Web.Tests.Api.Services.OrdersClient;

namespace SuNghiep.Web.Tests.Api.Services;

public sealed class ServiceOrderApiTests(AppHosts hosts)
{
    private const ServiceMethods AssignOrOrder = ServiceMethods.Assignment | ServiceMethods.Ordering;

    // Decree 60/2021 Art. 9-10: a unit at 9,99% (group 4) reaches 10% (group 3) with an accepted order of 1.000.000 đồng.
    [Theory, DatabaseData]
    public async Task Acceptance_OfAnOrderAtThePriceInForce_FeedsRevenueAAndMovesTheGroup(DatabaseProvider provider)
    {
        var (app, admin, unit, _, agency) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        var item = await ItemAsync(app, "education", AssignOrOrder, 10_000, new DateOnly(2025, 1, 1));
        var finance = Finance(0, 10_000_000_000);
        finance["revenue"]!["serviceFees"] = 999_000_000;
        await OkAsync(await admin.PutAsync($"/api/v1/units/{unit}/finance/2025", UnitsClient.Content(finance.ToJsonString())));
        var before = await admin.GetJsonAsync($"/api/v1/units/{unit}/finance/2025");

        var order = await admin.CreateAsync(Order(agency, unit, item));
        var id = order.GetProperty("id").GetInt32();
        var partly = await OkAsync(await admin.PostBodyAsync($"/api/v1/service-orders/{id}/acceptance", Acceptance(40)));
        var middle = await admin.GetJsonAsync($"/api/v1/units/{unit}/finance/2025");
        var accepted = await OkAsync(await admin.PostBodyAsync($"/api/v1/service-orders/{id}/acceptance", Acceptance(60)));
        var after = await admin.GetJsonAsync($"/api/v1/units/{unit}/finance/2025");

        Assert.Equal(4, before.GetProperty("autonomyGroup").GetInt32());
        Assert.Equal(10_000m, order.GetProperty("unitPrice").GetDecimal());
        Assert.NotEqual(JsonValueKind.Null, order.GetProperty("priceId").ValueKind);
        Assert.Equal(1_000_000m, order.GetProperty("value").GetDecimal());
        Assert.Equal("autonomy-assigned", order.GetProperty("fundingClass").GetString());
        Assert.Equal("issued", order.GetProperty("status").GetString());
        Assert.Equal("partly-accepted", partly.GetProperty("status").GetString());
        Assert.Equal(400_000m, middle.GetProperty("revenue").GetProperty("orderedServices").GetDecimal());
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());
        Assert.Equal(100m, accepted.GetProperty("quantityAccepted").GetDecimal());
        Assert.Equal(1_000_000m, after.GetProperty("revenue").GetProperty("orderedServices").GetDecimal());
        Assert.Equal(1_000_000m, after.GetProperty("acceptedOrdersValue").GetDecimal());
        Assert.False(after.GetProperty("orderedServicesByHand").GetBoolean());
        Assert.False(after.GetProperty("orderedServicesDiffers").GetBoolean());
        Assert.Equal(10.00m, after.GetProperty("selfFinancingLevel").GetDecimal());
        Assert.Equal(3, after.GetProperty("autonomyGroup").GetInt32());
        var stored = await app.WithDbAsync((db, _) => db.FinanceYears.Where(f => f.UnitId == unit && f.Year == 2025).Select(f => f.ComputedGroup).SingleAsync());
        Assert.Equal(3, stored);
    }

    [Theory, DatabaseData]
    public async Task Acceptance_WithoutFinanceYear_CreatesItWithTheOrdersOnly(DatabaseProvider provider)
    {
        var (app, admin, unit, _, agency) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        var item = await ItemAsync(app, "education", AssignOrOrder, 2_500, new DateOnly(2025, 1, 1));
        var id = (await admin.CreateAsync(Order(agency, unit, item, quantity: 10))).GetProperty("id").GetInt32();
        using var missing = await admin.GetAsync($"/api/v1/units/{unit}/finance/2025");

        await OkAsync(await admin.PostBodyAsync($"/api/v1/service-orders/{id}/acceptance", Acceptance(10, deduction: 1_000)));
        var after = await admin.GetJsonAsync($"/api/v1/units/{unit}/finance/2025");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(24_000m, after.GetProperty("revenue").GetProperty("orderedServices").GetDecimal());
        Assert.Equal(24_000m, after.GetProperty("revenue").GetProperty("total").GetDecimal());
        Assert.Equal(0m, after.GetProperty("recurrentExpenditure").GetDecimal());
    }

    [Theory, DatabaseData]
    public async Task FinancePut_TypedFigure_StaysByHandAndIsFlaggedUntilClearedBackToTheOrders(DatabaseProvider provider)
    {
        var (app, admin, unit, _, agency) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        var item = await ItemAsync(app, "education", AssignOrOrder, 10_000, new DateOnly(2025, 1, 1));
        var id = (await admin.CreateAsync(Order(agency, unit, item))).GetProperty("id").GetInt32();
        await OkAsync(await admin.PostBodyAsync($"/api/v1/service-orders/{id}/acceptance", Acceptance(50)));

        var typed = await OkAsync(await admin.PutAsync($"/api/v1/units/{unit}/finance/2025", UnitsClient.Content(Finance(7_000_000, 10_000_000).ToJsonString())));
        await OkAsync(await admin.PostBodyAsync($"/api/v1/service-orders/{id}/acceptance", Acceptance(50)));
        var kept = await admin.GetJsonAsync($"/api/v1/units/{unit}/finance/2025");
        var cleared = await OkAsync(await admin.PutAsync($"/api/v1/units/{unit}/finance/2025",
            UnitsClient.Content(Finance(7_000_000, 10_000_000).With("orderedServicesFromOrders", true).ToJsonString())));

        Assert.True(typed.GetProperty("orderedServicesByHand").GetBoolean());
        Assert.True(typed.GetProperty("orderedServicesDiffers").GetBoolean());
        Assert.Equal(500_000m, typed.GetProperty("acceptedOrdersValue").GetDecimal());
        Assert.Equal(7_000_000m, kept.GetProperty("revenue").GetProperty("orderedServices").GetDecimal());
        Assert.Equal(1_000_000m, kept.GetProperty("acceptedOrdersValue").GetDecimal());
        Assert.True(kept.GetProperty("orderedServicesDiffers").GetBoolean());
        Assert.Equal(70.00m, kept.GetProperty("selfFinancingLevel").GetDecimal());
        Assert.False(cleared.GetProperty("orderedServicesByHand").GetBoolean());
        Assert.False(cleared.GetProperty("orderedServicesDiffers").GetBoolean());
        Assert.Equal(1_000_000m, cleared.GetProperty("revenue").GetProperty("orderedServices").GetDecimal());
        Assert.Equal(10.00m, cleared.GetProperty("selfFinancingLevel").GetDecimal());
    }

    [Theory, DatabaseData]
    public async Task Create_MethodTheCatalogueForbids_Returns400AndWritesNothing(DatabaseProvider provider)
    {
        var (app, admin, unit, _, agency) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        // The catalogue names bidding, but Decree 32/2019 does not allow it for education; assignment is not named at all.
        var item = await ItemAsync(app, "education", ServiceMethods.Ordering | ServiceMethods.Bidding, 10_000, new DateOnly(2025, 1, 1));
        var count = await OrdersOfItemAsync(app, item);

        using var bidding = await admin.PostBodyAsync("/api/v1/service-orders", Order(agency, unit, item, "bidding"));
        using var assignment = await admin.PostBodyAsync("/api/v1/service-orders", Order(agency, unit, item, "assignment"));
        var ordering = await admin.CreateAsync(Order(agency, unit, item, "ordering"));

        var errors = await bidding.ValidationErrorsAsync();
        Assert.Contains("Nghị định 32/2019", errors["method"][0], StringComparison.Ordinal);
        Assert.Contains("method", (await assignment.ValidationErrorsAsync()).Keys);
        Assert.Equal("ordering", ordering.GetProperty("method").GetString());
        Assert.Equal(count + 1, await OrdersOfItemAsync(app, item));
    }

    [Theory, DatabaseData]
    public async Task Create_BeforeThePricesValidityWithoutAPrice_Returns400OnUnitPrice(DatabaseProvider provider)
    {
        var (app, admin, unit, _, agency) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        var item = await ItemAsync(app, "education", AssignOrOrder, 10_000, new DateOnly(2025, 6, 1));
        var noPrice = await ItemAsync(app, "education", AssignOrOrder, null, new DateOnly(2025, 1, 1));

        using var early = await admin.PostBodyAsync("/api/v1/service-orders", Order(agency, unit, item));
        using var none = await admin.PostBodyAsync("/api/v1/service-orders", Order(agency, unit, noPrice));
        var late = await admin.CreateAsync(Order(agency, unit, item).With("startOn", "2025-06-01"));
        var own = await admin.CreateAsync(Order(agency, unit, noPrice, "assignment").With("unitPrice", 3_000));

        Assert.Contains("01/02/2025", (await early.ValidationErrorsAsync())["unitPrice"][0], StringComparison.Ordinal);
        Assert.Contains("unitPrice", (await none.ValidationErrorsAsync()).Keys);
        Assert.Equal(10_000m, late.GetProperty("unitPrice").GetDecimal());
        Assert.Equal(3_000m, own.GetProperty("unitPrice").GetDecimal());
        Assert.Equal(JsonValueKind.Null, own.GetProperty("priceId").ValueKind);
        // An assignment at a figure of its own decision, with no price in force, is non-autonomy money (Art. 11.1c).
        Assert.Equal("non-autonomy", own.GetProperty("fundingClass").GetString());
        Assert.Equal(1, await OrdersOfItemAsync(app, noPrice));
        Assert.Equal(1, await OrdersOfItemAsync(app, item));
    }

    [Theory, DatabaseData]
    public async Task Create_BadFields_Returns400OnEachField(DatabaseProvider provider)
    {
        var (app, admin, unit, _, agency) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        var item = await ItemAsync(app, "education", AssignOrOrder, 10_000, new DateOnly(2025, 1, 1));
        var body = Order(agency, unit, item).With("quantity", 0).With("endOn", "2026-01-10").With("method", "gift").With("providerId", 1);

        using var bad = await admin.PostBodyAsync("/api/v1/service-orders", body);
        using var notJson = await admin.PostAsync("/api/v1/service-orders", UnitsClient.Content("""{"year":"năm nay"}"""));

        var errors = await bad.ValidationErrorsAsync();
        Assert.Contains("quantity", errors.Keys);
        Assert.Contains("endOn", errors.Keys);
        Assert.Contains("method", errors.Keys);
        Assert.Contains("providerId", errors.Keys);
        Assert.Contains("year", (await notJson.ValidationErrorsAsync()).Keys);
        Assert.Equal(0, await OrdersOfItemAsync(app, item));
    }

    [Theory, DatabaseData]
    public async Task Acceptance_AboveTheOrderedQuantityOrBeforeTheStart_Returns400AndChangesNothing(DatabaseProvider provider)
    {
        var (app, admin, unit, _, agency) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        var item = await ItemAsync(app, "education", AssignOrOrder, 10_000, new DateOnly(2025, 1, 1));
        var id = (await admin.CreateAsync(Order(agency, unit, item))).GetProperty("id").GetInt32();
        await OkAsync(await admin.PostBodyAsync($"/api/v1/service-orders/{id}/acceptance", Acceptance(70)));
        var state = await StateAsync(app, id);
        var finance = await admin.GetJsonAsync($"/api/v1/units/{unit}/finance/2025");

        using var over = await admin.PostBodyAsync($"/api/v1/service-orders/{id}/acceptance", Acceptance(31));
        using var early = await admin.PostBodyAsync($"/api/v1/service-orders/{id}/acceptance", Acceptance(10, "2025-01-31"));
        using var deduction = await admin.PostBodyAsync($"/api/v1/service-orders/{id}/acceptance", Acceptance(10, deduction: 100_001));

        Assert.Contains("quantityAccepted", (await over.ValidationErrorsAsync()).Keys);
        Assert.Contains("date", (await early.ValidationErrorsAsync()).Keys);
        Assert.Contains("deduction", (await deduction.ValidationErrorsAsync()).Keys);
        Assert.Equal(state, await StateAsync(app, id));
        Assert.Equal(finance.ToString(), (await admin.GetJsonAsync($"/api/v1/units/{unit}/finance/2025")).ToString());
    }

    [Theory, DatabaseData]
    public async Task Settlement_PaymentsWithinAcceptedValueAdvancesWithinOrderValue_FinalSettles(DatabaseProvider provider)
    {
        var (app, admin, unit, _, agency) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        var item = await ItemAsync(app, "education", AssignOrOrder, 10_000, new DateOnly(2025, 1, 1));
        var id = (await admin.CreateAsync(Order(agency, unit, item))).GetProperty("id").GetInt32();
        JsonObject Pay(string kind, decimal amount) => new() { ["kind"] = kind, ["date"] = "2025-12-20", ["amount"] = amount, ["documentNumber"] = "UNC 15" };

        await OkAsync(await admin.PostBodyAsync($"/api/v1/service-orders/{id}/settlement", Pay("advance", 600_000)));
        using var overAdvance = await admin.PostBodyAsync($"/api/v1/service-orders/{id}/settlement", Pay("advance", 400_001));
        using var payBeforeAcceptance = await admin.PostBodyAsync($"/api/v1/service-orders/{id}/settlement", Pay("payment", 1));
        await OkAsync(await admin.PostBodyAsync($"/api/v1/service-orders/{id}/acceptance", Acceptance(80)));
        await OkAsync(await admin.PostBodyAsync($"/api/v1/service-orders/{id}/settlement", Pay("payment", 200_000)));
        using var overPayment = await admin.PostBodyAsync($"/api/v1/service-orders/{id}/settlement", Pay("payment", 1));
        using var badKind = await admin.PostBodyAsync($"/api/v1/service-orders/{id}/settlement", Pay("gift", 1));
        var settled = await OkAsync(await admin.PostBodyAsync($"/api/v1/service-orders/{id}/settlement", Pay("final", 800_000)));
        using var again = await admin.PostBodyAsync($"/api/v1/service-orders/{id}/settlement", Pay("final", 800_000));
        using var cancel = await admin.PostAsync($"/api/v1/service-orders/{id}/cancel", null);

        Assert.Contains("amount", (await overAdvance.ValidationErrorsAsync()).Keys);
        Assert.Contains("amount", (await payBeforeAcceptance.ValidationErrorsAsync()).Keys);
        Assert.Contains("amount", (await overPayment.ValidationErrorsAsync()).Keys);
        Assert.Contains("kind", (await badKind.ValidationErrorsAsync()).Keys);
        Assert.Contains("kind", (await again.ValidationErrorsAsync()).Keys);
        Assert.Contains("status", (await cancel.ValidationErrorsAsync()).Keys);
        Assert.Equal("settled", settled.GetProperty("status").GetString());
        Assert.Equal(800_000m, settled.GetProperty("paid").GetDecimal());
        Assert.Equal(["advance", "payment", "final"], settled.GetProperty("settlements").EnumerateArray().Select(s => s.GetProperty("kind").GetString()!));
    }

    [Theory, DatabaseData]
    public async Task Bidding_BidsAndAward_TheWinnerBecomesProviderAtItsPrice(DatabaseProvider provider)
    {
        var (app, admin, unit, _, agency) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        var other = (await admin.CreateUnitAsync(UnitsClient.Body(Unique.Token(), "B", agency))).Id;
        var item = await ItemAsync(app, "culture", ServiceMethods.Ordering | ServiceMethods.Bidding, 10_000, new DateOnly(2025, 1, 1));
        var body = Order(agency, unit, item, "bidding");
        body.Remove("providerUnitId");
        var order = await admin.CreateAsync(body);
        var id = order.GetProperty("id").GetInt32();
        using var notYet = await admin.PostBodyAsync($"/api/v1/service-orders/{id}/acceptance", Acceptance(1));

        await OkAsync(await admin.PostBodyAsync($"/api/v1/service-orders/{id}/bids", new JsonObject { ["providerUnitId"] = unit, ["price"] = 9_500 }));
        var bids = await OkAsync(await admin.PostBodyAsync($"/api/v1/service-orders/{id}/bids", new JsonObject { ["bidderName"] = "Liên danh B", ["providerUnitId"] = other, ["price"] = 9_000 }));
        using var noProvider = await admin.PostBodyAsync($"/api/v1/service-orders/{id}/bids", new JsonObject { ["price"] = 8_000 });
        var winner = bids.GetProperty("bids").EnumerateArray().Single(b => b.GetProperty("providerUnitId").GetInt32() == other).GetProperty("id").GetInt32();
        using var unknownBid = await admin.PostBodyAsync($"/api/v1/service-orders/{id}/award", new JsonObject { ["bidId"] = winner + 100_000 });
        var awarded = await OkAsync(await admin.PostBodyAsync($"/api/v1/service-orders/{id}/award", new JsonObject { ["bidId"] = winner }));
        using var twice = await admin.PostBodyAsync($"/api/v1/service-orders/{id}/award", new JsonObject { ["bidId"] = winner });

        Assert.Equal(JsonValueKind.Null, order.GetProperty("providerUnitId").ValueKind);
        Assert.Contains("status", (await notYet.ValidationErrorsAsync()).Keys);
        Assert.Contains("providerUnitId", (await noProvider.ValidationErrorsAsync()).Keys);
        Assert.Contains("bidId", (await unknownBid.ValidationErrorsAsync()).Keys);
        Assert.Contains("status", (await twice.ValidationErrorsAsync()).Keys);
        Assert.Equal(other, awarded.GetProperty("providerUnitId").GetInt32());
        Assert.Equal(9_000m, awarded.GetProperty("unitPrice").GetDecimal());
        Assert.Equal(900_000m, awarded.GetProperty("value").GetDecimal());
        Assert.Single(awarded.GetProperty("bids").EnumerateArray(), b => b.GetProperty("awarded").GetBoolean());
    }

    [Theory, DatabaseData]
    public async Task Cancel_AnIssuedOrder_LeavesItOutOfTheAcceptedValue(DatabaseProvider provider)
    {
        var (app, admin, unit, _, agency) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        var item = await ItemAsync(app, "education", AssignOrOrder, 10_000, new DateOnly(2025, 1, 1));
        var id = (await admin.CreateAsync(Order(agency, unit, item))).GetProperty("id").GetInt32();

        var cancelled = await OkAsync(await admin.PostBodyAsync($"/api/v1/service-orders/{id}/cancel", new JsonObject { ["reason"] = "Điều chỉnh dự toán" }));
        using var accept = await admin.PostBodyAsync($"/api/v1/service-orders/{id}/acceptance", Acceptance(10));
        var list = await admin.GetJsonAsync($"/api/v1/service-orders?itemId={item}&status=cancelled");

        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.Contains("Điều chỉnh dự toán", cancelled.GetProperty("notes").GetString(), StringComparison.Ordinal);
        Assert.Contains("status", (await accept.ValidationErrorsAsync()).Keys);
        Assert.Equal(1, list.GetProperty("total").GetInt32());
    }

    [Theory, DatabaseData]
    public async Task List_FiltersAndSearch_FindTheOrdersAndPageInSql(DatabaseProvider provider)
    {
        var (app, admin, unit, code, agency) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        var item = await ItemAsync(app, "education", AssignOrOrder, 10_000, new DateOnly(2024, 1, 1));
        var control = await ItemAsync(app, "education", AssignOrOrder, 10_000, new DateOnly(2024, 1, 1));
        await admin.CreateAsync(Order(agency, unit, item));
        await admin.CreateAsync(Order(agency, unit, item, "assignment"));
        await admin.CreateAsync(Order(agency, unit, item, year: 2024));
        await admin.CreateAsync(Order(agency, unit, control));

        var all = await admin.GetJsonAsync($"/api/v1/service-orders?itemId={item}");
        var assigned = await admin.GetJsonAsync($"/api/v1/service-orders?itemId={item}&method=assignment");
        var year = await admin.GetJsonAsync($"/api/v1/service-orders?itemId={item}&year=2024");
        var paged = await admin.GetJsonAsync($"/api/v1/service-orders?itemId={item}&pageSize=2&page=2");
        var search = await admin.GetJsonAsync($"/api/v1/service-orders?q={code.Split('-')[0]}&providerUnitId={unit}");
        using var bad = await admin.GetAsync("/api/v1/service-orders?status=late&page=0");

        Assert.Equal(3, all.GetProperty("total").GetInt32());
        Assert.Equal(1, assigned.GetProperty("total").GetInt32());
        Assert.Equal("assignment", assigned.GetProperty("items")[0].GetProperty("method").GetString());
        Assert.Equal(1, year.GetProperty("total").GetInt32());
        Assert.Single(paged.GetProperty("items").EnumerateArray());
        Assert.Equal(4, search.GetProperty("total").GetInt32());
        var errors = await bad.ValidationErrorsAsync();
        Assert.Contains("status", errors.Keys);
        Assert.Contains("page", errors.Keys);
    }

    [Theory, DatabaseData]
    public async Task Scope_OfficerOfAnotherProvince_CannotOrderForTheAgencyNorSeeItsOrders(DatabaseProvider provider)
    {
        var (app, admin, unit, code, agency) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        var unitName = code.Split('-')[0];
        var item = await ItemAsync(app, "education", AssignOrOrder, 10_000, new DateOnly(2025, 1, 1));
        var id = (await admin.CreateAsync(Order(agency, unit, item))).GetProperty("id").GetInt32();
        var elsewhere = await AgencyElsewhereAsync(app);
        var (stranger, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: elsewhere);
        using var _stranger = stranger;
        var (viewer, _) = await app.SignInAsNewUserAsync(Roles.Viewer, agency: Education);
        using var _viewer = viewer;
        var (officer, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Education);
        using var _officer = officer;
        var state = await StateAsync(app, id);

        using var order = await stranger.PostBodyAsync("/api/v1/service-orders", Order(agency, unit, item));
        using var get = await stranger.GetAsync($"/api/v1/service-orders/{id}");
        using var accept = await stranger.PostBodyAsync($"/api/v1/service-orders/{id}/acceptance", Acceptance(10));
        var list = await stranger.GetJsonAsync($"/api/v1/service-orders?itemId={item}");
        var search = await stranger.GetJsonAsync($"/api/v1/service-orders?q={Uri.EscapeDataString(unitName)}");
        using var viewerAccept = await viewer.PostBodyAsync($"/api/v1/service-orders/{id}/acceptance", Acceptance(10));
        var viewerList = await viewer.GetJsonAsync($"/api/v1/service-orders?itemId={item}");
        var own = await OkAsync(await officer.PostBodyAsync($"/api/v1/service-orders/{id}/acceptance", Acceptance(10)));

        Assert.Equal(HttpStatusCode.Forbidden, order.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, accept.StatusCode);
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        Assert.Empty(list.GetProperty("items").EnumerateArray());
        Assert.Equal(0, search.GetProperty("total").GetInt32());
        Assert.Empty(search.GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, viewerAccept.StatusCode);
        Assert.Equal(1, viewerList.GetProperty("total").GetInt32());
        Assert.Equal("partly-accepted", own.GetProperty("status").GetString());
        Assert.Equal(1, await OrdersOfItemAsync(app, item));
        Assert.NotEqual(state, await StateAsync(app, id));
    }

    private static Task<int> OrdersOfItemAsync(SuNghiepApp app, int item) =>
        app.WithDbAsync((db, _) => db.ServiceOrders.CountAsync(o => o.ItemId == item));

    /// <summary>A department of Hà Nội (province 01), outside province 92, with its code.</summary>
    private static Task<string> AgencyElsewhereAsync(SuNghiepApp app) => app.WithDbAsync(async (db, _) =>
    {
        var token = Unique.Token();
        var area = await db.Areas.Where(a => a.Code == "01" && a.Level == AreaLevel.Province && a.ValidTo == null).Select(a => a.Id).SingleAsync();
        var agency = new Agency { Code = $"01.{token}", Name = $"Sở thử {Unique.Name(token)}", Kind = AgencyKind.Department, LevelCode = "province", AreaId = area };
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        agency.Path = agency.LineagePath = $"/{agency.Id}/";
        await db.SaveChangesAsync();
        return agency.Code;
    });
}
