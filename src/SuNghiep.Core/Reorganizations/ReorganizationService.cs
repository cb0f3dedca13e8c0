using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Units;

namespace SuNghiep.Core.Reorganizations;

/// <summary>A reorganization as a form or request gives it.</summary>
public sealed record ReorganizationInput
{
    public string? Type { get; init; }
    public string? DecisionNumber { get; init; }
    public DateOnly? DecisionDate { get; init; }
    public string? DecisionIssuer { get; init; }
    public DateOnly? EffectiveDate { get; init; }
    public IReadOnlyList<int> SourceUnitIds { get; init; } = [];
    public int? ContinuingUnitId { get; init; }
    public IReadOnlyList<UnitInput> NewUnits { get; init; } = [];
    public int? NewManagingAgencyId { get; init; }
    public string? NewName { get; init; }
    /// <summary>For a transfer: the area the units move to, when it changes with the agency (as on 1/7/2025).</summary>
    public string? NewAreaCode { get; init; }
    public string? Notes { get; init; }

    /// <summary>
    /// In a scenario only: units named by the reference (<see cref="UnitInput.Ref"/>) that an earlier event of the same
    /// scenario gives a unit it creates; the scenario resolves them to ids before the event is recorded.
    /// </summary>
    public IReadOnlyList<string> SourceUnitRefs { get; init; } = [];
    public string? ContinuingUnitRef { get; init; }
}

/// <summary>The outcome of recording or voiding an event; a conflict means a unit it touches changed meanwhile.</summary>
public sealed record ReorganizationResult(
    int? Id, IReadOnlyList<RuleViolation> Errors, IReadOnlyList<RuleViolation> Warnings, bool NotFound = false, bool Conflict = false)
{
    public bool Succeeded => Id is not null;

    internal static ReorganizationResult Stale { get; } = new(null,
        [new("", "Một đơn vị của sự kiện vừa được người khác thay đổi; nội dung chưa được ghi. Vui lòng tải lại và thử lại.")],
        [], Conflict: true);
}

/// <summary>Records and voids reorganizations: the only way units end, start or change agency by a decision.</summary>
public sealed class ReorganizationService(SuNghiepDbContext db, UnitService units, TimeProvider time)
{
    public async Task<ReorganizationResult> RecordAsync(ReorganizationInput input, CancellationToken ct = default)
    {
        var type = ReorganizationRules.Parse(input.Type);
        var date = input.EffectiveDate;
        var named = input.SourceUnitIds.Concat(input.ContinuingUnitId is { } c ? [c] : []).Distinct().ToList();
        var found = await db.Units.Include(u => u.Versions).Where(u => named.Contains(u.Id)).ToListAsync(ct);
        // A unit changes with every event it takes part in, not only those that open a version: the absorbing unit of a
        // merger and the unit a separation splits from go on unchanged, but nothing may be recorded for them before it.
        var lastEvent = (await db.ReorganizationParticipants.AsNoTracking()
                .Where(p => named.Contains(p.UnitId) && p.Reorganization!.VoidedAt == null)
                .Select(p => new { p.UnitId, p.Reorganization!.EffectiveDate })
                .ToListAsync(ct))
            .GroupBy(p => p.UnitId)
            .ToDictionary(g => g.Key, g => g.Max(p => p.EffectiveDate));
        var facts = found.ToDictionary(u => u.Id, u => new ReorganizationUnit(
            u.Id, u.Code, u.EstablishedOn, u.EndedOn, LastChange(u, lastEvent), u.ManagingAgencyId, u.Name));

        var (plan, errors) = ReorganizationRules.Plan(new ReorganizationRequest(
            type, input.DecisionNumber, input.DecisionDate, input.DecisionIssuer, date, input.SourceUnitIds,
            input.ContinuingUnitId, input.NewUnits.Count, input.NewManagingAgencyId, input.NewName), facts);
        var allErrors = errors.ToList();
        allErrors.AddRange(UnitRules.ValidateLength("notes", input.Notes, 4000));
        Text.TextChecks.Check(allErrors,
            ("newName", "Tên mới của đơn vị", input.NewName, false), ("decision.number", "Số, ký hiệu quyết định", input.DecisionNumber, false),
            ("decision.issuer", "Cơ quan ban hành quyết định", input.DecisionIssuer, false), ("notes", "Ghi chú", input.Notes, true));

        // New units start on the effective date and are checked as any new unit is.
        var created = new List<(UnitInput Input, UnitService.Attributes Attributes)>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < input.NewUnits.Count; i++)
        {
            var given = input.NewUnits[i];
            if (given.EstablishedOn is { } start && date is { } d && start != d)
            {
                allErrors.Add(new($"newUnits[{i}].establishedOn", "Đơn vị mới thành lập đúng ngày hiệu lực của quyết định."));
                continue;
            }

            var unitInput = given with { EstablishedOn = date, EndedOn = null, EffectiveFrom = null };
            var (attributes, unitErrors) = await units.CheckNewAsync(unitInput, ct);
            allErrors.AddRange(unitErrors.Select(e => e with { Field = $"newUnits[{i}].{e.Field}" }));
            if (unitInput.Code?.Trim() is { Length: > 0 } code && !codes.Add(code))
            {
                allErrors.Add(new($"newUnits[{i}].code", $"Mã đơn vị \"{code}\" bị trùng trong quyết định."));
            }

            if (attributes is not null)
            {
                created.Add((unitInput, attributes));
            }
        }

        Agency? newAgency = null;
        Area? newArea = null;
        if (type == ReorganizationType.MergeIntoAgency && input.NewManagingAgencyId is { } receiving)
        {
            // The agency takes over the unit's functions, not the unit, which ends: it need not lie in the caller's scope.
            newAgency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == receiving, ct);
            if (newAgency is null)
            {
                allErrors.Add(new("newManagingAgencyId", "Cơ quan hành chính tiếp nhận không tồn tại."));
            }
        }

        if (type is { } moving && ReorganizationRules.MovesAgency(moving) && input.NewManagingAgencyId is { } agencyId)
        {
            newAgency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agencyId, ct);
            if (newAgency is null)
            {
                allErrors.Add(new("newManagingAgencyId", "Cơ quan quản lý mới không tồn tại."));
            }

            // Units received from a ministry leave the central level for a province's (or a commune's) agency.
            if (moving == ReorganizationType.ReceiveFromMinistry)
            {
                if (newAgency is { LevelCode: "central" })
                {
                    allErrors.Add(new("newManagingAgencyId", "Đơn vị tiếp nhận từ bộ, ngành trung ương phải chuyển về cơ quan của địa phương, không phải cơ quan trung ương."));
                }

                var agencyIds = found.Select(u => u.ManagingAgencyId).Distinct().ToList();
                var central = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id) && a.LevelCode == "central").Select(a => a.Id).ToListAsync(ct);
                foreach (var unit in found.Where(u => !central.Contains(u.ManagingAgencyId)))
                {
                    allErrors.Add(new("sourceUnitIds", $"Đơn vị {unit.Code} không thuộc bộ, ngành trung ương; hãy ghi chuyển giao."));
                }
            }

            if (!string.IsNullOrWhiteSpace(input.NewAreaCode))
            {
                newArea = await UnitService.FindAreaAsync(db, input.NewAreaCode, null, date ?? DateOnly.MaxValue, ct);
                if (newArea is null)
                {
                    allErrors.Add(new("newAreaCode", $"Không có địa bàn mã \"{input.NewAreaCode}\"."));
                }
            }

            foreach (var unit in found.Where(_ => newAgency is not null))
            {
                var area = newArea ?? await db.Areas.AsNoTracking().FirstAsync(a => a.Id == unit.AreaId, ct);
                if (!UnitService.InScope(db.Scope, newAgency!, area, unit.Id))
                {
                    allErrors.Add(new("newManagingAgencyId", "Cơ quan quản lý mới nằm ngoài phạm vi được giao của tài khoản."));
                    break;
                }
            }
        }

        if (allErrors.Count > 0 || plan is null)
        {
            return new ReorganizationResult(null, allErrors, []);
        }

        var effective = date!.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var reorganization = new Reorganization
        {
            Type = type!.Value,
            DecisionNumber = input.DecisionNumber!.Trim(),
            DecisionDate = input.DecisionDate!.Value,
            DecisionIssuer = input.DecisionIssuer!.Trim(),
            EffectiveDate = effective,
            NewManagingAgencyId = newAgency?.Id,
            NewName = type == ReorganizationType.Rename ? input.NewName!.Trim() : null,
            Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim(),
            CreatedAt = now,
            CreatedBy = db.Actor.Name,
        };

        var byId = found.ToDictionary(u => u.Id);
        // Every unit named is checked against the revision read, the continuing ones too: two events that build on the
        // same state of a unit cannot both be recorded.
        foreach (var unit in found)
        {
            UnitService.Touch(unit, now);
        }

        foreach (var id in plan.Ending)
        {
            var unit = byId[id];
            unit.EndedOn = effective;
            Latest(unit).ValidTo = effective;
            reorganization.Participants.Add(new() { Unit = unit, Role = ParticipantRole.Ended });
        }

        foreach (var id in plan.Continuing)
        {
            reorganization.Participants.Add(new() { Unit = byId[id], Role = ParticipantRole.Continuing });
        }

        foreach (var (unitInput, attributes) in created)
        {
            var unit = UnitService.Create(unitInput, attributes, now);
            unit.Versions[0].Reorganization = reorganization;
            db.Units.Add(unit);
            reorganization.Participants.Add(new() { Unit = unit, Role = ParticipantRole.Created });
        }

        foreach (var id in plan.Transferring.Concat(plan.Renaming))
        {
            var unit = byId[id];
            var latest = Latest(unit);
            var next = new UnitVersion
            {
                Unit = unit, ValidFrom = effective, ValidTo = latest.ValidTo, Reorganization = reorganization,
                Name = latest.Name, SectorCode = latest.SectorCode, RoleClassCode = latest.RoleClassCode,
                LevelCode = latest.LevelCode, AreaId = latest.AreaId, ManagingAgencyId = latest.ManagingAgencyId,
                AutonomyGroup = latest.AutonomyGroup,
            };
            latest.ValidTo = effective;
            if (ReorganizationRules.MovesAgency(type.Value))
            {
                next.ManagingAgencyId = newAgency!.Id;
                next.LevelCode = newAgency.LevelCode;
                next.AreaId = newArea?.Id ?? latest.AreaId;
            }
            else
            {
                next.Name = input.NewName!.Trim();
            }

            next.SearchText = Text.VietnameseText.Fold(next.Name + " " + unit.Code);
            next.SortKey = Text.VietnameseText.SortKey(next.Name);
            unit.Versions.Add(next);
            UnitService.Mirror(unit, next);
            reorganization.Participants.Add(new()
            {
                Unit = unit, Role = ReorganizationRules.MovesAgency(type.Value) ? ParticipantRole.Transferred : ParticipantRole.Renamed,
            });
        }

        db.Reorganizations.Add(reorganization);
        if (!await SaveAsync(found, ct))
        {
            return ReorganizationResult.Stale;
        }

        var warnings = ReorganizationRules.Warnings(
            type.Value, plan.Ending.Concat(plan.Continuing).Select(id => byId[id].AutonomyGroup).ToList(),
            created.Select(c => (c.Attributes.RoleClassCode, c.Attributes.AutonomyGroup)).ToList())
            .Concat(DecisionRules.DateWarnings("decision.date", input.DecisionDate, date, VietnamTime.Today(time)))
            .ToList();
        return new ReorganizationResult(reorganization.Id, [], warnings);
    }

    /// <summary>
    /// Voids a wrong event with a reason, undoing its effect: ended units go on, created units never existed, transfers
    /// and renamings fall away. Refused when a later change builds on it; void that one first.
    /// </summary>
    public async Task<ReorganizationResult> VoidAsync(int id, string? reason, CancellationToken ct = default)
    {
        var reorganization = await db.Reorganizations.Include(r => r.Participants).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (reorganization is null)
        {
            return new ReorganizationResult(null, [], [], NotFound: true);
        }

        var unitIds = reorganization.Participants.Select(p => p.UnitId).ToList();
        var visible = await db.Units.Include(u => u.Versions).Where(u => unitIds.Contains(u.Id)).ToListAsync(ct);
        if (visible.Count != unitIds.Distinct().Count())
        {
            return new ReorganizationResult(null, [], [], NotFound: true);
        }

        var errors = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(new("reason", "Vui lòng nêu lý do hủy."));
        }

        errors.AddRange(UnitRules.ValidateLength("reason", reason, 2000));
        Text.TextChecks.Check(errors, ("reason", "Lý do hủy", reason, true));

        if (reorganization.VoidedAt is not null)
        {
            errors.Add(new("id", $"Sự kiện đã được hủy ngày {reorganization.VoidedAt:dd/MM/yyyy}."));
        }

        var later = await db.ReorganizationParticipants
            .Where(p => unitIds.Contains(p.UnitId) && p.ReorganizationId != id && p.Reorganization!.VoidedAt == null
                        && p.Reorganization.EffectiveDate >= reorganization.EffectiveDate)
            .Select(p => new { p.Unit!.Code, p.Reorganization!.DecisionNumber, p.Reorganization.Id })
            .ToListAsync(ct);
        foreach (var l in later.Where(l => l.Id != id))
        {
            errors.Add(new("id", $"Đơn vị {l.Code} còn trong sự kiện sau (quyết định {l.DecisionNumber}); hãy hủy sự kiện đó trước."));
        }

        var byId = visible.ToDictionary(u => u.Id);
        foreach (var p in reorganization.Participants.Where(p => p.Role is ParticipantRole.Transferred or ParticipantRole.Renamed or ParticipantRole.Ended))
        {
            var latest = Latest(byId[p.UnitId]);
            var expected = p.Role == ParticipantRole.Ended ? latest.ValidTo == reorganization.EffectiveDate : latest.ReorganizationId == id;
            if (!expected)
            {
                errors.Add(new("id", $"Đơn vị {byId[p.UnitId].Code} đã thay đổi sau sự kiện; hãy hủy hoặc sửa thay đổi đó trước."));
            }
        }

        if (errors.Count > 0)
        {
            return new ReorganizationResult(null, errors.DistinctBy(e => e.Message).ToList(), []);
        }

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var p in reorganization.Participants)
        {
            var unit = byId[p.UnitId];
            switch (p.Role)
            {
                case ParticipantRole.Created:
                    unit.Voided = true;
                    break;
                case ParticipantRole.Ended:
                    unit.EndedOn = null;
                    Latest(unit).ValidTo = null;
                    break;
                case ParticipantRole.Transferred:
                case ParticipantRole.Renamed:
                    var versions = unit.Versions.OrderBy(v => v.ValidFrom).ToList();
                    var removed = versions[^1];
                    versions[^2].ValidTo = removed.ValidTo;
                    unit.Versions.Remove(removed);
                    db.UnitVersions.Remove(removed);
                    UnitService.Mirror(unit, versions[^2]);
                    break;
            }

            UnitService.Touch(unit, now);
        }

        reorganization.VoidedAt = now;
        reorganization.VoidedBy = db.Actor.Name;
        reorganization.VoidReason = reason!.Trim();
        if (!await SaveAsync(visible, ct))
        {
            return ReorganizationResult.Stale;
        }

        return new ReorganizationResult(reorganization.Id, [], []);
    }

    /// <summary>
    /// Saves, or reports false when one of the units changed since it was read: its revision check failed, or the index
    /// on open versions refused a version that a concurrent writer opened first.
    /// </summary>
    private async Task<bool> SaveAsync(List<Unit> touched, CancellationToken ct)
    {
        var read = touched.ToDictionary(u => u.Id, u => db.Entry(u).Property(x => x.Revision).OriginalValue);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
        catch (DbUpdateException) when (db.Database.CurrentTransaction is null)
        {
            db.ChangeTracker.Clear();
            var ids = read.Keys.ToList();
            var now = await db.Units.IgnoreQueryFilters().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Revision }).ToListAsync(ct);
            if (now.Any(u => u.Revision != read[u.Id]))
            {
                return false;
            }

            throw;
        }
    }

    private static UnitVersion Latest(Unit unit) => unit.Versions.OrderBy(v => v.ValidFrom).Last();

    private static DateOnly LastChange(Unit unit, Dictionary<int, DateOnly> lastEvent)
    {
        var version = unit.Versions.Max(v => v.ValidFrom);
        return lastEvent.TryGetValue(unit.Id, out var e) && e > version ? e : version;
    }
}
