using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;

namespace SuNghiep.Core.Rules;

/// <summary>Where an agency sits, as scopes look at it: its lineage path, and that of its area when it has one.</summary>
public sealed record AgencyPlace(string LineagePath, string? AreaLineagePath);

/// <summary>
/// Who may change what. Scope says which rows a caller reaches (the query filter); these rules say, per role, which fields
/// of a unit it may change and which writes belong to it at all: a document to its issuing agency, a task's status to
/// the level that assigned it, an autonomy plan's approval to the level that approves, an agency's allocation to the
/// level above it. docs/SECURITY.md holds the same decisions as a table.
/// </summary>
public static class Permissions
{
    /// <summary>The unit fields a write may carry, by API name, with the words a message uses for each.</summary>
    public static readonly IReadOnlyDictionary<string, string> UnitFields = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["code"] = "mã đơn vị",
        ["name"] = "tên đơn vị",
        ["sector"] = "lĩnh vực",
        ["roleClass"] = "loại đơn vị theo vai trò",
        ["level"] = "cấp quản lý",
        ["areaCode"] = "địa bàn",
        ["managingAgencyId"] = "cơ quan quản lý",
        ["autonomyGroup"] = "nhóm tự chủ tài chính",
        ["establishedOn"] = "ngày thành lập",
        ["endedOn"] = "ngày chấm dứt hoạt động",
        ["address"] = "địa chỉ",
        ["notes"] = "ghi chú",
        ["effectiveFrom"] = "thay đổi áp dụng từ ngày (phiên bản mới theo quyết định)",
        ["conversionListedBy"] = "quyết định đưa đơn vị vào danh mục chuyển đổi thành công ty cổ phần",
        ["conversionListedOn"] = "ngày quyết định đưa đơn vị vào danh mục chuyển đổi thành công ty cổ phần",
    };

    /// <summary>
    /// Whether a role may change a unit's field by editing the unit. The register's keepers (SystemAdmin, HomeAffairs)
    /// correct everything. The managing agency corrects what describes and classifies its units, but moves them to another
    /// agency and starts or ends them only through a reorganization, which it records with its decision and which can be
    /// voided; an edit that ended a unit could not be undone. The listing for conversion into a joint-stock company is
    /// the province's list, which Home Affairs keeps: the managing agency proposes, it does not list its own units.
    /// A unit officer keeps its unit's address and notes.
    /// </summary>
    public static bool MayChangeUnitField(string? role, string field) => role switch
    {
        Roles.SystemAdmin or Roles.HomeAffairs => UnitFields.ContainsKey(field),
        Roles.AgencyOfficer => UnitFields.ContainsKey(field)
            && field is not ("managingAgencyId" or "establishedOn" or "endedOn" or "conversionListedBy" or "conversionListedOn"),
        Roles.UnitOfficer => field is "address" or "notes",
        _ => false,
    };

    /// <summary>The refusal of each changed field the role may not change, on that field, in Vietnamese.</summary>
    public static IReadOnlyList<RuleViolation> UnitFieldRefusals(string? role, IEnumerable<string> changedFields) =>
        changedFields.Distinct(StringComparer.Ordinal).Where(f => !MayChangeUnitField(role, f))
            .Select(f => new RuleViolation(f, $"{Who(role)} không được thay đổi {(UnitFields.TryGetValue(f, out var label) ? label : f)}; "
                + "việc này do cơ quan quản lý hoặc Sở Nội vụ thực hiện (chuyển cơ quan, thành lập, giải thể: ghi sắp xếp, tổ chức lại đơn vị theo quyết định)."))
            .ToList();

    /// <summary>Roles that record reorganizations, staffing allocations, documents, targets and tasks (in their scope).</summary>
    public static bool IsOfficerOfAgencies(string? role) => role is Roles.SystemAdmin or Roles.HomeAffairs or Roles.AgencyOfficer;

    /// <summary>Whether a scope reaches an agency: its agency subtree (with lineage), or its area subtree.</summary>
    public static bool Contains(CallerScope scope, AgencyPlace agency) =>
        scope.Unrestricted
        || (scope.AgencyPath is { } path && agency.LineagePath.StartsWith(path, StringComparison.Ordinal))
        || (scope.AreaPath is { } area && agency.AreaLineagePath is { } own && own.StartsWith(area, StringComparison.Ordinal));

    /// <summary>
    /// Whether the caller may write in the name of an agency: record a document it issued, add targets, tasks and files
    /// to it. A document without an agency of the register (a central body's) is written by the administrator only.
    /// </summary>
    public static bool MayActFor(CallerScope scope, AgencyPlace? agency) =>
        scope.Role == Roles.SystemAdmin
        || (IsOfficerOfAgencies(scope.Role) && agency is not null && Contains(scope, agency));

    /// <summary>
    /// Whether the caller may set a task's status: the status belongs to the level that assigned the task (the parent
    /// task's lead agency, or the document's issuing agency), never to the agencies that carry it out or coordinate.
    /// </summary>
    public static bool MaySetTaskStatus(CallerScope scope, AgencyPlace? assigner) => MayActFor(scope, assigner);

    /// <summary>
    /// Whether the caller may ask the lead agency to explain a late task (yêu cầu giải trình): the level that assigned
    /// the task, or a level above it, as for the task's status.
    /// </summary>
    public static bool MayRequestExplanation(CallerScope scope, AgencyPlace? assigner) => MayActFor(scope, assigner);

    /// <summary>Whether the caller may answer an explanation request: the task's lead agency, or a level above it.</summary>
    public static bool MayAnswerExplanation(CallerScope scope, AgencyPlace? lead) => MayActFor(scope, lead);

    /// <summary>
    /// Whether the caller may record an autonomy plan as approved or rejected: the decision is the approving level's
    /// (the managing agency or Home Affairs), never the unit's own; a unit officer submits its plan.
    /// </summary>
    public static bool MayDecideAutonomyPlan(string? role) => IsOfficerOfAgencies(role);

    /// <summary>
    /// Whether the caller may set an agency's staffing allocation: the level above sets it, so the caller's scope must
    /// reach the agency's parent; an agency does not allocate to itself, and a top agency's allocation is the administrator's.
    /// </summary>
    public static bool MayAllocate(CallerScope scope, AgencyPlace agency, AgencyPlace? parent) =>
        scope.Role == Roles.SystemAdmin
        || (IsOfficerOfAgencies(scope.Role) && parent is not null && Contains(scope, parent) && Contains(scope, agency));

    private static string Who(string? role) => role is null ? "Tài khoản này" : Roles.DisplayName(role);
}
