using Microsoft.AspNetCore.Http.HttpResults;
using SuNghiep.Core.Data;
using SuNghiep.Core.Rules;
using SuNghiep.Web.Infrastructure;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Api;

/// <summary>An area in the picker: its code (the value filters take), its full name and a line that tells it apart.</summary>
public sealed record AreaLookupItem(string Code, string Name, string Detail);

/// <summary>An agency in the picker: its id (the value filters take), its name and its code with its area.</summary>
public sealed record AgencyLookupItem(int Id, string Name, string Detail);

/// <summary>A unit in the picker: its code (the value forms take), its name, and its code with its area and managing agency.</summary>
public sealed record UnitLookupItem(string Code, string Name, string Detail);

/// <summary>A plan task in the picker: its id (the value forms take), its content shortened, and its document and lead agency.</summary>
public sealed record TaskLookupItem(int Id, string Name, string Detail);

public sealed record LookupResponse<T>(IReadOnlyList<T> Items);

/// <summary>The pickers of the filters and forms: at most 20 areas, agencies or units of the caller's scope by folded name or code.</summary>
public static class LookupApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var lookup = api.MapGroup("/lookup").WithTags("Reference");
        lookup.MapGet("/areas", AreasAsync).WithName("LookupAreas")
            .WithSummary("Find at most 20 areas of the caller's scope by name or code, accent-insensitive, on a date (today's map by default).");
        lookup.MapGet("/agencies", AgenciesAsync).WithName("LookupAgencies")
            .WithSummary("Find at most 20 agencies of the caller's scope by name or code, accent-insensitive; purpose=task-lead or task-coordinator: those a task may name; purpose=competent: any still in existence in the country, for a competent or receiving body.");
        lookup.MapGet("/units", UnitsAsync).WithName("LookupUnits")
            .WithSummary("Find at most 20 units of the caller's scope in operation today by name or code, accent-insensitive.");
        lookup.MapGet("/tasks", TasksAsync).WithName("LookupTasks")
            .WithSummary("Find at most 20 plan tasks of the caller's scope by words of their content or their document's number, accent-insensitive, latest documents first.");
    }

    /// <summary>
    /// The same lookups for the pages' pickers, on the signed-in session: the API takes only bearer tokens, and the
    /// pages' script has none. Reads only, outside the API's contract.
    /// </summary>
    public static void MapForPages(IEndpointRouteBuilder app)
    {
        var lookup = app.MapGroup("/lookup").RequireAuthorization().ExcludeFromDescription();
        lookup.MapGet("/areas", AreasAsync);
        lookup.MapGet("/agencies", AgenciesAsync);
        lookup.MapGet("/units", UnitsAsync);
        lookup.MapGet("/tasks", TasksAsync);
    }

    private static async Task<Results<Ok<LookupResponse<AreaLookupItem>>, ValidationProblem>> AreasAsync(
        SuNghiepDbContext db, string? q, string? on, CancellationToken ct)
    {
        var errors = Pickers.Validate(q).ToList();
        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(on))
        {
            if (Display.TryParseDate(on, out var d) && InputLimits.IsPlausible(d))
            {
                date = d;
            }
            else
            {
                errors.Add(new("on", InputLimits.DateMessage));
            }
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var items = await Pickers.AreasAsync(db, q!, date, ct);
        return TypedResults.Ok(new LookupResponse<AreaLookupItem>(items.Select(i => new AreaLookupItem(i.Value, i.Name, i.Detail)).ToList()));
    }

    /// <param name="purpose">task-lead or task-coordinator: the agencies still in existence that a task may name; competent: any still in existence.</param>
    private static async Task<Results<Ok<LookupResponse<AgencyLookupItem>>, ValidationProblem>> AgenciesAsync(
        SuNghiepDbContext db, TimeProvider time, string? q, string? purpose, CancellationToken ct)
    {
        var errors = Pickers.Validate(q).ToList();
        if (purpose is not (null or "" or "task-lead" or "task-coordinator" or "competent"))
        {
            errors.Add(new("purpose", "Tham số purpose chỉ nhận task-lead, task-coordinator hoặc competent."));
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var task = purpose switch
        {
            "task-lead" or "task-coordinator" => new AgencyChoice(purpose == "task-coordinator", Core.VietnamTime.Today(time)),
            "competent" => new AgencyChoice(false, Core.VietnamTime.Today(time), Everywhere: true),
            _ => null,
        };
        var items = await Pickers.AgenciesAsync(db, q!, ct, task);
        return TypedResults.Ok(new LookupResponse<AgencyLookupItem>(
            items.Select(i => new AgencyLookupItem(int.Parse(i.Value, System.Globalization.CultureInfo.InvariantCulture), i.Name, i.Detail)).ToList()));
    }

    private static async Task<Results<Ok<LookupResponse<UnitLookupItem>>, ValidationProblem>> UnitsAsync(
        SuNghiepDbContext db, TimeProvider time, string? q, CancellationToken ct)
    {
        var errors = Pickers.Validate(q);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var items = await Pickers.UnitsAsync(db, q!, Core.VietnamTime.Today(time), ct);
        return TypedResults.Ok(new LookupResponse<UnitLookupItem>(items.Select(i => new UnitLookupItem(i.Value, i.Name, i.Detail)).ToList()));
    }

    private static async Task<Results<Ok<LookupResponse<TaskLookupItem>>, ValidationProblem>> TasksAsync(SuNghiepDbContext db, string? q, CancellationToken ct)
    {
        var errors = Pickers.Validate(q);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var items = await TaskPicker.TasksAsync(db, q!, ct);
        return TypedResults.Ok(new LookupResponse<TaskLookupItem>(
            items.Select(i => new TaskLookupItem(int.Parse(i.Value, System.Globalization.CultureInfo.InvariantCulture), i.Name, i.Detail)).ToList()));
    }
}
