using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Plans;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Web.Infrastructure;

namespace SuNghiep.Web.Api;

public sealed record TaskImportResponse(int Imported, IReadOnlyList<int> TaskIds);

/// <summary>A task assignment table (biểu phân công nhiệm vụ) loaded from .xlsx into a document in one go.</summary>
public static class TaskImportApi
{
    public const string TemplateName = "mau-bieu-phan-cong-nhiem-vu.xlsx";

    public static void Map(RouteGroupBuilder api)
    {
        var documents = api.MapGroup("/documents").WithTags("Plans");
        documents.MapGet("/task-import-template", () => TypedResults.File(TaskImport.Template(), ReorganizationsApi.XlsxType, TemplateName))
            .WithName("TaskImportTemplate").WithSummary("The .xlsx template of a task assignment table.");
        documents.MapPost("/{id:int}/tasks/import", ImportAsync).WithName("ImportTasks")
            .WithSummary("Import a task assignment table from .xlsx (multipart field \"file\"): all rows or none, problems by row and column.")
            .RequireAuthorization(WebApp.UnitCreatePolicy)
            .DescribesBody<FileUpload>("multipart/form-data")
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(ReorganizationsApi.MaxUpload));
    }

    private static async Task<Results<Ok<TaskImportResponse>, ProblemHttpResult>> ImportAsync(
        int id, HttpRequest request, SuNghiepDbContext db, PlanService service, TimeProvider time, SheetLimits limits, CancellationToken ct)
    {
        await using var stream = await Requests.FileAsync(request, ct);
        if (stream is null)
        {
            // An unknown document is a 404 even when the file is missing too.
            return !await db.Documents.AnyAsync(d => d.Id == id, ct)
                ? Problems.NotFound("Không tìm thấy văn bản.")
                : Requests.MissingFile();
        }

        var result = await new TaskImport(db, service, time, limits).ImportAsync(id, stream, ct);
        if (result.NotFound)
        {
            return Problems.NotFound("Không tìm thấy văn bản.");
        }

        if (result.Forbidden is { } refused)
        {
            return Problems.Forbidden(refused);
        }

        return result.Succeeded ? TypedResults.Ok(new TaskImportResponse(result.TaskIds.Count, result.TaskIds)) : Requests.ImportProblems(result.Problems);
    }
}
