using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Resources;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Text;

namespace SuNghiep.Core.Oversight;

public sealed record MeritView(
    int Id, string Kind, int? UnitId, string? UnitName, int? AgencyId, string? AgencyName, int? TaskId, string? TaskContent, string Form,
    string Reason, AssessmentDecision Decision);

public sealed record MeritInput(
    string? Kind, int? UnitId, int? AgencyId, int? TaskId, string? Form, string? Reason, string? DecisionNumber, DateOnly? DecisionDate, string? DecisionIssuer);

public sealed record MeritFilter(string? Search, MeritKind? Kind, int? UnitId, int? AgencyId, int Page, int PageSize);

public sealed record ModelUnitView(int Id, int DocumentId, int UnitId, string UnitCode, string UnitName, string? Note, DateTime CreatedAt);

/// <summary>Commendations and discipline of units and agencies, and the model units a plan names; the context audits each change.</summary>
public sealed class MeritService(SuNghiepDbContext db, TimeProvider time)
{
    public const string Refused = "Khen thưởng, kỷ luật do cơ quan quản lý đơn vị (hoặc cơ quan được khen thưởng, kỷ luật, cấp trên của cơ quan đó) trong phạm vi được giao ghi.";

    public static string KindCode(MeritKind kind) => kind == MeritKind.Discipline ? "discipline" : "commendation";

    public static string KindName(MeritKind kind) => kind == MeritKind.Discipline ? "Kỷ luật" : "Khen thưởng";

    public static MeritKind? ParseKind(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "commendation" or "1" => MeritKind.Commendation,
        "discipline" or "2" => MeritKind.Discipline,
        _ => null,
    };

    public async Task<(IReadOnlyList<MeritView> Items, int Total)> ListAsync(MeritFilter filter, CancellationToken ct = default)
    {
        var query = db.MeritRecords.AsNoTracking();
        if (filter.Kind is { } kind)
        {
            query = query.Where(m => m.Kind == kind);
        }

        if (filter.UnitId is { } unitId)
        {
            query = query.Where(m => m.UnitId == unitId);
        }

        if (filter.AgencyId is { } agencyId)
        {
            query = query.Where(m => m.AgencyId == agencyId || (m.Unit != null && m.Unit.ManagingAgencyId == agencyId));
        }

        foreach (var word in VietnameseText.Fold(filter.Search).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
        {
            // A decision number's only letter beyond ASCII is Đ ("12/QĐ-UBND"); SQLite's lower() leaves it as it is.
            query = query.Where(m => (m.Unit != null && m.Unit.SearchText.Contains(word))
                || m.DecisionNumber.ToLower().Replace("đ", "d").Replace("Đ", "d").Contains(word));
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(m => m.DecisionDate).ThenByDescending(m => m.Id)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize)
            .Select(m => new { m.Id, m.Kind, m.UnitId, UnitName = m.Unit != null ? m.Unit.Name : null, m.AgencyId, AgencyName = m.Agency != null ? m.Agency.Name : null,
                m.TaskId, TaskContent = m.Task != null ? m.Task.Content : null, m.Form, m.Reason, m.DecisionNumber, m.DecisionDate, m.DecisionIssuer })
            .ToListAsync(ct);
        return (items.Select(m => new MeritView(m.Id, KindCode(m.Kind), m.UnitId, m.UnitName, m.AgencyId, m.AgencyName, m.TaskId, m.TaskContent, m.Form, m.Reason,
            new AssessmentDecision(m.DecisionNumber, m.DecisionDate, m.DecisionIssuer))).ToList(), total);
    }

    public async Task<WriteResult<MeritView>> AddAsync(MeritInput input, CancellationToken ct = default)
    {
        var errors = new List<RuleViolation>();
        var kind = ParseKind(input.Kind);
        if (kind is null)
        {
            errors.Add(new("kind", "Loại phải là commendation (khen thưởng) hoặc discipline (kỷ luật)."));
        }

        AgencyPlace? owner = null;
        if ((input.UnitId is null) == (input.AgencyId is null))
        {
            errors.Add(new("unitId", "Cho biết một đơn vị (unitId) hoặc một cơ quan (agencyId) được khen thưởng, kỷ luật."));
        }
        else if (input.UnitId is { } unitId)
        {
            owner = await db.Units.AsNoTracking().Where(u => u.Id == unitId)
                .Select(u => new AgencyPlace(u.ManagingAgency!.LineagePath, u.ManagingAgency.Area != null ? u.ManagingAgency.Area.LineagePath : null)).FirstOrDefaultAsync(ct);
            if (owner is null)
            {
                errors.Add(new("unitId", "Không tìm thấy đơn vị trong phạm vi của tài khoản."));
            }
        }
        else if (input.AgencyId is { } agencyId)
        {
            owner = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId)
                .Select(a => new AgencyPlace(a.LineagePath, a.Area != null ? a.Area.LineagePath : null)).FirstOrDefaultAsync(ct);
            if (owner is null)
            {
                errors.Add(new("agencyId", "Không có cơ quan này trong danh mục."));
            }
        }

        if (owner is not null && !Permissions.MayActFor(db.Scope, owner))
        {
            return new(null, [], [], Forbidden: Refused);
        }

        if (input.TaskId is { } taskId && !await db.PlanTasks.AnyAsync(t => t.Id == taskId, ct))
        {
            errors.Add(new("taskId", "Không tìm thấy nhiệm vụ trong phạm vi của tài khoản."));
        }

        TextChecks.Required(errors, ("form", "Hình thức", input.Form), ("reason", "Lý do", input.Reason), ("decision.number", "Số quyết định", input.DecisionNumber),
            ("decision.issuer", "Cơ quan quyết định", input.DecisionIssuer));
        if (input.DecisionDate is null)
        {
            errors.Add(new("decision.date", "Vui lòng nhập ngày quyết định."));
        }
        else if (input.DecisionDate > VietnamTime.Today(time))
        {
            errors.Add(new("decision.date", "Ngày quyết định không được sau ngày hôm nay."));
        }

        TextChecks.Check(errors, ("reason", "Lý do", input.Reason, true));
        TextChecks.Lengths(errors, ("form", "Hình thức", input.Form, 250), ("reason", "Lý do", input.Reason, 2000), ("decision.number", "Số quyết định", input.DecisionNumber, 64),
            ("decision.issuer", "Cơ quan quyết định", input.DecisionIssuer, 250));
        if (errors.Count > 0)
        {
            return new(null, errors, []);
        }

        var row = new MeritRecord
        {
            Kind = kind!.Value, UnitId = input.UnitId, AgencyId = input.AgencyId, TaskId = input.TaskId, Form = input.Form!.Trim(), Reason = input.Reason!.Trim(),
            DecisionNumber = input.DecisionNumber!.Trim(), DecisionDate = input.DecisionDate!.Value, DecisionIssuer = input.DecisionIssuer!.Trim(),
            CreatedBy = db.Actor.Name, CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.MeritRecords.Add(row);
        await db.SaveChangesAsync(ct);
        return new(await GetAsync(row.Id, ct), [], []);
    }

    private async Task<MeritView?> GetAsync(int id, CancellationToken ct) =>
        await db.MeritRecords.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new MeritView(m.Id, m.Kind == MeritKind.Discipline ? "discipline" : "commendation", m.UnitId, m.Unit != null ? m.Unit.Name : null, m.AgencyId,
                m.Agency != null ? m.Agency.Name : null, m.TaskId, m.Task != null ? m.Task.Content : null, m.Form, m.Reason,
                new AssessmentDecision(m.DecisionNumber, m.DecisionDate, m.DecisionIssuer)))
            .FirstOrDefaultAsync(ct);

    /// <summary>The model units a document names, among the units the caller sees; null when there is no such document.</summary>
    public async Task<IReadOnlyList<ModelUnitView>?> ModelUnitsAsync(int documentId, CancellationToken ct = default)
    {
        if (!await db.Documents.AnyAsync(d => d.Id == documentId, ct))
        {
            return null;
        }

        return await db.ModelUnits.AsNoTracking().Where(m => m.DocumentId == documentId && db.Units.Any(u => u.Id == m.UnitId))
            .OrderBy(m => m.Unit!.Name)
            .Select(m => new ModelUnitView(m.Id, m.DocumentId, m.UnitId, m.Unit!.Code, m.Unit.Name, m.Note, m.CreatedAt))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Takes a model unit off the document's list; by who may write the document, as adding. Missing when the document
    /// does not name that unit among those the caller sees.
    /// </summary>
    public async Task<WriteResult<ModelUnitView>> RemoveModelUnitAsync(int documentId, int modelUnitId, CancellationToken ct = default)
    {
        var place = await DocumentPlaceAsync(documentId, ct);
        if (place is null)
        {
            return WriteResult.Missing<ModelUnitView>();
        }

        if (!Permissions.MayActFor(db.Scope, place.Value.Place))
        {
            return new(null, [], [], Forbidden: Plans.PlanService.DocumentOwned);
        }

        var row = await db.ModelUnits.Include(m => m.Unit)
            .FirstOrDefaultAsync(m => m.Id == modelUnitId && m.DocumentId == documentId && db.Units.Any(u => u.Id == m.UnitId), ct);
        if (row is null)
        {
            return WriteResult.Missing<ModelUnitView>();
        }

        var view = new ModelUnitView(row.Id, documentId, row.UnitId, row.Unit!.Code, row.Unit.Name, row.Note, row.CreatedAt);
        db.ModelUnits.Remove(row);
        await db.SaveChangesAsync(ct);
        return new(view, [], []);
    }

    private async Task<(int Id, AgencyPlace? Place)?> DocumentPlaceAsync(int documentId, CancellationToken ct)
    {
        var document = await db.Documents.AsNoTracking().Where(d => d.Id == documentId)
            .Select(d => new { d.Id, Place = d.IssuerAgency == null ? null : new AgencyPlace(d.IssuerAgency.LineagePath, d.IssuerAgency.Area != null ? d.IssuerAgency.Area.LineagePath : null) })
            .FirstOrDefaultAsync(ct);
        return document is null ? null : (document.Id, document.Place);
    }

    /// <summary>Names a unit as a model of the document; written by who may write the document (its issuing agency's scope).</summary>
    public async Task<WriteResult<ModelUnitView>> AddModelUnitAsync(int documentId, int? unitId, string? note, CancellationToken ct = default)
    {
        var document = await DocumentPlaceAsync(documentId, ct);
        if (document is null)
        {
            return WriteResult.Missing<ModelUnitView>();
        }

        if (!Permissions.MayActFor(db.Scope, document.Value.Place))
        {
            return new(null, [], [], Forbidden: Plans.PlanService.DocumentOwned);
        }

        var errors = new List<RuleViolation>();
        if (unitId is not { } id)
        {
            errors.Add(new("unitId", "Vui lòng chọn đơn vị (unitId)."));
        }
        else if (!await db.Units.AnyAsync(u => u.Id == id, ct))
        {
            errors.Add(new("unitId", "Không tìm thấy đơn vị trong phạm vi của tài khoản."));
        }
        else if (await db.ModelUnits.AnyAsync(m => m.DocumentId == documentId && m.UnitId == id, ct))
        {
            errors.Add(new("unitId", "Đơn vị này đã có trong danh sách đơn vị điển hình của văn bản."));
        }

        TextChecks.Check(errors, ("note", "Ghi chú", note, true));
        TextChecks.Lengths(errors, ("note", "Ghi chú", note, 1000));
        if (errors.Count > 0)
        {
            return new(null, errors, []);
        }

        var row = new ModelUnit
        {
            DocumentId = documentId, UnitId = unitId!.Value, Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(), CreatedBy = db.Actor.Name,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.ModelUnits.Add(row);
        await db.SaveChangesAsync(ct);
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == row.UnitId).Select(u => new { u.Code, u.Name }).FirstAsync(ct);
        return new(new ModelUnitView(row.Id, documentId, row.UnitId, unit.Code, unit.Name, row.Note, row.CreatedAt), [], []);
    }
}
