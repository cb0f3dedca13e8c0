using System.Net;
using SuNghiep.Web.Tests.Pages.Resources;
using static SuNghiep.Web.Tests.Infrastructure.HistoryClient;

namespace SuNghiep.Web.Tests.Api.Reorganizations;

/// <summary>
/// /api/v1/counts reads an area code as GET /api/v1/indicators does: one that names nothing is a 400 on its field, never a
/// count of 0 that would read as a real figure; the counts page shows the same message on the field.
/// </summary>
public sealed class CountScopeTests(AppHosts hosts)
{
    [Theory, DatabaseData]
    public async Task Counts_UnknownAreaCodeOrAgency_Returns400OnTheFieldAsTheIndicatorsDo(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        await s.UnitAsync("A");

        using var counts = await s.Client.GetAsync("/api/v1/counts?asOf=2020-01-01&areaCode=99999");
        using var indicator = await s.Client.GetAsync("/api/v1/indicators/units.count?asOf=2020-01-01&areaCode=99999");
        using var changes = await s.Client.GetAsync("/api/v1/counts/changes?from=2019-01-01&to=2020-01-01&areaCode=99999");
        using var agency = await s.Client.GetAsync("/api/v1/counts?asOf=2020-01-01&agencyId=999999999");

        var countErrors = await counts.ValidationErrorsAsync();
        Assert.Equal(["areaCode"], countErrors.Keys);
        Assert.Equal((await indicator.ValidationErrorsAsync())["areaCode"], countErrors["areaCode"]);
        Assert.Equal("Không có địa bàn mã \"99999\".", countErrors["areaCode"][0]);
        Assert.Equal(["areaCode"], (await changes.ValidationErrorsAsync()).Keys);
        Assert.Equal(["agencyId"], (await agency.ValidationErrorsAsync()).Keys);
        // The control: a real code still counts, and counts the test's unit.
        Assert.Equal(1, await s.CountAsync(new DateOnly(2020, 1, 1)));
    }

    [Theory, DatabaseData]
    public async Task CountsPage_UnknownAreaCode_ShowsTheMessageOnTheField(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var session = await PageSession.SignInAsync(app, SuNghiepApp.AdminEmail, SuNghiepApp.AdminPassword);

        var (response, page) = await session.GetAsync("/counts?areaCode=99999&date=2020-01-01");
        var (okResponse, okPage) = await session.GetAsync("/counts?areaCode=92&date=2020-01-01");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("is-invalid", page.QuerySelector("#areaCode")!.ClassName, StringComparison.Ordinal);
        Assert.Equal("Không có địa bàn mã \"99999\".", page.QuerySelector("[data-testid=error-areaCode]")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("[data-testid=date-total]"));
        Assert.Equal(HttpStatusCode.OK, okResponse.StatusCode);
        Assert.NotNull(okPage.QuerySelector("[data-testid=date-total]"));
        Assert.Null(okPage.QuerySelector("[data-testid=error-areaCode]"));
    }
}
