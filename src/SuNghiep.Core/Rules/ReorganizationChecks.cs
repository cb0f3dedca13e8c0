using SuNghiep.Core.Entities;

namespace SuNghiep.Core.Rules;

/// <summary>The grounds of a dissolution (Decree 120/2020, Art. 5.3, as amended by Decree 83/2024).</summary>
public enum DissolutionGround
{
    /// <summary>The functions and tasks are no longer needed, or have gone to another body.</summary>
    FunctionsGone = 1,
    /// <summary>The unit no longer meets the criteria and conditions of its establishment.</summary>
    CriteriaNotMet = 2,
    /// <summary>Three consecutive years of ineffective operation.</summary>
    Ineffective = 3,
    /// <summary>The network plan of public service units says so.</summary>
    Planning = 4,
}

/// <summary>A unit named by a proposal as it stands: its classification and its latest staffing and autonomy.</summary>
public sealed record CheckedUnit(string Code, string RoleClass, string Level, int? AutonomyGroup, int? BudgetPositions);

/// <summary>A unit a proposal would create.</summary>
public sealed record PlannedUnit(string Name, string? RoleClass, string? Level, int? AutonomyGroup);

/// <summary>What the checks of Decree 120 read of a proposal: the form, the units before and after, staff, grounds, who decides.</summary>
public sealed record ProposalFacts(
    ReorganizationType Type,
    IReadOnlyList<CheckedUnit> Ending,
    CheckedUnit? Continuing,
    IReadOnlyList<PlannedUnit> NewUnits,
    int? PlannedStaff,
    int? PlannedBudgetPositions,
    DissolutionGround? Ground,
    AgencyKind? CompetentAgencyKind);

/// <summary>
/// The checks of Decree 120/2020 as amended by Decree 83/2024 that a reorganization proposal is shown before it is decided.
/// They warn, never refuse: the register records what was decided. Each message names its article, as the law's
/// text is what the appraising officer cites.
/// </summary>
public static class ReorganizationChecks
{
    /// <summary>Decree 120/2020, Art. 4 (as amended by Decree 83/2024): a new unit has at least 15 people working in it.</summary>
    public const int MinimumStaff = 15;

    public const string Decree = "Nghị định 120/2020/NĐ-CP, sửa đổi bởi Nghị định 83/2024/NĐ-CP";

    public static string GroundName(DissolutionGround ground) => ground switch
    {
        DissolutionGround.FunctionsGone => "Không còn chức năng, nhiệm vụ hoặc chức năng, nhiệm vụ đã chuyển cho cơ quan, đơn vị khác",
        DissolutionGround.CriteriaNotMet => "Không còn đáp ứng tiêu chí, điều kiện thành lập",
        DissolutionGround.Ineffective => "Hoạt động không hiệu quả trong ba năm liên tiếp",
        DissolutionGround.Planning => "Theo quy hoạch mạng lưới đơn vị sự nghiệp công lập",
        _ => ground.ToString(),
    };

    public static string GroundCode(DissolutionGround ground) => ground switch
    {
        DissolutionGround.FunctionsGone => "functions-gone",
        DissolutionGround.CriteriaNotMet => "criteria-not-met",
        DissolutionGround.Ineffective => "ineffective",
        _ => "planning",
    };

    public static DissolutionGround? ParseGround(string? code) =>
        Enum.GetValues<DissolutionGround>().Select(g => (DissolutionGround?)g).FirstOrDefault(g => GroundCode(g!.Value) == code?.Trim());

    /// <summary>Every warning for the proposal, in the order of the decree's articles.</summary>
    public static IReadOnlyList<RuleViolation> Check(ProposalFacts f) =>
        [.. MinimumStaffWarnings(f), .. BudgetStaffWarnings(f), .. AutonomyWarnings(f), .. DissolutionWarnings(f), .. CompetenceWarnings(f)];

    /// <summary>
    /// Art. 4 and Art. 5.1: a unit that is established, or that a consolidation, division or separation creates, has at least
    /// 15 people working in it, except a unit providing basic and essential services set up under a sector law.
    /// </summary>
    public static IReadOnlyList<RuleViolation> MinimumStaffWarnings(ProposalFacts f)
    {
        var creating = f.NewUnits.Where(u => u.RoleClass != "basic-service").ToList();
        if (creating.Count == 0)
        {
            return [];
        }

        if (f.PlannedStaff is not { } staff)
        {
            return [new("plannedStaff", $"Chưa nêu số người làm việc dự kiến của đơn vị mới, nên chưa kiểm tra được số lượng tối thiểu {MinimumStaff} người ({Decree}, Điều 4, Điều 5 khoản 1).")];
        }

        return staff < MinimumStaff
            ? [new("plannedStaff", $"Đơn vị mới dự kiến có {staff} người làm việc, ít hơn số lượng tối thiểu {MinimumStaff} người ({Decree}, Điều 4, Điều 5 khoản 1).")]
            : [];
    }

    /// <summary>Art. 5.2: a reorganization does not increase the staff paid from the state budget of the units it joins.</summary>
    public static IReadOnlyList<RuleViolation> BudgetStaffWarnings(ProposalFacts f)
    {
        if (f.Type is ReorganizationType.Establishment || f.PlannedBudgetPositions is not { } after)
        {
            return [];
        }

        var before = f.Ending.Concat(f.Continuing is { } c ? [c] : []).ToList();
        if (before.Count == 0 || before.Any(u => u.BudgetPositions is null))
        {
            return before.Count == 0 ? [] : [new("plannedBudgetPositions",
                $"Chưa có số lượng người làm việc hưởng lương từ ngân sách của đơn vị {string.Join(", ", before.Where(u => u.BudgetPositions is null).Select(u => u.Code))}, nên chưa so sánh được trước và sau sắp xếp ({Decree}, Điều 5 khoản 2).")];
        }

        var total = before.Sum(u => u.BudgetPositions!.Value);
        return after > total
            ? [new("plannedBudgetPositions", $"Số lượng người làm việc hưởng lương từ ngân sách sau sắp xếp ({after}) tăng so với trước sắp xếp ({total}) ({Decree}, Điều 5 khoản 2).")]
            : [];
    }

    /// <summary>
    /// Art. 5.1: a new unit that does not provide basic and essential services is in autonomy group 1. Art. 5.2: the units
    /// reorganized together do not end up at a lower autonomy level (a higher group number) than the best of them.
    /// </summary>
    public static IReadOnlyList<RuleViolation> AutonomyWarnings(ProposalFacts f)
    {
        var warnings = ReorganizationRules.Warnings(f.Type, f.Ending.Select(u => u.AutonomyGroup).Concat(f.Continuing is { } c ? [c.AutonomyGroup] : []).ToList(),
            f.NewUnits.Select(u => (u.RoleClass ?? "", u.AutonomyGroup)).ToList()).ToList();
        // A merger creates nothing: the absorbing unit goes on with its own group, which may be lower than an absorbed one's.
        if (f.Type == ReorganizationType.Merger && f.Continuing is { AutonomyGroup: { } kept } continuing
            && f.Ending.Where(u => u.AutonomyGroup is not null).Select(u => u.AutonomyGroup!.Value).DefaultIfEmpty(kept).Min() is var best && kept > best)
        {
            warnings.Add(new("continuingUnitId",
                $"Đơn vị tiếp nhận {continuing.Code} ở nhóm tự chủ {kept}, thấp hơn đơn vị bị sáp nhập (nhóm {best}): sau sáp nhập mức tự chủ không được thấp hơn ({Decree}, Điều 5 khoản 2)."));
        }

        return warnings;
    }

    /// <summary>Art. 5.3: a dissolution states its ground: functions gone, criteria no longer met, three ineffective years, or planning.</summary>
    public static IReadOnlyList<RuleViolation> DissolutionWarnings(ProposalFacts f) =>
        f.Type == ReorganizationType.Dissolution && f.Ground is null
            ? [new("dissolutionGround", $"Chưa nêu căn cứ giải thể: không còn chức năng, nhiệm vụ; không còn đáp ứng tiêu chí, điều kiện thành lập; hoạt động không hiệu quả ba năm liên tiếp; hoặc theo quy hoạch ({Decree}, Điều 5 khoản 3).")]
            : [];

    /// <summary>
    /// Art. 24 (as amended by Decree 283/2025): the commune People's Committee decides on its own units, the provincial
    /// People's Committee on the province's, a minister on the ministry's [to verify], the district People's Committee on
    /// the district's until districts ended on 1/7/2025. A department (sở) proposes; it does not decide.
    /// </summary>
    public static IReadOnlyList<RuleViolation> CompetenceWarnings(ProposalFacts f)
    {
        var levels = f.Ending.Select(u => u.Level).Concat(f.Continuing is { } c ? [c.Level] : [])
            .Concat(f.NewUnits.Select(u => u.Level).OfType<string>()).Distinct().ToList();
        if (levels.Count == 0)
        {
            return [];
        }

        if (f.CompetentAgencyKind is not { } kind)
        {
            return [new("competentAgencyId", $"Chưa nêu cơ quan có thẩm quyền quyết định ({Decree}, Điều 24).")];
        }

        var wrong = levels.Where(l => Competent(l) is { } needed && needed != kind).ToList();
        return wrong.Count > 0
            ? [new("competentAgencyId",
                $"Cơ quan quyết định ({KindName(kind)}) không có thẩm quyền đối với đơn vị cấp {string.Join(", ", wrong.Select(LevelName))}: thẩm quyền thuộc {string.Join(", ", wrong.Select(l => KindName(Competent(l)!.Value)).Distinct())} ({Decree}, Điều 24).")]
            : [];
    }

    /// <summary>The kind of agency that decides on the units of a level.</summary>
    public static AgencyKind? Competent(string level) => level switch
    {
        "central" => AgencyKind.Ministry,
        "province" => AgencyKind.ProvincialPeoplesCommittee,
        "district" => AgencyKind.DistrictPeoplesCommittee,
        "commune" => AgencyKind.CommunePeoplesCommittee,
        _ => null,
    };

    public static string KindName(AgencyKind kind) => kind switch
    {
        AgencyKind.Ministry => "bộ, cơ quan ngang bộ",
        AgencyKind.ProvincialPeoplesCommittee => "Ủy ban nhân dân cấp tỉnh",
        AgencyKind.Department => "sở, ban, ngành",
        AgencyKind.DistrictPeoplesCommittee => "Ủy ban nhân dân cấp huyện",
        AgencyKind.CommunePeoplesCommittee => "Ủy ban nhân dân cấp xã",
        _ => "cơ quan khác",
    };

    private static string LevelName(string level) => level switch
    {
        "central" => "trung ương",
        "province" => "tỉnh",
        "district" => "huyện",
        "commune" => "xã",
        _ => level,
    };
}
