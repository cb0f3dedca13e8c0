using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Tests.Pages.Resources;
using SuNghiep.Web.Tests.Reports;

namespace SuNghiep.Web.Tests.Pages.Reports;

/// <summary>Annex VIII on /reports/{id}: an empty state, then the award recorded for a unit of the reporter.</summary>
public sealed class ReportCitationsPageTests(AppHosts hosts)
{
    [Theory, DatabaseData]
    public async Task ReportPage_AnnexEight_EmptyThenListsTheAwardAsText(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var w = await ReportWorld.CreateAsync(app);
        var request = await w.RequestAsync();
        var report = (await w.ReportOfAsync(w.FirstOfficer, request.Id)).Id;
        var (unit, code) = await app.WithDbAsync(async (db, _) => (
            await db.Units.Where(u => u.ManagingAgencyId == w.First).OrderBy(u => u.Id).Select(u => u.Id).FirstAsync(),
            await db.Agencies.Where(a => a.Id == w.First).Select(a => a.Code).SingleAsync()));
        var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.AgencyOfficer, agency: code));
        var (_, before) = await session.GetAsync($"/reports/{report}");

        var merit = new JsonObject
        {
            ["kind"] = "commendation", ["unitId"] = unit, ["form"] = "Bằng khen", ["reason"] = $"Tự chủ {w.Token}",
            ["decision"] = new JsonObject
            {
                ["number"] = $"{w.Token}/QĐ-UBND", ["date"] = request.CutOff.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["issuer"] = "Ủy ban nhân dân",
            },
        };
        using (var posted = await w.Admin.PostAsync("/api/v1/merits", UnitsClient.Content(merit.ToJsonString())))
        {
            Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());
        }

        var (_, after) = await session.GetAsync($"/reports/{report}");

        Assert.NotNull(before.QuerySelector("section[data-number=VIII] [data-testid=annex-empty]"));
        Assert.Null(after.QuerySelector("section[data-number=VIII] [data-testid=annex-empty]"));
        var cells = after.QuerySelectorAll("section[data-number=VIII] tbody tr:first-child td");
        Assert.Equal(["1", "Khen thưởng", "Bằng khen: Tự chủ " + w.Token], cells.Take(4).Where((_, i) => i != 2).Select(c => c.TextContent.Trim()));
        Assert.StartsWith($"{w.Token}/QĐ-UBND ngày {request.CutOff:dd/MM/yyyy}", cells[4].TextContent.Trim());
        // Text reads from the left; the figures of annex I from the right.
        Assert.DoesNotContain("text-end", cells[3].ClassName ?? "");
        Assert.Contains("text-end", after.QuerySelector("[data-testid=cell-I-0-2]")!.ClassName);
    }
}
