using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Tests.Rules;

/// <summary>
/// Decree 106/2020/NĐ-CP, Art. 3(5): the people at positions of sector-specific and shared professional titles are at
/// least 65% of the unit's people. Counted in people, not in positions; exactly 65% meets it.
/// </summary>
public sealed class JobPositionRulesTests
{
    private static readonly DateOnly After = new(2026, 3, 1);

    [Theory]
    //          leadership  professional  shared  support  warns
    [InlineData(0,          13,           0,      7,       false)]   // 13/20 = exactly 65%
    [InlineData(0,          12,           0,      7,       true)]    // 12/19 = 63.15%
    [InlineData(3,          10,           3,      4,       false)]   // 13/20: shared titles count with the sector ones
    [InlineData(4,          10,           2,      4,       true)]    // 12/20 = 60%: leadership does not count
    [InlineData(35,         0,            65,     0,       false)]   // shared titles alone reach 65%
    [InlineData(1,          129,          0,      70,      true)]    // 129/200 = 64.5%: never rounded up to 65
    [InlineData(0,          0,            0,      1,       true)]    // support only
    [InlineData(0,          1,            0,      0,       false)]
    [InlineData(0,          0,            0,      0,       false)]   // nobody: nothing to measure
    public void ShareWarning_ProfessionalPeopleAgainst65Percent(int leadership, int professional, int shared, int support, bool warns)
    {
        var warning = JobPositionRules.ShareWarning(Rows(leadership, professional, shared, support), After);

        Assert.Equal(warns, warning is not null);
        if (warning is not null)
        {
            Assert.Equal("positions", warning.Field);
            Assert.Contains("Điều 3 khoản 5", warning.Message, StringComparison.Ordinal);
        }
    }

    // The decree counts people: three professional positions for 40 people outweigh five support positions of one person each.
    [Fact]
    public void ShareWarning_CountsPeopleNotPositions()
    {
        var rows = new List<(JobPositionGroup, int)>
        {
            (JobPositionGroup.Professional, 20), (JobPositionGroup.Professional, 15), (JobPositionGroup.SharedProfessional, 5),
            (JobPositionGroup.Support, 1), (JobPositionGroup.Support, 1), (JobPositionGroup.Support, 1), (JobPositionGroup.Support, 1),
            (JobPositionGroup.Support, 1),
        };

        Assert.Null(JobPositionRules.ShareWarning(rows, After));
        Assert.Equal(40m * 100 / 45, JobPositionRules.ProfessionalShare(rows));
    }

    [Fact]
    public void ShareWarning_NamesTheFiguresAndTheShareCutNotRounded()
    {
        var warning = JobPositionRules.ShareWarning(Rows(1, 129, 0, 70), After);

        Assert.Equal("Số người làm việc ở vị trí chức danh nghề nghiệp chuyên ngành và chuyên môn dùng chung là 129/200 người (64,5%), "
            + "dưới mức tối thiểu 65% tổng số lượng người làm việc (Nghị định 106/2020/NĐ-CP, Điều 3 khoản 5).", warning!.Message);
    }

    // The rule holds from the decree's entry into force, 15/11/2020; Decree 41/2012 before it set no share.
    [Theory]
    //          approved on     warns
    [InlineData("2020-11-14",   false)]
    [InlineData("2020-11-15",   true)]
    [InlineData("2025-07-01",   true)]
    public void ShareWarning_HoldsFromTheDecreesEntryIntoForce(string approvedOn, bool warns)
    {
        var warning = JobPositionRules.ShareWarning(Rows(2, 5, 0, 5), DateOnly.Parse(approvedOn, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(warns, warning is not null);
    }

    [Fact]
    public void ShareWarning_CountsNearIntMaxDoNotWrap()
    {
        var rows = new List<(JobPositionGroup, int)> { (JobPositionGroup.Professional, int.MaxValue), (JobPositionGroup.Support, int.MaxValue) };

        Assert.NotNull(JobPositionRules.ShareWarning(rows, After));
        Assert.Equal(50m, JobPositionRules.ProfessionalShare(rows));
    }

    [Theory]
    //          name          group                                   title            code            people  expected fields
    [InlineData("Giáo viên",  JobPositionGroup.Professional,          "Giáo viên hạng III", "V.07.03.29", 20,  "")]
    [InlineData("Kế toán",    JobPositionGroup.SharedProfessional,    "Kế toán viên",  "06.031",       1,      "")]
    [InlineData("Hiệu trưởng", JobPositionGroup.Leadership,           null,            null,           1,      "")]
    [InlineData("Bảo vệ",     JobPositionGroup.Support,               null,            null,           0,      "")]        // 0 with another holding it: allowed, but the list needs people
    [InlineData("",           JobPositionGroup.Support,               null,            null,           1,      "name")]
    [InlineData("Giáo viên",  null,                                   null,            null,           1,      "group")]
    [InlineData("Giáo viên",  JobPositionGroup.Professional,          null,            null,           1,      "titleName,titleCode")]
    [InlineData("Giáo viên",  JobPositionGroup.Professional,          "Giáo viên",     "V07 03 29",    1,      "titleCode")]
    [InlineData("Giáo viên",  JobPositionGroup.Professional,          "Giáo viên",     "V.07.03.29.",  1,      "titleCode")]
    [InlineData("Giáo viên",  JobPositionGroup.Professional,          "Giáo viên",     "V.07.03.29",   null,   "people")]
    [InlineData("Giáo viên",  JobPositionGroup.Professional,          "Giáo viên",     "V.07.03.29",   -1,     "people")]
    [InlineData("Giáo viên",  JobPositionGroup.Professional,          "Giáo viên",     "V.07.03.29",   1000001, "people")]
    public void Validate_EachRowOnItsOwnFields(string name, JobPositionGroup? group, string? title, string? code, int? people, string expected)
    {
        var rows = new[] { new JobPositionFacts(name, group, title, code, people), new JobPositionFacts("Nhân viên", JobPositionGroup.Support, null, null, 1) };

        var errors = JobPositionRules.Validate(rows);

        Assert.Equal(expected, string.Join(",", errors.Select(e => e.Field.Replace("positions[0].", "", StringComparison.Ordinal))));
        Assert.All(errors, e => Assert.StartsWith("Dòng 1: ", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_EmptyListOrNobody_Refused()
    {
        Assert.Equal("positions", Assert.Single(JobPositionRules.Validate([])).Field);
        Assert.Equal("Danh mục phải có ít nhất một người làm việc.",
            Assert.Single(JobPositionRules.Validate([new JobPositionFacts("Bảo vệ", JobPositionGroup.Support, null, null, 0)])).Message);
    }

    private static List<(JobPositionGroup, int)> Rows(int leadership, int professional, int shared, int support) =>
    [
        (JobPositionGroup.Leadership, leadership), (JobPositionGroup.Professional, professional),
        (JobPositionGroup.SharedProfessional, shared), (JobPositionGroup.Support, support),
    ];
}
