using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Tests.Api.Plans;
using SuNghiep.Web.Tests.Pages.Resources;

namespace SuNghiep.Web.Tests.Pages.Forms;

/// <summary>
/// The register's filters and the forms that choose an area or an agency take a picker, not a list of the country:
/// the field sends an id or a code, and typed without JavaScript a code or a name is read on the server.
/// </summary>
public sealed class FormPickerTests(AppHosts hosts)
{
    // Units of these tests stand in Hà Nội's phường Ba Đình, out of the demo province.
    private const string Area = "00004";
    private const string AreaName = "Phường Ba Đình";

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Error(IDocument page, string key) => page.QuerySelector($"[data-testid='error-{key}']")?.TextContent ?? "";

    private static async Task<(HttpResponseMessage Response, IDocument Page)> PostAsync(PageSession session, string url, params (string Name, string Value)[] fields)
    {
        var (_, form) = await session.GetAsync(url);
        var token = form.QuerySelector("main form[method=post] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await session.Client.PostAsync(url, new FormUrlEncodedContent(
            fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token))));
        return (response, await PageSession.ParseAsync(response));
    }

    [Theory, DatabaseData]
    public async Task UnitsList_AreaAndAgencyTypedByNameOrCode_FilterAsTheirPickersWould(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var (education, health) = (await app.AgencyIdAsync("92.SGDDT"), await app.AgencyIdAsync("92.SYT"));
        var a = await admin.CreateUnitAsync(UnitsClient.Body(token, "A", education).With("areaCode", Area));
        await admin.CreateUnitAsync(UnitsClient.Body(token, "B", health).With("areaCode", Area));   // another agency: the control
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.SystemAdmin));

        var (response, page) = await session.GetAsync($"/units?search={token}&status=all&areaCode={Uri.EscapeDataString(AreaName)}&managingAgencyId=92.SGDDT");
        var (_, all) = await session.GetAsync($"/units?search={token}&status=all&areaCode={Area}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([a.Name], page.QuerySelectorAll("[data-testid=unit-name]").Select(l => l.TextContent.Trim()));
        Assert.Equal(2, all.QuerySelectorAll("[data-testid=unit-name]").Length);
        // The fields now hold what was resolved, and show its name through the picker.
        var agencyField = page.QuerySelector("#managingAgencyId")!;
        Assert.Equal(("input", Id(education), "/lookup/agencies"), (agencyField.LocalName, agencyField.GetAttribute("value"), agencyField.GetAttribute("data-picker")));
        Assert.Contains("(92.SGDDT)", agencyField.GetAttribute("data-picker-label"), StringComparison.Ordinal);
        Assert.Equal((Area, $"{AreaName} ({Area})"), (page.QuerySelector("#areaCode")!.GetAttribute("value"), page.QuerySelector("#areaCode")!.GetAttribute("data-picker-label")));
        Assert.Empty(page.QuerySelectorAll("#areas option, #managingAgencyId option"));
    }

    [Theory, DatabaseData]
    public async Task UnitsList_AnAgencyNameThatNamesNone_IsAMessageOnTheFilter(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.SystemAdmin));
        var token = Unique.Token();

        var (response, page) = await session.GetAsync($"/units?managingAgencyId={token}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"không tìm thấy \"{token}\"", page.QuerySelector("[data-testid=filter-errors]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(token, page.QuerySelector("#managingAgencyId")!.GetAttribute("value"));
    }

    [Theory, DatabaseData]
    public async Task Staffing_AgencyTypedByCode_IsTheAgencyFilteredOn(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.SystemAdmin));
        var health = await app.AgencyIdAsync("92.SYT");

        var (response, page) = await session.GetAsync("/staffing?agencyId=92.syt");
        var (_, wrong) = await session.GetAsync($"/staffing?agencyId={Unique.Token()}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(page.QuerySelector("[data-testid=filter-errors]"));
        Assert.Equal(Id(health), page.QuerySelector("#agencyId")!.GetAttribute("value"));
        Assert.Empty(page.QuerySelectorAll("#filters datalist option, #agencyId option"));
        Assert.NotNull(wrong.QuerySelector("[data-testid=filter-errors]"));
    }

    [Theory, DatabaseData]
    public async Task UnitCreate_AgencyAndAreaTypedByName_AreSavedAsTheirIdAndCode(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var health = await app.AgencyIdAsync("92.SYT");
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.SystemAdmin));
        var token = Unique.Token();

        var (_, form) = await session.GetAsync("/units/create");
        var posted = await PostAsync(session, "/units/create",
            ("Input.Code", token), ("Input.Name", Unique.Name(token)), ("Input.Sector", "health"), ("Input.RoleClass", "basic-service"),
            ("Input.Level", "commune"), ("Input.ManagingAgencyId", "so y te thanh pho can tho"), ("Input.AreaCode", AreaName),
            ("Input.EstablishedOn", "01/01/2020"));

        Assert.Empty(form.QuerySelectorAll("#Input_ManagingAgencyId option, datalist option"));
        Assert.Equal("/lookup/agencies", form.QuerySelector("#Input_ManagingAgencyId")!.GetAttribute("data-picker"));
        Assert.True(posted.Response.StatusCode == HttpStatusCode.Redirect, posted.Page.QuerySelector("[data-testid=error-summary]")?.TextContent);
        using var admin = await app.AdminAsync();
        var id = int.Parse(posted.Response.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
        var unit = await admin.GetUnitAsync(id);
        Assert.Equal((health, Area), (unit.ManagingAgencyId, unit.AreaCode));
    }

    [Theory, DatabaseData]
    public async Task UnitCreate_ANameThatNamesNoAgency_IsRefusedOnTheFieldAndKeptAsTyped(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.SystemAdmin));
        var token = Unique.Token();

        var posted = await PostAsync(session, "/units/create",
            ("Input.Code", token), ("Input.Name", Unique.Name(token)), ("Input.Sector", "health"), ("Input.RoleClass", "basic-service"),
            ("Input.Level", "commune"), ("Input.ManagingAgencyId", "Sở " + token), ("Input.AreaCode", Area), ("Input.EstablishedOn", "01/01/2020"));

        Assert.Equal(HttpStatusCode.BadRequest, posted.Response.StatusCode);
        Assert.Contains($"không tìm thấy \"Sở {token}\"", Error(posted.Page, "Input.ManagingAgencyId"), StringComparison.Ordinal);
        Assert.Equal("Sở " + token, posted.Page.QuerySelector("#Input_ManagingAgencyId")!.GetAttribute("value"));
        // The area that was right is shown by its name.
        Assert.Equal($"{AreaName} ({Area})", posted.Page.QuerySelector("#Input_AreaCode")!.GetAttribute("data-picker-label"));
    }

    [Theory, DatabaseData]
    public async Task Reorganization_TransferToAnAgencyTypedByName_MovesTheUnit(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var (education, health) = (await app.AgencyIdAsync("92.SGDDT"), await app.AgencyIdAsync("92.SYT"));
        var unit = await admin.CreateUnitAsync(UnitsClient.Body(token, "A", education).With("areaCode", Area));
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.SystemAdmin));

        var posted = await PostAsync(session, "/reorganizations/create",
            ("Input.Type", "transfer"), ("Input.DecisionNumber", token + "/QĐ-UBND"), ("Input.DecisionDate", "01/03/2024"),
            ("Input.DecisionIssuer", "Ủy ban nhân dân thành phố Cần Thơ"), ("Input.EffectiveDate", "01/03/2024"),
            ("Input.SourceUnitIds", Id(unit.Id)), ("Input.NewManagingAgencyId", "Sở Y tế thành phố Cần Thơ"), ("command", "record"));

        Assert.True(posted.Response.StatusCode == HttpStatusCode.Redirect, posted.Page.QuerySelector("[data-testid=error-summary]")?.TextContent);
        Assert.Equal(health, (await admin.GetUnitAsync(unit.Id)).ManagingAgencyId);
    }

    [Theory, DatabaseData]
    public async Task TaskCreate_CoordinatorsTypedWithoutTheScript_AreResolvedAndShownAsChips(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()).With("issuerAgencyId", await app.AgencyIdAsync("92.UBND")));
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.HomeAffairs, agency: "92.UBND"));
        var (lead, health, finance) = (await app.AgencyIdAsync("92.SNV"), await app.AgencyIdAsync("92.SYT"), await app.AgencyIdAsync("92.STC"));
        var url = $"/documents/{document.Id}/tasks/new";

        // A failed submit (no content): the typed coordinators come back as chips with their ids.
        var failed = await PostAsync(session, url, ("Input.Content", ""), ("Input.LeadAgencyId", "92.SNV"),
            ("Input.CoordinatingAgencyIds", Id(health)), ("Input.CoordinatingAgencyIds", "92.stc"), ("Input.Timing", "none"));
        var chips = failed.Page.QuerySelectorAll("[data-testid=coordinator-chip] input[type=hidden]").Select(i => i.GetAttribute("value")).ToList();
        // The chip's button without the script: the form comes back without it, nothing saved.
        var removed = await PostAsync(session, url, ("Input.Content", "Rà soát"), ("Input.LeadAgencyId", Id(lead)),
            ("Input.CoordinatingAgencyIds", Id(health)), ("Input.CoordinatingAgencyIds", Id(finance)), ("removeCoordinator", Id(health)));
        var saved = await PostAsync(session, url, ("Input.Content", "Rà soát " + Unique.Token()), ("Input.LeadAgencyId", "Sở Nội vụ thành phố Cần Thơ"),
            ("Input.CoordinatingAgencyIds", "so y te thanh pho can tho"), ("Input.CoordinatingAgencyIds", Id(finance)), ("Input.CoordinatingAgencyIds", ""),
            ("Input.Timing", "none"), ("Input.Status", "not_started"));

        Assert.Equal(HttpStatusCode.BadRequest, failed.Response.StatusCode);
        Assert.Equal([Id(health), Id(finance)], chips);
        Assert.Equal(Id(lead), failed.Page.QuerySelector("#Input_LeadAgencyId")!.GetAttribute("value"));
        Assert.Contains("(92.SNV)", failed.Page.QuerySelector("#Input_LeadAgencyId")!.GetAttribute("data-picker-label"), StringComparison.Ordinal);
        Assert.Empty(failed.Page.QuerySelectorAll("select#Input_LeadAgencyId, select#Input_CoordinatingAgencyIds"));
        Assert.Equal(HttpStatusCode.OK, removed.Response.StatusCode);
        Assert.Equal([Id(finance)], removed.Page.QuerySelectorAll("[data-testid=coordinator-chip] input[type=hidden]").Select(i => i.GetAttribute("value")));
        Assert.Null(removed.Page.QuerySelector("[data-testid=error-summary]"));
        Assert.True(saved.Response.StatusCode == HttpStatusCode.Redirect, saved.Page.QuerySelector("[data-testid=error-summary]")?.TextContent);
        var task = Assert.Single((await admin.GetDocumentAsync(document.Id)).Tasks);
        Assert.Equal(lead, task.LeadAgencyId);
        Assert.Equal(new[] { health, finance }.Order(), task.CoordinatingAgencyIds.Order());
    }

    [Theory, DatabaseData]
    public async Task LookupForTasks_CoordinatorsReachSisterAgencies_LeadsOnlyTheCallersOwn(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.AgencyOfficer, agency: "92.SYT"));
        var education = await app.AgencyIdAsync("92.SGDDT");

        async Task<List<int>> FindAsync(string purpose)
        {
            using var response = await session.Client.GetAsync($"/lookup/agencies?q=92.sgddt{purpose}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return body.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();
        }

        Assert.Contains(education, await FindAsync("&purpose=task-coordinator"));
        Assert.DoesNotContain(education, await FindAsync("&purpose=task-lead"));
        Assert.DoesNotContain(education, await FindAsync(""));
        using var bad = await session.Client.GetAsync("/lookup/agencies?q=so&purpose=everything");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
