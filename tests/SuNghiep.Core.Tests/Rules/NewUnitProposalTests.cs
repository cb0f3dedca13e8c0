using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Tests.Rules;

/// <summary>
/// The new unit of a consolidation (Decree 120/2020, Article 3: two or more units end and form a new one) or a division
/// is proposed from its sources; the officer edits the proposal.
/// </summary>
public sealed class NewUnitProposalTests
{
    private static SourceUnitFacts Unit(string name, string sector = "education", string level = "commune", string area = "31120", int agency = 7) =>
        new(name, sector, "basic-service", level, area, agency);

    [Theory]
    //          first name                        second name                        third name                  expected
    [InlineData("Trường Mầm non Hoa Sen",         "Trường Mầm non Sao Mai",          null,                       "Trường Mầm non Hoa Sen – Sao Mai")]
    [InlineData("Trung tâm Y tế quận Ninh Kiều",  "Trung tâm Y tế quận Cái Răng",    "Trung tâm Y tế quận Bình Thủy", "Trung tâm Y tế quận Ninh Kiều – Cái Răng – Bình Thủy")]
    [InlineData("Trường Tiểu học A",              "Trường Tiểu học A",               null,                       "Trường Tiểu học A")]
    [InlineData("Nhà văn hóa",                    "Thư viện thành phố",              null,                       "Nhà văn hóa – Thư viện thành phố")]
    public void Name_OfAConsolidation_KeepsTheCommonWordsOnceAndJoinsTheRest(string first, string second, string? third, string expected)
    {
        var names = new[] { first, second, third }.OfType<string>().ToList();

        var proposal = NewUnitProposal.From(names.Select(n => Unit(n)).ToList(), proposeName: true);

        Assert.Equal(expected, proposal.Name);
    }

    [Fact]
    public void From_SourcesThatDiffer_TakesWhatMostShareAndOnATieTheFirst()
    {
        var proposal = NewUnitProposal.From(
        [
            Unit("A", sector: "health",    level: "province", area: "31120", agency: 3),
            Unit("B", sector: "education", level: "commune",  area: "31135", agency: 5),
            Unit("C", sector: "education", level: "province", area: "31150", agency: 5),
        ], proposeName: true);

        Assert.Equal(("education", "province", "31120", 5, "basic-service"),
            (proposal.Sector, proposal.Level, proposal.AreaCode, proposal.ManagingAgencyId!.Value, proposal.RoleClass));
    }

    [Fact]
    public void From_ADivision_ProposesNoName_AndNoSourceProposesNothing()
    {
        var division = NewUnitProposal.From([Unit("Trường Liên cấp Mỹ Khánh")], proposeName: false);

        Assert.Equal((null, "education", 7), (division.Name, division.Sector, division.ManagingAgencyId));
        Assert.Equal(NewUnitProposal.None, NewUnitProposal.From([], proposeName: true));
        Assert.Null(NewUnitProposal.From([Unit("Trạm Y tế Hoa Sen")], proposeName: true).Name);   // one source is not yet a consolidation
    }
}
