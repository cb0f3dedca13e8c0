using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Plans;
using SuNghiep.Web.Tests.Api.Plans;

namespace SuNghiep.Web.Tests.Api.Public;

/// <summary>Feedback from a unit's public page to its answer and publication, by role and scope, and the contact's life.</summary>
[Collection(nameof(Sweeps))]
public sealed class FeedbackFlowTests(AppHosts hosts)
{
    [Theory, DatabaseData]
    public async Task Submit_BadInput_Returns400OnEachField(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var unit = await PublicClient.CreateUnitAsync(app, Unique.Token());
        var anonymous = app.Client();

        using var noConsent = await anonymous.SendFeedbackAsync(unit.Code, PublicClient.Feedback("Nội dung đủ dài để gửi", "a@b.vn", consent: false));
        using var shortText = await anonymous.SendFeedbackAsync(unit.Code, PublicClient.Feedback("Ngắn"));
        using var longTopic = await anonymous.SendFeedbackAsync(unit.Code, PublicClient.Feedback("Nội dung đủ dài để gửi").With("topic", new string('x', 101)));
        using var badContact = await anonymous.SendFeedbackAsync(unit.Code, PublicClient.Feedback("Nội dung đủ dài để gửi", "không phải liên hệ", consent: true));
        using var unknown = await anonymous.SendFeedbackAsync("khong-co-don-vi-nay", PublicClient.Feedback("Nội dung đủ dài để gửi"));

        Assert.Equal(["consent"], (await noConsent.ValidationErrorsAsync()).Keys);
        Assert.Equal(["text"], (await shortText.ValidationErrorsAsync()).Keys);
        Assert.Equal(["topic"], (await longTopic.ValidationErrorsAsync()).Keys);
        Assert.Equal(["contact"], (await badContact.ValidationErrorsAsync()).Keys);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var stored = await app.WithDbAsync((db, _) => db.Feedback.CountAsync(f => f.UnitId == unit.Id));
        Assert.Equal(0, stored);
    }

    [Theory, DatabaseData]
    public async Task Publish_NoBody_PublishesTheQuestionAsSent_AMalformedFieldPublishesNothing(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var token = Unique.Token();
        var unit = await PublicClient.CreateUnitAsync(app, token);
        var anonymous = app.Client();
        var (first, _) = await anonymous.SubmitAsync(unit.Code, PublicClient.Feedback($"Bãi xe chật {token}"));
        var (second, _) = await anonymous.SubmitAsync(unit.Code, PublicClient.Feedback($"Thiếu ghế chờ {token}"));
        var (officer, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: "92.SYT");
        foreach (var id in new[] { first, second })
        {
            using var replied = await officer.PostJsonAsync($"/api/v1/feedback/{id}/reply", new JsonObject { ["text"] = $"Đã xử lý {token}" });
            Assert.Equal(HttpStatusCode.OK, replied.StatusCode);
        }

        using var bare = await officer.PostAsync($"/api/v1/feedback/{first}/publish", null);
        using var malformed = await officer.PostJsonAsync($"/api/v1/feedback/{second}/publish", new JsonObject { ["publicText"] = new JsonArray(1) });
        var rows = await app.WithDbAsync((db, _) => db.Feedback.AsNoTracking().Where(f => f.UnitId == unit.Id)
            .OrderBy(f => f.Id).Select(f => new { f.Status, f.PublicText }).ToListAsync());

        Assert.Equal(HttpStatusCode.OK, bare.StatusCode);
        Assert.Equal(["publicText"], (await malformed.ValidationErrorsAsync()).Keys);
        Assert.Equal((FeedbackStatus.Published, $"Bãi xe chật {token}"), (rows[0].Status, rows[0].PublicText));
        Assert.Equal((FeedbackStatus.Answered, (string?)null), (rows[1].Status, rows[1].PublicText));
    }

    [Theory, DatabaseData]
    public async Task ReplyPublishReject_ByRole_FollowScopeAndOrder(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var token = Unique.Token();
        var unit = await PublicClient.CreateUnitAsync(app, token);
        var anonymous = app.Client();
        var (id, _) = await anonymous.SubmitAsync(unit.Code, PublicClient.Feedback($"Phòng chờ quá nóng {token}", "0912 345 678", consent: true));
        var (other, _) = await anonymous.SubmitAsync(unit.Code, PublicClient.Feedback($"Lời lẽ không phù hợp {token}"));
        var unitOfficer = app.ClientWithToken(await app.TokenAsync(await app.CreateUserAsync(Roles.UnitOfficer, unit: unit.Code), SuNghiepApp.Password));
        var (agencyOfficer, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: "92.SYT");
        var (otherAgency, _) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: "92.SGDDT");
        var (viewer, _) = await app.SignInAsNewUserAsync(Roles.Viewer, agency: "92.SYT");

        using var publishEarly = await agencyOfficer.PostJsonAsync($"/api/v1/feedback/{id}/publish", new JsonObject());
        using var viewerReply = await viewer.PostJsonAsync($"/api/v1/feedback/{id}/reply", new JsonObject { ["text"] = "Người xem trả lời" });
        using var outOfScope = await otherAgency.PostJsonAsync($"/api/v1/feedback/{id}/reply", new JsonObject { ["text"] = "Cơ quan khác trả lời" });
        using var reply = await unitOfficer.PostJsonAsync($"/api/v1/feedback/{id}/reply", new JsonObject { ["text"] = $"Đã lắp thêm quạt {token}" });
        using var unitPublish = await unitOfficer.PostJsonAsync($"/api/v1/feedback/{id}/publish", new JsonObject());
        using var publish = await agencyOfficer.PostJsonAsync($"/api/v1/feedback/{id}/publish", new JsonObject { ["publicText"] = $"Phòng chờ nóng {token}" });
        using var reject = await agencyOfficer.PostJsonAsync($"/api/v1/feedback/{other}/reject", new JsonObject { ["reason"] = "Lời lẽ xúc phạm" });
        var viewerList = await viewer.GetFromJsonAsync<JsonObject>($"/api/v1/feedback?q={token}");
        var agencyList = await agencyOfficer.GetFromJsonAsync<JsonObject>($"/api/v1/feedback?q={token}&status=published");
        var otherList = await otherAgency.GetFromJsonAsync<JsonObject>($"/api/v1/feedback?q={token}");
        var shown = await anonymous.GetFromJsonAsync<JsonObject>($"/api/v1/public/units/{unit.Code}");

        Assert.Equal(["status"], (await publishEarly.ValidationErrorsAsync()).Keys);
        Assert.Equal(HttpStatusCode.Forbidden, viewerReply.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outOfScope.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unitPublish.StatusCode);
        Assert.Equal(HttpStatusCode.OK, publish.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reject.StatusCode);
        Assert.Equal(2, (int)viewerList!["total"]!);
        Assert.All(viewerList["items"]!.AsArray(), i => Assert.Null(i!["contact"]));
        var published = Assert.Single(agencyList!["items"]!.AsArray());
        Assert.Equal(("0912 345 678", "published"), ((string?)published!["contact"], (string?)published["status"]));
        Assert.Equal(0, (int)otherList!["total"]!);
        var feedback = Assert.Single(shown!["feedback"]!.AsArray());
        Assert.Equal(($"Phòng chờ nóng {token}", $"Đã lắp thêm quạt {token}"), ((string?)feedback!["question"], (string?)feedback["reply"]));
    }

    [Theory, DatabaseData]
    public async Task Withdraw_ThroughTheLink_ErasesTheContactAtOnceAndKeepsTheQuestion(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var token = Unique.Token();
        var unit = await PublicClient.CreateUnitAsync(app, token);
        var anonymous = app.Client();
        var (id, url) = await anonymous.SubmitAsync(unit.Code, PublicClient.Feedback($"Xin hỏi lịch tiêm {token}", $"{token}@mail.vn", consent: true));
        var (withoutContact, noUrl) = await anonymous.SubmitAsync(unit.Code, PublicClient.Feedback($"Không để lại liên hệ {token}"));

        var confirm = new HtmlParser().ParseDocument(await anonymous.GetStringAsync(url));
        var before = await PublicClient.FeedbackRowAsync(app, id);
        using var post = await anonymous.PostAsync(url, new FormUrlEncodedContent([]));
        var after = await PublicClient.FeedbackRowAsync(app, id);
        using var again = await anonymous.GetAsync(url);

        Assert.Null(noUrl);
        Assert.NotNull(confirm.QuerySelector("[data-testid=withdraw-confirm]"));
        Assert.Equal(($"{token}@mail.vn", true), (before!.Contact, before.Consent));
        Assert.Equal(FeedbackHash(url!), before.WithdrawTokenHash);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal((null, false, "withdrawn", $"Xin hỏi lịch tiêm {token}"), (after!.Contact, after.Consent, after.ErasedReason, after.Text));
        Assert.Null(after.WithdrawTokenHash);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Null((await PublicClient.FeedbackRowAsync(app, withoutContact))!.Contact);
    }

    private static string FeedbackHash(string url) => Core.Oversight.FeedbackService.Hash(url.Split('/').Last());

    [Theory, DatabaseData]
    public async Task Sweep_AfterTheRetentionDays_ErasesOldContactsAndRemindsThoseWhoAnswer(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var token = Unique.Token();
        var unit = await PublicClient.CreateUnitAsync(app, token);
        var anonymous = app.Client();
        var (old, _) = await anonymous.SubmitAsync(unit.Code, PublicClient.Feedback($"Câu hỏi cũ {token}", $"{token}@cu.vn", consent: true));
        var officerEmail = await app.CreateUserAsync(Roles.UnitOfficer, unit: unit.Code);
        var row = await PublicClient.FeedbackRowAsync(app, old);
        // The sweep runs on a clock 91 days later (the default retention is 90 days), past the answer deadline.
        var later = new StillClock(new DateTimeOffset(DateTime.SpecifyKind(row!.ReceivedAt, DateTimeKind.Utc)).AddDays(91));
        var (fresh, _) = await anonymous.SubmitAsync(unit.Code, PublicClient.Feedback($"Câu hỏi mới {token}", $"{token}@moi.vn", consent: true));
        await app.WithDbAsync(async (db, _) =>
        {
            var f = await db.Feedback.SingleAsync(x => x.Id == fresh);
            f.ReceivedAt = later.GetUtcNow().UtcDateTime.AddDays(-1);
            await db.SaveChangesAsync();
        });

        var result = await app.WithDbAsync((db, services) => ActivatorUtilities.CreateInstance<ReminderService>(services, (TimeProvider)later)
            .SweepAsync(Core.VietnamTime.Today(later)));
        var erased = await PublicClient.FeedbackRowAsync(app, old);
        var kept = await PublicClient.FeedbackRowAsync(app, fresh);
        var notices = await app.WithDbAsync((db, _) => db.Notifications.IgnoreQueryFilters().AsNoTracking()
            .Where(n => n.FeedbackId == old && n.User!.Email == officerEmail).Select(n => n.Kind).ToListAsync());
        var audit = await app.WithDbAsync((db, _) => db.AuditEntries.AsNoTracking()
            .CountAsync(a => (a.Before != null && a.Before.Contains(token + "@")) || (a.After != null && a.After.Contains(token + "@"))));
        var audited = await app.WithDbAsync((db, _) => db.AuditEntries.AsNoTracking().CountAsync(a => a.EntityType == Core.Auditing.AuditLabels.TrailName(typeof(Feedback)) && a.EntityId == old.ToString()));

        Assert.True(result.ContactsErased >= 1, "nothing erased");
        Assert.Equal((null, "retention", $"Câu hỏi cũ {token}"), (erased!.Contact, erased.ErasedReason, erased.Text));
        Assert.Equal($"{token}@moi.vn", kept!.Contact);
        Assert.Equal([NotificationKind.FeedbackLate], notices);
        Assert.Equal(0, audit);
        Assert.True(audited >= 2, "the feedback's creation and erasure were not audited");
    }

    private sealed class StillClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
