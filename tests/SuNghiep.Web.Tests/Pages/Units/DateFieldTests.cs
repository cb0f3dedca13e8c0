using System.Net;
using AngleSharp.Dom;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Tests.Pages.Resources;

namespace SuNghiep.Web.Tests.Pages.Units;

/// <summary>Date fields are text in dd/mm/yyyy whatever the browser's language; the server still reads ISO from links and old forms.</summary>
public sealed class DateFieldTests(AppHosts hosts)
{
    private const string FormatMessage = "Ngày không hợp lệ, nhập theo dạng dd/mm/yyyy";

    [Theory, DatabaseData]
    public async Task EditPage_DateField_IsATextInputShowingDdMmYyyy(DatabaseProvider provider)
    {
        var s = await StartAsync(provider);
        var a = await s.Client.CreateUnitAsync(s.UnitBody("A").With("establishedOn", "2001-09-03"));
        using var officer = await PageSession.SignInAsync(s.App, await s.App.CreateUserAsync(Roles.HomeAffairs, area: "92"));

        var (_, page) = await officer.GetAsync($"/units/{a.Id}/edit");
        var field = page.QuerySelector("#Input_EstablishedOn")!;

        Assert.Equal("text", field.GetAttribute("type"));
        Assert.Equal("03/09/2001", field.GetAttribute("value"));
        Assert.Equal("dd/mm/yyyy", field.GetAttribute("placeholder"));
        Assert.Equal("numeric", field.GetAttribute("inputmode"));
        Assert.NotNull(field.GetAttribute("pattern"));
        Assert.Null(page.QuerySelector("input[type=date]"));
    }

    [Theory, DatabaseData]
    public async Task EditPost_DdMmYyyy_IsSavedAsThatDay(DatabaseProvider provider) =>
        await EditPost_Saves(provider, "03/09/2026", new DateOnly(2026, 9, 3));

    [Theory, DatabaseData]
    public async Task EditPost_DMYyyyWithoutZeros_IsSavedAsThatDay(DatabaseProvider provider) =>
        await EditPost_Saves(provider, "3/9/2026", new DateOnly(2026, 9, 3));

    [Theory, DatabaseData]
    public async Task EditPost_Iso_IsStillAccepted(DatabaseProvider provider) =>
        await EditPost_Saves(provider, "2026-09-03", new DateOnly(2026, 9, 3));

    [Theory, DatabaseData]
    public async Task EditPost_NotARealDayOrNotADate_IsRefusedOnTheFieldAndKeptAsTyped(DatabaseProvider provider)
    {
        var s = await StartAsync(provider);
        var a = await s.Client.CreateUnitAsync(s.UnitBody("A"));
        using var officer = await PageSession.SignInAsync(s.App, await s.App.CreateUserAsync(Roles.HomeAffairs, area: "92"));

        foreach (var typed in new[] { "31/02/2026", "09/13/2026", "3 tháng 9", "2026-02-30" })
        {
            var (_, opened) = await officer.GetAsync($"/units/{a.Id}/edit");
            using var response = await officer.PostFormAsync($"/units/{a.Id}/edit", EditForm(opened), new() { ["Input.EstablishedOn"] = typed });
            var page = await PageSession.ParseAsync(response);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.StartsWith(FormatMessage, page.QuerySelector("[data-testid='error-Input.EstablishedOn']")?.TextContent.Trim(), StringComparison.Ordinal);
            Assert.Equal(typed, page.QuerySelector("#Input_EstablishedOn")?.GetAttribute("value"));
        }

        Assert.Equal(new DateOnly(2000, 1, 1), (await s.Client.GetUnitAsync(a.Id)).EstablishedOn);
    }

    [Theory, DatabaseData]
    public async Task EditPost_AfterAFailedSubmit_GoodDatesAreShownAsDdMmYyyy(DatabaseProvider provider)
    {
        var s = await StartAsync(provider);
        var a = await s.Client.CreateUnitAsync(s.UnitBody("A"));
        using var officer = await PageSession.SignInAsync(s.App, await s.App.CreateUserAsync(Roles.HomeAffairs, area: "92"));
        var (_, opened) = await officer.GetAsync($"/units/{a.Id}/edit");

        // The name is required: the page comes back with the dates as the officer reads them, even one sent as ISO.
        using var response = await officer.PostFormAsync($"/units/{a.Id}/edit", EditForm(opened),
            new() { ["Input.Name"] = "", ["Input.EstablishedOn"] = "2026-09-03", ["Input.EndedOn"] = "31/12/2026" });
        var page = await PageSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("03/09/2026", page.QuerySelector("#Input_EstablishedOn")?.GetAttribute("value"));
        Assert.Equal("31/12/2026", page.QuerySelector("#Input_EndedOn")?.GetAttribute("value"));
    }

    [Theory, DatabaseData]
    public async Task RegisterAsOf_IsoOrDdMmYyyyInTheQuery_IsShownAsDdMmYyyy(DatabaseProvider provider)
    {
        var s = await StartAsync(provider);
        using var officer = await PageSession.SignInAsync(s.App, await s.App.CreateUserAsync(Roles.HomeAffairs, area: "92"));

        foreach (var query in new[] { "2021-07-01", "01/07/2021", "1/7/2021" })
        {
            var (response, page) = await officer.GetAsync($"/units?asOf={Uri.EscapeDataString(query)}");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("01/07/2021", page.QuerySelector("#asOf")?.GetAttribute("value"));
            Assert.Null(page.QuerySelector("[data-testid=filter-errors]"));
        }

        var (wrong, wrongPage) = await officer.GetAsync("/units?asOf=32%2F01%2F2021");
        Assert.True(wrong.StatusCode < HttpStatusCode.InternalServerError);
        Assert.Contains("Ngày xem không hợp lệ, nhập theo dạng dd/mm/yyyy", wrongPage.QuerySelector("[data-testid=filter-errors]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("32/01/2021", wrongPage.QuerySelector("#asOf")?.GetAttribute("value"));
    }

    private async Task EditPost_Saves(DatabaseProvider provider, string typed, DateOnly expected)
    {
        var s = await StartAsync(provider);
        var a = await s.Client.CreateUnitAsync(s.UnitBody("A"));
        using var officer = await PageSession.SignInAsync(s.App, await s.App.CreateUserAsync(Roles.HomeAffairs, area: "92"));
        var (_, opened) = await officer.GetAsync($"/units/{a.Id}/edit");

        using var response = await officer.PostFormAsync($"/units/{a.Id}/edit", EditForm(opened), new() { ["Input.EstablishedOn"] = typed });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, (await s.Client.GetUnitAsync(a.Id)).EstablishedOn);
        var (_, details) = await officer.GetAsync($"/units/{a.Id}");
        Assert.Contains(expected.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), details.Body!.TextContent, StringComparison.Ordinal);
    }

    private sealed record Setup(SuNghiepApp App, HttpClient Client, string Token, int AgencyId)
    {
        public System.Text.Json.Nodes.JsonObject UnitBody(string suffix) => UnitsClient.Body(Token, suffix, AgencyId);
    }

    private async Task<Setup> StartAsync(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        return new Setup(app, await app.AdminAsync(), Unique.Token(), await app.AgencyIdAsync("92.SGDDT"));
    }

    private static IElement EditForm(IDocument page) =>
        page.QuerySelector("form.unit-form") ?? throw new InvalidOperationException("The edit page has no unit form.");
}
