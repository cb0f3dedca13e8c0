using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Entities;

namespace SuNghiep.Web.Tests.Api.JobPositions;

/// <summary>A unit's approved lists of job positions (Decree 106/2020/NĐ-CP): versioned by decision, the 65% rule as a warning.</summary>
public sealed class JobPositionApiTests(AppHosts hosts)
{
    internal static JsonObject Position(string name, string group, int people, string? title = null, string? code = null) => new()
    {
        ["name"] = name, ["group"] = group, ["titleName"] = title, ["titleCode"] = code, ["people"] = people,
    };

    /// <summary>A school's list: 1 leader, the teachers, 2 shared and the support staff.</summary>
    internal static JsonObject List(string number, string date, int teachers, int support = 3) => new()
    {
        ["decision"] = new JsonObject { ["number"] = number, ["date"] = date, ["issuer"] = "Sở Giáo dục và Đào tạo thành phố Cần Thơ" },
        ["positions"] = new JsonArray(
            Position("Hiệu trưởng", "leadership", 1, "Giáo viên tiểu học hạng II", "V.07.03.28"),
            Position("Giáo viên tiểu học", "professional", teachers, "Giáo viên tiểu học hạng III", "V.07.03.29"),
            Position("Kế toán", "sharedProfessional", 1, "Kế toán viên", "06.031"),
            Position("Văn thư", "sharedProfessional", 1, "Văn thư viên", "02.007"),
            Position("Bảo vệ", "support", support)),
    };

    private static readonly string[] TotalKeys = ["leadership", "professional", "sharedProfessional", "support", "total"];

    private static async Task<(SuNghiepApp App, HttpClient Admin, int UnitId)> UnitAsync(AppHosts hosts, DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var admin = await app.AdminAsync();
        var unit = await admin.CreateUnitAsync(UnitsClient.Body(Unique.Token(), "A", await app.AgencyIdAsync("92.SGDDT")));
        return (app, admin, unit.Id);
    }

    [Theory, DatabaseData]
    public async Task Post_TwoApprovals_EachInForceFromItsDateAndTheHistoryStays(DatabaseProvider provider)
    {
        var (_, admin, id) = await UnitAsync(hosts, provider);
        using var _admin = admin;

        using var first = await admin.PostAsJsonAsync($"/api/v1/units/{id}/job-positions", List("12/QĐ-SGDĐT", "2021-03-01", 20));
        using var second = await admin.PostAsJsonAsync($"/api/v1/units/{id}/job-positions", List("240/QĐ-SGDĐT", "2024-06-15", 26, support: 2));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal($"/api/v1/units/{id}/job-positions?on=2024-06-15", second.Headers.Location?.OriginalString);
        var before = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{id}/job-positions?on=2024-06-14");
        var from = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{id}/job-positions?on=2024-06-15");
        var today = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{id}/job-positions");
        Assert.Equal("12/QĐ-SGDĐT", before.GetProperty("decisionNumber").GetString());
        Assert.Equal("2024-06-15", before.GetProperty("validTo").GetString());
        Assert.Equal(20, before.GetProperty("totals").GetProperty("professional").GetInt32());
        Assert.Equal("240/QĐ-SGDĐT", from.GetProperty("decisionNumber").GetString());
        Assert.Equal(JsonValueKind.Null, from.GetProperty("validTo").ValueKind);
        Assert.Equal(from.GetProperty("id").GetInt32(), today.GetProperty("id").GetInt32());
        var totals = from.GetProperty("totals");
        Assert.Equal([1, 26, 2, 2, 31], TotalKeys.Select(k => totals.GetProperty(k).GetInt32()));
        var rows = from.GetProperty("positions").EnumerateArray().ToList();
        Assert.Equal(["Hiệu trưởng", "Giáo viên tiểu học", "Kế toán", "Văn thư", "Bảo vệ"], rows.Select(r => r.GetProperty("name").GetString()));
        Assert.Equal("V.07.03.29", rows[1].GetProperty("titleCode").GetString());
        Assert.Equal("sharedProfessional", rows[2].GetProperty("group").GetString());
        using var none = await admin.GetAsync($"/api/v1/units/{id}/job-positions?on=2021-02-28");
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        var history = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{id}/job-positions/history");
        Assert.Equal(["240/QĐ-SGDĐT", "12/QĐ-SGDĐT"], history.EnumerateArray().Select(l => l.GetProperty("decisionNumber").GetString()));
    }

    [Theory, DatabaseData]
    public async Task Post_ProfessionalPeopleBelow65Percent_SavedWithTheDecreesWarning(DatabaseProvider provider)
    {
        var (_, admin, id) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        // 1 leader, 8 teachers, 2 shared, 6 support: 10 of 17 people = 58.82%; in positions it would be 3 of 5 = 60%.
        using var low = await admin.PostAsJsonAsync($"/api/v1/units/{id}/job-positions", List("7/QĐ-SGDĐT", "2025-01-10", 8, support: 6));
        // 13 of 19 = 68.42%: the control that must not warn.
        using var ok = await admin.PostAsJsonAsync($"/api/v1/units/{id}/job-positions", List("8/QĐ-SGDĐT", "2025-02-10", 11, support: 6));

        Assert.Equal(HttpStatusCode.Created, low.StatusCode);
        var body = await low.Content.ReadFromJsonAsync<JsonElement>();
        var warning = Assert.Single(body.GetProperty("warnings").GetProperty("positions").EnumerateArray()).GetString()!;
        Assert.Contains("10/17 người (58,82%)", warning, StringComparison.Ordinal);
        Assert.Contains("Điều 3 khoản 5", warning, StringComparison.Ordinal);
        Assert.Equal(warning, body.GetProperty("list").GetProperty("warning").GetString());
        var control = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(control.GetProperty("warnings").TryGetProperty("positions", out _));
        Assert.Equal(JsonValueKind.Null, control.GetProperty("list").GetProperty("warning").ValueKind);
    }

    [Theory, DatabaseData]
    public async Task Post_BadRows_400OnEachFieldAndNothingStored(DatabaseProvider provider)
    {
        var (_, admin, id) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        var body = List("", "2025-01-10", 8);
        var rows = (JsonArray)body["positions"]!;
        rows[1]!["titleCode"] = "V07 03 29";
        rows[2]!["group"] = "accounting";
        rows[4]!["people"] = -2;

        using var response = await admin.PostAsJsonAsync($"/api/v1/units/{id}/job-positions", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await response.ValidationErrorsAsync();
        Assert.Contains("positions[2].group", errors.Keys);
        Assert.Contains("Dòng 3", errors["positions[2].group"][0], StringComparison.Ordinal);
        using var again = await admin.PostAsJsonAsync($"/api/v1/units/{id}/job-positions", List("", "2025-01-10", 8).With("positions",
            new JsonArray(Position("Giáo viên", "professional", 5, "Giáo viên", "V07 03 29"), Position("Bảo vệ", "support", -2))));
        var rule = await again.ValidationErrorsAsync();
        Assert.Equal(["decision.number", "positions[0].titleCode", "positions[1].people"], rule.Keys.Order(StringComparer.Ordinal));
        var history = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{id}/job-positions/history");
        Assert.Equal(0, history.GetArrayLength());
    }

    [Theory, DatabaseData]
    public async Task Post_SameDecisionTwice_RefusedTheSecondTime(DatabaseProvider provider)
    {
        var (_, admin, id) = await UnitAsync(hosts, provider);
        using var _admin = admin;

        using var first = await admin.PostAsJsonAsync($"/api/v1/units/{id}/job-positions", List("9/QĐ-SGDĐT", "2025-03-10", 12));
        using var repeat = await admin.PostAsJsonAsync($"/api/v1/units/{id}/job-positions", List("9/QĐ-SGDĐT", "2025-03-10", 12));
        using var early = await admin.PostAsJsonAsync($"/api/v1/units/{id}/job-positions", List("1/QĐ-SGDĐT", "1999-12-31", 12));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(["decision.number"], (await repeat.ValidationErrorsAsync()).Keys);
        Assert.Equal(["decision.date"], (await early.ValidationErrorsAsync()).Keys);
    }

    [Theory, DatabaseData]
    public async Task Post_Audited_ListAndEachRowOnTheUnit(DatabaseProvider provider)
    {
        var (app, admin, id) = await UnitAsync(hosts, provider);
        using var _admin = admin;

        using var response = await admin.PostAsJsonAsync($"/api/v1/units/{id}/job-positions", List("15/QĐ-SGDĐT", "2025-04-01", 12));
        var listId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("list").GetProperty("id").GetInt32();

        var trail = await app.WithDbAsync((db, _) => db.AuditEntries.AsNoTracking()
            .Where(a => (a.EntityType == nameof(JobPositionList) && a.EntityId == listId.ToString()) || a.EntityType == nameof(JobPosition))
            .Where(a => a.Action == "Create").ToListAsync());
        var list = Assert.Single(trail, a => a.EntityType == nameof(JobPositionList));
        Assert.Contains("15/QĐ-SGDĐT", list.After, StringComparison.Ordinal);
        Assert.Equal(5, trail.Count(a => a.EntityType == nameof(JobPosition) && a.After!.Contains($"\"ListId\":{listId}", StringComparison.Ordinal)));
    }

    [Theory, DatabaseData]
    public async Task Scope_AsTheUnitsStaffing(DatabaseProvider provider)
    {
        var (app, admin, id) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        using var created = await admin.PostAsJsonAsync($"/api/v1/units/{id}/job-positions", List("20/QĐ-SGDĐT", "2025-05-01", 12));
        var (health, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: "92.SYT");
        var (education, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: "92.SGDDT");
        var (viewer, _) = await app.SignInAsNewUserAsync(Roles.Viewer, agency: "92.SGDDT");
        using var _h = health;
        using var _e = education;
        using var _v = viewer;

        using var otherGet = await health.GetAsync($"/api/v1/units/{id}/job-positions");
        using var otherPost = await health.PostAsJsonAsync($"/api/v1/units/{id}/job-positions", List("21/QĐ-SGDĐT", "2025-06-01", 12));
        using var viewerGet = await viewer.GetAsync($"/api/v1/units/{id}/job-positions");
        using var viewerPost = await viewer.PostAsJsonAsync($"/api/v1/units/{id}/job-positions", List("22/QĐ-SGDĐT", "2025-06-01", 12));
        using var ownPost = await education.PostAsJsonAsync($"/api/v1/units/{id}/job-positions", List("23/QĐ-SGDĐT", "2025-06-01", 12));

        Assert.Equal(HttpStatusCode.NotFound, otherGet.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherPost.StatusCode);
        Assert.Equal(HttpStatusCode.OK, viewerGet.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewerPost.StatusCode);
        Assert.Equal(HttpStatusCode.Created, ownPost.StatusCode);
        var history = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{id}/job-positions/history");
        Assert.Equal(["23/QĐ-SGDĐT", "20/QĐ-SGDĐT"], history.EnumerateArray().Select(l => l.GetProperty("decisionNumber").GetString()));
    }
}
