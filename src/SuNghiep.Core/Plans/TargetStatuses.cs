using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Indicators;
using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Plans;

/// <summary>
/// A target measured on the as-of date. BaselineValue is the value the target is measured against: the indicator on the
/// target's baseline, or for a level target (at-least, at-most) without one, on the document's date (BaselineIsStart); a
/// change without a baseline has none. Baseline and Scope are what the figure was read with, so that a page can link to
/// the drill-down of the same figure; Projected is the straight line's value at the deadline.
/// </summary>
public sealed record MeasuredTarget(
    int TargetId, int DocumentId, string DocumentNumber, string Text, string? IndicatorCode, string? Direction, string? ValueUnit,
    decimal? BaselineValue, decimal? Actual, decimal? TargetValue, decimal? Projected, DateOnly? Deadline, DateOnly AsOf,
    Baseline? Baseline, bool BaselineIsStart, IndicatorScope Scope, string Unit, string Status, string Explanation);

/// <summary>
/// Plans' targets measured by the indicator engine in the caller's scope: a target's own area (read on the document's
/// date) or agency narrows it; a target with neither is measured in everything the caller sees.
/// </summary>
public sealed class TargetStatuses(SuNghiepDbContext db, IndicatorEngine engine, TimeProvider time)
{
    /// <summary>Each target of a document, in order; null when there is no such document.</summary>
    public async Task<IReadOnlyList<MeasuredTarget>?> ForDocumentAsync(int documentId, CancellationToken ct = default)
    {
        var document = await db.Documents.AsNoTracking().Where(d => d.Id == documentId)
            .Select(d => new { d.Id, d.Number, d.IssuedOn }).FirstOrDefaultAsync(ct);
        if (document is null)
        {
            return null;
        }

        var targets = await db.Targets.AsNoTracking().Where(t => t.DocumentId == documentId).OrderBy(t => t.Id).ToListAsync(ct);
        return await MeasureAsync(targets.Select(t => (t, document.Number, document.IssuedOn, (IndicatorScope?)null)), ct);
    }

    /// <summary>At most this many targets are measured for a dashboard, each being a pass of the engine.</summary>
    public const int MaxForScope = 60;

    /// <summary>
    /// The targets that concern a scope, for the dashboard: the national ones (no area or agency of their own, in a
    /// document of no issuing agency of the register or of a central one), measured in the given scope, and those naming
    /// an indicator in the documents of the caller's own level: issued by the caller's agency or one under it, or for an
    /// area, by a province-level body of that area (today's or one it replaced), each measured in its own area or agency.
    /// A national account gets the national targets only: every province's plans would be thousands of targets.
    /// In document order, at most MaxForScope.
    /// </summary>
    public async Task<IReadOnlyList<MeasuredTarget>> ForScopeAsync(IndicatorScope scope, CancellationToken ct = default)
    {
        var caller = db.Scope;
        var agencyPath = caller.Unrestricted ? null : caller.AgencyPath;
        var areaPath = caller.Unrestricted ? null : caller.AreaPath;
        var rows = await db.Targets.AsNoTracking().Where(t => t.IndicatorCode != null)
            .Where(t => (t.AreaCode == null && t.AgencyId == null
                    && (t.Document!.IssuerAgency == null || t.Document.IssuerAgency.LevelCode == "central"))
                || (agencyPath != null && t.Document!.IssuerAgency != null && t.Document.IssuerAgency.LineagePath.StartsWith(agencyPath))
                || (areaPath != null && t.Document!.IssuerAgency != null && t.Document.IssuerAgency.LevelCode == "province"
                    && t.Document.IssuerAgency.Area != null && t.Document.IssuerAgency.Area.LineagePath.StartsWith(areaPath)))
            .OrderBy(t => t.Document!.IssuedOn).ThenBy(t => t.DocumentId).ThenBy(t => t.Id)
            .Take(MaxForScope)
            .Select(t => new { Target = t, t.Document!.Number, t.Document.IssuedOn })
            .ToListAsync(ct);
        var chosen = rows.Select(r => (r.Target, r.Number, r.IssuedOn,
            r.Target.AreaCode == null && r.Target.AgencyId == null ? scope : (IndicatorScope?)null));
        return await MeasureAsync(chosen, ct);
    }

    private async Task<IReadOnlyList<MeasuredTarget>> MeasureAsync(
        IEnumerable<(PlanTarget Target, string Number, DateOnly IssuedOn, IndicatorScope? Scope)> targets, CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        var measured = new List<MeasuredTarget>();
        foreach (var (t, number, issuedOn, given) in targets)
        {
            measured.Add(await MeasureAsync(t, number, issuedOn, given, today, ct));
        }

        return measured;
    }

    private async Task<MeasuredTarget> MeasureAsync(PlanTarget t, string number, DateOnly issuedOn, IndicatorScope? given, DateOnly today, CancellationToken ct)
    {
        // The target's area is the one its document named: read on the document's date, with its lineage since.
        var scope = given ?? new IndicatorScope(t.AreaCode, t.AreaCode is null ? null : issuedOn, t.AgencyId);
        var stated = t.BaselineFrom is { } from ? new Baseline(from, t.BaselineTo ?? from) : null;
        // A target without a baseline is measured from the document's date: the engine reads it as the baseline.
        var baseline = stated ?? Baseline.OnDate(issuedOn);
        decimal? baselineValue = null, actual = null;
        var unit = "";
        string? problem = null;
        if (t.IndicatorCode is { Length: > 0 } code)
        {
            var query = new IndicatorQuery(code, today, baseline, scope);
            var violations = await engine.ValidateAsync(query, ct);
            if (violations.Count > 0)
            {
                problem = string.Join("; ", violations.Select(v => v.Message));
            }
            else
            {
                var result = await engine.ComputeAsync(query, ct);
                (baselineValue, actual, unit) = (result.BaselineValue, result.Value, result.Unit);
            }
        }

        var facts = new TargetFacts(t.IndicatorCode, t.Text, t.Direction, t.ValueUnit, t.Value, t.Deadline,
            stated, stated is null ? null : baselineValue, actual, issuedOn, stated is null ? baselineValue : null, unit == "%" ? null : unit);
        var outcome = problem is null
            ? TargetRules.Evaluate(facts, today)
            : new TargetMeasure(TargetStatus.NotMeasurable, null, $"Chưa đo được: {problem}.");
        // A change needs its own baseline: the document's date is no stand-in for it, so nothing is shown as one.
        var startless = stated is null && t.Direction is "decrease" or "increase";
        return new MeasuredTarget(
            t.Id, t.DocumentId, number, t.Text, t.IndicatorCode, t.Direction, t.ValueUnit, startless ? null : baselineValue, actual, t.Value,
            outcome.Projected, t.Deadline, today, startless ? null : baseline, stated is null && !startless, scope, unit, outcome.Status, outcome.Explanation);
    }
}
