using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Core.Resources;
using SuNghiep.Core.Rules;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Resources;

/// <summary>Staffing by managing agency for a year, budget-paid staff and autonomy shares by year, for an area or agency.</summary>
public sealed class StaffingModel(SuNghiepDbContext db, ResourceService resources, TimeProvider time) : PageModel
{
    /// <summary>The reform's baseline year (Resolution 19-NQ/TW): the series start there.</summary>
    public const int FirstYear = 2015;

    /// <summary>The query string as typed, so that a bad value becomes a message rather than a binding error.</summary>
    public sealed record FilterModel
    {
        public string? Year { get; init; }
        public string? AreaCode { get; init; }
        public string? AgencyId { get; init; }
    }

    /// <summary>A year of the series: the scope's budget-paid staff, what was allocated, and the autonomy groups.</summary>
    public sealed record YearRow(int Year, long BudgetPositions, int? Allocated, AutonomyCounts Autonomy);

    [BindProperty(SupportsGet = true, Name = "")]
    public FilterModel Filter { get; set; } = new();

    public int Year { get; private set; }
    public CountScope Scope { get; private set; } = new(null, null);
    public IReadOnlyList<RuleViolation> Errors { get; private set; } = [];
    public StaffingTable? Table { get; private set; }
    public IReadOnlyList<YearRow> Series { get; private set; } = [];
    /// <summary>The names of the area and agency filtered on, for their pickers.</summary>
    public PickerLabels Labels { get; private set; } = PickerLabels.None;
    public string? AgencyName { get; private set; }
    public DateOnly Today { get; private set; }
    public IReadOnlyList<int> YearOptions { get; private set; } = [];
    public bool CanImport => Roles.UnitEditors.Any(User.IsInRole);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = Display.Today(time);
        YearOptions = Enumerable.Range(FirstYear, Today.Year - FirstYear + 1).OrderDescending().ToList();
        // The pickers send a code and an id; typed without JavaScript, a name is read as the counts filter reads it.
        var named = new List<RuleViolation>();
        var areaCode = await Pickers.AreaFieldAsync(db, Filter.AreaCode, null, "areaCode", named, ct);
        var agencyText = await Pickers.AgencyFieldAsync(db, Filter.AgencyId, "agencyId", named, ct);
        var (year, scope, errors) = ResourceFilter.Read(Filter.Year, areaCode, agencyText, Today.Year);
        Year = year;
        Scope = scope;
        errors = [.. named, .. errors];
        Errors = errors;
        if (errors.Count == 0)
        {
            Table = await resources.StaffingTableAsync(year, scope, ct);
            // The engine's series of the four indicators shown, read in one pass over the years.
            var (staffing, autonomy) = await resources.YearlySeriesAsync(FirstYear, Today.Year, scope, ct);
            Series = staffing.Zip(autonomy, (s, a) => new YearRow(s.Year, s.BudgetPositions, s.Allocated, a)).ToList();
        }

        // htmx swaps only #results: the filter's choices are needed on full loads only.
        if (Request.Headers["HX-Request"] != "true" || Request.Headers["HX-History-Restore-Request"] == "true")
        {
            Labels = await Pickers.LabelsAsync(db, [scope.AgencyId?.ToString(CultureInfo.InvariantCulture)], [scope.AreaCode], ct);
        }

        if (scope.AgencyId is { } agencyId)
        {
            AgencyName = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Name).FirstOrDefaultAsync(ct);
        }
    }

    /// <summary>The same filters on another address (the export).</summary>
    public string With(string path) => QueryHelpers.AddQueryString(path, new Dictionary<string, string?>
    {
        ["year"] = Year.ToString(CultureInfo.InvariantCulture),
        ["areaCode"] = Scope.AreaCode,
        ["agencyId"] = Scope.AgencyId?.ToString(CultureInfo.InvariantCulture),
    }.Where(p => p.Value is not null));

    /// <summary>The filters in words, for the printed page (the form is not printed).</summary>
    public string ScopeSummary()
    {
        var parts = new List<string> { $"năm {Year}" };
        if (Scope.AreaCode is { } area)
        {
            parts.Add("địa bàn mã " + area);
        }

        if (Scope.AgencyId is { } agency)
        {
            parts.Add("cơ quan quản lý " + (AgencyName ?? "#" + agency));
        }

        return string.Join("; ", parts);
    }

    public object ChartData() => new
    {
        Labels = Series.Select(s => s.Year),
        Budget = Series.Select(s => s.BudgetPositions),
        Allocated = Series.Select(s => s.Allocated),
        Links = Series.Select(s => YearUrl(s.Year)),
    };

    /// <summary>This page for another year, in the same area or agency: where a year's bar and row lead.</summary>
    public string YearUrl(int year)
    {
        var query = new Dictionary<string, string?> { ["year"] = year.ToString(CultureInfo.InvariantCulture) };
        if (Scope.AreaCode is { } area)
        {
            query["areaCode"] = area;
        }

        if (Scope.AgencyId is { } agency)
        {
            query["agencyId"] = agency.ToString(CultureInfo.InvariantCulture);
        }

        return QueryHelpers.AddQueryString("/staffing", query);
    }

    /// <summary>The register of the units an agency manages: what its row sums.</summary>
    public static string AgencyUnitsUrl(int agencyId) => "/units?managingAgencyId=" + agencyId.ToString(CultureInfo.InvariantCulture);
}
