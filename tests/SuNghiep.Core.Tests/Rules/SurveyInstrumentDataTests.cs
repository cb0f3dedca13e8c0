using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Seeding;

namespace SuNghiep.Core.Tests.Rules;

/// <summary>The forms shipped in ReferenceData/survey-instruments.json read as the rules need them.</summary>
public sealed class SurveyInstrumentDataTests
{
    private static readonly IReadOnlyList<SurveyInstrument> Forms = SurveyInstrumentSeeder.Read(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void Read_EveryForm_HasItemsASourceAndAThresholdThatIsSatisfied()
    {
        Assert.Equal(["BYT-3869-M1", "SYT-HCM-NB"], Forms.Select(f => f.Code).Order(StringComparer.Ordinal));
        Assert.All(Forms, f =>
        {
            var scale = SurveyRules.Scale(f);
            Assert.NotEmpty(f.Items);
            Assert.Equal(f.Items.Count, f.Items.Select(i => i.Code).Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.InRange(f.Source!.Length, 1, 1000);
            Assert.Contains("Chưa tìm thấy", f.Source, StringComparison.Ordinal);
            Assert.Equal(AnswerClass.Satisfied, SurveyRules.Classify(scale, f.SatisfiedThreshold));
            Assert.True(scale.OpinionValues.Count >= 4, $"{f.Code}: {scale.OpinionValues.Count} values with an opinion");
        });
    }

    [Fact]
    public void Read_CityForm_RunsOneIsBestWithFiveAsNoOpinion()
    {
        var city = SurveyRules.Scale(Forms.Single(f => f.Code == "SYT-HCM-NB"));
        var ministry = SurveyRules.Scale(Forms.Single(f => f.Code == "BYT-3869-M1"));

        Assert.Equal((1, 4), (city.Best, city.Worst));
        Assert.Equal(AnswerClass.NoOpinion, SurveyRules.Classify(city, 5));
        Assert.Equal((5, 1), (ministry.Best, ministry.Worst));
        Assert.Equal(AnswerClass.NotSatisfied, SurveyRules.Classify(ministry, 3));
    }
}
