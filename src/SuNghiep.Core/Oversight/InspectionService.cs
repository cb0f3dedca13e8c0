using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Text;

namespace SuNghiep.Core.Oversight;

/// <summary>
/// Inspections and checks (Law on Inspection 84/2025/QH15): the decision and the units, the conclusion with its findings
/// and recommendations, the managing head's directive, and the follow-up of each recommendation. The inspecting body's
/// officers write the inspection; the addressee agency, or the officer of the unit a finding concerns, reports on a
/// recommendation. Every change is audited by the context.
/// </summary>
public sealed class InspectionService(SuNghiepDbContext db, TimeProvider time)
{
    private const string NotFoundMessage = "Không tìm thấy cuộc thanh tra, kiểm tra.";
    private const string RecommendationNotFound = "Không tìm thấy kiến nghị.";

    public static string KindCode(InspectionKind kind) => kind switch
    {
        InspectionKind.Planned => "planned",
        InspectionKind.Unscheduled => "unscheduled",
        _ => "check",
    };

    public static string KindName(InspectionKind kind) => kind switch
    {
        InspectionKind.Planned => "Thanh tra theo kế hoạch",
        InspectionKind.Unscheduled => "Thanh tra đột xuất",
        _ => "Kiểm tra",
    };

    public static InspectionKind? ParseKind(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        "planned" => InspectionKind.Planned,
        "unscheduled" => InspectionKind.Unscheduled,
        "check" => InspectionKind.Check,
        _ => null,
    };

    public static string TypeCode(RecommendationType type) => type switch
    {
        RecommendationType.Recover => "recover",
        RecommendationType.Discipline => "discipline",
        RecommendationType.Fix => "fix",
        _ => "refer",
    };

    public static string TypeName(RecommendationType type) => type switch
    {
        RecommendationType.Recover => "Thu hồi tiền, tài sản",
        RecommendationType.Discipline => "Xử lý kỷ luật",
        RecommendationType.Fix => "Khắc phục, chấn chỉnh",
        _ => "Chuyển cơ quan có thẩm quyền",
    };

    public static RecommendationType? ParseType(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        "recover" => RecommendationType.Recover,
        "discipline" => RecommendationType.Discipline,
        "fix" => RecommendationType.Fix,
        "refer" => RecommendationType.Refer,
        _ => null,
    };

    public DateOnly Today => VietnamTime.Today(time);

    /// <summary>Whether the caller may record inspections for an agency (or, with none, as the administrator).</summary>
    public async Task<bool> MayWriteForAsync(int? agencyId, CancellationToken ct = default) =>
        Permissions.MayActFor(db.Scope, agencyId is { } id ? await PlaceAsync(id, ct) : null);

    /// <summary>Roles that may ever record an inspection: the administrator and the agency roles.</summary>
    public bool MayRecord => Permissions.IsOfficerOfAgencies(db.Scope.Role);

    public async Task<OversightResult> CreateAsync(InspectionInput input, CancellationToken ct = default)
    {
        if (!MayRecord)
        {
            return OversightResult.Refused("role", "Tài khoản này không được ghi cuộc thanh tra, kiểm tra; việc này do cơ quan thanh tra, cơ quan quản lý thực hiện.");
        }

        var errors = new List<RuleViolation>();
        Require(errors, "decision.number", input.DecisionNumber, "Vui lòng nhập số quyết định thanh tra, kiểm tra.");
        Require(errors, "decision.issuer", input.DecisionIssuer, "Vui lòng nhập người, cơ quan ra quyết định.");
        Require(errors, "body", input.Body, "Vui lòng nhập cơ quan tiến hành thanh tra, kiểm tra.");
        CheckDate(errors, "decision.date", input.DecisionDate, "Vui lòng nhập ngày quyết định.");
        var kind = ParseKind(input.Kind);
        if (kind is null)
        {
            errors.Add(new("kind", "Hình thức phải là một trong: planned (thanh tra theo kế hoạch), unscheduled (thanh tra đột xuất), check (kiểm tra)."));
        }

        CheckDate(errors, "periodFrom", input.PeriodFrom, "Vui lòng nhập thời kỳ thanh tra từ ngày.");
        CheckDate(errors, "periodTo", input.PeriodTo, "Vui lòng nhập thời kỳ thanh tra đến ngày.");
        if (input.PeriodFrom > input.PeriodTo)
        {
            errors.Add(new("periodTo", "Thời kỳ thanh tra: ngày kết thúc không được trước ngày bắt đầu."));
        }

        CheckSteps(errors, input.DecisionDate, input.ResultsReportOn, input.DraftAssignedOn, input.DraftReceivedOn, null);
        TextChecks.Lengths(errors, ("decision.number", "Số quyết định", input.DecisionNumber, 64), ("decision.issuer", "Người ra quyết định", input.DecisionIssuer, 250),
            ("body", "Cơ quan thanh tra", input.Body, 250));
        TextChecks.Check(errors, ("decision.number", "Số quyết định", input.DecisionNumber, false), ("decision.issuer", "Người ra quyết định", input.DecisionIssuer, false),
            ("body", "Cơ quan thanh tra", input.Body, false));

        var unitIds = input.UnitIds.Distinct().ToList();
        if (unitIds.Count == 0)
        {
            errors.Add(new("unitIds", "Vui lòng chọn ít nhất một đơn vị được thanh tra, kiểm tra."));
        }
        else if (unitIds.Count > 200)
        {
            errors.Add(new("unitIds", "Một cuộc thanh tra ghi tối đa 200 đơn vị."));
        }
        else
        {
            // A unit outside the caller's scope is not known to it: the same message as a unit that does not exist.
            var known = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
            if (unitIds.Except(known).ToList() is { Count: > 0 } unknown)
            {
                errors.Add(new("unitIds", $"Không tìm thấy đơn vị mã số {string.Join(", ", unknown)} trong phạm vi của tài khoản."));
            }
        }

        AgencyPlace? place = null;
        if (input.BodyAgencyId is { } agencyId)
        {
            place = await PlaceAsync(agencyId, ct);
            if (place is null)
            {
                errors.Add(new("bodyAgencyId", "Cơ quan ra quyết định không tồn tại."));
            }
        }
        else if (db.Scope.Role != Roles.SystemAdmin)
        {
            errors.Add(new("bodyAgencyId", "Vui lòng chọn cơ quan ra quyết định thanh tra, kiểm tra trong danh mục cơ quan."));
        }

        if (place is not null && !Permissions.MayActFor(db.Scope, place))
        {
            return OversightResult.Refused("bodyAgencyId", "Tài khoản không được ghi cuộc thanh tra thay cho cơ quan này: cơ quan nằm ngoài phạm vi được giao.");
        }

        if (errors.Count > 0)
        {
            return OversightResult.Invalid(errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var inspection = new Inspection
        {
            DecisionNumber = input.DecisionNumber!.Trim(), DecisionDate = input.DecisionDate!.Value, DecisionIssuer = input.DecisionIssuer!.Trim(),
            Body = input.Body!.Trim(), BodyAgencyId = input.BodyAgencyId, Kind = kind!.Value, PeriodFrom = input.PeriodFrom!.Value,
            PeriodTo = input.PeriodTo!.Value, ResultsReportOn = input.ResultsReportOn, DraftAssignedOn = input.DraftAssignedOn,
            DraftReceivedOn = input.DraftReceivedOn, CreatedBy = db.Actor.Name, CreatedAt = now, UpdatedAt = now,
            Units = unitIds.Select(id => new InspectionUnit { UnitId = id }).ToList(),
        };
        db.Inspections.Add(inspection);
        await db.SaveChangesAsync(ct);
        return OversightResult.Ok(inspection.Id);
    }

    /// <summary>Records the conclusion and its findings, once: a second conclusion is a conflict.</summary>
    public async Task<OversightResult> ConcludeAsync(int id, ConclusionInput input, CancellationToken ct = default)
    {
        var inspection = await db.Inspections.Include(i => i.Units).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (inspection is null)
        {
            return OversightResult.Missing(NotFoundMessage);
        }

        if (await RefusalAsync(inspection, ct) is { } refused)
        {
            return refused;
        }

        if (inspection.ConclusionNumber is not null)
        {
            return OversightResult.Clash("number", $"Cuộc thanh tra đã có kết luận số {inspection.ConclusionNumber}; kết luận chỉ ghi một lần.");
        }

        var errors = new List<RuleViolation>();
        Require(errors, "number", input.Number, "Vui lòng nhập số kết luận.");
        CheckDate(errors, "date", input.Date, "Vui lòng nhập ngày ký kết luận.");
        TextChecks.Lengths(errors, ("number", "Số kết luận", input.Number, 64));
        TextChecks.Check(errors, ("number", "Số kết luận", input.Number, false));
        if (input.Date < inspection.DecisionDate)
        {
            errors.Add(new("date", "Ngày kết luận không được trước ngày quyết định thanh tra."));
        }

        if (input.PublishedOn is { } published && (published < input.Date || !InputLimits.IsPlausible(published)))
        {
            errors.Add(new("publishedOn", "Ngày công khai kết luận không được trước ngày ký kết luận."));
        }

        var report = input.ResultsReportOn ?? inspection.ResultsReportOn;
        var assigned = input.DraftAssignedOn ?? inspection.DraftAssignedOn;
        var received = input.DraftReceivedOn ?? inspection.DraftReceivedOn;
        CheckSteps(errors, inspection.DecisionDate, report, assigned, received, input.Date);
        var findings = await FindingsAsync(errors, "findings", input.Findings, inspection, input.Date, 0, ct);
        if (errors.Count > 0)
        {
            return OversightResult.Invalid(errors);
        }

        inspection.ConclusionNumber = input.Number!.Trim();
        inspection.ConclusionDate = input.Date!.Value;
        inspection.PublishedOn = input.PublishedOn;
        (inspection.ResultsReportOn, inspection.DraftAssignedOn, inspection.DraftReceivedOn) = (report, assigned, received);
        inspection.UpdatedAt = time.GetUtcNow().UtcDateTime;
        inspection.Findings.AddRange(findings);
        await db.SaveChangesAsync(ct);
        return OversightResult.Ok(inspection.Id);
    }

    /// <summary>Adds findings to a concluded inspection (a form sends one at a time); the conclusion itself is not changed.</summary>
    public async Task<OversightResult> AddFindingsAsync(int id, IReadOnlyList<FindingInput> input, CancellationToken ct = default)
    {
        var inspection = await db.Inspections.Include(i => i.Units).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (inspection is null)
        {
            return OversightResult.Missing(NotFoundMessage);
        }

        if (await RefusalAsync(inspection, ct) is { } refused)
        {
            return refused;
        }

        if (inspection.ConclusionDate is null)
        {
            return OversightResult.Clash("findings", "Cuộc thanh tra chưa có kết luận: ghi kết luận trước.");
        }

        var errors = new List<RuleViolation>();
        if (input.Count == 0)
        {
            errors.Add(new("findings", "Vui lòng nhập ít nhất một nội dung kết luận."));
        }

        var ordinal = await db.InspectionFindings.Where(f => f.InspectionId == id).Select(f => (int?)f.Ordinal).MaxAsync(ct) ?? 0;
        var findings = await FindingsAsync(errors, "findings", input, inspection, inspection.ConclusionDate, ordinal, ct);
        if (errors.Count > 0)
        {
            return OversightResult.Invalid(errors);
        }

        db.InspectionFindings.AddRange(findings);
        inspection.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return OversightResult.Ok(inspection.Id);
    }

    /// <summary>Records the managing head's directive on the conclusion (Art. 53), once.</summary>
    public async Task<OversightResult> DirectAsync(int id, DirectiveInput input, CancellationToken ct = default)
    {
        var inspection = await db.Inspections.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (inspection is null)
        {
            return OversightResult.Missing(NotFoundMessage);
        }

        if (await RefusalAsync(inspection, ct) is { } refused)
        {
            return refused;
        }

        if (inspection.ConclusionDate is null)
        {
            return OversightResult.Clash("date", "Cuộc thanh tra chưa có kết luận: văn bản chỉ đạo thực hiện kết luận ghi sau kết luận.");
        }

        if (inspection.DirectiveNumber is not null)
        {
            return OversightResult.Clash("number", $"Đã có văn bản chỉ đạo số {inspection.DirectiveNumber}; văn bản chỉ đạo chỉ ghi một lần.");
        }

        var errors = new List<RuleViolation>();
        Require(errors, "number", input.Number, "Vui lòng nhập số văn bản chỉ đạo.");
        CheckDate(errors, "date", input.Date, "Vui lòng nhập ngày văn bản chỉ đạo.");
        if (input.Date < inspection.ConclusionDate)
        {
            errors.Add(new("date", "Văn bản chỉ đạo không được trước ngày kết luận."));
        }

        TextChecks.Lengths(errors, ("number", "Số văn bản", input.Number, 64), ("text", "Nội dung chỉ đạo", input.Text, 4000));
        TextChecks.Check(errors, ("number", "Số văn bản", input.Number, false), ("text", "Nội dung chỉ đạo", input.Text, true));
        if (errors.Count > 0)
        {
            return OversightResult.Invalid(errors);
        }

        inspection.DirectiveNumber = input.Number!.Trim();
        inspection.DirectiveDate = input.Date!.Value;
        inspection.DirectiveText = string.IsNullOrWhiteSpace(input.Text) ? null : input.Text.Trim();
        inspection.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return OversightResult.Ok(inspection.Id);
    }

    /// <summary>
    /// Reports what was done about a recommendation: the addressee agency (or a level above it) or the officer of the unit
    /// the recommendation's finding concerns.
    /// </summary>
    public async Task<OversightResult> FollowUpAsync(int recommendationId, FollowUpInput input, CancellationToken ct = default)
    {
        var r = await db.InspectionRecommendations.Include(x => x.Inspection).Include(x => x.Finding).FirstOrDefaultAsync(x => x.Id == recommendationId, ct);
        if (r is null)
        {
            return OversightResult.Missing(RecommendationNotFound);
        }

        if (!await MayReportAsync(r.AddresseeAgencyId, r.Finding!.UnitId, ct))
        {
            return OversightResult.Refused("role", "Tài khoản không được báo cáo thực hiện kiến nghị này: việc này do cơ quan thực hiện kiến nghị hoặc đơn vị được kết luận báo cáo.");
        }

        var errors = new List<RuleViolation>();
        CheckDate(errors, "date", input.Date, "Vui lòng nhập ngày báo cáo.");
        if (input.Date > Today)
        {
            errors.Add(new("date", "Ngày báo cáo không được sau hôm nay."));
        }
        else if (input.Date < r.Inspection!.ConclusionDate)
        {
            errors.Add(new("date", "Ngày báo cáo không được trước ngày kết luận."));
        }

        Require(errors, "text", input.Text, "Vui lòng nhập nội dung đã thực hiện.");
        TextChecks.Lengths(errors, ("text", "Nội dung", input.Text, 4000));
        TextChecks.Check(errors, ("text", "Nội dung", input.Text, true));
        if (input.Done is null)
        {
            errors.Add(new("done", "Vui lòng cho biết kiến nghị đã hoàn thành hay chưa (true hoặc false)."));
        }

        CheckAmount(errors, "amountRecovered", input.AmountRecovered, "Số tiền đã thu hồi");
        if (errors.Count > 0)
        {
            return OversightResult.Invalid(errors);
        }

        db.RecommendationFollowUps.Add(new RecommendationFollowUp
        {
            RecommendationId = r.Id, Date = input.Date!.Value, Text = input.Text!.Trim(), Done = input.Done!.Value,
            AmountRecovered = input.AmountRecovered, ReportedBy = db.Actor.Name, CreatedAt = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return OversightResult.Ok(r.Id);
    }

    /// <summary>The addressee disputes a recommendation (complaint, request to reconsider), or the dispute is settled.</summary>
    public async Task<OversightResult> DisputeAsync(int recommendationId, DisputeInput input, CancellationToken ct = default)
    {
        var r = await db.InspectionRecommendations.Include(x => x.Finding).FirstOrDefaultAsync(x => x.Id == recommendationId, ct);
        if (r is null)
        {
            return OversightResult.Missing(RecommendationNotFound);
        }

        if (!await MayReportAsync(r.AddresseeAgencyId, r.Finding!.UnitId, ct))
        {
            return OversightResult.Refused("role", "Tài khoản không được ghi khiếu nại về kiến nghị này.");
        }

        var errors = new List<RuleViolation>();
        if (input.Disputed is null)
        {
            errors.Add(new("disputed", "Vui lòng cho biết kiến nghị đang bị khiếu nại (true) hay đã giải quyết xong khiếu nại (false)."));
        }

        if (input.Disputed == true)
        {
            Require(errors, "reason", input.Reason, "Vui lòng nêu lý do khiếu nại, đề nghị xem xét lại.");
        }

        TextChecks.Lengths(errors, ("reason", "Lý do", input.Reason, 2000));
        TextChecks.Check(errors, ("reason", "Lý do", input.Reason, true));
        if (errors.Count > 0)
        {
            return OversightResult.Invalid(errors);
        }

        var reason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim();
        if (r.Disputed != input.Disputed!.Value || r.DisputeReason != reason)
        {
            (r.Disputed, r.DisputeReason) = (input.Disputed.Value, reason);
            await db.SaveChangesAsync(ct);
        }

        return OversightResult.Ok(r.Id);
    }

    public async Task<(IReadOnlyList<InspectionRow> Items, int Total)> ListAsync(InspectionFilter f, CancellationToken ct = default)
    {
        var query = db.Inspections.AsNoTracking();
        if (ParseKind(f.Kind) is { } kind)
        {
            query = query.Where(i => i.Kind == kind);
        }

        if (f.Year is { } year)
        {
            var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            query = query.Where(i => i.DecisionDate >= from && i.DecisionDate <= to);
        }

        if (f.UnitId is { } unit)
        {
            query = query.Where(i => i.Units.Any(u => u.UnitId == unit));
        }

        query = query.OrderByDescending(i => i.DecisionDate).ThenByDescending(i => i.Id);
        List<int>? matched = null;
        // The words typed are matched without accents in memory, on the numbers and the body: inspections are few.
        if (!string.IsNullOrWhiteSpace(f.Query))
        {
            var words = VietnameseText.Fold(f.Query).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var texts = await query.Select(i => new { i.Id, Text = i.DecisionNumber + " " + i.DecisionIssuer + " " + i.Body + " " + (i.ConclusionNumber ?? "") })
                .ToListAsync(ct);
            matched = texts.Where(t => words.All(w => VietnameseText.Fold(t.Text).Contains(w, StringComparison.Ordinal))).Select(t => t.Id).ToList();
        }

        var total = matched?.Count ?? await query.CountAsync(ct);
        var pageIds = matched?.Skip((f.Page - 1) * f.PageSize).Take(f.PageSize).ToList();
        var paged = pageIds is null ? query.Skip((f.Page - 1) * f.PageSize).Take(f.PageSize) : query.Where(i => pageIds.Contains(i.Id));
        var rows = await paged.Select(i => new
        {
            i.Id, i.DecisionNumber, i.DecisionDate, i.DecisionIssuer, i.Body, i.Kind, i.PeriodFrom, i.PeriodTo, i.ConclusionNumber, i.ConclusionDate,
            Units = i.Units.Select(u => u.Unit!.Name).ToList(),
            Recommendations = db.InspectionRecommendations.Count(r => r.InspectionId == i.Id),
        }).ToListAsync(ct);
        return (rows.Select(i => new InspectionRow(i.Id, new DecisionView(i.DecisionNumber, i.DecisionDate, i.DecisionIssuer), i.Body, KindCode(i.Kind),
            KindName(i.Kind), i.PeriodFrom, i.PeriodTo, i.Units.Order(StringComparer.Ordinal).ToList(), i.ConclusionNumber, i.ConclusionDate, i.Recommendations)).ToList(), total);
    }

    public async Task<InspectionView?> GetAsync(int id, CancellationToken ct = default)
    {
        var i = await db.Inspections.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new
            {
                x.Id, x.DecisionNumber, x.DecisionDate, x.DecisionIssuer, x.Body, x.BodyAgencyId, BodyAgencyName = x.BodyAgency != null ? x.BodyAgency.Name : null,
                x.Kind, x.PeriodFrom, x.PeriodTo, x.ResultsReportOn, x.DraftAssignedOn, x.DraftReceivedOn, x.ConclusionNumber, x.ConclusionDate,
                x.PublishedOn, x.DirectiveNumber, x.DirectiveDate, x.DirectiveText, x.CreatedBy, x.CreatedAt,
                Units = x.Units.Select(u => new InspectedUnit(u.UnitId, u.Unit!.Code, u.Unit.Name)).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (i is null)
        {
            return null;
        }

        var findings = await db.InspectionFindings.AsNoTracking().Where(f => f.InspectionId == id).OrderBy(f => f.Ordinal).ThenBy(f => f.Id)
            .Select(f => new { f.Id, f.Category, f.Amount, f.Responsibility, f.UnitId, UnitName = f.Unit != null ? f.Unit.Name : null, f.Description })
            .ToListAsync(ct);
        var recommendations = (await RecommendationsAsync(db.InspectionRecommendations.Where(r => r.InspectionId == id).OrderBy(r => r.Id), true, ct))
            .ToLookup(r => r.FindingId);
        var today = Today;
        var government = InspectionRules.IsGovernmentInspectorate(i.Body);
        var d = InspectionRules.Deadlines(i.ResultsReportOn, i.DraftAssignedOn, i.DraftReceivedOn, i.ConclusionDate, i.DirectiveDate, government, today);
        var deadlines = new DeadlinesView(
            Words(d.DraftAssign, "Giao xây dựng dự thảo kết luận", "chưa có ngày nhận báo cáo kết quả thanh tra"),
            Words(d.Sign, "Ký ban hành kết luận", "chưa có ngày nhận dự thảo kết luận"),
            Words(d.Directive, "Văn bản chỉ đạo thực hiện kết luận", "chưa có kết luận"));
        return new InspectionView(
            i.Id, new DecisionView(i.DecisionNumber, i.DecisionDate, i.DecisionIssuer), i.Body, i.BodyAgencyId, i.BodyAgencyName, KindCode(i.Kind), KindName(i.Kind),
            i.PeriodFrom, i.PeriodTo, i.ResultsReportOn, i.DraftAssignedOn, i.DraftReceivedOn, i.Units.OrderBy(u => u.Name, StringComparer.Ordinal).ToList(),
            i.ConclusionNumber is { } number ? new ConclusionView(number, i.ConclusionDate!.Value, i.PublishedOn, i.PublishedOn?.AddDays(InspectionRules.PublicationDays)) : null,
            i.DirectiveNumber is { } directive ? new DirectiveView(directive, i.DirectiveDate!.Value, i.DirectiveText) : null,
            findings.Select(f => new FindingView(f.Id, f.Category, f.Amount, f.Responsibility, f.UnitId, f.UnitName, f.Description, recommendations[f.Id].ToList())).ToList(),
            deadlines, i.CreatedBy, i.CreatedAt, await MayWriteForAsync(i.BodyAgencyId, ct));
    }

    /// <summary>Recommendations in the caller's scope, their status computed for today in SQL so that paging stays right.</summary>
    public async Task<(IReadOnlyList<RecommendationView> Items, int Total)> ListRecommendationsAsync(RecommendationFilter f, CancellationToken ct = default)
    {
        var query = Filtered(f, Today);
        var total = await query.CountAsync(ct);
        var items = await RecommendationsAsync(query.OrderBy(r => r.Deadline).ThenBy(r => r.Id).Skip((f.Page - 1) * f.PageSize).Take(f.PageSize), false, ct);
        return (items, total);
    }

    public async Task<RecommendationView?> GetRecommendationAsync(int id, CancellationToken ct = default) =>
        (await RecommendationsAsync(db.InspectionRecommendations.Where(r => r.Id == id), true, ct)) is [var view] ? view : null;

    /// <summary>The recommendations of the filter, as the list reads them; for the export, without paging.</summary>
    public IQueryable<InspectionRecommendation> Filtered(RecommendationFilter f, DateOnly today)
    {
        var query = db.InspectionRecommendations.AsNoTracking();
        if (f.AddresseeAgencyId is { } agency)
        {
            query = query.Where(r => r.AddresseeAgencyId == agency);
        }

        if (f.UnitId is { } unit)
        {
            query = query.Where(r => r.Finding!.UnitId == unit);
        }

        if (f.InspectionId is { } inspection)
        {
            query = query.Where(r => r.InspectionId == inspection);
        }

        return f.Status is { } status ? query.Where(HasStatus(status, today)) : query;
    }

    /// <summary>
    /// <see cref="InspectionRules.StatusOf"/> as a predicate the database evaluates: the last report by the date (by date,
    /// then by id) says done; else disputed; else past the deadline; else any report; else open.
    /// </summary>
    public static Expression<Func<InspectionRecommendation, bool>> HasStatus(RecommendationStatus status, DateOnly today) => status switch
    {
        RecommendationStatus.Done => r => r.FollowUps.Where(x => x.Date <= today).OrderByDescending(x => x.Date).ThenByDescending(x => x.Id).Select(x => x.Done).FirstOrDefault(),
        RecommendationStatus.Disputed => r => !r.FollowUps.Where(x => x.Date <= today).OrderByDescending(x => x.Date).ThenByDescending(x => x.Id).Select(x => x.Done).FirstOrDefault()
            && r.Disputed,
        RecommendationStatus.Overdue => r => !r.FollowUps.Where(x => x.Date <= today).OrderByDescending(x => x.Date).ThenByDescending(x => x.Id).Select(x => x.Done).FirstOrDefault()
            && !r.Disputed && r.Deadline < today,
        RecommendationStatus.Partial => r => !r.FollowUps.Where(x => x.Date <= today).OrderByDescending(x => x.Date).ThenByDescending(x => x.Id).Select(x => x.Done).FirstOrDefault()
            && !r.Disputed && r.Deadline >= today && r.FollowUps.Any(x => x.Date <= today),
        _ => r => !r.Disputed && r.Deadline >= today && !r.FollowUps.Any(x => x.Date <= today),
    };

    /// <summary>Counts by addressee agency and status, for the board; agencies with most overdue first.</summary>
    public async Task<IReadOnlyList<BoardRow>> BoardAsync(CancellationToken ct = default)
    {
        var today = Today;
        var rows = await db.InspectionRecommendations.AsNoTracking()
            .Select(r => new
            {
                r.AddresseeAgencyId, Name = r.AddresseeAgency!.Name, r.Deadline, r.Disputed,
                LastDone = r.FollowUps.Where(x => x.Date <= today).OrderByDescending(x => x.Date).ThenByDescending(x => x.Id).Select(x => x.Done).FirstOrDefault(),
                Reported = r.FollowUps.Any(x => x.Date <= today),
            })
            .ToListAsync(ct);
        return rows
            .Select(r => (r.AddresseeAgencyId, r.Name, Status: InspectionRules.StatusOf(r.Deadline, r.Disputed, r.LastDone, r.Reported, today)))
            .GroupBy(r => (r.AddresseeAgencyId, r.Name))
            .Select(g => new BoardRow(g.Key.AddresseeAgencyId, g.Key.Name,
                g.Count(x => x.Status == RecommendationStatus.Open), g.Count(x => x.Status == RecommendationStatus.Partial),
                g.Count(x => x.Status == RecommendationStatus.Overdue), g.Count(x => x.Status == RecommendationStatus.Done),
                g.Count(x => x.Status == RecommendationStatus.Disputed)))
            .OrderByDescending(b => b.Overdue).ThenBy(b => VietnameseText.SortKey(b.AgencyName), StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The findings of concluded inspections that concern a unit, newest first, for the unit's page.</summary>
    public async Task<IReadOnlyList<UnitFinding>> FindingsOfUnitAsync(int unitId, CancellationToken ct = default) =>
        await db.InspectionFindings.AsNoTracking().Where(f => f.UnitId == unitId)
            .OrderByDescending(f => f.Inspection!.ConclusionDate).ThenBy(f => f.Id)
            .Select(f => new UnitFinding(f.InspectionId, f.Inspection!.DecisionNumber, f.Inspection.ConclusionNumber, f.Inspection.ConclusionDate,
                f.Inspection.Body, f.Category, f.Amount))
            .Take(20)
            .ToListAsync(ct);

    /// <summary>Whether the caller may report on a recommendation: the addressee's officers, or the officer of the unit it concerns.</summary>
    public async Task<bool> MayReportAsync(int addresseeAgencyId, int? unitId, CancellationToken ct = default) =>
        (db.Scope.Role == Roles.UnitOfficer && unitId is not null && db.Scope.UnitId == unitId)
        || Permissions.MayActFor(db.Scope, await PlaceAsync(addresseeAgencyId, ct));

    private async Task<IReadOnlyList<RecommendationView>> RecommendationsAsync(IQueryable<InspectionRecommendation> query, bool withFollowUps, CancellationToken ct)
    {
        var today = Today;
        var rows = await query.Select(r => new
        {
            r.Id, r.InspectionId, InspectionNumber = r.Inspection!.DecisionNumber, r.Inspection.ConclusionNumber, r.FindingId, FindingCategory = r.Finding!.Category,
            r.Finding.UnitId, UnitName = r.Finding.Unit != null ? r.Finding.Unit.Name : null, r.Type, r.Content, r.Amount, r.AddresseeAgencyId,
            AddresseeAgencyName = r.AddresseeAgency!.Name, r.Deadline, r.Disputed, r.DisputeReason,
            FollowUps = r.FollowUps.OrderBy(x => x.Date).ThenBy(x => x.Id)
                .Select(x => new FollowUpView(x.Id, x.Date, x.Text, x.Done, x.AmountRecovered, x.ReportedBy)).ToList(),
        }).ToListAsync(ct);
        return rows.Select(r =>
        {
            var status = InspectionRules.StatusOn(r.Deadline, r.Disputed, r.FollowUps.Select(x => new FollowUpFact(x.Date, x.Done, x.AmountRecovered, x.Id)), today);
            return new RecommendationView(
                r.Id, r.InspectionId, r.InspectionNumber, r.ConclusionNumber, r.FindingId, r.FindingCategory, r.UnitId, r.UnitName, TypeCode(r.Type), TypeName(r.Type),
                r.Content, r.Amount, r.AddresseeAgencyId, r.AddresseeAgencyName, r.Deadline,
                r.FollowUps.Where(x => x.Date <= today).Sum(x => x.AmountRecovered ?? 0), r.Disputed, r.DisputeReason,
                InspectionRules.Code(status), InspectionRules.Name(status), withFollowUps ? r.FollowUps : []);
        }).ToList();
    }

    private async Task<List<InspectionFinding>> FindingsAsync(
        List<RuleViolation> errors, string prefix, IReadOnlyList<FindingInput> input, Inspection inspection, DateOnly? conclusionDate, int ordinal, CancellationToken ct)
    {
        var agencyIds = input.SelectMany(f => f.Recommendations).Select(r => r.AddresseeAgencyId).OfType<int>().Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
        var inspected = inspection.Units.Select(u => u.UnitId).ToHashSet();
        var findings = new List<InspectionFinding>();
        if (input.Count > 100)
        {
            errors.Add(new(prefix, "Một kết luận ghi tối đa 100 nội dung."));
            return findings;
        }

        for (var i = 0; i < input.Count; i++)
        {
            var f = input[i];
            var at = $"{prefix}[{i}]";
            Require(errors, $"{at}.category", f.Category, "Vui lòng nhập nhóm nội dung, vi phạm.");
            TextChecks.Lengths(errors, ($"{at}.category", "Nhóm vi phạm", f.Category, 250), ($"{at}.description", "Nội dung", f.Description, 4000),
                ($"{at}.responsibility", "Trách nhiệm", f.Responsibility, 1000));
            TextChecks.Check(errors, ($"{at}.category", "Nhóm vi phạm", f.Category, false), ($"{at}.description", "Nội dung", f.Description, true),
                ($"{at}.responsibility", "Trách nhiệm", f.Responsibility, true));
            CheckAmount(errors, $"{at}.amount", f.Amount, "Số tiền");
            if (f.UnitId is { } unit && !inspected.Contains(unit))
            {
                errors.Add(new($"{at}.unitId", "Đơn vị của nội dung kết luận phải là một đơn vị được thanh tra trong cuộc này."));
            }

            if (f.Recommendations.Count > 100)
            {
                errors.Add(new($"{at}.recommendations", "Một nội dung ghi tối đa 100 kiến nghị."));
                continue;
            }

            var finding = new InspectionFinding
            {
                InspectionId = inspection.Id, UnitId = f.UnitId, Category = f.Category?.Trim() ?? "", Description = Trimmed(f.Description), Amount = f.Amount,
                Responsibility = Trimmed(f.Responsibility), Ordinal = ordinal + i + 1,
            };
            for (var j = 0; j < f.Recommendations.Count; j++)
            {
                var r = f.Recommendations[j];
                var rat = $"{at}.recommendations[{j}]";
                var type = ParseType(r.Type);
                if (type is null)
                {
                    errors.Add(new($"{rat}.type", "Loại kiến nghị phải là một trong: recover (thu hồi), discipline (kỷ luật), fix (khắc phục), refer (chuyển cơ quan có thẩm quyền)."));
                }

                if (r.AddresseeAgencyId is null)
                {
                    errors.Add(new($"{rat}.addresseeAgencyId", "Vui lòng chọn cơ quan thực hiện kiến nghị."));
                }
                else if (!agencies.Contains(r.AddresseeAgencyId.Value))
                {
                    errors.Add(new($"{rat}.addresseeAgencyId", "Cơ quan thực hiện kiến nghị không tồn tại."));
                }

                CheckDate(errors, $"{rat}.deadline", r.Deadline, "Vui lòng nhập hạn thực hiện kiến nghị.");
                if (r.Deadline < conclusionDate)
                {
                    errors.Add(new($"{rat}.deadline", "Hạn thực hiện kiến nghị không được trước ngày kết luận."));
                }

                CheckAmount(errors, $"{rat}.amount", r.Amount, "Số tiền kiến nghị");
                TextChecks.Lengths(errors, ($"{rat}.content", "Nội dung kiến nghị", r.Content, 4000));
                TextChecks.Check(errors, ($"{rat}.content", "Nội dung kiến nghị", r.Content, true));
                if (type is not null && r.AddresseeAgencyId is not null && r.Deadline is not null)
                {
                    finding.Recommendations.Add(new InspectionRecommendation
                    {
                        InspectionId = inspection.Id, Type = type.Value, Content = Trimmed(r.Content), Amount = r.Amount,
                        AddresseeAgencyId = r.AddresseeAgencyId.Value, Deadline = r.Deadline.Value,
                    });
                }
            }

            findings.Add(finding);
        }

        return findings;
    }

    private async Task<OversightResult?> RefusalAsync(Inspection inspection, CancellationToken ct) =>
        MayRecord && await MayWriteForAsync(inspection.BodyAgencyId, ct)
            ? null
            : OversightResult.Refused("role", "Tài khoản không được ghi kết luận, chỉ đạo của cuộc thanh tra này: việc này do cơ quan ra quyết định thanh tra thực hiện.");

    private async Task<AgencyPlace?> PlaceAsync(int agencyId, CancellationToken ct) =>
        await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId)
            .Select(a => new AgencyPlace(a.LineagePath, a.Area != null ? a.Area.LineagePath : null)).FirstOrDefaultAsync(ct);

    private static void CheckSteps(List<RuleViolation> errors, DateOnly? decision, DateOnly? report, DateOnly? assigned, DateOnly? received, DateOnly? concluded)
    {
        CheckDate(errors, "resultsReportOn", report, null);
        CheckDate(errors, "draftAssignedOn", assigned, null);
        CheckDate(errors, "draftReceivedOn", received, null);
        if (report < decision)
        {
            errors.Add(new("resultsReportOn", "Ngày báo cáo kết quả thanh tra không được trước ngày quyết định thanh tra."));
        }

        if (assigned < report)
        {
            errors.Add(new("draftAssignedOn", "Ngày giao xây dựng dự thảo kết luận không được trước ngày báo cáo kết quả."));
        }

        if (received < (assigned ?? report))
        {
            errors.Add(new("draftReceivedOn", "Ngày nhận dự thảo kết luận không được trước ngày giao xây dựng dự thảo."));
        }

        if (concluded < (received ?? assigned ?? report))
        {
            errors.Add(new("date", "Ngày kết luận không được trước các bước trước nó (báo cáo kết quả, giao và nhận dự thảo)."));
        }
    }

    private static void CheckDate(List<RuleViolation> errors, string field, DateOnly? value, string? missing)
    {
        if (value is null)
        {
            if (missing is not null)
            {
                errors.Add(new(field, missing));
            }
        }
        else if (!InputLimits.IsPlausible(value.Value))
        {
            errors.Add(new(field, InputLimits.DateMessage));
        }
    }

    private static void CheckAmount(List<RuleViolation> errors, string field, decimal? value, string label)
    {
        if (value is < 0)
        {
            errors.Add(new(field, $"{label} không được âm."));
        }
        else if (value > InputLimits.MaxAmount)
        {
            errors.Add(new(field, $"{label} vượt quá {InputLimits.Number(InputLimits.MaxAmount)} đồng."));
        }
        else if (value is { } v && decimal.Truncate(v) != v)
        {
            errors.Add(new(field, $"{label} tính bằng đồng, không có phần lẻ."));
        }
    }

    private static void Require(List<RuleViolation> errors, string field, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, message));
        }
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DeadlineView Words(LawDeadline d, string what, string noStart)
    {
        static string Day(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var text = d switch
        {
            { By: null } => $"{what}: chưa tính được hạn ({noStart}).",
            { Met: true } => $"{what}: đúng hạn (ngày {Day(d.DoneOn!.Value)}, hạn {Day(d.By.Value)}).",
            { Met: false } => $"{what}: chậm (ngày {Day(d.DoneOn!.Value)}, hạn {Day(d.By.Value)}).",
            { Late: true } => $"{what}: quá hạn, chưa thực hiện (hạn {Day(d.By.Value)}).",
            _ => $"{what}: trong hạn, hạn {Day(d.By.Value)}.",
        };
        return new DeadlineView(d.By, d.DoneOn, d.Met, d.Late, text);
    }
}
