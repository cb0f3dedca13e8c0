using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace SuNghiep.Web.Infrastructure;

/// <summary>
/// Refuses a request whose declared length passes its endpoint's limit before anything reads the body. Left to the
/// form reader, the anti-forgery check fails first and the user is told the form has expired; the API would answer the
/// server's English text.
/// </summary>
internal sealed class UploadLimitMiddleware(RequestDelegate next)
{
    /// <summary>Where the status page finds the limit a refused request passed, to name it.</summary>
    public const string LimitKey = "SuNghiep.UploadLimit";

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
            ?? context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        // The status page's own pass (re-executed for the 413) carries the same length and must not be refused again.
        if (limit is not { } max || context.Request.ContentLength is not { } length || length <= max
            || context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
        {
            await next(context);
            return;
        }

        context.Items[LimitKey] = max;
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = StatusCodes.Status413PayloadTooLarge, Title = TooLargeTitle, Detail = TooLargeDetail(max) },
            });
        }

        // Pages: the status page is re-executed with 413 and names the limit.
    }

    public const string TooLargeTitle = "Tệp quá lớn";

    public static string TooLargeDetail(long? max) => max is { } m
        ? $"Dữ liệu gửi lên lớn hơn giới hạn {Megabytes(m)} MB; hãy chia thành nhiều tệp nhỏ hơn."
        : "Dữ liệu gửi lên vượt quá giới hạn cho phép; hãy chia thành nhiều tệp nhỏ hơn.";

    private static string Megabytes(long bytes) => (bytes / (1024d * 1024)).ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
}
