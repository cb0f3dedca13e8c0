using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SuNghiep.Web.Tests.Api.JobPositions;
using SuNghiep.Web.Tests.Pages.Resources;
using static SuNghiep.Web.Tests.Api.Resources.ResourceRequests;

namespace SuNghiep.Web.Tests.Pages.JobPositions;

/// <summary>On a unit's staffing page, the approved lists replace the four yearly counts for the years they cover; older years keep theirs.</summary>
public sealed class ResourcesJobPositionsPageTests(AppHosts hosts)
{
    private static readonly string[] Groups = ["leadership", "professional", "sharedProfessional", "support"];
    private static readonly int[] Years = [2019, 2024];

    [Theory, DatabaseData]
    public async Task Staffing_YearsUnderAnApprovedList_ShowItsPeople_OlderYearsTheirOwnCounts(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var unit = await admin.CreateUnitAsync(UnitsClient.Body(Unique.Token(), "A", await app.AgencyIdAsync("92.SGDDT")).With("areaCode", "00004"));
        // Yearly counts: 2 leaders, 20 professional, 4 shared, 4 support in both years.
        foreach (var year in Years)
        {
            using var put = await admin.PutAsync($"/api/v1/units/{unit.Id}/staffing/{year}", UnitsClient.Content(Staffing(10).With("overAllocation", true).ToJsonString()));
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        // Approved in 2022: 1 leader, 8 teachers, 2 shared, 7 support = 10 of 18 people, under 65%.
        using var approved = await admin.PostAsJsonAsync($"/api/v1/units/{unit.Id}/job-positions", JobPositionApiTests.List("50/QĐ-SGDĐT", "2022-08-01", 8, support: 7));
        Assert.Equal(HttpStatusCode.Created, approved.StatusCode);
        using var session = await PageSession.SignInAsync(app, SuNghiepApp.AdminEmail, SuNghiepApp.AdminPassword);

        var (_, page) = await session.GetAsync($"/units/{unit.Id}/resources?year=2024");

        var recent = page.QuerySelector("[data-testid=staffing-table] tr[data-year='2024']")!;
        Assert.Equal("approved", recent.QuerySelector("[data-field=leadership]")!.GetAttribute("data-source"));
        Assert.Equal(["1", "8", "2", "7"], Groups.Select(f => recent.QuerySelector($"[data-field={f}]")!.TextContent.Trim()));
        Assert.Contains("QĐ 50/QĐ-SGDĐT", recent.QuerySelector("[data-field=professionalShare]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("< 65%", recent.QuerySelector("[data-field=professionalShare]")!.TextContent, StringComparison.Ordinal);
        var old = page.QuerySelector("[data-testid=staffing-table] tr[data-year='2019']")!;
        Assert.Equal("yearly", old.QuerySelector("[data-field=leadership]")!.GetAttribute("data-source"));
        Assert.Equal(["2", "20", "4", "4"], Groups.Select(f => old.QuerySelector($"[data-field={f}]")!.TextContent.Trim()));
        Assert.Contains("50/QĐ-SGDĐT", page.QuerySelector("[data-testid=job-positions-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Điều 3 khoản 5", page.QuerySelector("[data-testid=job-positions-summary] [data-testid=job-positions-share-warning]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[name='Staffing.Leadership']"));

        // Saving the year's staffing from the page keeps the counts it had.
        using var saved = await session.PostFormAsync($"/units/{unit.Id}/resources?handler=Staffing&year=2019", page.QuerySelector("#staffing-form")!,
            new() { ["year"] = "2019", ["Staffing.BudgetPositions"] = "11" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var staffing = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{unit.Id}/staffing/2019");
        Assert.Equal(11, staffing.GetProperty("budgetPositions").GetInt32());
        Assert.Equal(20, staffing.GetProperty("jobPositions").GetProperty("professional").GetInt32());
        Assert.Equal(2, staffing.GetProperty("jobPositions").GetProperty("leadership").GetInt32());
    }
}
