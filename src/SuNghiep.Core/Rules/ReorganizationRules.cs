using SuNghiep.Core.Entities;

namespace SuNghiep.Core.Rules;

/// <summary>What the rules need to know of a unit named in a reorganization.</summary>
public sealed record ReorganizationUnit(
    int Id, string Code, DateOnly EstablishedOn, DateOnly? EndedOn, DateOnly LastChangeOn, int ManagingAgencyId, string Name);

/// <summary>A reorganization as requested, before anything is written.</summary>
public sealed record ReorganizationRequest(
    ReorganizationType? Type,
    string? DecisionNumber,
    DateOnly? DecisionDate,
    string? DecisionIssuer,
    DateOnly? EffectiveDate,
    IReadOnlyList<int> SourceUnitIds,
    int? ContinuingUnitId,
    int NewUnitCount,
    int? NewManagingAgencyId,
    string? NewName);

/// <summary>What a valid reorganization does to the register on its effective date.</summary>
public sealed record ReorganizationPlan(
    IReadOnlyList<int> Ending,
    IReadOnlyList<int> Continuing,
    int Creating,
    IReadOnlyList<int> Transferring,
    IReadOnlyList<int> Renaming)
{
    /// <summary>The change in the number of active units from the effective date (domain 3.1).</summary>
    public int CountChange => Creating - Ending.Count;
}

/// <summary>
/// The forms of reorganization of Decree 120/2020 (as amended by Decree 283/2025, in force 1/11/2025) and their effect on
/// the register: which units end, which go on, how many start.
/// </summary>
public static class ReorganizationRules
{
    public static string TypeName(ReorganizationType type) => type switch
    {
        ReorganizationType.Establishment => "Thành lập",
        ReorganizationType.Consolidation => "Hợp nhất",
        ReorganizationType.Merger => "Sáp nhập",
        ReorganizationType.Division => "Chia",
        ReorganizationType.Separation => "Tách",
        ReorganizationType.Dissolution => "Giải thể",
        ReorganizationType.Transfer => "Chuyển giao",
        ReorganizationType.Conversion => "Chuyển đổi thành công ty cổ phần",
        ReorganizationType.Rename => "Đổi tên",
        ReorganizationType.ReceiveFromMinistry => "Tiếp nhận từ bộ, ngành trung ương",
        ReorganizationType.MergeIntoAgency => "Sáp nhập vào cơ quan hành chính",
        ReorganizationType.ConversionToNonPublic => "Chuyển thành đơn vị sự nghiệp ngoài công lập",
        _ => type.ToString(),
    };

    /// <summary>
    /// The act each form is made under, to be named beside it: the conversion into a joint-stock company is Decree 150/2020's
    /// (on converting public service units into joint-stock companies), not one of Decree 120's forms of reorganization.
    /// </summary>
    public static string LegalBasis(ReorganizationType type) => type switch
    {
        ReorganizationType.Conversion => "Nghị định 150/2020/NĐ-CP",
        _ => "Nghị định 120/2020/NĐ-CP (sửa đổi bởi Nghị định 83/2024/NĐ-CP và Nghị định 283/2025/NĐ-CP)",
    };

    /// <summary>The form's name with the act it is made under, where the two could be confused.</summary>
    public static string TypeNameWithBasis(ReorganizationType type) =>
        type == ReorganizationType.Conversion ? $"{TypeName(type)} (theo {LegalBasis(type)})" : TypeName(type);

    /// <summary>The forms that move units to another managing agency without ending them.</summary>
    public static bool MovesAgency(ReorganizationType type) => type is ReorganizationType.Transfer or ReorganizationType.ReceiveFromMinistry;

    /// <summary>The API's name of each type.</summary>
    public static string Code(ReorganizationType type) => type.ToString().ToLowerInvariant();

    /// <summary>
    /// The type named by its code, in any case. Not Enum.TryParse: it also takes numbers and comma lists of names, which it
    /// reads as flags ("establishment,consolidation" is 1|2, a merger).
    /// </summary>
    public static ReorganizationType? Parse(string? code) =>
        Enum.GetValues<ReorganizationType>().Select(t => (ReorganizationType?)t)
            .FirstOrDefault(t => string.Equals(Code(t!.Value), code?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Checks a request against the units it names (those found in the caller's scope) and says what it does.
    /// Every source unit must be active on the effective date and unchanged after it, so that events are recorded in
    /// the order they took effect; no unit may appear twice.
    /// </summary>
    public static (ReorganizationPlan? Plan, IReadOnlyList<RuleViolation> Errors) Plan(
        ReorganizationRequest r, IReadOnlyDictionary<int, ReorganizationUnit> units)
    {
        var errors = new List<RuleViolation>();
        if (r.Type is null)
        {
            errors.Add(new("type", "Loại sắp xếp phải là một trong: " + string.Join(", ", Enum.GetValues<ReorganizationType>().Select(t => TypeName(t).ToLowerInvariant())) + "."));
        }

        if (string.IsNullOrWhiteSpace(r.DecisionNumber))
        {
            errors.Add(new("decision.number", "Vui lòng nhập số, ký hiệu quyết định."));
        }

        if (r.DecisionDate is null)
        {
            errors.Add(new("decision.date", "Vui lòng nhập ngày ban hành quyết định."));
        }
        else if (r.DecisionDate < UnitRules.EarliestDate)
        {
            errors.Add(new("decision.date", "Ngày ban hành không thể trước ngày 02/09/1945."));
        }

        if (string.IsNullOrWhiteSpace(r.DecisionIssuer))
        {
            errors.Add(new("decision.issuer", "Vui lòng nhập cơ quan ban hành quyết định."));
        }

        errors.AddRange(UnitRules.ValidateLength("decision.number", r.DecisionNumber, 64));
        errors.AddRange(UnitRules.ValidateLength("decision.issuer", r.DecisionIssuer, 250));
        errors.AddRange(UnitRules.ValidateLength("newName", r.NewName, UnitRules.MaxNameLength));
        if (r.EffectiveDate is not { } date)
        {
            errors.Add(new("effectiveDate", "Vui lòng nhập ngày hiệu lực."));
            return (null, errors);
        }

        if (date < UnitRules.EarliestDate)
        {
            errors.Add(new("effectiveDate", "Ngày hiệu lực không thể trước ngày 02/09/1945."));
        }

        if (r.Type is not { } type)
        {
            return (null, errors);
        }

        var sources = r.SourceUnitIds.ToList();
        if (sources.Count != sources.Distinct().Count())
        {
            errors.Add(new("sourceUnitIds", "Một đơn vị được nêu nhiều lần."));
        }

        // A merger or separation may name its continuing unit among the sources, as the API allows.
        var continuing = r.ContinuingUnitId;
        var others = continuing is { } c ? sources.Where(id => id != c).Distinct().ToList() : sources.Distinct().ToList();

        void Need(bool ok, string field, string message)
        {
            if (!ok)
            {
                errors.Add(new(field, message));
            }
        }

        switch (type)
        {
            case ReorganizationType.Establishment:
                Need(sources.Count == 0 && continuing is null, "sourceUnitIds", "Thành lập mới không có đơn vị nguồn.");
                Need(r.NewUnitCount >= 1, "newUnits", "Thành lập cần ít nhất một đơn vị mới.");
                break;
            case ReorganizationType.Consolidation:
                Need(others.Count >= 2, "sourceUnitIds", "Hợp nhất cần ít nhất hai đơn vị được hợp nhất.");
                Need(continuing is null, "continuingUnitId", "Hợp nhất không có đơn vị tiếp tục: mọi đơn vị cũ chấm dứt và một đơn vị mới được thành lập.");
                Need(r.NewUnitCount == 1, "newUnits", "Hợp nhất tạo đúng một đơn vị mới.");
                break;
            case ReorganizationType.Merger:
                Need(continuing is not null, "continuingUnitId", "Sáp nhập cần đơn vị tiếp nhận (tiếp tục hoạt động).");
                Need(others.Count >= 1, "sourceUnitIds", "Sáp nhập cần ít nhất một đơn vị bị sáp nhập.");
                Need(r.NewUnitCount == 0, "newUnits", "Sáp nhập không tạo đơn vị mới.");
                break;
            case ReorganizationType.Division:
                Need(others.Count == 1 && continuing is null, "sourceUnitIds", "Chia áp dụng cho đúng một đơn vị, đơn vị này chấm dứt hoạt động.");
                Need(r.NewUnitCount >= 2, "newUnits", "Chia cần ít nhất hai đơn vị mới.");
                break;
            case ReorganizationType.Separation:
                Need(continuing is not null || others.Count == 1, "continuingUnitId", "Tách cần đơn vị bị tách (tiếp tục hoạt động).");
                Need(continuing is null ? others.Count == 1 : others.Count == 0, "sourceUnitIds", "Tách áp dụng cho đúng một đơn vị.");
                Need(r.NewUnitCount >= 1, "newUnits", "Tách cần ít nhất một đơn vị mới.");
                if (continuing is null && others.Count == 1)
                {
                    continuing = others[0];
                    others = [];
                }

                break;
            case ReorganizationType.Dissolution:
            case ReorganizationType.Conversion:
            case ReorganizationType.ConversionToNonPublic:
                Need(others.Count >= 1 && continuing is null, "sourceUnitIds", $"{TypeName(type)} cần ít nhất một đơn vị.");
                Need(r.NewUnitCount == 0, "newUnits", $"{TypeName(type)} không tạo đơn vị mới.");
                break;
            case ReorganizationType.MergeIntoAgency:
                Need(others.Count >= 1 && continuing is null, "sourceUnitIds", "Sáp nhập vào cơ quan hành chính cần ít nhất một đơn vị.");
                Need(r.NewManagingAgencyId is not null, "newManagingAgencyId", "Vui lòng chọn cơ quan hành chính tiếp nhận chức năng, nhiệm vụ của đơn vị.");
                Need(r.NewUnitCount == 0, "newUnits", "Sáp nhập vào cơ quan hành chính không tạo đơn vị mới.");
                break;
            case ReorganizationType.Transfer:
            case ReorganizationType.ReceiveFromMinistry:
                Need(others.Count >= 1 && continuing is null, "sourceUnitIds", $"{TypeName(type)} cần ít nhất một đơn vị.");
                Need(r.NewManagingAgencyId is not null, "newManagingAgencyId", "Vui lòng chọn cơ quan quản lý mới.");
                Need(r.NewUnitCount == 0, "newUnits", $"{TypeName(type)} không tạo đơn vị mới.");
                break;
            case ReorganizationType.Rename:
                Need(others.Count == 1 && continuing is null, "sourceUnitIds", "Đổi tên áp dụng cho đúng một đơn vị.");
                Need(!string.IsNullOrWhiteSpace(r.NewName), "newName", "Vui lòng nhập tên mới.");
                Need(r.NewUnitCount == 0, "newUnits", "Đổi tên không tạo đơn vị mới.");
                break;
        }

        var named = continuing is { } cont ? others.Append(cont).ToList() : others;
        foreach (var id in named)
        {
            var field = id == continuing ? "continuingUnitId" : "sourceUnitIds";
            if (!units.TryGetValue(id, out var unit))
            {
                errors.Add(new(field, $"Không tìm thấy đơn vị có id {id}."));
                continue;
            }

            if (unit.EstablishedOn >= date)
            {
                errors.Add(new(field, $"Đơn vị {unit.Code} thành lập ngày {unit.EstablishedOn:dd/MM/yyyy}; ngày hiệu lực phải sau ngày đó."));
            }
            else if (unit.EndedOn is { } ended && ended <= date)
            {
                errors.Add(new(field, $"Đơn vị {unit.Code} đã chấm dứt hoạt động từ ngày {ended:dd/MM/yyyy}, không thể sắp xếp tiếp."));
            }
            else if (unit.EndedOn is { } later)
            {
                errors.Add(new(field, $"Đơn vị {unit.Code} đã có quyết định chấm dứt hoạt động từ ngày {later:dd/MM/yyyy}."));
            }
            else if (unit.LastChangeOn >= date)
            {
                errors.Add(new(field, $"Đơn vị {unit.Code} có thay đổi từ ngày {unit.LastChangeOn:dd/MM/yyyy}; hãy ghi các sắp xếp theo thứ tự ngày hiệu lực."));
            }
        }

        if (MovesAgency(type) && r.NewManagingAgencyId is { } agency)
        {
            foreach (var id in others.Where(units.ContainsKey).Where(id => units[id].ManagingAgencyId == agency))
            {
                errors.Add(new("newManagingAgencyId", $"Đơn vị {units[id].Code} đã thuộc cơ quan quản lý này."));
            }
        }

        if (type == ReorganizationType.Rename && others.Count == 1 && units.TryGetValue(others[0], out var renamed)
            && string.Equals(renamed.Name, r.NewName?.Trim(), StringComparison.Ordinal))
        {
            errors.Add(new("newName", "Tên mới trùng tên hiện tại."));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        IReadOnlyList<int> none = [];
        var plan = type switch
        {
            ReorganizationType.Establishment => new ReorganizationPlan(none, none, r.NewUnitCount, none, none),
            ReorganizationType.Consolidation or ReorganizationType.Division or ReorganizationType.Dissolution or ReorganizationType.Conversion
                or ReorganizationType.MergeIntoAgency or ReorganizationType.ConversionToNonPublic
                => new ReorganizationPlan(others, none, r.NewUnitCount, none, none),
            ReorganizationType.Merger => new ReorganizationPlan(others, [continuing!.Value], 0, none, none),
            ReorganizationType.Separation => new ReorganizationPlan(none, [continuing!.Value], r.NewUnitCount, none, none),
            ReorganizationType.Transfer or ReorganizationType.ReceiveFromMinistry => new ReorganizationPlan(none, none, 0, others, none),
            ReorganizationType.Rename => new ReorganizationPlan(none, none, 0, none, others),
            _ => throw new ArgumentOutOfRangeException(nameof(r)),
        };
        return (plan, []);
    }

    /// <summary>
    /// Conditions of Decree 120/2020 (Art. 4-5) that the register warns about but does not block, since it records what
    /// was decided: a new unit should be in autonomy group 1 unless it provides basic and essential services; units
    /// reorganized together should not end up with a lower autonomy level.
    /// </summary>
    public static IReadOnlyList<RuleViolation> Warnings(
        ReorganizationType type, IReadOnlyList<int?> sourceGroups, IReadOnlyList<(string RoleClass, int? AutonomyGroup)> newUnits)
    {
        var warnings = new List<RuleViolation>();
        for (var i = 0; i < newUnits.Count; i++)
        {
            var (role, group) = newUnits[i];
            if (type == ReorganizationType.Establishment && role != "basic-service" && group != 1)
            {
                warnings.Add(new($"newUnits[{i}].autonomyGroup",
                    "Đơn vị thành lập mới không cung ứng dịch vụ sự nghiệp công cơ bản, thiết yếu phải tự bảo đảm chi thường xuyên và chi đầu tư (nhóm 1) (Nghị định 120/2020/NĐ-CP, Điều 5 khoản 1)."));
            }

            var best = sourceGroups.Where(g => g is not null).Select(g => g!.Value).DefaultIfEmpty(0).Min();
            if (best > 0 && group is { } g && g > best)
            {
                warnings.Add(new($"newUnits[{i}].autonomyGroup",
                    $"Đơn vị sau sắp xếp có mức tự chủ thấp hơn đơn vị trước sắp xếp (nhóm {g} so với nhóm {best}) (Nghị định 120/2020/NĐ-CP, Điều 4)."));
            }
        }

        return warnings;
    }
}
