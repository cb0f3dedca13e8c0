using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Entities;

namespace SuNghiep.Core.Indicators;

/// <summary>A model unit, an award or a disciplinary measure a report cites, with the document it rests on.</summary>
public sealed record Citation(string Kind, string Subject, string Content, string DecisionNumber, DateOnly DecisionDate, string DecisionIssuer, string? Task);

public sealed partial class IndicatorEngine
{
    public const string ModelUnitKind = "Đơn vị điển hình";

    /// <summary>
    /// What a report on the reform cites besides its figures (Conclusion 62-KL/TW, seed 002 item 2.1): the model units the
    /// plans issued by the cut-off name, and the awards and disciplinary measures decided in the period, of the scope's units
    /// (as each unit was on the document's date) and, when the scope is not a sector or a level, of its agencies.
    /// </summary>
    public async Task<IReadOnlyList<Citation>> CitationsAsync(IndicatorScope scope, DateOnly after, DateOnly asOf, CancellationToken ct = default)
    {
        var resolved = await ResolveAsync(scope, asOf, ct);
        if (resolved.Empty)
        {
            return [];
        }

        var versions = Scoped(resolved);
        var models = await (
                from m in db.ModelUnits.AsNoTracking()
                where m.Document!.IssuedOn <= asOf
                      && versions.Any(v => v.UnitId == m.UnitId && v.ValidFrom <= m.Document.IssuedOn && (v.ValidTo == null || v.ValidTo > m.Document.IssuedOn))
                select new
                {
                    m.Document!.IssuedOn, m.Document.Number, m.Document.Issuer, m.Document.Title, m.Note,
                    Code = m.Unit!.Code, Name = m.Unit.Name,
                })
            .ToListAsync(ct);

        var merits = db.MeritRecords.AsNoTracking().Where(r => r.DecisionDate > after && r.DecisionDate <= asOf);
        var byUnit = merits.Where(r => r.UnitId != null
            && versions.Any(v => v.UnitId == r.UnitId && v.ValidFrom <= r.DecisionDate && (v.ValidTo == null || v.ValidTo > r.DecisionDate)));
        if (resolved.Sector is null && resolved.Level is null)
        {
            var agencies = db.Agencies.AsNoTracking();
            if (resolved.AreaPrefix is { } prefix)
            {
                agencies = agencies.Where(a => a.Area != null && a.Area.LineagePath.StartsWith(prefix));
            }

            if (resolved.AgencyPath is { } path)
            {
                agencies = agencies.Where(a => a.LineagePath.StartsWith(path));
            }

            var ids = agencies.Select(a => a.Id);
            merits = merits.Where(r => byUnit.Select(x => x.Id).Contains(r.Id) || (r.UnitId == null && r.AgencyId != null && ids.Contains(r.AgencyId.Value)));
        }
        else
        {
            merits = byUnit;
        }

        var records = await merits
            .Select(r => new
            {
                r.Kind, r.Form, r.Reason, r.DecisionNumber, r.DecisionDate, r.DecisionIssuer,
                UnitCode = r.Unit != null ? r.Unit.Code : null, UnitName = r.Unit != null ? r.Unit.Name : null,
                AgencyName = r.Agency != null ? r.Agency.Name : null, Task = r.Task != null ? r.Task.Content : null,
            })
            .ToListAsync(ct);

        var citations = models
            .OrderBy(m => m.IssuedOn).ThenBy(m => m.Name, StringComparer.Ordinal)
            .Select(m => new Citation(ModelUnitKind, $"{m.Name} ({m.Code})", m.Note ?? m.Title, m.Number, m.IssuedOn, m.Issuer, null))
            .ToList();
        citations.AddRange(records
            .OrderBy(r => r.Kind).ThenBy(r => r.DecisionDate).ThenBy(r => r.DecisionNumber, StringComparer.Ordinal)
            .Select(r => new Citation(
                r.Kind == MeritKind.Discipline ? "Kỷ luật" : "Khen thưởng",
                r.UnitName is not null ? $"{r.UnitName} ({r.UnitCode})" : r.AgencyName ?? "",
                r.Reason.Length == 0 ? r.Form : $"{r.Form}: {r.Reason}",
                r.DecisionNumber, r.DecisionDate, r.DecisionIssuer, r.Task)));
        return citations;
    }
}
