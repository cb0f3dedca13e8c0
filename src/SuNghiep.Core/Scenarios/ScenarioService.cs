using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Scenarios;

/// <summary>
/// Drafts, shares and applies what-if scenarios. Their events are checked, measured and applied by recording them through
/// <see cref="ReorganizationService"/> exactly as real ones: for a check or a measure inside a transaction that is rolled
/// back (nothing of it stays, not even its audit rows), for an application inside one that commits, all or nothing.
/// </summary>
public sealed class ScenarioService(SuNghiepDbContext db, ReorganizationService reorganizations, TimeProvider time)
{
    public const int MaxEvents = 200;
    public const int MaxNameLength = 250;
    public const int MaxNotesLength = 4000;

    /// <summary>What a draft's event without a decision is recorded with while it is checked or measured.</summary>
    public const string ProposedDecision = "Dự kiến";

    private const string Overtaken = "Một đơn vị của kịch bản vừa được người khác thay đổi; vui lòng thử lại.";

    /// <summary>The scenarios the caller sees: its own, and the shared ones of authors whose scope its own covers.</summary>
    public async Task<IReadOnlyList<ScenarioSummary>> ListAsync(CancellationToken ct = default)
    {
        var me = db.Actor.Id;
        var rows = await Visible().AsNoTracking().OrderByDescending(s => s.UpdatedAt).ThenByDescending(s => s.Id)
            .Select(s => new { s.Id, s.Name, s.Shared, s.AppliedAt, s.AuthorName, s.AuthorId, s.UpdatedAt, s.EventsJson })
            .ToListAsync(ct);
        return rows.Select(s => new ScenarioSummary(
            s.Id, s.Name, Status(s.Shared, s.AppliedAt), s.AuthorName, s.AuthorId == me,
            ScenarioEvents.FromJson(s.EventsJson).Count, s.UpdatedAt, s.AppliedAt)).ToList();
    }

    public async Task<ScenarioView?> GetAsync(int id, CancellationToken ct = default) =>
        await Visible().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } s ? View(s) : null;

    /// <summary>
    /// Records a draft in the caller's name and scope. Its events are checked by the rules of real ones, in a transaction
    /// that is rolled back; an event may leave its decision for later.
    /// </summary>
    public async Task<ScenarioResult> CreateAsync(ScenarioInput input, CancellationToken ct = default)
    {
        if (!Permissions.IsOfficerOfAgencies(db.Scope.Role) || db.Actor.Id is null)
        {
            return ScenarioResult.Refused("Chỉ tài khoản được ghi nhận sắp xếp, tổ chức lại mới lập được kịch bản.");
        }

        var errors = await CheckAsync(input, ct);
        if (errors.Count > 0)
        {
            return ScenarioResult.Invalid(errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var scope = db.Scope;
        var scenario = new Scenario
        {
            Name = input.Name!.Trim(),
            Notes = Trimmed(input.Notes),
            EventsJson = ScenarioEvents.ToJson(input.Events),
            AuthorId = db.Actor.Id,
            AuthorName = db.Actor.Name,
            ScopeUnrestricted = scope.Unrestricted,
            ScopeAgencyPath = scope.AgencyPath,
            ScopeAreaPath = scope.AreaPath,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Scenarios.Add(scenario);
        await db.SaveChangesAsync(ct);
        return new ScenarioResult(scenario.Id, []);
    }

    /// <summary>Replaces a draft's name, notes and events, checked as at creation; only its author, and never once applied.</summary>
    public async Task<ScenarioResult> UpdateAsync(int id, ScenarioInput input, int? revision = null, CancellationToken ct = default)
    {
        var (scenario, refusal) = await OwnDraftAsync(id, "sửa", ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (revision is { } r && r != scenario!.Revision)
        {
            return ScenarioResult.Conflicting("Kịch bản vừa được sửa ở nơi khác; vui lòng tải lại và sửa lại.");
        }

        var errors = await CheckAsync(input, ct);
        if (errors.Count > 0)
        {
            return ScenarioResult.Invalid(errors);
        }

        // The check cleared the change tracker; the draft is read again and checked against what it was when first read.
        var tracked = await db.Scenarios.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (tracked is null || tracked.Revision != scenario!.Revision || tracked.AppliedAt is not null)
        {
            return ScenarioResult.Conflicting("Kịch bản vừa được sửa, áp dụng hoặc xóa ở nơi khác; vui lòng tải lại.");
        }

        var json = ScenarioEvents.ToJson(input.Events);
        var name = input.Name!.Trim();
        var notes = Trimmed(input.Notes);
        if (tracked.Name == name && tracked.Notes == notes && tracked.EventsJson == json)
        {
            return new ScenarioResult(id, []);
        }

        tracked.Name = name;
        tracked.Notes = notes;
        tracked.EventsJson = json;
        Touch(tracked);
        return await SaveAsync(tracked, ct);
    }

    /// <summary>Opens a scenario to everyone whose scope covers its author's; only the author shares it.</summary>
    public Task<ScenarioResult> ShareAsync(int id, CancellationToken ct = default) => SetSharedAsync(id, true, ct);

    /// <summary>Withdraws the sharing: the scenario is its author's alone again; only the author withdraws it.</summary>
    public Task<ScenarioResult> UnshareAsync(int id, CancellationToken ct = default) => SetSharedAsync(id, false, ct);

    private async Task<ScenarioResult> SetSharedAsync(int id, bool shared, CancellationToken ct)
    {
        var scenario = await Visible().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (scenario is null)
        {
            return ScenarioResult.Missing;
        }

        if (scenario.AuthorId != db.Actor.Id)
        {
            return ScenarioResult.Refused(shared
                ? "Chỉ người lập kịch bản mới chia sẻ được kịch bản."
                : "Chỉ người lập kịch bản mới thôi chia sẻ được kịch bản.");
        }

        if (scenario.Shared == shared)
        {
            return new ScenarioResult(id, []);
        }

        scenario.Shared = shared;
        Touch(scenario);
        return await SaveAsync(scenario, ct);
    }

    /// <summary>Deletes a draft; only its author, and never once applied (it is then the record of what was decided).</summary>
    public async Task<ScenarioResult> DeleteAsync(int id, CancellationToken ct = default)
    {
        var (scenario, refusal) = await OwnDraftAsync(id, "xóa", ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var tracked = await db.Scenarios.FirstAsync(s => s.Id == scenario!.Id, ct);
        db.Scenarios.Remove(tracked);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ScenarioResult.Conflicting("Kịch bản vừa được sửa hoặc áp dụng ở nơi khác; vui lòng tải lại.");
        }

        return new ScenarioResult(id, []);
    }

    /// <summary>
    /// Turns the scenario's events into real reorganizations with their decisions, in one transaction: every event passes
    /// the rules of recording in the caller's scope, or nothing is recorded and the scenario stays a draft.
    /// </summary>
    public async Task<ScenarioResult> ApplyAsync(int id, ApplyInput input, CancellationToken ct = default)
    {
        // Read inside the transaction: of two applications at once, the second waits and finds the scenario applied
        // (SQLite), or loses on the revisions of the units and of the scenario (PostgreSQL). Leaving early rolls back.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var scenario = await Visible().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (scenario is null)
        {
            return ScenarioResult.Missing;
        }

        if (!Permissions.IsOfficerOfAgencies(db.Scope.Role))
        {
            return ScenarioResult.Refused("Chỉ tài khoản được ghi nhận sắp xếp, tổ chức lại mới áp dụng được kịch bản.");
        }

        if (scenario.AppliedAt is { } applied)
        {
            return ScenarioResult.Conflicting(
                $"Kịch bản đã được áp dụng ngày {VietnamTime.FromUtc(applied):dd/MM/yyyy} ({scenario.AppliedBy}); không áp dụng lại được.");
        }

        var events = ScenarioEvents.FromJson(scenario.EventsJson);
        var (decided, errors) = Decide(events, input);
        if (events.Count == 0)
        {
            errors.Add(new("events", "Kịch bản chưa có sự kiện nào để áp dụng."));
        }

        if (errors.Count > 0)
        {
            return ScenarioResult.Invalid(errors);
        }

        // The scenario's row is claimed first: on PostgreSQL a second application waits here for the first to end, then
        // finds the scenario applied, rather than reading the units the first has just ended.
        var claimed = await db.Scenarios.Where(s => s.Id == id && s.Revision == scenario.Revision && s.AppliedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Revision, s => s.Revision + 1), ct);
        if (claimed == 0)
        {
            return ScenarioResult.Conflicting("Kịch bản vừa được sửa hoặc áp dụng ở nơi khác; không có gì được ghi. Vui lòng tải lại.");
        }

        var (recordErrors, ids, overtaken, recorded) = await RecordAllAsync(decided, ct);
        if (recordErrors.Count > 0)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return overtaken ? ScenarioResult.Conflicting(Overtaken) : ScenarioResult.Invalid(recordErrors);
        }

        var tracked = await db.Scenarios.FirstAsync(s => s.Id == id, ct);
        tracked.AppliedAt = time.GetUtcNow().UtcDateTime;
        tracked.AppliedBy = db.Actor.Name;
        tracked.AppliedReorganizationIds = string.Join(',', ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));
        // What was decided replaces what was proposed, so that the scenario reads as the events it became (the units
        // named by reference now by their ids).
        tracked.EventsJson = ScenarioEvents.ToJson(recorded);
        Touch(tracked);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return ScenarioResult.Conflicting("Kịch bản vừa được sửa hoặc áp dụng ở nơi khác; không có gì được ghi. Vui lòng tải lại.");
        }

        await tx.CommitAsync(ct);
        return new ScenarioResult(id, [], ReorganizationIds: ids);
    }

    /// <summary>
    /// Measures the register as it is and as the scenario would leave it: its events are recorded as real ones in a
    /// transaction, measured, and rolled back. An applied scenario is part of the register, so both measures are the
    /// actual one. Null when the caller does not see the scenario.
    /// </summary>
    public async Task<ScenarioComparison<T>?> CompareAsync<T>(int id, Func<CancellationToken, Task<T>> measure, CancellationToken ct = default)
    {
        var scenario = await Visible().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (scenario is null)
        {
            return null;
        }

        var actual = await measure(ct);
        if (scenario.AppliedAt is not null)
        {
            return new ScenarioComparison<T>(actual, actual, []);
        }

        var events = ScenarioEvents.FromJson(scenario.EventsJson).Select(Proposed).ToList();
        var (errors, value) = await InRolledBackTransactionAsync(events, measure, ct);
        return new ScenarioComparison<T>(actual, value, errors);
    }

    /// <summary>The date a scenario is measured on unless another is asked: today, or its last event's date when later.</summary>
    public DateOnly DefaultAsOf(ScenarioView scenario)
    {
        var today = VietnamTime.Today(time);
        var last = scenario.Events.Select(e => e.EffectiveDate).Max();
        return last is { } d && d > today ? d : today;
    }

    private async Task<List<RuleViolation>> CheckAsync(ScenarioInput input, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors.Add(new("name", "Vui lòng đặt tên cho kịch bản."));
        }

        errors.AddRange(UnitRules.ValidateLength("name", input.Name, MaxNameLength));
        errors.AddRange(UnitRules.ValidateLength("notes", input.Notes, MaxNotesLength));
        Text.TextChecks.Check(errors, ("name", "Tên kịch bản", input.Name, false), ("notes", "Ghi chú", input.Notes, true));
        if (input.Events.Count > MaxEvents)
        {
            errors.Add(new("events", $"Một kịch bản có tối đa {MaxEvents} sự kiện; hãy chia thành nhiều kịch bản."));
            return errors;
        }

        var refErrors = CheckRefs(input.Events);
        errors.AddRange(refErrors);
        if (input.Events.Count > 0 && refErrors.Count == 0)
        {
            var (eventErrors, _) = await InRolledBackTransactionAsync<bool>(input.Events.Select(Proposed).ToList(), null, ct);
            errors.AddRange(eventErrors);
        }

        return errors;
    }

    public const int MaxRefLength = 64;

    /// <summary>
    /// The references of new units: each given once in the scenario, and every one a later event names given to a new unit
    /// of the scenario. Whether the unit exists by the naming event's date is checked when the events are recorded.
    /// </summary>
    private static List<RuleViolation> CheckRefs(IReadOnlyList<ReorganizationInput> events)
    {
        var errors = new List<RuleViolation>();
        var given = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < events.Count; i++)
        {
            for (var k = 0; k < events[i].NewUnits.Count; k++)
            {
                if (events[i].NewUnits[k].Ref is not { } r)
                {
                    continue;
                }

                var field = $"events[{i}].newUnits[{k}].ref";
                if (string.IsNullOrWhiteSpace(r) || r.Trim().Length > MaxRefLength)
                {
                    errors.Add(new(field, $"Tham chiếu của đơn vị mới phải có từ 1 đến {MaxRefLength} ký tự."));
                }
                else if (!given.Add(r.Trim()))
                {
                    errors.Add(new(field, $"Tham chiếu \"{r.Trim()}\" đã dùng cho một đơn vị mới khác của kịch bản."));
                }
            }
        }

        for (var i = 0; i < events.Count; i++)
        {
            foreach (var r in events[i].SourceUnitRefs.Where(r => !given.Contains(r.Trim())).Distinct())
            {
                errors.Add(new($"events[{i}].sourceUnitRefs", $"Không có đơn vị mới nào của kịch bản mang tham chiếu \"{r}\"."));
            }

            if (events[i].ContinuingUnitRef is { } c && !given.Contains(c.Trim()))
            {
                errors.Add(new($"events[{i}].continuingUnitRef", $"Không có đơn vị mới nào của kịch bản mang tham chiếu \"{c}\"."));
            }
        }

        return errors;
    }

    /// <summary>Records the events, measures when they all pass, and rolls everything back, whatever happens.</summary>
    private async Task<(IReadOnlyList<RuleViolation> Errors, T? Value)> InRolledBackTransactionAsync<T>(
        IReadOnlyList<ReorganizationInput> events, Func<CancellationToken, Task<T>>? measure, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var (errors, _, _, _) = await RecordAllAsync(events, ct);
            return errors.Count > 0 || measure is null ? (errors, default) : ([], await measure(ct));
        }
        finally
        {
            await tx.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// Records the events in the order they take effect (the given order among those of one day), as the register needs;
    /// problems are keyed by each event's index as given. A unit an event names by reference gets the id of the unit an
    /// earlier event created with that reference. Ids and the events as recorded (references resolved) come back in the
    /// events' given order.
    /// </summary>
    private async Task<(List<RuleViolation> Errors, List<int> Ids, bool Overtaken, List<ReorganizationInput> Recorded)> RecordAllAsync(
        IReadOnlyList<ReorganizationInput> events, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        var ids = new int[events.Count];
        var recorded = events.ToArray();
        var created = new Dictionary<string, int>(StringComparer.Ordinal);
        var ordered = events.Select((e, i) => (Event: e, Index: i)).OrderBy(x => x.Event.EffectiveDate ?? DateOnly.MaxValue).ThenBy(x => x.Index);
        foreach (var (given, i) in ordered)
        {
            var unresolved = given.SourceUnitRefs.Select(r => (Field: "sourceUnitRefs", Ref: r.Trim()))
                .Concat(given.ContinuingUnitRef is { } c ? [(Field: "continuingUnitRef", Ref: c.Trim())] : [])
                .Where(x => !created.ContainsKey(x.Ref)).ToList();
            if (unresolved.Count > 0)
            {
                errors.AddRange(unresolved.Select(x => new RuleViolation($"events[{i}].{x.Field}",
                    $"Đơn vị mới \"{x.Ref}\" của kịch bản chưa có vào ngày hiệu lực của sự kiện này: sự kiện thành lập đơn vị có hiệu lực sau hoặc có lỗi.")));
                continue;
            }

            var e = given with
            {
                SourceUnitIds = [.. given.SourceUnitIds, .. given.SourceUnitRefs.Select(r => created[r.Trim()])],
                ContinuingUnitId = given.ContinuingUnitRef is { } cr ? created[cr.Trim()] : given.ContinuingUnitId,
                SourceUnitRefs = [],
                ContinuingUnitRef = null,
            };
            ReorganizationResult result;
            try
            {
                result = await reorganizations.RecordAsync(e, ct);
            }
            catch (DbUpdateException)
            {
                // Inside a transaction the service lets a refused write through; on PostgreSQL the transaction is lost.
                db.ChangeTracker.Clear();
                errors.Add(new($"events[{i}]", Overtaken));
                return (errors, [], true, []);
            }

            if (result.Succeeded)
            {
                ids[i] = result.Id!.Value;
                recorded[i] = e;
                if (e.NewUnits.Any(u => !string.IsNullOrWhiteSpace(u.Ref)))
                {
                    // The units the event created, by their codes (unique in the register).
                    var reorganizationId = result.Id.Value;
                    var byCode = await db.ReorganizationParticipants.AsNoTracking()
                        .Where(p => p.ReorganizationId == reorganizationId && p.Role == ParticipantRole.Created)
                        .Select(p => new { p.UnitId, p.Unit!.Code }).ToDictionaryAsync(p => p.Code, p => p.UnitId, StringComparer.Ordinal, ct);
                    foreach (var unit in e.NewUnits.Where(u => !string.IsNullOrWhiteSpace(u.Ref)))
                    {
                        if (byCode.TryGetValue(unit.Code?.Trim() ?? "", out var unitId))
                        {
                            created[unit.Ref!.Trim()] = unitId;
                        }
                    }
                }

                continue;
            }

            if (result.Conflict)
            {
                errors.Add(new($"events[{i}]", Overtaken));
                return (errors, [], true, []);
            }

            errors.AddRange(result.Errors.Select(x => x with { Field = x.Field.Length == 0 ? $"events[{i}]" : $"events[{i}].{x.Field}" }));
        }

        return (errors.DistinctBy(e => (e.Field, e.Message)).ToList(), [.. ids], false, [.. recorded]);
    }

    /// <summary>Each event with the decision it is applied with; problems where an event is left without a whole one.</summary>
    private static (List<ReorganizationInput> Events, List<RuleViolation> Errors) Decide(IReadOnlyList<ReorganizationInput> events, ApplyInput input)
    {
        var errors = new List<RuleViolation>();
        if (input.ByEvent is { } byEvent && byEvent.Count > events.Count)
        {
            errors.Add(new("decisions", $"Kịch bản có {events.Count} sự kiện nhưng có {byEvent.Count} quyết định."));
        }

        var decided = new List<ReorganizationInput>();
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var given = input.ByEvent is { } list && i < list.Count ? list[i] : null;
            var number = Given(given?.Number) ?? Given(input.ForAll?.Number) ?? Given(e.DecisionNumber);
            var date = given?.Date ?? input.ForAll?.Date ?? e.DecisionDate;
            var issuer = Given(given?.Issuer) ?? Given(input.ForAll?.Issuer) ?? Given(e.DecisionIssuer);
            if (number is null)
            {
                errors.Add(new($"events[{i}].decision.number", $"Sự kiện thứ {i + 1} chưa có số, ký hiệu quyết định."));
            }

            if (date is null)
            {
                errors.Add(new($"events[{i}].decision.date", $"Sự kiện thứ {i + 1} chưa có ngày ban hành quyết định."));
            }

            if (issuer is null)
            {
                errors.Add(new($"events[{i}].decision.issuer", $"Sự kiện thứ {i + 1} chưa có cơ quan ban hành quyết định."));
            }

            decided.Add(e with { DecisionNumber = number, DecisionDate = date, DecisionIssuer = issuer });
        }

        return (decided, errors);
    }

    /// <summary>An event as a draft is checked and measured: a decision not yet known is marked as proposed.</summary>
    private static ReorganizationInput Proposed(ReorganizationInput e) => e with
    {
        DecisionNumber = Given(e.DecisionNumber) ?? ProposedDecision,
        DecisionDate = e.DecisionDate ?? e.EffectiveDate,
        DecisionIssuer = Given(e.DecisionIssuer) ?? ProposedDecision,
    };

    /// <summary>
    /// The caller's own scenarios, and the shared ones whose author's scope lies within the caller's: an agency subtree
    /// (with lineage) covers the scenarios of agencies in it, an area subtree those of its areas and of the agencies in
    /// them, as <see cref="Permissions.Contains"/> decides for agencies; only an unrestricted caller sees a national one.
    /// </summary>
    private IQueryable<Scenario> Visible()
    {
        var me = db.Actor.Id;
        var scope = db.Scope;
        if (scope.Unrestricted)
        {
            return db.Scenarios.Where(s => s.AuthorId == me || s.Shared);
        }

        var agency = scope.AgencyPath;
        var area = scope.AreaPath;
        return db.Scenarios.Where(s => s.AuthorId == me || (s.Shared && !s.ScopeUnrestricted && (
            (s.ScopeAgencyPath != null && db.Agencies.Any(a => a.Path == s.ScopeAgencyPath && (
                (agency != null && a.LineagePath.StartsWith(agency))
                || (area != null && a.Area != null && a.Area.LineagePath.StartsWith(area)))))
            || (s.ScopeAreaPath != null && area != null && s.ScopeAreaPath.StartsWith(area)))));
    }

    /// <summary>A draft of the caller's own, or why the action (sửa, xóa) is refused.</summary>
    private async Task<(Scenario? Scenario, ScenarioResult? Refusal)> OwnDraftAsync(int id, string action, CancellationToken ct)
    {
        var scenario = await Visible().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (scenario is null)
        {
            return (null, ScenarioResult.Missing);
        }

        if (scenario.AuthorId != db.Actor.Id)
        {
            return (null, ScenarioResult.Refused($"Chỉ người lập kịch bản mới {action} được kịch bản."));
        }

        if (scenario.AppliedAt is { } applied)
        {
            return (null, ScenarioResult.Conflicting(
                $"Kịch bản đã được áp dụng ngày {VietnamTime.FromUtc(applied):dd/MM/yyyy}; không {action} được nữa."));
        }

        return (scenario, null);
    }

    private async Task<ScenarioResult> SaveAsync(Scenario scenario, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return new ScenarioResult(scenario.Id, []);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ScenarioResult.Conflicting("Kịch bản vừa được sửa hoặc áp dụng ở nơi khác; vui lòng tải lại.");
        }
    }

    private void Touch(Scenario scenario)
    {
        scenario.UpdatedAt = time.GetUtcNow().UtcDateTime;
        scenario.Revision++;
    }

    private ScenarioView View(Scenario s) => new(
        s.Id, s.Name, s.Notes, Status(s.Shared, s.AppliedAt), s.AuthorName, s.AuthorId == db.Actor.Id, s.Shared,
        s.CreatedAt, s.UpdatedAt, s.AppliedAt, s.AppliedBy,
        (s.AppliedReorganizationIds ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToList(),
        ScenarioEvents.FromJson(s.EventsJson), s.Revision);

    private static ScenarioStatus Status(bool shared, DateTime? appliedAt) =>
        appliedAt is not null ? ScenarioStatus.Applied : shared ? ScenarioStatus.Shared : ScenarioStatus.Draft;

    private static string? Given(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
