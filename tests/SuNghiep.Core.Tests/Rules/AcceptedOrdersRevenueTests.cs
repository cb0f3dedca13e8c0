using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Tests.Rules;

/// <summary>
/// The accepted value of orders flows into revenue A (Decree 60/2021, Art. 10) and moves the unit's group (Art. 9) when
/// it crosses a threshold: the value is ServiceRules.AcceptedValue (quantity × unit price − deduction, Decree 32/2019).
/// </summary>
public sealed class AcceptedOrdersRevenueTests
{
    private static readonly DateOnly Year2026 = new(2026, 12, 31);

    private static int? Group(decimal ordered, decimal fees, decimal recurrent) =>
        AutonomyRules.Assess(new FinanceFigures(ordered, 0, fees, 0, 0, 0, recurrent, 0, 0), Year2026).Group;

    [Theory]
    //          fees            B (recurrent)    quantity  unit price  deduction  before  after
    [InlineData(999_000_000,    10_000_000_000,  100,      10_000,     0,         4,      3)]   // 9,99% → exactly 10%
    [InlineData(999_000_000,    10_000_000_000,  100,      10_000,     1,         4,      4)]   // one đồng deducted: 9,9999999%
    [InlineData(999_000_000,    10_000_000_000,  99,       10_000,     0,         4,      4)]   // one unit short of the threshold
    [InlineData(9_999_000_000,  10_000_000_000,  100,      10_000,     0,         3,      2)]   // 99,99% → exactly 100%
    [InlineData(9_999_000_000,  10_000_000_000,  200,      5_000,      0,         3,      2)]   // same value, other price
    [InlineData(9_999_000_000,  10_000_000_000,  100,      10_000,     500,       3,      3)]   // 99,99995%: still group 3
    [InlineData(0,              10_000_000_000,  100,      10_000,     2_000_000, 4,      4)]   // deduction above the value: 0
    public void AcceptedValue_AddedToRevenueA_MovesTheGroupAcrossTheThreshold(
        long fees, long recurrent, int quantity, int unitPrice, long deduction, int before, int after)
    {
        var accepted = ServiceRules.AcceptedValue(quantity, unitPrice, deduction);

        Assert.Equal(before, Group(0, fees, recurrent));
        Assert.Equal(after, Group(accepted, fees, recurrent));
    }

    // Decree 60/2021 Art. 11.1a/11.1c as the Ministry of Finance reads it: only autonomy-assigned money is revenue A.
    [Theory]
    //          method                       has price  funding
    [InlineData(ServiceMethod.Ordering,      true,      FundingClass.AutonomyAssigned)]
    [InlineData(ServiceMethod.Bidding,       true,      FundingClass.AutonomyAssigned)]
    [InlineData(ServiceMethod.Assignment,    true,      FundingClass.AutonomyAssigned)]
    [InlineData(ServiceMethod.Assignment,    false,     FundingClass.NonAutonomy)]
    public void Funding_ByMethodAndPrice_FollowsArticle11(ServiceMethod method, bool hasPrice, FundingClass funding) =>
        Assert.Equal(funding, ServiceRules.Funding(method, hasPrice));
}
