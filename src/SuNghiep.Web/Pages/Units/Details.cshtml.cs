using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Units;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Units;

public sealed class DetailsModel(SuNghiepDbContext db, TimeProvider time) : PageModel
{
    public sealed record AuditRow(long Id, DateTime At, string ActorName, string Action);

    public UnitView Unit { get; private set; } = null!;
    public string? AgencyCode { get; private set; }
    public DateOnly Today { get; private set; }

    /// <summary>The date the unit is shown as of (query "asOf"); today by default.</summary>
    public DateOnly AsOf { get; private set; }
    public string? AsOfError { get; private set; }
    public UnitHistory History { get; private set; } = null!;
    public UnitLineage Lineage { get; private set; } = null!;
    public LineageDiagram Diagram { get; private set; } = null!;
    public IReadOnlyList<AuditRow> Audit { get; private set; } = [];
    /// <summary>Why the group computed from the year's figures differs from the group approved for its stable period, if it does.</summary>
    public string? GroupDifference { get; private set; }
    public bool CanEdit => Roles.UnitEditors.Any(User.IsInRole);

    public async Task<IActionResult> OnGetAsync(int id, string? asOf, CancellationToken ct)
    {
        Today = Display.Today(time);
        AsOf = Today;
        if (!string.IsNullOrWhiteSpace(asOf))
        {
            if (Display.TryParseDate(asOf, out var date) && date >= Core.Rules.UnitRules.EarliestDate)
            {
                AsOf = date;
            }
            else
            {
                AsOfError = "Ngày xem không hợp lệ; đơn vị được hiển thị tại ngày hôm nay.";
            }
        }

        // The query filter on units hides what lies outside the caller's scope: that is a 404 too.
        if (await UnitQueries.GetAsync(db, id, AsOf, ct) is not { } unit
            || await HistoryQueries.HistoryAsync(db, id, Today, ct) is not { } history
            || await HistoryQueries.LineageAsync(db, id, ct) is not { } lineage)
        {
            return NotFound();
        }

        Unit = unit;
        History = history;
        Lineage = lineage;
        Diagram = LineageDiagram.Layout(lineage);
        AgencyCode = await db.Agencies.AsNoTracking().Where(a => a.Id == unit.ManagingAgencyId).Select(a => a.Code).FirstOrDefaultAsync(ct);
        var year = AsOf.Year;
        var approved = await db.AutonomyPlans.AsNoTracking()
            .Where(p => p.UnitId == id && p.Status == AutonomyPlanStatus.Approved && p.PeriodStart <= year && p.PeriodEnd >= year)
            .OrderByDescending(p => p.DecisionDate).Select(p => p.ApprovedGroup).FirstOrDefaultAsync(ct);
        var computed = await db.FinanceYears.AsNoTracking().Where(f => f.UnitId == id && f.Year == year).Select(f => f.ComputedGroup).FirstOrDefaultAsync(ct);
        GroupDifference = AutonomyRules.GroupDifference(year, computed, approved);
        if (User.IsInRole(Roles.SystemAdmin))
        {
            var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Audit = await db.AuditEntries.AsNoTracking()
                .Where(a => a.EntityType == "Unit" && a.EntityId == key)
                .OrderByDescending(a => a.Id).Take(20)
                .Select(a => new AuditRow(a.Id, a.At, a.ActorName, a.Action))
                .ToListAsync(ct);
        }

        return Page();
    }

    /// <summary>The version that describes the unit on the as-of date, to mark it in the timeline.</summary>
    public bool DescribesAsOf(VersionView v) =>
        v.ValidFrom <= AsOf && (v.ValidTo is null || v.ValidTo > AsOf || (v == History.Versions[^1] && v.ValidTo <= AsOf));

    public LineageNode? Node(int id) => Lineage.Nodes.FirstOrDefault(n => n.Id == id);
}
