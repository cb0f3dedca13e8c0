using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Tests.Rules;

/// <summary>The checks of Decree 120/2020 as amended by Decree 83/2024 on a reorganization proposal: warnings, each citing its article.</summary>
public sealed class ReorganizationChecksTests
{
    private static CheckedUnit U(string code, int? group = 3, int? budget = 20, string level = "province", string role = "basic-service") =>
        new(code, role, level, group, budget);

    private static PlannedUnit New(string? role = "basic-service", int? group = 1, string? level = "province") => new("Đơn vị mới", role, level, group);

    private static ProposalFacts Facts(ReorganizationType type, IReadOnlyList<CheckedUnit>? ending = null, CheckedUnit? continuing = null,
        IReadOnlyList<PlannedUnit>? created = null, int? staff = 30, int? budget = null, DissolutionGround? ground = null,
        AgencyKind? competent = AgencyKind.ProvincialPeoplesCommittee) =>
        new(type, ending ?? [], continuing, created ?? [], staff, budget, ground, competent);

    // Art. 4 and Art. 5.1: at least 15 people in a new unit, unless it provides basic and essential services.
    [Theory]
    //          role              staff   expected
    [InlineData("other",          14,     "14 người")]
    [InlineData("other",          15,     "")]
    [InlineData("state-management", 3,    "3 người")]
    [InlineData("basic-service",  3,      "")]
    [InlineData("other",          null,   "Chưa nêu")]
    public void MinimumStaff_NewUnitBelowFifteen_Warns(string role, int? staff, string expected)
    {
        var warnings = ReorganizationChecks.MinimumStaffWarnings(Facts(ReorganizationType.Establishment, created: [New(role)], staff: staff));

        Assert.Equal(expected, string.Join("|", warnings.Select(w => w.Message.Contains("14 người") ? "14 người"
            : w.Message.Contains("3 người") ? "3 người" : w.Message.StartsWith("Chưa nêu", StringComparison.Ordinal) ? "Chưa nêu" : w.Message)));
        Assert.All(warnings, w => Assert.Equal("plannedStaff", w.Field));
        Assert.All(warnings, w => Assert.Contains("Điều 4, Điều 5 khoản 1", w.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void MinimumStaff_NoNewUnit_NothingToCheck() =>
        Assert.Empty(ReorganizationChecks.MinimumStaffWarnings(Facts(ReorganizationType.Merger, [U("B")], U("A"), staff: 2)));

    // Art. 5.2: the budget-paid staff after the reorganization is not more than the sum before.
    [Theory]
    //          type                                  before A  before B  after   expected
    [InlineData(ReorganizationType.Consolidation,     20,       10,       30,     false)]
    [InlineData(ReorganizationType.Consolidation,     20,       10,       31,     true)]
    [InlineData(ReorganizationType.Consolidation,     20,       10,       25,     false)]
    [InlineData(ReorganizationType.Merger,            20,       10,       31,     true)]
    [InlineData(ReorganizationType.Division,          20,       10,       null,   false)]
    public void BudgetStaff_MoreAfterThanBefore_Warns(ReorganizationType type, int a, int b, int? after, bool expected)
    {
        var facts = type == ReorganizationType.Merger
            ? Facts(type, [U("B", budget: b)], U("A", budget: a), budget: after)
            : Facts(type, [U("A", budget: a), U("B", budget: b)], created: [New()], budget: after);

        var warnings = ReorganizationChecks.BudgetStaffWarnings(facts);

        Assert.Equal(expected, warnings.Count == 1);
        Assert.All(warnings, w => Assert.Equal($"Số lượng người làm việc hưởng lương từ ngân sách sau sắp xếp ({after}) tăng so với trước sắp xếp ({a + b}) (Nghị định 120/2020/NĐ-CP, sửa đổi bởi Nghị định 83/2024/NĐ-CP, Điều 5 khoản 2).", w.Message));
    }

    [Fact]
    public void BudgetStaff_SourceWithoutFigures_SaysItCannotCompare()
    {
        var warning = Assert.Single(ReorganizationChecks.BudgetStaffWarnings(Facts(ReorganizationType.Consolidation, [U("A"), U("B", budget: null)], created: [New()], budget: 10)));

        Assert.Contains("đơn vị B", warning.Message, StringComparison.Ordinal);
    }

    // Art. 5.1 and 5.2: a new non-basic unit in group 1; no lower autonomy level after; a merger's absorbing unit included.
    [Theory]
    //          type                               sources  continuing  new role          new group  expected fields
    [InlineData(ReorganizationType.Consolidation,  "2,3",   null,       "basic-service",  2,         "")]
    [InlineData(ReorganizationType.Consolidation,  "2,3",   null,       "basic-service",  3,         "newUnits[0].autonomyGroup")]
    [InlineData(ReorganizationType.Establishment,  "",      null,       "other",          2,         "newUnits[0].autonomyGroup")]
    [InlineData(ReorganizationType.Establishment,  "",      null,       "other",          1,         "")]
    [InlineData(ReorganizationType.Merger,         "2",     3,          null,             null,      "continuingUnitId")]
    [InlineData(ReorganizationType.Merger,         "3",     2,          null,             null,      "")]
    public void Autonomy_LowerLevelAfter_Warns(ReorganizationType type, string sources, int? continuing, string? role, int? group, string expected)
    {
        var ending = sources.Split(',', StringSplitOptions.RemoveEmptyEntries).Select((g, i) => U($"S{i}", int.Parse(g, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var created = role is null ? [] : new[] { New(role, group) };

        var warnings = ReorganizationChecks.AutonomyWarnings(Facts(type, ending, continuing is { } c ? U("C", c) : null, created));

        Assert.Equal(expected, string.Join(",", warnings.Select(w => w.Field)));
        Assert.All(warnings, w => Assert.Contains("Điều", w.Message, StringComparison.Ordinal));
    }

    // Art. 5.3: a dissolution states its ground.
    [Theory]
    //          type                               ground                               expected
    [InlineData(ReorganizationType.Dissolution,    null,                                true)]
    [InlineData(ReorganizationType.Dissolution,    DissolutionGround.Ineffective,       false)]
    [InlineData(ReorganizationType.Dissolution,    DissolutionGround.Planning,          false)]
    [InlineData(ReorganizationType.Merger,         null,                                false)]
    public void Dissolution_WithoutGround_Warns(ReorganizationType type, DissolutionGround? ground, bool expected)
    {
        var warnings = ReorganizationChecks.DissolutionWarnings(Facts(type, [U("A")], ground: ground));

        Assert.Equal(expected, warnings.Count == 1);
        Assert.All(warnings, w => Assert.Contains("Điều 5 khoản 3", w.Message, StringComparison.Ordinal));
    }

    // Art. 24 as amended by Decree 283/2025: who decides on the units of each level.
    [Theory]
    //          unit level   competent agency                               expected
    [InlineData("province",  AgencyKind.ProvincialPeoplesCommittee,         "")]
    [InlineData("province",  AgencyKind.Department,                         "Ủy ban nhân dân cấp tỉnh")]
    [InlineData("commune",   AgencyKind.CommunePeoplesCommittee,            "")]
    [InlineData("commune",   AgencyKind.ProvincialPeoplesCommittee,         "Ủy ban nhân dân cấp xã")]
    [InlineData("central",   AgencyKind.Ministry,                           "")]
    [InlineData("central",   AgencyKind.ProvincialPeoplesCommittee,         "bộ, cơ quan ngang bộ")]
    [InlineData("province",  null,                                          "Chưa nêu")]
    public void Competence_WrongLevelDecides_Warns(string level, AgencyKind? competent, string expected)
    {
        var warnings = ReorganizationChecks.CompetenceWarnings(Facts(ReorganizationType.Dissolution, [U("A", level: level)], competent: competent));

        if (expected.Length == 0)
        {
            Assert.Empty(warnings);
            return;
        }

        var warning = Assert.Single(warnings);
        Assert.Equal("competentAgencyId", warning.Field);
        Assert.Contains(expected, warning.Message, StringComparison.Ordinal);
        Assert.Contains("Điều 24", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_AProposalBreakingEveryRule_ListsEachInArticleOrder()
    {
        var facts = Facts(ReorganizationType.Consolidation, [U("A", group: 2, budget: 10), U("B", group: 2, budget: 10)], created: [New("other", 3)],
            staff: 9, budget: 25, competent: AgencyKind.Department);

        var fields = ReorganizationChecks.Check(facts).Select(w => w.Field).ToList();

        Assert.Equal(["plannedStaff", "plannedBudgetPositions", "newUnits[0].autonomyGroup", "competentAgencyId"], fields);
    }

    [Fact]
    public void ParseGround_TheApisCodes_RoundTrip()
    {
        foreach (var ground in Enum.GetValues<DissolutionGround>())
        {
            Assert.Equal(ground, ReorganizationChecks.ParseGround(ReorganizationChecks.GroundCode(ground)));
        }

        Assert.Null(ReorganizationChecks.ParseGround("because"));
    }
}
