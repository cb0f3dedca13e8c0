using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Oversight;
using SuNghiep.Web.Api;
using SuNghiep.Web.Tests.Api.Plans;

namespace SuNghiep.Web.Tests.Api.Quality;

/// <summary>Commendation and discipline records and the model units of a plan, over HTTP.</summary>
public sealed class MeritsApiTests(AppHosts hosts)
{
    private const string Health = "92.SYT";
    private const string Education = "92.SGDDT";

    private static JsonObject Merit(string kind, int? unitId, int? agencyId, string token) => new()
    {
        ["kind"] = kind,
        ["unitId"] = unitId,
        ["agencyId"] = agencyId,
        ["form"] = kind == "commendation" ? "Bằng khen" : "Khiển trách",
        ["reason"] = "Thành tích thực hiện Kết luận 62-KL/TW " + token,
        ["decision"] = new JsonObject { ["number"] = $"{token}/QĐ-UBND", ["date"] = "2025-06-01", ["issuer"] = "Ủy ban nhân dân thành phố Cần Thơ" },
    };

    [Theory, DatabaseData]
    public async Task PostMerit_ByRoleAndScope(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var health = await app.AgencyIdAsync(Health);
        var own = await admin.CreateUnitAsync(UnitsClient.Body(token, "A", health).With("sector", "health"));
        var other = await admin.CreateUnitAsync(UnitsClient.Body(token, "B", await app.AgencyIdAsync(Education)));
        var (officer, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Health);
        var (viewer, _) = await app.SignInAsNewUserAsync(Roles.Viewer, agency: Health);
        using var unitOfficer = app.ClientWithToken(await app.TokenAsync(await app.CreateUserAsync(Roles.UnitOfficer, unit: own.Code), SuNghiepApp.Password));

        using var ownUnit = await officer.PostJsonAsync("/api/v1/merits", Merit("commendation", own.Id, null, token));
        using var ownAgency = await officer.PostJsonAsync("/api/v1/merits", Merit("discipline", null, health, token));
        using var otherUnit = await officer.PostJsonAsync("/api/v1/merits", Merit("commendation", other.Id, null, token));
        using var otherAgency = await officer.PostJsonAsync("/api/v1/merits", Merit("commendation", null, await app.AgencyIdAsync(Education), token));
        using var byViewer = await viewer.PostJsonAsync("/api/v1/merits", Merit("commendation", own.Id, null, token));
        using var byUnit = await unitOfficer.PostJsonAsync("/api/v1/merits", Merit("commendation", own.Id, null, token));
        using var both = await officer.PostJsonAsync("/api/v1/merits", Merit("commendation", own.Id, health, token));
        using var badKind = await officer.PostJsonAsync("/api/v1/merits", Merit("praise", own.Id, null, token));

        Assert.True(ownUnit.StatusCode == HttpStatusCode.Created, await ownUnit.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, ownAgency.StatusCode);
        Assert.Contains("unitId", (await otherUnit.ValidationErrorsAsync()).Keys);
        Assert.Equal(HttpStatusCode.Forbidden, otherAgency.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byUnit.StatusCode);
        Assert.Contains("unitId", (await both.ValidationErrorsAsync()).Keys);
        Assert.Contains("kind", (await badKind.ValidationErrorsAsync()).Keys);

        var forUnit = JsonSerializer.Deserialize<MeritListResponse>(await viewer.GetStringAsync($"/api/v1/merits?unitId={own.Id}"), UnitsClient.Json)!;
        var discipline = JsonSerializer.Deserialize<MeritListResponse>(await admin.GetStringAsync($"/api/v1/merits?kind=discipline&q={token}"), UnitsClient.Json)!;
        // The decision number as written, with its Đ, and typed without accents.
        var byNumber = JsonSerializer.Deserialize<MeritListResponse>(await admin.GetStringAsync($"/api/v1/merits?kind=discipline&q={Uri.EscapeDataString($"{token}/QĐ-UBND")}"), UnitsClient.Json)!;
        var typed = JsonSerializer.Deserialize<MeritListResponse>(await admin.GetStringAsync($"/api/v1/merits?kind=discipline&q={Uri.EscapeDataString($"qd-ubnd {token}")}"), UnitsClient.Json)!;
        Assert.Equal([health], byNumber.Items.Select(m => m.AgencyId!.Value));
        Assert.Equal([health], typed.Items.Select(m => m.AgencyId!.Value));
        var outside = JsonSerializer.Deserialize<MeritListResponse>(await
            (await app.SignInAsNewUserAsync(Roles.Viewer, agency: Education)).Client.GetStringAsync($"/api/v1/merits?unitId={own.Id}"), UnitsClient.Json)!;
        Assert.Equal([("commendation", "Bằng khen")], forUnit.Items.Select(m => (m.Kind, m.Form)));
        Assert.Equal([health], discipline.Items.Select(m => m.AgencyId!.Value));
        Assert.Empty(outside.Items);
    }

    [Theory, DatabaseData]
    public async Task ModelUnits_IssuerAddsAndEveryoneInScopeReads(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var health = await app.AgencyIdAsync(Health);
        var (officer, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Health);
        var (otherOfficer, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Education);
        var document = await officer.CreateDocumentAsync(PlansClient.Document(token).With("issuerAgencyId", health));
        var unit = await admin.CreateUnitAsync(UnitsClient.Body(token, "M", health).With("sector", "health"));
        var url = $"/api/v1/documents/{document.Id}/model-units";

        using var added = await officer.PostJsonAsync(url, new JsonObject { ["unitId"] = unit.Id, ["note"] = "Mô hình tự chủ điểm" });
        using var twice = await officer.PostJsonAsync(url, new JsonObject { ["unitId"] = unit.Id });
        using var refused = await otherOfficer.PostJsonAsync(url, new JsonObject { ["unitId"] = unit.Id });
        using var missing = await officer.PostJsonAsync($"/api/v1/documents/{int.MaxValue}/model-units", new JsonObject { ["unitId"] = unit.Id });

        Assert.True(added.StatusCode == HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        Assert.Contains("unitId", (await twice.ValidationErrorsAsync()).Keys);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var list = JsonSerializer.Deserialize<List<ModelUnitView>>(await admin.GetStringAsync(url), UnitsClient.Json)!;
        var seenByOther = JsonSerializer.Deserialize<List<ModelUnitView>>(await otherOfficer.GetStringAsync(url), UnitsClient.Json)!;
        Assert.Equal([(unit.Id, "Mô hình tự chủ điểm")], list.Select(m => (m.UnitId, m.Note)));
        Assert.Empty(seenByOther);
    }
}
