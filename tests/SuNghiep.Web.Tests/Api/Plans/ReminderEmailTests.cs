using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Plans;
using SuNghiep.Web.Tests.Api.Public;

namespace SuNghiep.Web.Tests.Api.Plans;

/// <summary>
/// E-mail of reminders when SMTP is configured, against a sink on loopback that the test starts. Each sweep sends every
/// e-mail still owed, not only the test's own, so these run with the other sweeps, one at a time.
/// </summary>
[Collection(nameof(Sweeps))]
public sealed class ReminderEmailTests(AppHosts hosts)
{
    private static SmtpOptions Smtp(int port) => new() { Host = "127.0.0.1", Port = port, From = "nhacviec@test.sunghiep.vn", TimeoutSeconds = 10 };

    /// <summary>
    /// Takes the notices other tests left unsent as sent: a sweep sends every notice still owed, and thousands of them
    /// would each cross the sink. The tests here run one at a time (Sweeps), so no notice of theirs is among them.
    /// </summary>
    private static Task<int> ClearBacklogAsync(SuNghiepApp app) =>
        app.WithDbAsync((db, _) => db.Notifications.IgnoreQueryFilters().Where(n => n.EmailedAt == null)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.EmailedAt, DateTime.UtcNow)));

    private static async Task<(string Email, TaskView Task, DocumentView Document, string Token)> ScenarioAsync(SuNghiepApp app)
    {
        await ClearBacklogAsync(app);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var (lead, leadCode, _) = await app.CreateAgencyAsync();
        var email = await app.CreateUserAsync(Roles.AgencyOfficer, agency: leadCode);
        var document = await admin.CreateDocument2001Async(token, null, app);
        var task = await admin.AddTaskAsync(document.Id, PlansClient.Task($"Rà soát {token}", lead, new DateOnly(2001, 3, 15)));
        return (email, task, document, token);
    }

    private static Task<DateTime?> EmailedAtAsync(SuNghiepApp app, int taskId) =>
        app.WithDbAsync((db, _) => db.Notifications.Where(n => n.TaskId == taskId).Select(n => n.EmailedAt).SingleAsync());

    [Theory, DatabaseData]
    public async Task Sweep_WithSmtp_EmailsEachNewNotificationOnce(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (email, task, document, token) = await ScenarioAsync(app);
        await using var sink = new SmtpSink();

        var result = await app.SweepAsync(new DateOnly(2001, 3, 10), Smtp(sink.Port));
        await app.SweepAsync(new DateOnly(2001, 3, 11), Smtp(sink.Port));

        var mail = Assert.Single(sink.Messages, m => m.To.Contains(email));
        Assert.Equal("nhacviec@test.sunghiep.vn", mail.From);
        Assert.Equal($"[SuNghiep] Nhiệm vụ sắp đến hạn ({document.Number})", mail.Subject);
        Assert.Contains($"Nhiệm vụ \"Rà soát {token}\" (văn bản {document.Number}) đến hạn ngày 15/03/2001.", mail.Body, StringComparison.Ordinal);
        Assert.Contains($"/tasks/{task.Id}", mail.Body, StringComparison.Ordinal);
        Assert.True(result.Emailed >= 1, $"the sweep reports {result.Emailed} e-mails");
        Assert.NotNull(await EmailedAtAsync(app, task.Id));
    }

    [Theory, DatabaseData]
    public async Task Sweep_DeadSmtpPort_LeavesEmailedAtNullAndALaterSweepSendsIt(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (email, task, _, _) = await ScenarioAsync(app);

        var failed = await app.SweepAsync(new DateOnly(2001, 3, 10), Smtp(SmtpSink.DeadPort()));
        var emailedAfterFailure = await EmailedAtAsync(app, task.Id);
        await using var sink = new SmtpSink();
        await app.SweepAsync(new DateOnly(2001, 3, 10), Smtp(sink.Port));

        Assert.True(failed.DueSoon >= 1, $"the sweep reports {failed.DueSoon} notices due soon");
        Assert.True(failed.EmailFailed >= 1 && failed.Emailed == 0, $"sent {failed.Emailed}, failed {failed.EmailFailed}");
        Assert.Null(emailedAfterFailure);
        Assert.Single(sink.Messages, m => m.To.Contains(email));
        Assert.NotNull(await EmailedAtAsync(app, task.Id));
    }

    [Theory, DatabaseData]
    public async Task Sweep_WithSmtp_FeedbackDueSoon_EmailsTheUnitsOfficerALinkToTheFeedback(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var token = Unique.Token();
        var unit = await PublicClient.CreateUnitAsync(app, token);
        var officer = await app.CreateUserAsync(Roles.UnitOfficer, unit: unit.Code);
        var (feedback, _) = await app.Client().SubmitAsync(unit.Code, PublicClient.Feedback($"Hỏi {token}"));
        await app.WithDbAsync(async (db, _) =>
        {
            var row = await db.Feedback.SingleAsync(f => f.Id == feedback);
            row.DueOn = new DateOnly(2001, 3, 12);
            await db.SaveChangesAsync();
        });
        await ClearBacklogAsync(app);
        await using var sink = new SmtpSink();

        await app.SweepAsync(new DateOnly(2001, 3, 10), Smtp(sink.Port));

        var mail = Assert.Single(sink.Messages, m => m.To.Contains(officer));
        Assert.Equal("[SuNghiep] Phản ánh của người dân sắp đến hạn trả lời", mail.Subject);
        Assert.Contains($"Phản ánh số {feedback} của người dân về {unit.Name} đến hạn trả lời ngày 12/03/2001.", mail.Body, StringComparison.Ordinal);
        Assert.Contains($"/feedback/{feedback}", mail.Body, StringComparison.Ordinal);
    }
}
