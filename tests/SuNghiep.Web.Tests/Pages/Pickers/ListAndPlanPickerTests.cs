using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Tests.Api.Plans;
using SuNghiep.Web.Tests.Pages.Resources;
using static SuNghiep.Web.Tests.Infrastructure.HistoryClient;

namespace SuNghiep.Web.Tests.Pages.Pickers;

/// <summary>
/// The reorganizations and tasks filters, the document form's issuer and the target form's area and agency take the
/// pickers: no list of the country's agencies or areas in the page, and a code or a name typed without JavaScript is
/// read on the server, with a Vietnamese message when it names none.
/// </summary>
public sealed class ListAndPlanPickerTests(AppHosts hosts)
{
    private const string Health = "Sở Y tế thành phố Cần Thơ";

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

    private static void AssertPicker(IDocument page, string selector, string lookup)
    {
        var field = page.QuerySelector(selector)!;
        Assert.Equal(("input", lookup), (field.LocalName, field.GetAttribute("data-picker")));
        Assert.Empty(page.QuerySelectorAll($"{selector} option, datalist"));
    }

    [Theory, DatabaseData]
    public async Task ReorganizationsList_AreaAndAgencyTypedByName_FilterAsTheirPickersWould(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var (health, education) = (await app.AgencyIdAsync("92.SYT"), await app.AgencyIdAsync("92.SGDDT"));
        var a = await admin.CreateUnitAsync(UnitsClient.Body(token, "A", health).With("areaCode", Area).With("establishedOn", "2010-01-01"));
        var b = await admin.CreateUnitAsync(UnitsClient.Body(token, "B", education).With("areaCode", Area).With("establishedOn", "2010-01-01"));
        await admin.RecordAsync(Event("dissolution", new DateOnly(2019, 5, 1), token + "/1-QĐ").With("sourceUnitIds", Ids(a)));
        await admin.RecordAsync(Event("dissolution", new DateOnly(2019, 5, 1), token + "/2-QĐ").With("sourceUnitIds", Ids(b)));   // the control
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.SystemAdmin));

        var (response, page) = await session.GetAsync(
            $"/reorganizations?from=2019-05-01&to=2019-05-01&areaCode={Uri.EscapeDataString(AreaName)}&agencyId={Uri.EscapeDataString(Health.ToLowerInvariant())}");
        var (_, byCode) = await session.GetAsync($"/reorganizations?from=2019-05-01&to=2019-05-01&areaCode={Area}&agencyId=92.SGDDT");
        var (_, unknown) = await session.GetAsync($"/reorganizations?agencyId={Uri.EscapeDataString("Sở " + token)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = page.QuerySelector("[data-testid=reorganizations]")!.TextContent;
        Assert.Contains(token + "/1-QĐ", rows, StringComparison.Ordinal);
        Assert.DoesNotContain(token + "/2-QĐ", rows, StringComparison.Ordinal);
        Assert.Contains(token + "/2-QĐ", byCode.QuerySelector("[data-testid=reorganizations]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(token + "/1-QĐ", byCode.QuerySelector("[data-testid=reorganizations]")!.TextContent, StringComparison.Ordinal);
        // The fields hold what was resolved, shown by name with the code.
        Assert.Equal((Id(health), $"{Health} (92.SYT)"), (page.QuerySelector("#agencyId")!.GetAttribute("value"), page.QuerySelector("#agencyId")!.GetAttribute("data-picker-label")));
        Assert.Equal((Area, $"{AreaName} ({Area})"), (page.QuerySelector("#areaCode")!.GetAttribute("value"), page.QuerySelector("#areaCode")!.GetAttribute("data-picker-label")));
        AssertPicker(page, "#agencyId", "/lookup/agencies");
        AssertPicker(page, "#areaCode", "/lookup/areas");
        Assert.Contains($"không tìm thấy \"Sở {token}\"", unknown.QuerySelector("[data-testid=filter-errors]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(unknown.QuerySelector("[data-testid=reorganizations]"));
        response.Dispose();
    }

    [Theory, DatabaseData]
    public async Task TasksList_AgencyTypedByName_ListsItsTasksOnly(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var (health, finance) = (await app.AgencyIdAsync("92.SYT"), await app.AgencyIdAsync("92.STC"));
        var document = await admin.CreateDocumentAsync(PlansClient.Document(token).With("issuerAgencyId", await app.AgencyIdAsync("92.UBND")));
        await admin.AddTaskAsync(document.Id, PlansClient.Task($"Rà soát y tế {token}", health, new DateOnly(2030, 1, 1)));
        await admin.AddTaskAsync(document.Id, PlansClient.Task($"Rà soát tài chính {token}", finance, new DateOnly(2030, 1, 1)));   // the control
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.SystemAdmin));

        var (response, page) = await session.GetAsync($"/tasks?documentId={document.Id}&agencyId={Uri.EscapeDataString("so y te thanh pho can tho")}");
        var (_, all) = await session.GetAsync($"/tasks?documentId={document.Id}&agencyId=");
        var (_, unknown) = await session.GetAsync($"/tasks?documentId={document.Id}&agencyId={Uri.EscapeDataString("Sở " + token)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = page.QuerySelector("#results")!.TextContent;
        Assert.Contains($"Rà soát y tế {token}", results, StringComparison.Ordinal);
        Assert.DoesNotContain($"Rà soát tài chính {token}", results, StringComparison.Ordinal);
        Assert.Contains($"Rà soát tài chính {token}", all.QuerySelector("#results")!.TextContent, StringComparison.Ordinal);
        Assert.Equal((Id(health), $"{Health} (92.SYT)"), (page.QuerySelector("#agencyId")!.GetAttribute("value"), page.QuerySelector("#agencyId")!.GetAttribute("data-picker-label")));
        Assert.Equal("", all.QuerySelector("#agencyId")!.GetAttribute("value"));
        AssertPicker(page, "#agencyId", "/lookup/agencies");
        Assert.Contains($"không tìm thấy \"Sở {token}\"", unknown.QuerySelector("[data-testid=filter-errors]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"Sở {token}", unknown.QuerySelector("#agencyId")!.GetAttribute("value"));
        response.Dispose();
    }

    [Theory, DatabaseData]
    public async Task TasksList_AgencyOfficerWithoutAFilter_StillOpensOnItsOwnAgency(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var (health, finance) = (await app.AgencyIdAsync("92.SYT"), await app.AgencyIdAsync("92.STC"));
        var document = await admin.CreateDocumentAsync(PlansClient.Document(token).With("issuerAgencyId", await app.AgencyIdAsync("92.UBND")));
        await admin.AddTaskAsync(document.Id, PlansClient.Task($"Rà soát y tế {token}", health, new DateOnly(2030, 1, 1)));
        await admin.AddTaskAsync(document.Id, PlansClient.Task($"Rà soát tài chính {token}", finance, new DateOnly(2030, 1, 1)));
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.AgencyOfficer, agency: "92.SYT"));

        var (_, page) = await session.GetAsync($"/tasks?documentId={document.Id}");

        Assert.Contains($"Rà soát y tế {token}", page.QuerySelector("#results")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain($"Rà soát tài chính {token}", page.QuerySelector("#results")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Id(health), page.QuerySelector("#agencyId")!.GetAttribute("value"));
    }

    [Theory, DatabaseData]
    public async Task DocumentForm_IssuerTypedByCodeOrName_IsStoredAsTheAgency(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.HomeAffairs, agency: "92.UBND"));
        var health = await app.AgencyIdAsync("92.SYT");
        var token = Unique.Token();
        (string, string)[] document(string number, string issuer) =>
        [
            ("Input.Type", "plan"), ("Input.Number", number), ("Input.IssuedOn", "2024-03-05"), ("Input.Issuer", Health),
            ("Input.Title", "Kế hoạch triển khai"), ("Input.IssuerAgencyId", issuer),
        ];

        var (_, form) = await session.GetAsync("/documents/new");
        var (byName, _) = await PostAsync(session, "/documents/new", document(token + "/KH-1", "so y te thanh pho can tho"));
        var (byCode, _) = await PostAsync(session, "/documents/new", document(token + "/KH-2", "92.SYT"));
        var (unknown, unknownPage) = await PostAsync(session, "/documents/new", document(token + "/KH-3", "Sở " + token));

        AssertPicker(form, "#Input_IssuerAgencyId", "/lookup/agencies");
        Assert.Equal(HttpStatusCode.Redirect, byName.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, byCode.StatusCode);
        var stored = await admin.ListDocumentsAsync("search=" + token);
        foreach (var d in stored)
        {
            Assert.Equal(health, (await admin.GetDocumentAsync(d.Id)).IssuerAgencyId);
        }

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains($"không tìm thấy \"Sở {token}\"", Error(unknownPage, "Input.IssuerAgencyId"), StringComparison.Ordinal);
        Assert.Equal($"Sở {token}", unknownPage.QuerySelector("#Input_IssuerAgencyId")!.GetAttribute("value"));
        Assert.Equal(2, stored.Count);
    }

    [Theory, DatabaseData]
    public async Task TargetForm_AreaAndAgencyTypedByName_AreStoredAsTheirCodeAndId(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var document = await admin.CreateDocumentAsync(PlansClient.Document(Unique.Token()).With("issuerAgencyId", await app.AgencyIdAsync("92.UBND")));
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.HomeAffairs, agency: "92.UBND"));
        var health = await app.AgencyIdAsync("92.SYT");
        var url = $"/documents/{document.Id}/targets/new";
        (string, string)[] target(string area, string agency) =>
        [
            ("Input.Text", "Giảm 10% đơn vị"), ("Input.IndicatorCode", "units.count"), ("Input.AreaCode", area), ("Input.AgencyId", agency),
            ("Input.Direction", "decrease"), ("Input.Value", "10"), ("Input.ValueUnit", "percent"), ("Input.BaselineFrom", "2021-01-01"),
            ("Input.BaselineTo", "2021-12-31"), ("Input.Deadline", "2026-12-31"),
        ];

        var (_, form) = await session.GetAsync(url);
        var (unknown, unknownPage) = await PostAsync(session, url, target("Phường " + Unique.Token(), ""));
        var (byArea, _) = await PostAsync(session, url, target("cai khe", ""));
        var (byAgency, _) = await PostAsync(session, url, target("", Health));

        AssertPicker(form, "#Input_AreaCode", "/lookup/areas");
        AssertPicker(form, "#Input_AgencyId", "/lookup/agencies");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Không tìm thấy địa bàn", Error(unknownPage, "Input.AreaCode"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, byArea.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, byAgency.StatusCode);
        var targets = (await admin.GetDocumentAsync(document.Id)).Targets.OrderBy(t => t.Id).ToList();
        Assert.Equal([("31120", (int?)null), (null, health)], targets.Select(t => (t.AreaCode, t.AgencyId)));
    }
}
