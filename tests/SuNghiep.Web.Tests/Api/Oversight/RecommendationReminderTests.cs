using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Entities;
using SuNghiep.Web.Tests.Api.Plans;

namespace SuNghiep.Web.Tests.Api.Oversight;

/// <summary>
/// The reminder sweep tells the addressee agency's users of a recommendation due within the window or overdue, once per
/// user, recommendation, kind and deadline; done and disputed ones are left alone. Works in 2000-2001 as the other sweeps.
/// </summary>
[Collection(nameof(Sweeps))]
public sealed class RecommendationReminderTests(AppHosts hosts)
{
    [Theory, DatabaseData]
    public async Task Sweep_DueSoonAndOverdue_NotifyTheAddresseesUsersOnce(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var (addressee, addresseeCode, _) = await app.CreateAgencyAsync();
        var (_, otherCode, _) = await app.CreateAgencyAsync();
        var (officer, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: addresseeCode);
        var (outsider, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: otherCode);
        var health = await app.AgencyIdAsync("92.SYT");
        var unit = await admin.CreateUnitAsync(UnitsClient.Body(Unique.Token(), "NH", health).With("sector", "health"));
        var inspection = await admin.CreateInspectionAsync(InspectionsClient.Inspection(token, health, unit.Id)
            .With("decision", new System.Text.Json.Nodes.JsonObject { ["number"] = $"{token}/QĐ", ["date"] = "2000-06-01", ["issuer"] = "Chánh Thanh tra" })
            .With("resultsReportOn", null));
        var conclusion = InspectionsClient.Conclusion(token, unit.Id, addressee, new DateOnly(2001, 1, 15))
            .With("date", "2000-12-01").With("publishedOn", null).With("draftAssignedOn", null).With("draftReceivedOn", null);
        var recommendations = (System.Text.Json.Nodes.JsonArray)conclusion["findings"]![0]!["recommendations"]!;
        recommendations.Add(InspectionsClient.Recommendation(token, addressee, new DateOnly(2001, 1, 25)));   // within the window of 20/01
        recommendations.Add(InspectionsClient.Recommendation(token, addressee, new DateOnly(2001, 3, 31)));   // outside it
        recommendations.Add(InspectionsClient.Recommendation(token, addressee, new DateOnly(2001, 1, 10)));   // overdue but done
        var ids = (await admin.ConcludeAsync(inspection.Id, conclusion)).Findings[0].Recommendations.Select(r => r.Id).ToArray();
        await app.WithDbAsync(async (db, _) =>
        {
            // Reported done in 2000: the API takes no report after today, but none before the conclusion either.
            db.RecommendationFollowUps.Add(new RecommendationFollowUp { RecommendationId = ids[3], Date = new DateOnly(2000, 12, 20), Text = "Xong", Done = true, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });

        var first = await app.SweepAsync(new DateOnly(2001, 1, 20));
        await app.SweepAsync(new DateOnly(2001, 1, 21));
        var notices = (await officer.NotificationsAsync()).Items;

        Assert.True(first.Recommendations >= 2);
        Assert.Equal(["recommendation_due", "recommendation_due"], notices.Select(n => n.Kind));
        Assert.Equal([new DateOnly(2001, 1, 15), new DateOnly(2001, 1, 25)], notices.Select(n => n.DueOn).Order());
        Assert.Contains(notices, n => n.Message.Contains("đã quá hạn", StringComparison.Ordinal));
        Assert.Empty((await outsider.NotificationsAsync()).Items);
        Assert.Equal(2, await app.WithDbAsync((db, _) => db.Notifications.CountAsync(n => ids.Contains(n.RecommendationId!.Value))));
    }
}
