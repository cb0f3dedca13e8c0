using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SuNghiep.Core.Plans;
using SuNghiep.Core.Reporting;
using SuNghiep.Web.Infrastructure;

namespace SuNghiep.Web.Api;

/// <summary>Files of a periodic report: listed and downloaded within the report's scope, added and removed by its reporter while it is with them.</summary>
public static class ReportAttachmentsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var perFile = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<IConfiguration>().GetValue("Attachments:MaxBytes", AttachmentChecks.DefaultMaxBytes);
        var requestLimit = AttachmentChecks.RequestLimit(perFile);

        var group = api.MapGroup("/reports/{id:int}/attachments").WithTags("Reports");
        group.MapGet("", ListAsync).WithName("ListReportAttachments")
            .WithSummary("The files attached to a report the caller's scope reaches.");
        group.MapPost("", AddAsync).WithName("AddReportAttachments")
            .WithSummary($"Attach files to a report while it is a draft or returned (multipart field \"files\", at most {AttachmentChecks.MaxFiles} files "
                + "of pdf, doc, docx, xls, xlsx, odt, ods, txt, jpg, jpeg, png or zip); by its reporter only.")
            .RequireAuthorization(WebApp.UnitCreatePolicy)
            .DescribesBody<FilesUpload>("multipart/form-data")
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(requestLimit))
            .WithFormOptions(multipartBodyLengthLimit: requestLimit)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{fileId:int}", DownloadAsync).WithName("DownloadReportAttachment")
            .WithSummary("A report's file, as an attachment under its original name.");
        group.MapDelete("/{fileId:int}", RemoveAsync).WithName("RemoveReportAttachment")
            .WithSummary("Remove a file from a report while it is a draft or returned; by its reporter only.")
            .RequireAuthorization(WebApp.UnitCreatePolicy)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<IReadOnlyList<AttachmentView>>, ProblemHttpResult>> ListAsync(
        int id, ReportAttachmentService service, CancellationToken ct) =>
        await service.ListAsync(id, ct) is { } list ? TypedResults.Ok(list) : Problems.NotFound("Không tìm thấy báo cáo");

    private static async Task<Results<Created<IReadOnlyList<AttachmentView>>, ValidationProblem, ProblemHttpResult>> AddAsync(
        int id, HttpRequest request, ReportAttachmentService service, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Thiếu tệp",
                detail: $"Gửi tệp trong trường \"{AttachmentChecks.Field}\" (multipart/form-data), một hoặc nhiều tệp.");
        }

        var (files, tooLarge) = await AttachmentsApi.FilesAsync(request, AttachmentChecks.Field, ct);
        if (tooLarge is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: UploadLimitMiddleware.TooLargeTitle, detail: tooLarge);
        }

        var (outcome, added) = await service.AddAsync(id, files, ct);
        if (ReportsApi.Problem(outcome) is { } problem)
        {
            return problem;
        }

        return added is not null ? TypedResults.Created($"/api/v1/reports/{id}/attachments", added) : Problems.Invalid(outcome.Errors!);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(
        int id, int fileId, ReportAttachmentService service, HttpResponse response, CancellationToken ct)
    {
        if (await service.GetAsync(id, fileId, ct) is not { } file)
        {
            return Problems.NotFound(ReportAttachmentService.FileMissing);
        }

        AttachmentsApi.Protect(response);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        int id, int fileId, ReportAttachmentService service, CancellationToken ct)
    {
        var outcome = await service.RemoveAsync(id, fileId, ct);
        if (outcome.Kind == Outcome.NotFound && outcome.Detail is { } detail)
        {
            return Problems.NotFound(detail);
        }

        return ReportsApi.Problem(outcome) is { } problem ? problem : TypedResults.NoContent();
    }
}
