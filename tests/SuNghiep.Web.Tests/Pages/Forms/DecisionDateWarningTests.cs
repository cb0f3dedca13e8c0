using System.Net;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Tests.Pages.Resources;
using static SuNghiep.Web.Tests.Api.Resources.ResourceRequests;

namespace SuNghiep.Web.Tests.Pages.Forms;

/// <summary>A decision dated in the future, or after it takes effect, is recorded as typed and pointed out on the page that recorded it.</summary>
public sealed class DecisionDateWarningTests(AppHosts hosts)
{
    [Theory, DatabaseData]
    public async Task AutonomyPlan_ApprovedByADecisionDatedInTheFuture_IsSavedWithAWarning(DatabaseProvider provider)
    {
        var (app, admin, id, _, _) = await UnitAsync(hosts, provider);
        using var _admin = admin;
        using var session = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.SystemAdmin));

        async Task<string?> PostAsync(string decisionDate)
        {
            var (_, page) = await session.GetAsync($"/units/{id}/resources");
            var form = page.QuerySelector("#plan-form")!;
            using var posted = await session.PostFormAsync(form.GetAttribute("action")!, form, new()
            {
                ["Plan.Period"] = "2021", ["Plan.ProposedGroup"] = "3", ["Plan.SubmittedOn"] = "01/06/2021", ["Plan.Status"] = "approved",
                ["Plan.ApprovedGroup"] = "3", ["Plan.DecisionNumber"] = Unique.Token() + "/QĐ-SNV", ["Plan.DecisionDate"] = decisionDate,
                ["Plan.DecisionIssuer"] = "Sở Nội vụ",
            });
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
            var (_, after) = await session.GetAsync(posted.Headers.Location!.OriginalString);
            return after.QuerySelector("[data-testid=resource-warnings]")?.TextContent;
        }

        var future = await PostAsync("01/01/2099");
        var past = await PostAsync("15/07/2021");

        Assert.Contains("Ngày ban hành quyết định (01/01/2099) sau ngày hôm nay", future, StringComparison.Ordinal);
        Assert.Null(past);
    }
}
