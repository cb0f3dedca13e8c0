using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Resources;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Text;

namespace SuNghiep.Core.Oversight;

/// <summary>Quality standards and the assessments of units against them; the context audits each change.</summary>
public sealed class QualityService(SuNghiepDbContext db, TimeProvider time)
{
    public const string ExternalRefused =
        "Đánh giá ngoài và kiểm định, công nhận do cơ quan quản lý đơn vị (hoặc Sở Nội vụ) ghi; đơn vị ghi kết quả tự đánh giá của mình.";

    public const string AgencyRefused = "Chỉ cơ quan quản lý đơn vị, cấp trên của cơ quan đó hoặc Sở Nội vụ trong phạm vi được giao ghi được đánh giá của đơn vị này.";

    /// <summary>Whether the role may add a standard: the register's keepers only, since a standard is the province's reference data.</summary>
    public static bool MayAddStandard(string? role) => role is Roles.SystemAdmin or Roles.HomeAffairs;

    public async Task<IReadOnlyList<StandardSummary>> ListStandardsAsync(CancellationToken ct = default) =>
        (await db.QualityStandards.AsNoTracking().OrderBy(s => s.Code).ThenByDescending(s => s.ValidFrom)
            .Select(s => new { s.Id, s.Code, s.Name, s.Issuer, s.DocumentNumber, s.DocumentDate, s.SectorCode, s.Version, s.ValidFrom, s.ValidTo, s.ScoreBasis, Criteria = s.Criteria.Count })
            .ToListAsync(ct))
        .Select(s => new StandardSummary(s.Id, s.Code, s.Name, s.Issuer, s.DocumentNumber, s.DocumentDate, s.SectorCode, s.Version, s.ValidFrom, s.ValidTo,
            QualityNames.BasisCode(s.ScoreBasis), s.Criteria))
        .ToList();

    public async Task<StandardView?> GetStandardAsync(int id, CancellationToken ct = default)
    {
        var s = await db.QualityStandards.AsNoTracking().Include(x => x.Criteria).FirstOrDefaultAsync(x => x.Id == id, ct);
        return s is null ? null : View(s);
    }

    private static StandardView View(QualityStandard s) => new(
        s.Id, s.Code, s.Name, s.Issuer, s.DocumentNumber, s.DocumentDate, s.SectorCode, s.Version, s.ValidFrom, s.ValidTo,
        QualityNames.BasisCode(s.ScoreBasis), QualityRules.ParseBands(s.BandsJson), s.ValidityMonths, s.Source,
        s.Criteria.OrderBy(c => c.Ordinal).ThenBy(c => c.Id).Select(c => new CriterionView(c.Id, c.Code, c.Group, c.Name, c.MaxScore)).ToList());

    public async Task<WriteResult<StandardView>> AddStandardAsync(StandardInput input, CancellationToken ct = default)
    {
        if (!MayAddStandard(db.Scope.Role))
        {
            return new(null, [], [], Forbidden: "Tiêu chuẩn chất lượng là dữ liệu dùng chung, do Quản trị hệ thống hoặc Sở Nội vụ ghi.");
        }

        var errors = new List<RuleViolation>();
        TextChecks.Required(errors, ("code", "Mã tiêu chuẩn", input.Code), ("name", "Tên tiêu chuẩn", input.Name), ("issuer", "Cơ quan ban hành", input.Issuer),
            ("documentNumber", "Số văn bản", input.DocumentNumber), ("version", "Phiên bản", input.Version));
        if (input.DocumentDate is null)
        {
            errors.Add(new("documentDate", "Vui lòng nhập ngày ban hành văn bản."));
        }

        var validFrom = input.ValidFrom ?? input.DocumentDate;
        if (validFrom is { } from && input.ValidTo is { } to && to < from)
        {
            errors.Add(new("validTo", "Ngày hết hiệu lực phải sau ngày có hiệu lực."));
        }

        var basis = QualityNames.ParseBasis(input.ScoreBasis);
        if (basis is null)
        {
            errors.Add(new("scoreBasis", "Cách tính điểm phải là totalPoints (tổng điểm) hoặc meanScore (điểm trung bình)."));
        }

        if (input.SectorCode is { Length: > 0 } sector && Catalog.FindSector(sector) is null)
        {
            errors.Add(new("sectorCode", $"Lĩnh vực \"{sector}\" không có trong danh mục."));
        }

        if (input.ValidityMonths is { } months && (months < 1 || months > 600))
        {
            errors.Add(new("validityMonths", "Thời hạn của kết quả đánh giá phải từ 1 đến 600 tháng."));
        }

        errors.AddRange(QualityRules.CheckBands("bands", input.Bands ?? []));
        foreach (var (b, i) in (input.Bands ?? []).Select((b, i) => (b, i)))
        {
            TextChecks.Lengths(errors, ($"bands[{i}].level", "Mã mức", b.Level, 32), ($"bands[{i}].label", "Tên mức", b.Label, 100));
        }

        if (input.Criteria.Count == 0)
        {
            errors.Add(new("criteria", "Vui lòng nhập ít nhất một tiêu chí."));
        }

        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in input.Criteria)
        {
            TextChecks.Required(errors, ($"{c.Field}code", "Mã tiêu chí", c.Code), ($"{c.Field}group", "Nhóm tiêu chí", c.Group), ($"{c.Field}name", "Tên tiêu chí", c.Name));
            TextChecks.Lengths(errors, ($"{c.Field}code", "Mã tiêu chí", c.Code, 32), ($"{c.Field}group", "Nhóm tiêu chí", c.Group, 250), ($"{c.Field}name", "Tên tiêu chí", c.Name, 1000));
            if (c.MaxScore is not { } max || max <= 0 || max > 10_000)
            {
                errors.Add(new($"{c.Field}maxScore", "Điểm tối đa của tiêu chí phải lớn hơn 0 và không quá 10.000."));
            }

            if (c.Code is { } code && !string.IsNullOrWhiteSpace(code) && !codes.Add(code.Trim()))
            {
                errors.Add(new($"{c.Field}code", $"Mã tiêu chí {code.Trim()} bị trùng."));
            }
        }

        TextChecks.Lengths(errors, ("code", "Mã tiêu chuẩn", input.Code, 64), ("name", "Tên tiêu chuẩn", input.Name, 500), ("issuer", "Cơ quan ban hành", input.Issuer, 250),
            ("documentNumber", "Số văn bản", input.DocumentNumber, 64), ("version", "Phiên bản", input.Version, 32), ("source", "Nguồn", input.Source, 1000));
        TextChecks.Check(errors, ("source", "Nguồn", input.Source, true));
        var stdCode = input.Code?.Trim();
        var version = input.Version?.Trim();
        if (errors.Count == 0 && await db.QualityStandards.AnyAsync(s => s.Code == stdCode && s.Version == version, ct))
        {
            errors.Add(new("code", $"Tiêu chuẩn mã {stdCode} phiên bản {version} đã có."));
        }

        if (errors.Count > 0)
        {
            return new(null, errors, []);
        }

        var standard = new QualityStandard
        {
            Code = stdCode!, Name = input.Name!.Trim(), Issuer = input.Issuer!.Trim(), DocumentNumber = input.DocumentNumber!.Trim(),
            DocumentDate = input.DocumentDate!.Value, SectorCode = Catalog.FindSector(input.SectorCode)?.Code, Version = version!,
            ValidFrom = validFrom!.Value, ValidTo = input.ValidTo, ScoreBasis = basis!.Value, BandsJson = QualityRules.BandsJson(input.Bands!.Select(b => b with { Level = b.Level.Trim(), Label = b.Label.Trim() })),
            ValidityMonths = input.ValidityMonths, Source = string.IsNullOrWhiteSpace(input.Source) ? null : input.Source.Trim(),
            CreatedAt = time.GetUtcNow().UtcDateTime,
            Criteria = input.Criteria.Select((c, i) => new QualityCriterion
            {
                Code = c.Code!.Trim(), Group = c.Group!.Trim(), Name = c.Name!.Trim(), MaxScore = c.MaxScore!.Value, Ordinal = i + 1,
            }).ToList(),
        };
        db.QualityStandards.Add(standard);
        await db.SaveChangesAsync(ct);
        return new(View(standard), [], []);
    }

    /// <summary>A unit's assessments, latest first; null when the unit is not in the caller's scope.</summary>
    public async Task<IReadOnlyList<AssessmentView>?> ListForUnitAsync(int unitId, CancellationToken ct = default)
    {
        if (!await db.Units.AnyAsync(u => u.Id == unitId, ct))
        {
            return null;
        }

        var rows = await db.QualityAssessments.AsNoTracking().Where(a => a.UnitId == unitId)
            .OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.Id)
            .Select(Projection).ToListAsync(ct);
        return rows.Select(Finish).ToList();
    }

    public async Task<AssessmentView?> GetAssessmentAsync(int id, CancellationToken ct = default) =>
        await db.QualityAssessments.AsNoTracking().Where(a => a.Id == id).Select(Projection).FirstOrDefaultAsync(ct) is { } row ? Finish(row) : null;

    private sealed record Row(QualityAssessment A, string UnitName, string StandardCode, string StandardName, List<ScoreView> Scores);

    private static readonly System.Linq.Expressions.Expression<Func<QualityAssessment, Row>> Projection = a => new Row(
        a, a.Unit!.Name, a.Standard!.Code, a.Standard.Name,
        a.Scores.OrderBy(s => s.Criterion!.Ordinal).Select(s => new ScoreView(s.CriterionId, s.Criterion!.Code, s.Score)).ToList());

    private static AssessmentView Finish(Row r) => new(
        r.A.Id, r.A.UnitId, r.UnitName, r.A.StandardId, r.StandardCode, r.StandardName, QualityNames.KindCode(r.A.Kind), r.A.PeriodFrom, r.A.PeriodTo,
        r.A.AssessedOn, r.A.ValidUntil, r.A.Score, r.A.Level, r.A.LevelLabel, r.A.Team,
        new AssessmentDecision(r.A.DecisionNumber, r.A.DecisionDate, r.A.DecisionIssuer), r.Scores);

    /// <summary>Whether the caller may record an assessment of this kind for a unit it sees (with the unit's managing agency).</summary>
    public static bool MayRecord(CallerScope scope, AssessmentKind kind, AgencyPlace agency) =>
        scope.Role == Roles.UnitOfficer ? kind == AssessmentKind.Self : Permissions.MayActFor(scope, agency);

    public async Task<WriteResult<AssessmentView>> AddAssessmentAsync(int unitId, AssessmentInput input, CancellationToken ct = default)
    {
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId)
            .Select(u => new { u.Id, Place = new AgencyPlace(u.ManagingAgency!.LineagePath, u.ManagingAgency.Area != null ? u.ManagingAgency.Area.LineagePath : null) })
            .FirstOrDefaultAsync(ct);
        if (unit is null)
        {
            return WriteResult.Missing<AssessmentView>();
        }

        var errors = new List<RuleViolation>();
        var kind = QualityNames.ParseKind(input.Kind);
        if (kind is null)
        {
            errors.Add(new("kind", "Hình thức đánh giá phải là self (tự đánh giá), external (đánh giá ngoài) hoặc accreditation (kiểm định, công nhận)."));
        }
        else if (!Roles.UnitEditors.Contains(db.Scope.Role ?? "") || !MayRecord(db.Scope, kind.Value, unit.Place))
        {
            return new(null, [], [], Forbidden: db.Scope.Role == Roles.UnitOfficer ? ExternalRefused : AgencyRefused);
        }

        QualityStandard? standard = null;
        if (input.StandardId is not { } standardId)
        {
            errors.Add(new("standardId", "Vui lòng chọn tiêu chuẩn đánh giá (standardId)."));
        }
        else if ((standard = await db.QualityStandards.AsNoTracking().Include(s => s.Criteria).FirstOrDefaultAsync(s => s.Id == standardId, ct)) is null)
        {
            errors.Add(new("standardId", $"Không có tiêu chuẩn số {standardId}."));
        }

        if (input.PeriodFrom is null)
        {
            errors.Add(new("periodFrom", "Vui lòng nhập ngày bắt đầu kỳ đánh giá."));
        }

        if (input.PeriodTo is null)
        {
            errors.Add(new("periodTo", "Vui lòng nhập ngày kết thúc kỳ đánh giá."));
        }
        else if (input.PeriodFrom is { } pf && input.PeriodTo < pf)
        {
            errors.Add(new("periodTo", "Ngày kết thúc kỳ đánh giá phải từ ngày bắt đầu trở đi."));
        }

        if (input.AssessedOn is null)
        {
            errors.Add(new("assessedOn", "Vui lòng nhập ngày đánh giá."));
        }
        else if (input.AssessedOn > VietnamTime.Today(time))
        {
            errors.Add(new("assessedOn", "Ngày đánh giá không được sau ngày hôm nay."));
        }

        if (input.ValidUntil is { } until && input.AssessedOn is { } on && until < on)
        {
            errors.Add(new("validUntil", "Kết quả phải còn giá trị ít nhất đến ngày đánh giá."));
        }

        TextChecks.Check(errors, ("team", "Đoàn đánh giá", input.Team, true), ("decision.number", "Số quyết định", input.DecisionNumber, false),
            ("decision.issuer", "Cơ quan quyết định", input.DecisionIssuer, false));
        TextChecks.Lengths(errors, ("team", "Đoàn đánh giá", input.Team, 2000), ("decision.number", "Số quyết định", input.DecisionNumber, 64),
            ("decision.issuer", "Cơ quan quyết định", input.DecisionIssuer, 250));

        IReadOnlyDictionary<int, decimal> scores = new Dictionary<int, decimal>();
        if (standard is not null)
        {
            var (scoreErrors, checkedScores) = QualityRules.CheckScores(
                standard.Criteria.Select(c => new CriterionLimit(c.Id, c.Code, c.MaxScore)).ToList(), input.Scores);
            errors.AddRange(scoreErrors);
            scores = checkedScores;
        }

        if (errors.Count > 0)
        {
            return new(null, errors, []);
        }

        var score = QualityRules.Score(standard!.ScoreBasis, scores.Values.ToList());
        var band = QualityRules.Band(QualityRules.ParseBands(standard.BandsJson), score);
        var validUntil = input.ValidUntil
            ?? (standard.ValidityMonths is { } months ? (input.DecisionDate ?? input.AssessedOn!.Value).AddMonths(months).AddDays(-1) : null);
        var assessment = new QualityAssessment
        {
            UnitId = unitId, StandardId = standard.Id, Kind = kind!.Value, PeriodFrom = input.PeriodFrom!.Value, PeriodTo = input.PeriodTo!.Value,
            AssessedOn = input.AssessedOn!.Value, ValidUntil = validUntil, Score = score, Level = band?.Level ?? "", LevelLabel = band?.Label ?? "",
            Team = Trimmed(input.Team), DecisionNumber = Trimmed(input.DecisionNumber), DecisionDate = input.DecisionDate, DecisionIssuer = Trimmed(input.DecisionIssuer),
            CreatedBy = db.Actor.Name, CreatedAt = time.GetUtcNow().UtcDateTime,
            Scores = scores.Select(s => new QualityScore { CriterionId = s.Key, Score = s.Value }).ToList(),
        };
        db.QualityAssessments.Add(assessment);
        await db.SaveChangesAsync(ct);
        return new(await GetAssessmentAsync(assessment.Id, ct), [], []);
    }

    /// <summary>Assessments in the caller's scope, latest first, paged in SQL.</summary>
    public async Task<(IReadOnlyList<AssessmentRow> Items, int Total)> ListAsync(AssessmentFilter filter, CancellationToken ct = default)
    {
        var query = db.QualityAssessments.AsNoTracking();
        foreach (var word in VietnameseText.Fold(filter.Search).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
        {
            query = query.Where(a => a.Unit!.SearchText.Contains(word));
        }

        if (Catalog.FindSector(filter.SectorCode) is { } sector)
        {
            query = query.Where(a => a.Unit!.SectorCode == sector.Code);
        }

        if (!string.IsNullOrWhiteSpace(filter.LevelLabel))
        {
            var label = filter.LevelLabel.Trim();
            query = query.Where(a => a.LevelLabel == label);
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(a => a.Kind == kind);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.Id)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize)
            .Select(a => new AssessmentRow(a.Id, a.UnitId, a.Unit!.Code, a.Unit.Name, a.Unit.ManagingAgency!.Name, a.Unit.SectorCode, a.Standard!.Code,
                a.Standard.Name, a.Kind, a.AssessedOn, a.ValidUntil, a.Score, a.LevelLabel))
            .ToListAsync(ct);
        return (items, total);
    }

    /// <summary>The level labels recorded so far, for the list's filter.</summary>
    public async Task<IReadOnlyList<string>> LevelLabelsAsync(CancellationToken ct = default) =>
        await db.QualityAssessments.AsNoTracking().Select(a => a.LevelLabel).Distinct().OrderBy(l => l).ToListAsync(ct);

    /// <summary>The unit's latest assessment, for its page.</summary>
    public async Task<LatestAssessment?> LatestAsync(int unitId, CancellationToken ct = default) =>
        await db.QualityAssessments.AsNoTracking().Where(a => a.UnitId == unitId).OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.Id)
            .Select(a => new LatestAssessment(a.Id, a.Standard!.Code, a.AssessedOn, a.LevelLabel, a.Score)).FirstOrDefaultAsync(ct);

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
