using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;

namespace SuNghiep.Web.Api;

/// <summary>A node of the agency or area tree, with the dates it existed and what took it over.</summary>
public sealed record TreeNode(int Id, string Code, string Name, int? ParentId, string Type, DateOnly? ValidFrom, DateOnly? ValidTo, int? SuccessorId);

public sealed record CodeName(string Code, string Name);

public sealed record ReferenceResponse(
    IReadOnlyList<CodeName> Sectors, IReadOnlyList<CodeName> RoleClasses, IReadOnlyList<CodeName> Levels, IReadOnlyList<CodeName> AutonomyGroups);

public static class ReferenceApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var reference = api.MapGroup("").WithTags("Reference");
        reference.MapGet("/agencies", AgenciesAsync).WithName("ListAgencies")
            .WithSummary("The managing agencies as a tree (parentId).");
        reference.MapGet("/areas", AreasAsync).WithName("ListAreas")
            .WithSummary("Administrative areas as a tree (parentId): provinces and communes since 1/7/2025, provinces and districts before; filter with current=true or parentCode.");
        reference.MapGet("/reference", Reference).WithName("Reference")
            .WithSummary("Codes of sectors, role classes, levels and autonomy groups accepted by the unit endpoints.");
    }

    private static async Task<Ok<List<TreeNode>>> AgenciesAsync(SuNghiepDbContext db, string? search, CancellationToken ct)
    {
        var query = db.Agencies.AsNoTracking();
        foreach (var word in Core.Text.VietnameseText.Fold(search).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            query = query.Where(a => a.SearchText.Contains(word));
        }

        var items = await query.OrderBy(a => a.Path)
            .Select(a => new TreeNode(a.Id, a.Code, a.Name, a.ParentId, a.Kind.ToString(), a.ValidFrom, a.ValidTo, a.SuccessorId))
            .ToListAsync(ct);
        return TypedResults.Ok(items);
    }

    private static async Task<Ok<List<TreeNode>>> AreasAsync(SuNghiepDbContext db, bool? current, string? parentCode, CancellationToken ct)
    {
        var query = db.Areas.AsNoTracking();
        if (current == true)
        {
            query = query.Where(a => a.ValidTo == null);
        }

        if (!string.IsNullOrWhiteSpace(parentCode))
        {
            query = query.Where(a => a.Parent != null && a.Parent.Code == parentCode.Trim());
        }

        var items = await query.OrderBy(a => a.Level).ThenBy(a => a.Code).ThenBy(a => a.ValidFrom)
            .Select(a => new TreeNode(a.Id, a.Code, a.Name, a.ParentId, a.Type, a.ValidFrom, a.ValidTo, a.SuccessorId))
            .ToListAsync(ct);
        return TypedResults.Ok(items);
    }

    private static Ok<ReferenceResponse> Reference() => TypedResults.Ok(new ReferenceResponse(
        Catalog.Sectors.Select(s => new CodeName(s.Code, s.Name)).ToList(),
        Catalog.RoleClasses.Select(s => new CodeName(s.Code, s.Name)).ToList(),
        Catalog.Levels.Select(s => new CodeName(s.Code, s.Name)).ToList(),
        Catalog.AutonomyGroups.Select(s => new CodeName(s.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Name)).ToList()));
}
