using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Core.Rules;

namespace SuNghiep.Web.Api;

/// <summary>Query parameters and uploads read the same way by every endpoint: a bad value is reported under its name.</summary>
internal static class Requests
{
    public static int? Int(string? value, string name, List<RuleViolation> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        errors.Add(new(name, "Giá trị phải là số nguyên."));
        return null;
    }

    /// <summary>The .xlsx of a multipart "file" field, in memory (uploads are limited in size), or null when none was sent.</summary>
    public static async Task<MemoryStream?> FileAsync(HttpRequest request, CancellationToken ct)
    {
        var file = request.HasFormContentType ? (await request.ReadFormAsync(ct)).Files.GetFile("file") : null;
        if (file is null || file.Length == 0)
        {
            return null;
        }

        var stream = new MemoryStream();
        await file.CopyToAsync(stream, ct);
        stream.Position = 0;
        return stream;
    }

    public static ProblemHttpResult MissingFile() =>
        TypedResults.Problem(statusCode: 400, title: "Thiếu tệp", detail: "Gửi tệp .xlsx trong trường \"file\" (multipart/form-data).");

    public static ProblemHttpResult ImportProblems(IReadOnlyList<ImportProblem> problems) =>
        TypedResults.Problem(statusCode: 400, title: "Tệp có lỗi, chưa ghi dữ liệu nào",
            detail: $"{problems.Count} lỗi; xem \"problems\" (dòng, cột).",
            extensions: new Dictionary<string, object?> { ["problems"] = problems });
}
