using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Text;

namespace SuNghiep.Core.Resources;

/// <summary>
/// A unit's approved lists of job positions (Decree 106/2020/NĐ-CP): each approval is a new list that replaces the one
/// before from its decision's date; nothing is overwritten. The context audits each list and row it adds.
/// </summary>
public sealed class JobPositionService(SuNghiepDbContext db, TimeProvider time)
{
    /// <summary>Every list of a unit, the latest approval first, each with the date the next one replaced it; null for a unit not in scope.</summary>
    public async Task<IReadOnlyList<JobPositionListView>?> HistoryAsync(int unitId, CancellationToken ct = default)
    {
        if (!await db.Units.AnyAsync(u => u.Id == unitId, ct))
        {
            return null;
        }

        var lists = await db.JobPositionLists.AsNoTracking().Where(l => l.UnitId == unitId)
            .Include(l => l.Positions)
            .OrderBy(l => l.DecisionDate).ThenBy(l => l.Id)
            .AsSplitQuery()
            .ToListAsync(ct);
        var views = new List<JobPositionListView>(lists.Count);
        for (var i = 0; i < lists.Count; i++)
        {
            // A later approval dated the same day replaces this one from that day: it never held.
            views.Add(View(lists[i], i + 1 < lists.Count ? lists[i + 1].DecisionDate : null));
        }

        views.Reverse();
        return views;
    }

    /// <summary>The list in force on a date: the latest approval dated on or before it (the last recorded, on a tie).</summary>
    public static JobPositionListView? InForce(IReadOnlyList<JobPositionListView> history, DateOnly on) =>
        history.Where(l => l.DecisionDate <= on && (l.ValidTo is null || l.ValidTo > on)).MaxBy(l => (l.DecisionDate, l.Id));

    /// <summary>Records a new approved list; it replaces the one in force from its decision's date, and both stay.</summary>
    public async Task<WriteResult<JobPositionListView>> ApproveAsync(int unitId, JobPositionListInput input, CancellationToken ct = default)
    {
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId)
            .Select(u => new { u.EstablishedOn, u.EndedOn }).FirstOrDefaultAsync(ct);
        if (unit is null)
        {
            return WriteResult.Missing<JobPositionListView>();
        }

        var today = VietnamTime.Today(time);
        var errors = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(input.DecisionNumber))
        {
            errors.Add(new("decision.number", "Vui lòng nhập số quyết định phê duyệt, ví dụ 125/QĐ-UBND."));
        }

        errors.AddRange(UnitRules.ValidateLength("decision.number", input.DecisionNumber, 64));
        if (input.DecisionDate is not { } date)
        {
            errors.Add(new("decision.date", "Vui lòng nhập ngày quyết định (dd/MM/yyyy)."));
        }
        else if (!InputLimits.IsPlausible(date))
        {
            errors.Add(new("decision.date", InputLimits.DateMessage));
        }
        else if (date < unit.EstablishedOn || (unit.EndedOn is { } ended && date >= ended))
        {
            errors.Add(new("decision.date", $"Ngày quyết định phải trong thời gian hoạt động của đơn vị (từ {Day(unit.EstablishedOn)}{(unit.EndedOn is { } e ? $" đến trước {Day(e)}" : "")})."));
        }

        if (string.IsNullOrWhiteSpace(input.DecisionIssuer))
        {
            errors.Add(new("decision.issuer", "Vui lòng nhập cơ quan ban hành quyết định, ví dụ Ủy ban nhân dân thành phố Cần Thơ."));
        }

        errors.AddRange(UnitRules.ValidateLength("decision.issuer", input.DecisionIssuer, 250));
        errors.AddRange(UnitRules.ValidateLength("notes", input.Notes, 2000));
        TextChecks.Check(errors,
            ("decision.number", "Số quyết định", input.DecisionNumber, false), ("decision.issuer", "Cơ quan ban hành quyết định", input.DecisionIssuer, false),
            ("notes", "Ghi chú", input.Notes, true));
        errors.AddRange(JobPositionRules.Validate(input.Positions));
        for (var i = 0; i < Math.Min(input.Positions.Count, JobPositionRules.MaxRows); i++)
        {
            var p = input.Positions[i];
            TextChecks.Check(errors,
                ($"positions[{i}].name", $"Dòng {i + 1}: tên vị trí việc làm", p.Name, false),
                ($"positions[{i}].titleName", $"Dòng {i + 1}: chức danh nghề nghiệp", p.TitleName, false));
        }

        if (errors.Count == 0)
        {
            var number = input.DecisionNumber!.Trim();
            if (await db.JobPositionLists.AnyAsync(l => l.UnitId == unitId && l.DecisionNumber == number && l.DecisionDate == input.DecisionDate, ct))
            {
                errors.Add(new("decision.number", $"Quyết định {number} ngày {Day(input.DecisionDate!.Value)} đã được ghi nhận cho đơn vị này; một phê duyệt mới cần quyết định mới."));
            }
        }

        if (errors.Count > 0)
        {
            return new(null, errors, []);
        }

        var list = new JobPositionList
        {
            UnitId = unitId, DecisionNumber = input.DecisionNumber!.Trim(), DecisionDate = input.DecisionDate!.Value,
            DecisionIssuer = input.DecisionIssuer!.Trim(), Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim(),
            CreatedBy = db.Actor.Name, CreatedAt = time.GetUtcNow().UtcDateTime,
            Positions = input.Positions.Select((p, i) => new JobPosition
            {
                UnitId = unitId, Ordinal = i + 1, Name = p.Name!.Trim(), Group = p.Group!.Value,
                TitleName = string.IsNullOrWhiteSpace(p.TitleName) ? null : p.TitleName.Trim(),
                TitleCode = string.IsNullOrWhiteSpace(p.TitleCode) ? null : p.TitleCode.Trim(),
                People = p.People!.Value,
            }).ToList(),
        };
        db.JobPositionLists.Add(list);
        await db.SaveChangesAsync(ct);

        var warnings = new List<RuleViolation>();
        if (JobPositionRules.ShareWarning(list.Positions.Select(p => (p.Group, p.People)), list.DecisionDate) is { } share)
        {
            warnings.Add(share);
        }

        warnings.AddRange(DecisionRules.DateWarnings("decision.date", list.DecisionDate, null, today));
        var history = await HistoryAsync(unitId, ct) ?? [];
        return new(history.First(l => l.Id == list.Id), [], warnings);
    }

    private static JobPositionListView View(JobPositionList l, DateOnly? validTo)
    {
        var rows = l.Positions.OrderBy(p => p.Ordinal).ToList();
        long Sum(JobPositionGroup g) => rows.Where(p => p.Group == g).Sum(p => (long)p.People);
        var pairs = rows.Select(p => (p.Group, p.People)).ToList();
        var totals = new JobPositionTotals(Sum(JobPositionGroup.Leadership), Sum(JobPositionGroup.Professional), Sum(JobPositionGroup.SharedProfessional),
            Sum(JobPositionGroup.Support), rows.Sum(p => (long)p.People), JobPositionRules.ProfessionalShare(pairs));
        return new JobPositionListView(l.Id, l.UnitId, l.DecisionNumber, l.DecisionDate, l.DecisionIssuer, validTo, l.Notes,
            rows.Select(p => new JobPositionView(p.Ordinal, p.Name, JobPositionRules.Code(p.Group), p.TitleName, p.TitleCode, p.People)).ToList(),
            totals, JobPositionRules.ShareWarning(pairs, l.DecisionDate)?.Message);
    }

    private static string Day(DateOnly d) => d.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
