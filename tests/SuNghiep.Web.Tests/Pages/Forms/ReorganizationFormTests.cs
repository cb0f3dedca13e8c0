using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Tests.Pages.Resources;

namespace SuNghiep.Web.Tests.Pages.Forms;

/// <summary>The reorganization form: a consolidation's new unit proposed from its sources, and nothing typed lost on a failed submit.</summary>
public sealed class ReorganizationFormTests(AppHosts hosts)
{
    private const string Area = "00004";

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string? Value(IDocument page, string id) => page.QuerySelector($"#{id}")?.GetAttribute("value");

    private static string? Selected(IDocument page, string id) =>
        page.QuerySelector($"#{id} option[selected]")?.GetAttribute("value");

    private static async Task<(HttpResponseMessage Response, IDocument Page)> PostAsync(PageSession session, params (string Name, string Value)[] fields)
    {
        var (_, form) = await session.GetAsync("/reorganizations/create");
        var token = form.QuerySelector("main form[method=post] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await session.Client.PostAsync("/reorganizations/create", new FormUrlEncodedContent(
            fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token))));
        return (response, await PageSession.ParseAsync(response));
    }

    [Theory, DatabaseData]
    public async Task Prefill_Consolidation_ProposesTheNewUnitFromItsSourcesAndKeepsWhatWasTyped(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var health = await app.AgencyIdAsync("92.SYT");
        var a = await admin.CreateUnitAsync(UnitsClient.Body(token, "A", health).With("areaCode", Area).With("name", $"Trạm Y tế {token} Hoa Sen").With("sector", "health"));
        var b = await admin.CreateUnitAsync(UnitsClient.Body(token, "B", health).With("areaCode", Area).With("name", $"Trạm Y tế {token} Sao Mai").With("sector", "health"));
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.SystemAdmin));

        var (response, page) = await PostAsync(session, ("Input.Type", "consolidation"), ("Input.SourceUnitIds", Id(a.Id)), ("Input.SourceUnitIds", Id(b.Id)),
            ("Input.NewUnits[0].Code", token + "-C"), ("Input.NewUnits[0].Level", "province"), ("command", "prefill"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"Trạm Y tế {token} Hoa Sen – Sao Mai", Value(page, "Input_NewUnits_0__Name"));
        Assert.Equal((token + "-C", "province"), (Value(page, "Input_NewUnits_0__Code"), Selected(page, "Input_NewUnits_0__Level")));   // typed: kept
        Assert.Equal(("health", "basic-service"), (Selected(page, "Input_NewUnits_0__Sector"), Selected(page, "Input_NewUnits_0__RoleClass")));
        Assert.Equal((Id(health), Area), (Value(page, "Input_NewUnits_0__ManagingAgencyId"), Value(page, "Input_NewUnits_0__AreaCode")));
        Assert.Contains("(92.SYT)", page.QuerySelector("#Input_NewUnits_0__ManagingAgencyId")!.GetAttribute("data-picker-label"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-testid=error-summary]"));
        Assert.Equal(2, page.QuerySelectorAll("#source-options input[checked]").Length);
    }

    [Theory, DatabaseData]
    public async Task FailedSubmit_Consolidation_KeepsTheNewUnitBlockAndEveryValue(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var health = await app.AgencyIdAsync("92.SYT");
        var a = await admin.CreateUnitAsync(UnitsClient.Body(token, "A", health).With("areaCode", Area));
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.SystemAdmin));

        // One source only: a consolidation needs two, so the form comes back.
        var (response, page) = await PostAsync(session, ("Input.Type", "consolidation"), ("Input.DecisionNumber", token + "/QĐ-UBND"),
            ("Input.DecisionDate", "01/03/2024"), ("Input.DecisionIssuer", "Ủy ban nhân dân thành phố Cần Thơ"), ("Input.EffectiveDate", "01/03/2024"),
            ("Input.SourceUnitIds", Id(a.Id)), ("Input.NewUnits[0].Code", token + "-C"), ("Input.NewUnits[0].Name", "Trạm Y tế " + token),
            ("Input.NewUnits[0].Sector", "health"), ("Input.NewUnits[0].RoleClass", "basic-service"), ("Input.NewUnits[0].Level", "commune"),
            ("Input.NewUnits[0].ManagingAgencyId", "Sở Y tế thành phố Cần Thơ"), ("Input.NewUnits[0].AreaCode", Area),
            ("Input.NewUnits[0].AutonomyGroup", "3"), ("Input.Notes", "Ghi chú " + token), ("command", "record"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(page.QuerySelector("[data-testid=error-summary][role=alert][tabindex='-1']"));
        Assert.Single(page.QuerySelectorAll("[data-testid=new-unit]"));
        Assert.Equal("consolidation", Selected(page, "Input_Type"));
        Assert.Equal((token + "/QĐ-UBND", "01/03/2024", "01/03/2024"), (Value(page, "Input_DecisionNumber"), Value(page, "Input_DecisionDate"), Value(page, "Input_EffectiveDate")));
        Assert.Equal((token + "-C", "Trạm Y tế " + token, Area), (Value(page, "Input_NewUnits_0__Code"), Value(page, "Input_NewUnits_0__Name"), Value(page, "Input_NewUnits_0__AreaCode")));
        Assert.Equal(("health", "commune", "3"), (Selected(page, "Input_NewUnits_0__Sector"), Selected(page, "Input_NewUnits_0__Level"), Selected(page, "Input_NewUnits_0__AutonomyGroup")));
        Assert.Equal("Sở Y tế thành phố Cần Thơ", Value(page, "Input_NewUnits_0__ManagingAgencyId"));
        Assert.Equal("Ghi chú " + token, page.QuerySelector("#Input_Notes")?.TextContent.Trim());
        Assert.NotNull(page.QuerySelector($"#source-options input[value='{a.Id}'][checked]"));
    }
}
