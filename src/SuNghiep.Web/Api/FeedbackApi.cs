using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SuNghiep.Core.Oversight;
using SuNghiep.Core.Rules;
using SuNghiep.Web.Infrastructure;

namespace SuNghiep.Web.Api;

public sealed record FeedbackListResponse(IReadOnlyList<FeedbackView> Items, int Total);

public sealed record FeedbackReplyRequest(string Text);

public sealed record FeedbackPublishRequest(string? PublicText);

public sealed record FeedbackRejectRequest(string Reason);

/// <summary>
/// Citizens' feedback in the caller's scope: the unit's officers and its managing agency answer; agency roles publish
/// (without personal data) or refuse to. The contact shows only on the rows the caller may answer.
/// </summary>
public static class FeedbackApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var feedback = api.MapGroup("/feedback").WithTags("Feedback");
        feedback.MapGet("", ListAsync).WithName("ListFeedback")
            .WithSummary("Feedback on units in the caller's scope, newest first; status new, answered, published or rejected; overdue=true for late unanswered ones.");
        feedback.MapPost("/{id:int}/reply", ReplyAsync).WithName("ReplyFeedback")
            .WithSummary("Answer (or correct the answer before publication): the unit's officers or an agency role acting for its managing agency.")
            .RequireAuthorization(WebApp.UnitEditPolicy).DescribesBody<FeedbackReplyRequest>("application/json");
        feedback.MapPost("/{id:int}/publish", PublishAsync).WithName("PublishFeedback")
            .WithSummary("Publish an answered feedback on the unit's public page; publicText is the question without personal data (defaults to the text).")
            .RequireAuthorization(WebApp.UnitCreatePolicy).DescribesBody<FeedbackPublishRequest>("application/json");
        feedback.MapPost("/{id:int}/reject", RejectAsync).WithName("RejectFeedback")
            .WithSummary("Refuse to publish (abuse, not about the unit), with the reason.")
            .RequireAuthorization(WebApp.UnitCreatePolicy).DescribesBody<FeedbackRejectRequest>("application/json");
    }

    private static async Task<Results<Ok<FeedbackListResponse>, ValidationProblem>> ListAsync(
        FeedbackService service, string? status, string? q, string? overdue, string? page, string? pageSize, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        var parsed = FeedbackService.ParseStatus(status);
        if (!string.IsNullOrWhiteSpace(status) && parsed is null)
        {
            errors.Add(new("status", "Trạng thái phải là new, answered, published hoặc rejected."));
        }

        var overdueOnly = false;
        if (!string.IsNullOrWhiteSpace(overdue) && !bool.TryParse(overdue, out overdueOnly))
        {
            errors.Add(new("overdue", "Giá trị phải là true hoặc false."));
        }

        var number = Requests.Int(page, "page", errors) ?? 1;
        var size = Requests.Int(pageSize, "pageSize", errors) ?? 50;
        if (number < 1 || number > InputLimits.MaxPage)
        {
            errors.Add(new("page", InputLimits.PageMessage));
        }

        if (size is < 1 or > 500)
        {
            errors.Add(new("pageSize", "Số dòng mỗi trang phải từ 1 đến 500."));
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var (items, total) = await service.ListAsync(parsed, q, overdueOnly, number, size, ct);
        return TypedResults.Ok(new FeedbackListResponse(items, total));
    }

    private static Task<Results<Ok<FeedbackView>, ValidationProblem, ProblemHttpResult>> ReplyAsync(
        int id, HttpRequest request, FeedbackService service, CancellationToken ct) =>
        WriteAsync(request, "text", text => service.ReplyAsync(id, text, ct), ct);

    private static Task<Results<Ok<FeedbackView>, ValidationProblem, ProblemHttpResult>> PublishAsync(
        int id, HttpRequest request, FeedbackService service, CancellationToken ct) =>
        WriteAsync(request, "publicText", text => service.PublishAsync(id, text, ct), ct);

    private static Task<Results<Ok<FeedbackView>, ValidationProblem, ProblemHttpResult>> RejectAsync(
        int id, HttpRequest request, FeedbackService service, CancellationToken ct) =>
        WriteAsync(request, "reason", reason => service.RejectAsync(id, reason, ct), ct);

    /// <summary>
    /// Reads the body's one field and refuses a malformed one before anything is written. The body may be left out (a
    /// publication of the question as it was sent): the field is then missing.
    /// </summary>
    private static async Task<Results<Ok<FeedbackView>, ValidationProblem, ProblemHttpResult>> WriteAsync(
        HttpRequest request, string field, Func<string?, Task<FeedbackResult>> write, CancellationToken ct)
    {
        string? value = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            using var doc = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            var f = new JsonFields(doc.RootElement);
            if (!f.IsObject)
            {
                return Problems.Invalid([new("body", "Nội dung yêu cầu phải là một đối tượng JSON.")]);
            }

            value = f.String(field);
            if (f.Errors.Count > 0)
            {
                return Problems.Invalid(f.Errors);
            }
        }

        var result = await write(value);
        if (result.NotFound)
        {
            return Problems.NotFound("Không tìm thấy phản ánh.");
        }

        if (result.Forbidden is { } refused)
        {
            return Problems.Forbidden(refused);
        }

        return result.Value is { } view ? TypedResults.Ok(view) : Problems.Invalid(result.Errors);
    }
}
