using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Plans;
using SuNghiep.Web.Api;

namespace SuNghiep.Web.Tests.Api.Plans;

/// <summary>
/// The tests that sweep. A sweep reads every open task of the database and one on a later date makes every earlier
/// task late, so they run one after another; each works in 2001, before any other test's tasks were assigned (sweeps
/// leave out tasks assigned after their date), and in agencies of its own, so that its users hear of its tasks only.
/// The few that sweep on today's date or later run here too: a sweep e-mails every notice still owed, so one of theirs
/// running beside an e-mail test would add a second e-mail to that test's user.
/// </summary>
[CollectionDefinition(nameof(Sweeps))]
public sealed class Sweeps;

/// <summary>Helpers for the tests in <see cref="Sweeps"/>.</summary>
internal static class RemindersClient
{
    /// <summary>A department of the demo province made for one test, beside Sở Y tế; returns its id, code and name.</summary>
    public static async Task<(int Id, string Code, string Name)> CreateAgencyAsync(this SuNghiepApp app)
    {
        var token = Unique.Token();
        return await app.WithDbAsync(async (db, _) =>
        {
            var sibling = await db.Agencies.SingleAsync(a => a.Code == "92.SYT");
            var parentPath = await db.Agencies.Where(a => a.Id == sibling.ParentId).Select(a => a.Path).SingleOrDefaultAsync() ?? "/";
            var agency = new Agency
            {
                Code = "92." + token.ToUpperInvariant(), Name = "Sở " + Unique.Name(token), Kind = sibling.Kind, LevelCode = sibling.LevelCode,
                AreaId = sibling.AreaId, ParentId = sibling.ParentId,
            };
            db.Agencies.Add(agency);
            await db.SaveChangesAsync();
            agency.Path = agency.LineagePath = $"{parentPath}{agency.Id}/";
            await db.SaveChangesAsync();
            return (agency.Id, agency.Code, agency.Name);
        });
    }

    /// <summary>A document issued on 10/01/2001, so that its tasks are assigned then.</summary>
    public static async Task<DocumentView> CreateDocument2001Async(this HttpClient admin, string token, int? issuerAgencyId, SuNghiepApp app)
    {
        var document = await admin.CreateDocumentAsync(PlansClient.Document(token, "2001-01-10"));
        if (issuerAgencyId is { } issuer)
        {
            // The API does not take the issuing agency; the seeded documents carry it.
            await app.WithDbAsync(async (db, _) =>
            {
                await db.Documents.Where(d => d.Id == document.Id).ExecuteUpdateAsync(d => d.SetProperty(x => x.IssuerAgencyId, issuer));
            });
        }

        return document;
    }

    /// <summary>Runs a sweep as the worker does, through the app's own service; with SMTP options, through a service that uses them.</summary>
    public static Task<SweepResult> SweepAsync(this SuNghiepApp app, DateOnly date, SmtpOptions? smtp = null) =>
        app.WithDbAsync((_, services) =>
        {
            var service = smtp is null
                ? services.GetRequiredService<ReminderService>()
                : ActivatorUtilities.CreateInstance<ReminderService>(services, Options.Create(smtp));
            return service.SweepAsync(date);
        });

    public static async Task<NotificationListResponse> NotificationsAsync(this HttpClient client, string query = "")
    {
        using var response = await client.GetAsync($"/api/v1/notifications?{query}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"answered {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<NotificationListResponse>(text, UnitsClient.Json)!;
    }

    public static Task<int> CountForTaskAsync(this SuNghiepApp app, int taskId) =>
        app.WithDbAsync((db, _) => db.Notifications.CountAsync(n => n.TaskId == taskId));
}
