using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core;
using SuNghiep.Core.Entities;

namespace SuNghiep.Web.Tests.Seeding;

/// <summary>
/// The demo's citizens' feedback: every state a moderator meets (new, late, answered, published, rejected) on the demo
/// province's units; the published ones keep no contact and show on the unit's public page as the moderator wrote them.
/// </summary>
public sealed class DemoFeedbackSeedTests(AppHosts hosts)
{
    [Theory, DatabaseData]
    public async Task DemoFeedback_EveryState_OneLate_PublishedWithoutContact_OnThePublicPage(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var today = VietnamTime.Today(TimeProvider.System);
        var rows = await app.WithDbAsync(async (db, _) => await db.Feedback.IgnoreQueryFilters().AsNoTracking()
            .Where(f => f.Unit!.ManagingAgency!.Code == "92.SVHTTDL")
            .Select(f => new { f.Status, f.DueOn, f.Contact, f.Consent, f.PublicText, f.ReplyText, f.RejectedReason, UnitCode = f.Unit!.Code })
            .ToListAsync());
        var published = rows.Where(r => r.Status == FeedbackStatus.Published).ToList();
        var shown = await app.Client().GetFromJsonAsync<JsonObject>($"/api/v1/public/units/{published[0].UnitCode}");

        Assert.Equal(Enum.GetValues<FeedbackStatus>().ToHashSet(), rows.Select(r => r.Status).ToHashSet());
        Assert.Contains(rows, r => r.Status == FeedbackStatus.New && r.DueOn < today);
        Assert.Contains(rows, r => r.Status == FeedbackStatus.New && r.DueOn >= today);
        Assert.All(rows.Where(r => r.Contact is not null), r => Assert.True(r.Consent));
        Assert.All(published, r => Assert.True(r.Contact is null && r.PublicText is not null && r.ReplyText is not null));
        Assert.All(rows.Where(r => r.Status == FeedbackStatus.Rejected), r => Assert.NotNull(r.RejectedReason));
        Assert.Contains(shown!["feedback"]!.AsArray(), f => (string?)f!["question"] == published[0].PublicText);
    }
}
