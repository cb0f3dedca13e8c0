using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using SuNghiep.Core.Rules;

namespace SuNghiep.Web.Infrastructure;

public static class Problems
{
    /// <summary>503: the database cannot be reached for the moment (see ProblemExceptionHandler); the request may be sent again.</summary>
    public const string UnavailableTitle = "Cơ sở dữ liệu tạm thời không phản hồi";

    public const string UnavailableDetail = "Không kết nối được tới cơ sở dữ liệu (máy chủ đang khởi động lại hoặc quá tải). Vui lòng thử lại sau vài giây.";

    public static ValidationProblem Invalid(IEnumerable<RuleViolation> errors) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: "Dữ liệu không hợp lệ",
            detail: "Một hoặc nhiều trường không hợp lệ; xem \"errors\".");

    /// <summary>The row is visible to the caller, but the write belongs to another level (see docs/SECURITY.md).</summary>
    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Không có quyền", detail: detail);

    public static ProblemHttpResult NotFound(string title) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title);

    /// <summary>428: a write that could overwrite someone else's change must say which state it was based on.</summary>
    public static ProblemHttpResult PreconditionRequired(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status428PreconditionRequired, title: "Thiếu tiêu đề If-Match", detail: detail);

    /// <summary>412: the resource changed since the caller read it; nothing was written.</summary>
    public static ProblemHttpResult PreconditionFailed(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Dữ liệu đã được người khác thay đổi", detail: detail);

    /// <summary>409: a concurrent write touched the same data first; nothing was written.</summary>
    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Dữ liệu đã được người khác thay đổi", detail: detail);

    // The framework's own problems (malformed body, missing token, unknown route) get Vietnamese titles too.
    internal static void Localize(ProblemDetailsContext context)
    {
        var p = context.ProblemDetails;
        var generic = p.Title is null || p.Title == ReasonPhrase(p.Status);
        if (!generic)
        {
            return;
        }

        (p.Title, p.Detail) = p.Status switch
        {
            400 => ("Yêu cầu không hợp lệ", p.Detail ?? "Không đọc được nội dung yêu cầu: JSON sai cú pháp, thiếu, hoặc tham số sai kiểu."),
            401 => ("Chưa xác thực", p.Detail ?? "Cần token hợp lệ: lấy bằng POST /api/v1/auth/login rồi gửi tiêu đề Authorization: Bearer <token>."),
            403 => ("Không có quyền", p.Detail ?? "Vai trò của tài khoản không được phép thực hiện thao tác này."),
            404 => ("Không tìm thấy", p.Detail),
            405 => ("Phương thức không được hỗ trợ", p.Detail),
            413 => (UploadLimitMiddleware.TooLargeTitle, UploadLimitMiddleware.TooLargeDetail(null)),
            415 => ("Kiểu nội dung không được hỗ trợ", p.Detail ?? "Gửi nội dung JSON với Content-Type: application/json."),
            _ => (p.Title, p.Detail),
        };
    }

    private static string? ReasonPhrase(int? status) =>
        status is { } s ? Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(s) : null;
}

/// <summary>
/// The one handler for the unexpected: a malformed request becomes a 400, a database that cannot be reached for the
/// moment a 503 that says to try again, anything else a 500 without internals.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var status = exception switch
        {
            BadHttpRequestException bad => bad.StatusCode,
            System.Text.Json.JsonException => StatusCodes.Status400BadRequest,
            // Valid JSON that holds no valid text (an escaped lone surrogate, "\ud800"): the reader refuses it when asked for a string.
            InvalidOperationException when IsJsonReader(exception) => StatusCodes.Status400BadRequest,
            _ when IsDatabaseUnavailable(exception) => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status500InternalServerError,
        };
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogWarning(exception, "Database unavailable on {Path}", context.Request.Path);
            context.Response.Headers.RetryAfter = "5";
            context.Response.StatusCode = status;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                Exception = exception,
                ProblemDetails = { Status = status, Title = Problems.UnavailableTitle, Detail = Problems.UnavailableDetail },
            });
        }

        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled error on {Path}", context.Request.Path);
        }

        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = status,
                Title = status >= 500 ? "Đã có lỗi xảy ra" : status == 413 ? UploadLimitMiddleware.TooLargeTitle : "Yêu cầu không hợp lệ",
                Detail = status >= 500 ? "Lỗi đã được ghi lại; vui lòng thử lại sau."
                    // The server's own text is English and names the limit in bytes.
                    : status == 413 ? UploadLimitMiddleware.TooLargeDetail(context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()?.MaxRequestBodySize)
                    : BadJson(exception) ?? exception.Message,
            },
        });
    }

    /// <summary>
    /// The database server is down, restarting, out of connections or busy: a connection that failed or broke (the
    /// provider marks it transient), or a PostgreSQL answer of class 08 (connection), 53 (insufficient resources) or 57P
    /// (shutting down, starting up). The same request may succeed when sent again. A deadlock or serialization failure,
    /// which PostgreSQL also calls transient, is not an outage and stays with the 500s.
    /// </summary>
    private static bool IsDatabaseUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case Npgsql.PostgresException pg:
                    return pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("53", StringComparison.Ordinal)
                        || pg.SqlState.StartsWith("57P", StringComparison.Ordinal);
                case System.Data.Common.DbException { IsTransient: true }:
                    return true;
                // The server went away between two statements: the next one finds the connection broken or closed.
                case System.IO.IOException or System.Net.Sockets.SocketException:
                    return true;
                case InvalidOperationException or ObjectDisposedException when e.TargetSite?.DeclaringType?.Assembly == typeof(Npgsql.NpgsqlConnection).Assembly:
                    return true;
            }
        }

        return false;
    }

    // The framework's text for a body it could not bind is English and says nothing of where; say what was wrong instead.
    private static string? BadJson(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is InvalidOperationException && IsJsonReader(e))
            {
                return Api.JsonFields.UnreadableText;
            }

            if (e is System.Text.Json.JsonException json)
            {
                return e.InnerException is InvalidOperationException inner && IsJsonReader(inner)
                    ? Api.JsonFields.UnreadableText
                    : $"Không đọc được nội dung JSON{(json.Path is { Length: > 0 } path ? $" tại {path}" : "")}: sai cú pháp hoặc giá trị sai kiểu.";
            }
        }

        return null;
    }

    private static bool IsJsonReader(Exception exception) =>
        exception.TargetSite?.DeclaringType?.Assembly == typeof(System.Text.Json.JsonElement).Assembly;
}
