using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Scenarios;

namespace SuNghiep.Core.Reorganizations;

/// <summary>A proposal as a form or request gives it.</summary>
public sealed record ProposalInput
{
    public string? Kind { get; init; }
    public string? Number { get; init; }
    public DateOnly? ProposedOn { get; init; }
    public string? Summary { get; init; }
    public int? AgencyId { get; init; }
    public int? CompetentAgencyId { get; init; }
    /// <summary>The planned event; its decision is given when the proposal is decided.</summary>
    public ReorganizationInput Event { get; init; } = new();
    public int? PlannedStaff { get; init; }
    public int? PlannedBudgetPositions { get; init; }
    public string? DissolutionGround { get; init; }
}

public sealed record AppraisalInput(string? Result, string? Opinion, DateOnly? AppraisedOn, string? Appraiser);

public sealed record ProposalDecisionInput(string? Number, DateOnly? Date, string? Issuer, DateOnly? EffectiveDate);

/// <summary>The outcome of a write on a proposal: its id, or errors by field; not found, forbidden and conflict as flags.</summary>
public sealed record ProposalResult(
    int? Id, IReadOnlyList<RuleViolation> Errors, IReadOnlyList<RuleViolation> Warnings,
    bool NotFound = false, bool Forbidden = false, bool Conflict = false)
{
    public bool Succeeded => Id is not null;
}

public sealed record ProposalAppraisal(
    string Result, string ResultName, string? Opinion, DateOnly AppraisedOn, string Appraiser, IReadOnlyList<RuleViolation> Warnings);

public sealed record ProposalView(
    int Id, string Kind, string KindName, string Number, DateOnly ProposedOn, string Summary,
    int AgencyId, string AgencyName, int? CompetentAgencyId, string? CompetentAgencyName,
    string? EventType, string EventTypeName, JsonElement Event, int? PlannedStaff, int? PlannedBudgetPositions,
    string? DissolutionGround, string? DissolutionGroundName, string Status, string StatusName,
    string CreatedBy, DateTime CreatedAt, DateTime? SubmittedAt, string? SubmittedBy, ProposalAppraisal? Appraisal,
    int? ReorganizationId, DateTime? DecidedAt, string? DecidedBy, IReadOnlyList<RuleViolation> DecisionWarnings,
    DateTime? WithdrawnAt, string? WithdrawnBy, string? WithdrawReason, IReadOnlyList<RuleViolation> Warnings, int Revision);

public sealed record ProposalRow(
    int Id, string KindName, string Number, DateOnly ProposedOn, string Summary, string AgencyName, string EventTypeName,
    string Status, string StatusName, int? ReorganizationId);

public sealed record ProposalFilter(string? Query, ProposalStatus? Status, int? AgencyId, int Page, int PageSize);

/// <summary>
/// Reorganization dossiers: drafted by an agency, submitted, appraised by the Department of Home Affairs, decided (the
/// event is recorded through <see cref="ReorganizationService"/>) or withdrawn. Every step is a write of the proposal,
/// audited by the context with its before and after.
/// </summary>
public sealed class ProposalService(SuNghiepDbContext db, ReorganizationService reorganizations, TimeProvider time)
{
    private static readonly JsonSerializerOptions WarningJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string KindCode(ProposalKind kind) => kind == ProposalKind.Scheme ? "scheme" : "submission";

    public static string KindName(ProposalKind kind) => kind == ProposalKind.Scheme ? "Đề án" : "Tờ trình";

    public static ProposalKind? ParseKind(string? code) => code?.Trim() switch { "submission" => ProposalKind.Submission, "scheme" => ProposalKind.Scheme, _ => null };

    public static string StatusCode(ProposalStatus status) => status.ToString().ToLowerInvariant();

    public static ProposalStatus? ParseStatus(string? code) =>
        Enum.GetValues<ProposalStatus>().Select(s => (ProposalStatus?)s).FirstOrDefault(s => StatusCode(s!.Value) == code?.Trim().ToLowerInvariant());

    public static string StatusName(ProposalStatus status) => status switch
    {
        ProposalStatus.Draft => "Dự thảo",
        ProposalStatus.Submitted => "Đã trình, chờ thẩm định",
        ProposalStatus.Appraised => "Đã thẩm định",
        ProposalStatus.Decided => "Đã quyết định",
        _ => "Đã rút",
    };

    public static string ResultCode(AppraisalResult result) => result switch
    {
        AppraisalResult.Agreed => "agreed",
        AppraisalResult.AgreedWithConditions => "agreed-with-conditions",
        _ => "not-agreed",
    };

    public static AppraisalResult? ParseResult(string? code) =>
        Enum.GetValues<AppraisalResult>().Select(r => (AppraisalResult?)r).FirstOrDefault(r => ResultCode(r!.Value) == code?.Trim());

    public static string ResultName(AppraisalResult result) => result switch
    {
        AppraisalResult.Agreed => "Đồng ý",
        AppraisalResult.AgreedWithConditions => "Đồng ý có điều kiện",
        _ => "Không đồng ý",
    };

    public async Task<ProposalResult> CreateAsync(ProposalInput input, CancellationToken ct = default)
    {
        var errors = new List<RuleViolation>();
        var kind = ParseKind(input.Kind);
        if (kind is null)
        {
            errors.Add(new("kind", "Loại văn bản đề nghị phải là tờ trình (submission) hoặc đề án (scheme)."));
        }

        if (string.IsNullOrWhiteSpace(input.Number))
        {
            errors.Add(new("number", "Vui lòng nhập số, ký hiệu văn bản đề nghị."));
        }

        if (input.ProposedOn is null)
        {
            errors.Add(new("proposedOn", "Vui lòng nhập ngày của văn bản đề nghị."));
        }
        else if (input.ProposedOn < UnitRules.EarliestDate)
        {
            errors.Add(new("proposedOn", "Ngày văn bản không thể trước ngày 02/09/1945."));
        }

        if (string.IsNullOrWhiteSpace(input.Summary))
        {
            errors.Add(new("summary", "Vui lòng nhập trích yếu nội dung đề nghị."));
        }

        errors.AddRange(UnitRules.ValidateLength("number", input.Number, 64));
        errors.AddRange(UnitRules.ValidateLength("summary", input.Summary, 2000));
        Text.TextChecks.Check(errors, ("number", "Số, ký hiệu", input.Number, false), ("summary", "Trích yếu", input.Summary, true));
        if (input.PlannedStaff is < 0 or > 1_000_000)
        {
            errors.Add(new("plannedStaff", "Số người làm việc dự kiến phải từ 0 đến 1.000.000."));
        }

        if (input.PlannedBudgetPositions is < 0 or > 1_000_000)
        {
            errors.Add(new("plannedBudgetPositions", "Số lượng người làm việc hưởng lương từ ngân sách phải từ 0 đến 1.000.000."));
        }

        var ground = ReorganizationChecks.ParseGround(input.DissolutionGround);
        if (!string.IsNullOrWhiteSpace(input.DissolutionGround) && ground is null)
        {
            errors.Add(new("dissolutionGround", "Căn cứ giải thể phải là một trong: " + string.Join(", ", Enum.GetValues<DissolutionGround>().Select(ReorganizationChecks.GroundCode)) + "."));
        }

        var agency = input.AgencyId is { } agencyId
            ? await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId)
                .Select(a => new { a.Id, Place = new AgencyPlace(a.LineagePath, a.Area != null ? a.Area.LineagePath : null) }).FirstOrDefaultAsync(ct)
            : null;
        if (input.AgencyId is null)
        {
            errors.Add(new("agencyId", "Vui lòng chọn cơ quan lập hồ sơ đề nghị."));
        }
        else if (agency is null)
        {
            errors.Add(new("agencyId", "Cơ quan lập hồ sơ không tồn tại."));
        }

        if (input.CompetentAgencyId is { } competent && !await db.Agencies.AnyAsync(a => a.Id == competent, ct))
        {
            errors.Add(new("competentAgencyId", "Cơ quan có thẩm quyền quyết định không tồn tại."));
        }

        errors.AddRange(await CheckEventAsync(input.Event, ct));
        if (agency is not null && !Permissions.MayActFor(db.Scope, agency.Place))
        {
            return new ProposalResult(null, [new("agencyId", "Tài khoản không được lập hồ sơ thay cho cơ quan này: cơ quan nằm ngoài phạm vi được giao.")], [], Forbidden: true);
        }

        if (errors.Count > 0)
        {
            return new ProposalResult(null, errors, []);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var proposal = new ReorganizationProposal
        {
            Kind = kind!.Value, Number = input.Number!.Trim(), ProposedOn = input.ProposedOn!.Value, Summary = input.Summary!.Trim(),
            AgencyId = agency!.Id, CompetentAgencyId = input.CompetentAgencyId, EventJson = EventToJson(input.Event),
            PlannedStaff = input.PlannedStaff, PlannedBudgetPositions = input.PlannedBudgetPositions, DissolutionGround = ground,
            Status = ProposalStatus.Draft, CreatedAt = now, CreatedBy = db.Actor.Name, UpdatedAt = now,
        };
        db.ReorganizationProposals.Add(proposal);
        await db.SaveChangesAsync(ct);
        return new ProposalResult(proposal.Id, [], await WarningsAsync(proposal, ct));
    }

    /// <summary>
    /// The planned event checked as a reorganization is, with a stand-in decision: the form, its units in the caller's
    /// scope, active on the planned date. The new units are checked in full when the decision is recorded.
    /// </summary>
    private async Task<IReadOnlyList<RuleViolation>> CheckEventAsync(ReorganizationInput e, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        if (e.EffectiveDate is null)
        {
            errors.Add(new("event.effectiveDate", "Vui lòng nhập ngày dự kiến có hiệu lực của phương án sắp xếp."));
            return errors;
        }

        var named = e.SourceUnitIds.Concat(e.ContinuingUnitId is { } c ? [c] : []).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => named.Contains(u.Id))
            .Select(u => new ReorganizationUnit(u.Id, u.Code, u.EstablishedOn, u.EndedOn, u.EstablishedOn, u.ManagingAgencyId, u.Name))
            .ToDictionaryAsync(u => u.Id, ct);
        var (_, planErrors) = ReorganizationRules.Plan(new ReorganizationRequest(
            ReorganizationRules.Parse(e.Type), "-", e.EffectiveDate, "-", e.EffectiveDate, e.SourceUnitIds, e.ContinuingUnitId,
            e.NewUnits.Count, e.NewManagingAgencyId, e.NewName), units);
        errors.AddRange(planErrors.Where(p => !p.Field.StartsWith("decision.", StringComparison.Ordinal)).Select(p => p with { Field = "event." + p.Field }));
        for (var i = 0; i < e.NewUnits.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(e.NewUnits[i].Name))
            {
                errors.Add(new($"event.newUnits[{i}].name", "Vui lòng nhập tên đơn vị mới."));
            }
        }

        return errors;
    }

    public async Task<ProposalResult> SubmitAsync(int id, int? revision, CancellationToken ct = default) =>
        await StepAsync(id, revision, ProposalStatus.Submitted, (p, _) =>
        {
            p.SubmittedAt = time.GetUtcNow().UtcDateTime;
            p.SubmittedBy = db.Actor.Name;
            return Task.FromResult<IReadOnlyList<RuleViolation>>([]);
        }, ct);

    public async Task<ProposalResult> WithdrawAsync(int id, int? revision, string? reason, CancellationToken ct = default) =>
        await StepAsync(id, revision, ProposalStatus.Withdrawn, (p, _) =>
        {
            var errors = new List<RuleViolation>();
            if (string.IsNullOrWhiteSpace(reason))
            {
                errors.Add(new("reason", "Vui lòng nêu lý do rút hồ sơ."));
            }

            errors.AddRange(UnitRules.ValidateLength("reason", reason, 2000));
            Text.TextChecks.Check(errors, ("reason", "Lý do rút", reason, true));
            if (errors.Count == 0)
            {
                p.WithdrawnAt = time.GetUtcNow().UtcDateTime;
                p.WithdrawnBy = db.Actor.Name;
                p.WithdrawReason = reason!.Trim();
            }

            return Task.FromResult<IReadOnlyList<RuleViolation>>(errors);
        }, ct);

    /// <summary>The appraisal is the Department of Home Affairs' (or the administrator's); it lists the warnings of its day.</summary>
    public async Task<ProposalResult> AppraiseAsync(int id, int? revision, AppraisalInput input, CancellationToken ct = default) =>
        await StepAsync(id, revision, ProposalStatus.Appraised, async (p, c) =>
        {
            var errors = new List<RuleViolation>();
            var result = ParseResult(input.Result);
            if (result is null)
            {
                errors.Add(new("result", "Kết quả thẩm định phải là một trong: agreed (đồng ý), agreed-with-conditions (đồng ý có điều kiện), not-agreed (không đồng ý)."));
            }

            if (string.IsNullOrWhiteSpace(input.Opinion))
            {
                errors.Add(new("opinion", "Vui lòng nhập ý kiến thẩm định."));
            }

            if (input.AppraisedOn is not { } on)
            {
                errors.Add(new("appraisedOn", "Vui lòng nhập ngày thẩm định."));
            }
            else if (on < p.ProposedOn)
            {
                errors.Add(new("appraisedOn", "Ngày thẩm định không thể trước ngày của văn bản đề nghị."));
            }

            if (string.IsNullOrWhiteSpace(input.Appraiser))
            {
                errors.Add(new("appraiser", "Vui lòng nhập người thẩm định."));
            }

            errors.AddRange(UnitRules.ValidateLength("opinion", input.Opinion, 4000));
            errors.AddRange(UnitRules.ValidateLength("appraiser", input.Appraiser, 256));
            Text.TextChecks.Check(errors, ("opinion", "Ý kiến thẩm định", input.Opinion, true), ("appraiser", "Người thẩm định", input.Appraiser, false));
            if (errors.Count == 0)
            {
                p.AppraisalResult = result;
                p.AppraisalOpinion = input.Opinion!.Trim();
                p.AppraisedOn = input.AppraisedOn;
                p.Appraiser = input.Appraiser!.Trim();
                p.AppraisalWarningsJson = WarningsToJson(await WarningsAsync(p, c));
            }

            return errors;
        }, ct, homeAffairsOnly: true);

    /// <summary>
    /// Records the decision: the planned event with the decision's number, date and issuer becomes a reorganization, and the
    /// proposal keeps the warnings computed just before, on the units as they stood. One transaction for both writes.
    /// </summary>
    public async Task<ProposalResult> DecideAsync(int id, int? revision, ProposalDecisionInput input, CancellationToken ct = default)
    {
        var proposal = await db.ReorganizationProposals.Include(p => p.Agency).ThenInclude(a => a!.Area).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is null)
        {
            return new ProposalResult(null, [], [], NotFound: true);
        }

        if (Refusal(proposal, ProposalStatus.Decided, revision, homeAffairsOnly: false) is { } refused)
        {
            return refused;
        }

        var planned = EventFromJson(proposal.EventJson);
        var warnings = (await WarningsAsync(proposal, ct)).ToList();
        if (proposal.AppraisalResult == AppraisalResult.NotAgreed)
        {
            warnings.Insert(0, new("appraisal", "Sở Nội vụ thẩm định không đồng ý với hồ sơ này."));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var recorded = await reorganizations.RecordAsync(planned with
        {
            DecisionNumber = input.Number, DecisionDate = input.Date, DecisionIssuer = input.Issuer,
            EffectiveDate = input.EffectiveDate ?? planned.EffectiveDate,
        }, ct);
        if (!recorded.Succeeded)
        {
            await transaction.RollbackAsync(ct);
            var errors = recorded.Errors.Select(e => e with
            {
                Field = e.Field.StartsWith("decision.", StringComparison.Ordinal) ? e.Field["decision.".Length..]
                    : e.Field == "effectiveDate" ? "effectiveDate" : "event." + e.Field,
            }).ToList();
            return new ProposalResult(null, errors, [], Conflict: recorded.Conflict);
        }

        var now = time.GetUtcNow().UtcDateTime;
        proposal.Status = ProposalStatus.Decided;
        proposal.DecidedAt = now;
        proposal.DecidedBy = db.Actor.Name;
        proposal.ReorganizationId = recorded.Id;
        proposal.DecisionWarningsJson = WarningsToJson(warnings);
        proposal.UpdatedAt = now;
        proposal.Revision++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new ProposalResult(null, [Stale], [], Conflict: true);
        }

        await transaction.CommitAsync(ct);
        return new ProposalResult(proposal.Id, [], [.. warnings, .. recorded.Warnings]);
    }

    private static readonly RuleViolation Stale = new("", "Hồ sơ vừa được người khác thay đổi; nội dung chưa được ghi. Vui lòng tải lại và thử lại.");

    private async Task<ProposalResult> StepAsync(
        int id, int? revision, ProposalStatus to, Func<ReorganizationProposal, CancellationToken, Task<IReadOnlyList<RuleViolation>>> apply,
        CancellationToken ct, bool homeAffairsOnly = false)
    {
        var proposal = await db.ReorganizationProposals.Include(p => p.Agency).ThenInclude(a => a!.Area).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is null)
        {
            return new ProposalResult(null, [], [], NotFound: true);
        }

        if (Refusal(proposal, to, revision, homeAffairsOnly) is { } refused)
        {
            return refused;
        }

        var errors = await apply(proposal, ct);
        if (errors.Count > 0)
        {
            return new ProposalResult(null, errors, []);
        }

        proposal.Status = to;
        proposal.UpdatedAt = time.GetUtcNow().UtcDateTime;
        proposal.Revision++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new ProposalResult(null, [Stale], [], Conflict: true);
        }

        return new ProposalResult(proposal.Id, [], []);
    }

    /// <summary>Who may take the step, from which status, on the state the caller read.</summary>
    private ProposalResult? Refusal(ReorganizationProposal p, ProposalStatus to, int? revision, bool homeAffairsOnly)
    {
        var place = new AgencyPlace(p.Agency!.LineagePath, p.Agency.Area?.LineagePath);
        var allowed = homeAffairsOnly
            ? db.Scope.Role is Roles.SystemAdmin || (db.Scope.Role is Roles.HomeAffairs && Permissions.Contains(db.Scope, place))
            : Permissions.MayActFor(db.Scope, place);
        if (!allowed)
        {
            return new ProposalResult(null, [new("", homeAffairsOnly
                ? "Chỉ Sở Nội vụ thẩm định hồ sơ đề nghị sắp xếp."
                : "Tài khoản không được thực hiện bước này thay cho cơ quan lập hồ sơ.")], [], Forbidden: true);
        }

        if (ProposalRules.MoveError(p.Status, to) is { } wrong)
        {
            return new ProposalResult(null, [new("status", wrong)], [], Conflict: true);
        }

        if (revision is { } r && r != p.Revision)
        {
            return new ProposalResult(null, [Stale], [], Conflict: true);
        }

        return null;
    }

    /// <summary>The checks of Decree 120 on the proposal, read against the units as they stand now.</summary>
    public async Task<IReadOnlyList<RuleViolation>> WarningsAsync(ReorganizationProposal proposal, CancellationToken ct = default)
    {
        var e = EventFromJson(proposal.EventJson);
        if (ReorganizationRules.Parse(e.Type) is not { } type)
        {
            return [];
        }

        var ids = e.SourceUnitIds.Concat(e.ContinuingUnitId is { } c ? [c] : []).Distinct().ToList();
        var year = (e.EffectiveDate ?? proposal.ProposedOn).Year;
        var units = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new
            {
                u.Id, u.Code, u.RoleClassCode, u.LevelCode, u.AutonomyGroup,
                Budget = db.StaffingYears.Where(s => s.UnitId == u.Id && s.Year <= year).OrderByDescending(s => s.Year).Select(s => (int?)s.BudgetPositions).FirstOrDefault(),
            })
            .ToListAsync(ct);
        CheckedUnit Checked(int id) => units.Where(u => u.Id == id).Select(u => new CheckedUnit(u.Code, u.RoleClassCode, u.LevelCode, u.AutonomyGroup, u.Budget)).Single();
        var continuing = type is ReorganizationType.Merger or ReorganizationType.Separation
            ? e.ContinuingUnitId ?? (type == ReorganizationType.Separation && e.SourceUnitIds.Count > 0 ? e.SourceUnitIds[0] : (int?)null) : null;
        var ending = ids.Where(id => id != continuing && units.Any(u => u.Id == id)).Select(Checked).ToList();
        var competent = proposal.CompetentAgencyId is { } cid
            ? await db.Agencies.AsNoTracking().Where(a => a.Id == cid).Select(a => (AgencyKind?)a.Kind).FirstOrDefaultAsync(ct)
            : null;
        return ReorganizationChecks.Check(new ProposalFacts(
            type, ending, continuing is { } k && units.Any(u => u.Id == k) ? Checked(k) : null,
            e.NewUnits.Select(u => new PlannedUnit(u.Name ?? "", u.RoleClass, u.Level, u.AutonomyGroup)).ToList(),
            proposal.PlannedStaff, proposal.PlannedBudgetPositions, proposal.DissolutionGround, competent));
    }

    public async Task<ProposalView?> GetAsync(int id, CancellationToken ct = default)
    {
        var p = await db.ReorganizationProposals.AsNoTracking().Include(x => x.Agency).Include(x => x.CompetentAgency).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null)
        {
            return null;
        }

        var e = EventFromJson(p.EventJson);
        var type = ReorganizationRules.Parse(e.Type);
        // A decided or withdrawn proposal is history: its warnings are those kept with its decision or appraisal.
        var current = p.Status is ProposalStatus.Decided or ProposalStatus.Withdrawn ? [] : await WarningsAsync(p, ct);
        using var doc = JsonDocument.Parse(p.EventJson);
        return new ProposalView(
            p.Id, KindCode(p.Kind), KindName(p.Kind), p.Number, p.ProposedOn, p.Summary, p.AgencyId, p.Agency!.Name,
            p.CompetentAgencyId, p.CompetentAgency?.Name, e.Type, type is { } t ? ReorganizationRules.TypeNameWithBasis(t) : e.Type ?? "",
            doc.RootElement.Clone(), p.PlannedStaff, p.PlannedBudgetPositions,
            p.DissolutionGround is { } g ? ReorganizationChecks.GroundCode(g) : null, p.DissolutionGround is { } g2 ? ReorganizationChecks.GroundName(g2) : null,
            StatusCode(p.Status), StatusName(p.Status), p.CreatedBy, p.CreatedAt, p.SubmittedAt, p.SubmittedBy,
            p.AppraisalResult is { } r
                ? new ProposalAppraisal(ResultCode(r), ResultName(r), p.AppraisalOpinion, p.AppraisedOn!.Value, p.Appraiser ?? "", WarningsFromJson(p.AppraisalWarningsJson))
                : null,
            p.ReorganizationId, p.DecidedAt, p.DecidedBy, WarningsFromJson(p.DecisionWarningsJson), p.WithdrawnAt, p.WithdrawnBy, p.WithdrawReason,
            current, p.Revision);
    }

    public async Task<(IReadOnlyList<ProposalRow> Items, int Total)> ListAsync(ProposalFilter f, CancellationToken ct = default)
    {
        var query = db.ReorganizationProposals.AsNoTracking();
        if (f.Status is { } status)
        {
            query = query.Where(p => p.Status == status);
        }

        if (f.AgencyId is { } agency)
        {
            query = query.Where(p => p.AgencyId == agency);
        }

        var rows = await query.OrderByDescending(p => p.ProposedOn).ThenByDescending(p => p.Id)
            .Select(p => new { p.Id, p.Kind, p.Number, p.ProposedOn, p.Summary, Agency = p.Agency!.Name, p.EventJson, p.Status, p.ReorganizationId })
            .ToListAsync(ct);
        // The words typed are matched without accents, on the number, the summary and the agency, in memory: proposals are few.
        if (!string.IsNullOrWhiteSpace(f.Query))
        {
            var folded = Text.VietnameseText.Fold(f.Query);
            rows = rows.Where(r => Text.VietnameseText.Fold($"{r.Number} {r.Summary} {r.Agency}").Contains(folded, StringComparison.Ordinal)).ToList();
        }

        var page = rows.Skip((f.Page - 1) * f.PageSize).Take(f.PageSize)
            .Select(r => new ProposalRow(r.Id, KindName(r.Kind), r.Number, r.ProposedOn, r.Summary, r.Agency,
                ReorganizationRules.Parse(EventFromJson(r.EventJson).Type) is { } t ? ReorganizationRules.TypeNameWithBasis(t) : "",
                StatusCode(r.Status), StatusName(r.Status), r.ReorganizationId))
            .ToList();
        return (page, rows.Count);
    }

    public static string EventToJson(ReorganizationInput e) =>
        JsonNode.Parse(ScenarioEvents.ToJson([e with { DecisionNumber = null, DecisionDate = null, DecisionIssuer = null }]))!.AsArray()[0]!.ToJsonString();

    public static ReorganizationInput EventFromJson(string json) => ScenarioEvents.FromJson("[" + json + "]")[0];

    private static string WarningsToJson(IReadOnlyList<RuleViolation> warnings) => JsonSerializer.Serialize(warnings, WarningJson);

    private static List<RuleViolation> WarningsFromJson(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<List<RuleViolation>>(json, WarningJson) ?? [];
}
