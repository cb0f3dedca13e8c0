using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Tests.Pages.Resources;

namespace SuNghiep.Web.Tests.Pages.Pickers;

/// <summary>
/// GET /api/v1/lookup/units (and its session twin for the pages' script) finds at most 20 units of the caller's scope by
/// folded name or code; the dossier form names its units through that picker, as chips that send the units' codes.
/// </summary>
public sealed class UnitPickerTests(AppHosts hosts)
{
    private static async Task<List<(string Code, string Name, string Detail)>> LookupAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("code").GetString()!, i.GetProperty("name").GetString()!, i.GetProperty("detail").GetString()!))
            .ToList();
    }

    private static async Task<(HttpResponseMessage Response, IDocument Page)> PostAsync(PageSession session, string url, params (string Name, string Value)[] fields)
    {
        var (_, form) = await session.GetAsync(url);
        var token = form.QuerySelector("main form[method=post] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await session.Client.PostAsync(url, new FormUrlEncodedContent(
            fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token))));
        return (response, await PageSession.ParseAsync(response));
    }

    [Theory, DatabaseData]
    public async Task LookupUnits_ByFoldedNameOrCode_FindsTheUnitWithItsAreaAndAgency(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var unit = await s.Client.CreateUnitAsync(s.UnitBody("A").With("name", $"Trường Mầm non Hòa Bình {s.Token}"));
        await s.UnitAsync("B");   // the same token, another name: the control

        var byName = await LookupAsync(s.Client, $"/api/v1/lookup/units?q={Uri.EscapeDataString($"truong mam non hoa binh {s.Token}")}");
        var byCode = await LookupAsync(s.Client, $"/api/v1/lookup/units?q={Uri.EscapeDataString(unit.Code)}");
        var broad = await LookupAsync(s.Client, "/api/v1/lookup/units?q=truong");
        var none = await LookupAsync(s.Client, $"/api/v1/lookup/units?q={Unique.Token()}");

        var found = Assert.Single(byName);
        Assert.Equal((unit.Code, unit.Name), (found.Code, found.Name));
        Assert.StartsWith(unit.Code + " · ", found.Detail, StringComparison.Ordinal);
        Assert.Contains("Sở Giáo dục", found.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(unit.Code, Assert.Single(byCode).Code);
        Assert.Equal(20, broad.Count);
        Assert.Empty(none);
    }

    [Theory, DatabaseData]
    public async Task LookupUnits_ScopedCaller_SeesOnlyItsUnits_AndBadQueriesAre400(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var education = await s.UnitAsync("A");
        var health = await s.UnitAsync("B", "92.SYT");
        var (officer, _) = await s.App.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: "92.SYT");

        var seen = await LookupAsync(officer, $"/api/v1/lookup/units?q={s.Token}");
        using var shortOne = await officer.GetAsync("/api/v1/lookup/units?q=a");
        using var missing = await officer.GetAsync("/api/v1/lookup/units");
        using var anonymous = await s.App.Client().GetAsync($"/api/v1/lookup/units?q={s.Token}");

        Assert.Equal([health.Code], seen.Select(u => u.Code));
        Assert.DoesNotContain(seen, u => u.Code == education.Code);
        Assert.Equal(HttpStatusCode.BadRequest, shortOne.StatusCode);
        Assert.Contains("ít nhất 2 ký tự", Assert.Single((await shortOne.ValidationErrorsAsync())["q"]), StringComparison.Ordinal);
        Assert.Equal(["q"], (await missing.ValidationErrorsAsync()).Keys);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task SessionLookupUnits_AnswersTheSignedInPageWithinItsScope(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var education = await s.UnitAsync("A");
        var health = await s.UnitAsync("B", "92.SYT");
        using var session = await PageSession.SignInAsync(s.App, await s.App.CreateUserAsync(Roles.AgencyOfficer, agency: "92.SYT"));

        using var response = await session.Client.GetAsync($"/lookup/units?q={s.Token}");
        using var anonymous = await s.App.Client().GetAsync($"/lookup/units?q={s.Token}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains(health.Code, text, StringComparison.Ordinal);
        Assert.DoesNotContain(education.Code, text, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task ProposalForm_UnitsChosenAsChips_AreDraftedAsTheEventsUnits(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var (a, b, c) = (await s.UnitAsync("A"), await s.UnitAsync("B"), await s.UnitAsync("C"));
        using var session = await PageSession.SignInAsync(s.App, SuNghiepApp.AdminEmail, SuNghiepApp.AdminPassword);
        const string Url = "/reorganization-proposals/create";
        (string, string)[] fields =
        [
            ("Input.Kind", "scheme"), ("Input.Number", $"{s.Token}/ĐA"), ("Input.ProposedOn", "02/05/2024"), ("Input.Summary", $"Đề án sáp nhập {s.Token}"),
            ("Input.AgencyId", s.AgencyId.ToString(CultureInfo.InvariantCulture)), ("Input.Type", "merger"), ("Input.EffectiveDate", "01/07/2024"),
            ("Input.ContinuingUnitCode", a.Code),
            // Two chips and the picker's own field, emptied after each choice.
            ("Input.SourceUnitCodes", b.Code), ("Input.SourceUnitCodes", c.Code), ("Input.SourceUnitCodes", ""),
        ];

        var (_, form) = await session.GetAsync(Url);
        var (removed, removedPage) = await PostAsync(session, Url, [.. fields, ("removeSource", c.Code)]);
        var (drafted, _) = await PostAsync(session, Url, fields);

        Assert.Equal("/lookup/units", form.QuerySelector("#source-add")!.GetAttribute("data-picker"));
        Assert.Equal("Input.SourceUnitCodes", form.QuerySelector("#source-add")!.GetAttribute("data-picker-multi"));
        Assert.Equal("/lookup/units", form.QuerySelector("#Input_ContinuingUnitCode")!.GetAttribute("data-picker"));
        // A chip's button without JavaScript: the form comes back without that unit, and nothing is saved.
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal([b.Code], removedPage.QuerySelectorAll("[data-testid=source-chip] input[type=hidden]").Select(i => i.GetAttribute("value")));
        Assert.Contains(b.Name, removedPage.QuerySelector("[data-testid=source-chip]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"{a.Name} ({a.Code})", removedPage.QuerySelector("#Input_ContinuingUnitCode")!.GetAttribute("data-picker-label"));
        Assert.Equal(HttpStatusCode.Redirect, drafted.StatusCode);
        using var created = await s.Client.GetAsync("/api/v1" + drafted.Headers.Location!.OriginalString);
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var ev = body.RootElement.GetProperty("event");
        Assert.Equal(new[] { b.Id, c.Id }.Order(), ev.GetProperty("sourceUnitIds").EnumerateArray().Select(i => i.GetInt32()).Order());
        Assert.Equal(a.Id, ev.GetProperty("continuingUnitId").GetInt32());
        using var list = await s.Client.GetAsync($"/api/v1/reorganization-proposals?q={s.Token}");
        Assert.Single(JsonDocument.Parse(await list.Content.ReadAsStringAsync()).RootElement.GetProperty("items").EnumerateArray());
    }

    [Theory, DatabaseData]
    public async Task ProposalForm_UnitNamesTypedWithoutThePicker_AreReadOrNamedAsAmbiguous(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var a = await s.Client.CreateUnitAsync(s.UnitBody("A").With("name", $"Trường Tiểu học Hòa Bình {s.Token}"));
        var b = await s.Client.CreateUnitAsync(s.UnitBody("B").With("name", $"Trường Tiểu học An Lạc {s.Token}"));
        using var session = await PageSession.SignInAsync(s.App, SuNghiepApp.AdminEmail, SuNghiepApp.AdminPassword);
        const string Url = "/reorganization-proposals/create";
        (string, string)[] Fields(string number, string source, string continuing) =>
        [
            ("Input.Kind", "scheme"), ("Input.Number", number), ("Input.ProposedOn", "02/05/2024"), ("Input.Summary", $"Đề án sáp nhập {s.Token}"),
            ("Input.AgencyId", s.AgencyId.ToString(CultureInfo.InvariantCulture)), ("Input.Type", "merger"), ("Input.EffectiveDate", "01/07/2024"),
            ("Input.ContinuingUnitCode", continuing), ("Input.SourceUnitCodes", source),
        ];

        var (ambiguous, page) = await PostAsync(session, Url, Fields($"{s.Token}/1", $"truong tieu hoc {s.Token}", a.Code));
        var (drafted, _) = await PostAsync(session, Url, Fields($"{s.Token}/2", $"trường tiểu học an lạc {s.Token}", $"truong tieu hoc hoa binh {s.Token}"));

        Assert.Equal(HttpStatusCode.BadRequest, ambiguous.StatusCode);
        var message = page.QuerySelector("[data-testid='error-Input.SourceUnitCodes']")!.TextContent;
        Assert.Contains("khớp với 2 đơn vị", message, StringComparison.Ordinal);
        Assert.Contains($"(mã {b.Code})", message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, drafted.StatusCode);
        using var created = await s.Client.GetAsync("/api/v1" + drafted.Headers.Location!.OriginalString);
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var ev = body.RootElement.GetProperty("event");
        Assert.Equal([b.Id], ev.GetProperty("sourceUnitIds").EnumerateArray().Select(i => i.GetInt32()));
        Assert.Equal(a.Id, ev.GetProperty("continuingUnitId").GetInt32());
    }

    [Theory, DatabaseData]
    public async Task ProposalForm_AgenciesAndAreaByPicker_TheCompetentBodyFoundAboveTheCallersScope(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var (a, b) = (await s.UnitAsync("A", "92.SYT"), await s.UnitAsync("B", "92.SYT"));
        var (officer, _) = await s.App.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: "92.SYT");
        var scoped = await officer.GetStringAsync("/api/v1/lookup/agencies?q=92.UBND");
        var competent = await officer.GetStringAsync("/api/v1/lookup/agencies?q=92.UBND&purpose=competent");
        using var badPurpose = await officer.GetAsync("/api/v1/lookup/agencies?q=92.UBND&purpose=all");
        using var session = await PageSession.SignInAsync(s.App, await s.App.CreateUserAsync(Roles.AgencyOfficer, agency: "92.SYT"));
        const string Url = "/reorganization-proposals/create";
        (string, string)[] Fields(string number, string competentText) =>
        [
            ("Input.Kind", "scheme"), ("Input.Number", number), ("Input.ProposedOn", "02/05/2024"), ("Input.Summary", $"Đề án sáp nhập {s.Token}"),
            // Typed as without JavaScript: the drafting agency by code, the competent body by code, above the officer's scope.
            ("Input.AgencyId", "92.SYT"), ("Input.CompetentAgencyId", competentText), ("Input.Type", "merger"), ("Input.EffectiveDate", "01/07/2024"),
            ("Input.ContinuingUnitCode", a.Code), ("Input.SourceUnitCodes", b.Code),
        ];

        var (_, form) = await session.GetAsync(Url);
        var (unknown, unknownPage) = await PostAsync(session, Url, Fields($"{s.Token}/1", $"Không có {s.Token}"));
        var (drafted, _) = await PostAsync(session, Url, Fields($"{s.Token}/2", "92.UBND"));

        Assert.DoesNotContain("92.UBND", scoped, StringComparison.Ordinal);
        Assert.Contains("92.UBND", competent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badPurpose.StatusCode);
        Assert.DoesNotContain(form.QuerySelectorAll("main select"), x => x.Id is "Input_AgencyId" or "Input_CompetentAgencyId" or "Input_NewManagingAgencyId" or "Input_NewUnitAgencyId");
        Assert.Equal("/lookup/agencies?purpose=competent", form.QuerySelector("#Input_CompetentAgencyId")!.GetAttribute("data-picker"));
        Assert.Equal("/lookup/agencies", form.QuerySelector("#Input_AgencyId")!.GetAttribute("data-picker"));
        Assert.Equal("/lookup/areas", form.QuerySelector("#Input_NewUnitAreaCode")!.GetAttribute("data-picker"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("không tìm thấy", unknownPage.QuerySelector("[data-testid='error-Input.CompetentAgencyId']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, drafted.StatusCode);
        using var created = await s.Client.GetAsync("/api/v1" + drafted.Headers.Location!.OriginalString);
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        Assert.Contains("Ủy ban nhân dân thành phố Cần Thơ", body.RootElement.GetProperty("competentAgencyName").GetString(), StringComparison.Ordinal);
    }
}
