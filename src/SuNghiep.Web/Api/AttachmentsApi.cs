using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SuNghiep.Core.Plans;
using SuNghiep.Web.Infrastructure;

namespace SuNghiep.Web.Api;

/// <summary>Files attached to documents and to progress reports: listed, uploaded (multipart field "files"), downloaded.</summary>
public static class AttachmentsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        // The whole request may carry the maximum number of files at the maximum size each, and no more.
        var perFile = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<IConfiguration>().GetValue("Attachments:MaxBytes", AttachmentChecks.DefaultMaxBytes);
        var requestLimit = AttachmentChecks.RequestLimit(perFile);

        var group = api.MapGroup("").WithTags("Attachments");
        group.MapGet("/documents/{id:int}/attachments", ListForDocumentAsync).WithName("ListDocumentAttachments")
            .WithSummary("The files attached to a document (its signed scan, annexes).");
        group.MapPost("/documents/{id:int}/attachments", AddToDocumentAsync).WithName("AddDocumentAttachments")
            .WithSummary($"Attach files to a document: multipart field \"files\", at most {AttachmentChecks.MaxFiles} files of pdf, doc, docx, xls, xlsx, odt, ods, txt, jpg, jpeg, png or zip.")
            .RequireAuthorization(WebApp.UnitCreatePolicy)
            .DescribesBody<FilesUpload>("multipart/form-data")
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(requestLimit))
            .WithFormOptions(multipartBodyLengthLimit: requestLimit);
        group.MapGet("/tasks/{taskId:int}/progress/{progressId:int}/attachments", ListForProgressAsync).WithName("ListProgressAttachments")
            .WithSummary("The files attached to a progress report of a task in the caller's scope.");
        group.MapPost("/tasks/{taskId:int}/progress/{progressId:int}/attachments", AddToProgressAsync).WithName("AddProgressAttachments")
            .WithSummary("Attach files to a progress report (multipart field \"files\"), on a task in the caller's scope.")
            .RequireAuthorization(WebApp.UnitEditPolicy)
            .DescribesBody<FilesUpload>("multipart/form-data")
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(requestLimit))
            .WithFormOptions(multipartBodyLengthLimit: requestLimit);
        group.MapGet("/attachments/{id:int}", DownloadAsync).WithName("DownloadAttachment")
            .WithSummary("The file's bytes, as an attachment under its original name. A progress report's file only on a task in the caller's scope.");
    }

    private static async Task<Results<Ok<IReadOnlyList<AttachmentView>>, ProblemHttpResult>> ListForDocumentAsync(int id, AttachmentService service, CancellationToken ct) =>
        await service.ForDocumentAsync(id, ct) is { } list ? TypedResults.Ok(list) : Problems.NotFound("Không tìm thấy văn bản.");

    private static async Task<Results<Ok<IReadOnlyList<AttachmentView>>, ProblemHttpResult>> ListForProgressAsync(
        int taskId, int progressId, AttachmentService service, CancellationToken ct) =>
        await service.ForProgressAsync(taskId, progressId, ct) is { } list ? TypedResults.Ok(list) : Problems.NotFound("Không tìm thấy báo cáo tiến độ.");

    private static async Task<Results<Created<IReadOnlyList<AttachmentView>>, ValidationProblem, ProblemHttpResult>> AddToDocumentAsync(
        int id, HttpRequest request, AttachmentService service, CancellationToken ct)
    {
        var (files, problem) = await ReadAsync(request, ct);
        if (problem is not null)
        {
            return problem;
        }

        var result = await service.AddToDocumentAsync(id, files, ct);
        if (result.NotFound)
        {
            return Problems.NotFound("Không tìm thấy văn bản.");
        }

        if (result.Forbidden is { } refused)
        {
            return Problems.Forbidden(refused);
        }

        return result.Value is { } added ? TypedResults.Created($"/api/v1/documents/{id}/attachments", added) : Problems.Invalid(result.Errors);
    }

    private static async Task<Results<Created<IReadOnlyList<AttachmentView>>, ValidationProblem, ProblemHttpResult>> AddToProgressAsync(
        int taskId, int progressId, HttpRequest request, AttachmentService service, CancellationToken ct)
    {
        var (files, problem) = await ReadAsync(request, ct);
        if (problem is not null)
        {
            return problem;
        }

        var result = await service.AddToProgressAsync(taskId, progressId, files, ct);
        if (result.NotFound)
        {
            return Problems.NotFound("Không tìm thấy báo cáo tiến độ.");
        }

        return result.Value is { } added
            ? TypedResults.Created($"/api/v1/tasks/{taskId}/progress/{progressId}/attachments", added)
            : Problems.Invalid(result.Errors);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(
        int id, AttachmentService service, HttpResponse response, CancellationToken ct)
    {
        if (await service.GetAsync(id, ct) is not { } file)
        {
            return Problems.NotFound("Không tìm thấy tệp.");
        }

        Protect(response);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>An uploaded file is never run as a page of the site: it is saved (attachment), its type taken as given.</summary>
    internal static void Protect(HttpResponse response)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, no-store";
    }

    /// <summary>
    /// The files of a multipart field. A request over the size limit is refused by the server while the form is read;
    /// that refusal becomes a Vietnamese message rather than an error.
    /// </summary>
    internal static async Task<(IReadOnlyList<UploadedFile> Files, string? Error)> FilesAsync(HttpRequest request, string field, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return ([], null);
        }

        try
        {
            var form = await request.ReadFormAsync(ct);
            // A file input left empty sends a nameless, empty part: no file was chosen.
            return (form.Files.GetFiles(field).Where(f => f.FileName.Length > 0 || f.Length > 0)
                .Select(f => new UploadedFile(f.FileName, f.Length, f.OpenReadStream)).ToList(), null);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return ([], $"Dung lượng gửi lên vượt giới hạn cho phép (tối đa {AttachmentChecks.MaxFiles} tệp mỗi lần); hãy gửi tệp nhỏ hơn hoặc ít tệp hơn.");
        }
    }

    private static async Task<(IReadOnlyList<UploadedFile> Files, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return ([], TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Thiếu tệp",
                detail: $"Gửi tệp trong trường \"{AttachmentChecks.Field}\" (multipart/form-data), một hoặc nhiều tệp."));
        }

        var (files, error) = await FilesAsync(request, AttachmentChecks.Field, ct);
        return error is null
            ? (files, null)
            : ([], TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Tệp quá lớn", detail: error));
    }
}
