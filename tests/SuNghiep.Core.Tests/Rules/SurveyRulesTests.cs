using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Tests.Rules;

public sealed class SurveyRulesTests
{
    // Decision 3869/QĐ-BYT form 1: 1 to 5, 4 = hài lòng.
    private static readonly SurveyScale Ministry = SurveyRules.Scale(
        """[{"value":1,"label":"1"},{"value":2,"label":"2"},{"value":3,"label":"3"},{"value":4,"label":"Hài lòng"},{"value":5,"label":"5"}]""",
        ScaleDirection.HigherIsBetter, 4, null);

    // The Ho Chi Minh City form: 1 = rất tốt … 4 = cần cải thiện, 5 = không ý kiến.
    private static readonly SurveyScale City = SurveyRules.Scale(
        """[{"value":1,"label":"Rất tốt"},{"value":2,"label":"Tốt"},{"value":3,"label":"Chấp nhận được"},{"value":4,"label":"Cần cải thiện"},{"value":5,"label":"Không có ý kiến","noOpinion":true}]""",
        ScaleDirection.LowerIsBetter, 2, 5);

    // The Ministry's form reversed, without a no-opinion value: 1 is best, 5 worst.
    private static readonly SurveyScale Reversed = SurveyRules.Scale(
        """[{"value":1},{"value":2},{"value":3},{"value":4},{"value":5}]""", ScaleDirection.LowerIsBetter, 2, null);

    [Theory]
    //          form        value  expected
    [InlineData("ministry", 5,     AnswerClass.Satisfied)]
    [InlineData("ministry", 4,     AnswerClass.Satisfied)]      // the threshold itself: value ≥ 4
    [InlineData("ministry", 3,     AnswerClass.NotSatisfied)]   // just below it
    [InlineData("ministry", 1,     AnswerClass.NotSatisfied)]
    [InlineData("ministry", 0,     AnswerClass.Invalid)]        // outside the scale
    [InlineData("ministry", 6,     AnswerClass.Invalid)]
    [InlineData("city",     1,     AnswerClass.Satisfied)]
    [InlineData("city",     2,     AnswerClass.Satisfied)]      // the threshold itself: value ≤ 2
    [InlineData("city",     3,     AnswerClass.NotSatisfied)]   // just past it
    [InlineData("city",     4,     AnswerClass.NotSatisfied)]
    [InlineData("city",     5,     AnswerClass.NoOpinion)]      // không có ý kiến
    [InlineData("city",     6,     AnswerClass.Invalid)]
    [InlineData("city",     0,     AnswerClass.Invalid)]
    public void Classify_DirectionAndThreshold_DecideSatisfied(string form, int value, AnswerClass expected) =>
        Assert.Equal(expected, SurveyRules.Classify(Form(form), value));

    [Fact]
    public void Summarize_NoOpinion_CountsInNoMeanAndNoShare()
    {
        var summary = SurveyRules.Summarize(City, [1, 2, 4, 5, 5]);

        Assert.Equal(3, summary.Answers);
        Assert.Equal(2, summary.NoOpinion);
        Assert.Equal(2, summary.Satisfied);
        Assert.Equal(7m / 3, summary.Mean);
        Assert.Equal(2m / 3, summary.SatisfiedShare);
    }

    [Fact]
    public void Summarize_OnlyNoOpinionOrInvalid_HasNoMean()
    {
        var summary = SurveyRules.Summarize(City, [5, 5, 9]);

        Assert.Equal(0, summary.Answers);
        Assert.Null(summary.Mean);
        Assert.Null(summary.Score);
        Assert.Null(summary.SatisfiedShare);
    }

    [Theory]
    //          form        mean   score
    [InlineData("ministry", 5.0,   100.0)]   // best
    [InlineData("ministry", 1.0,   0.0)]     // worst
    [InlineData("ministry", 4.0,   75.0)]
    [InlineData("ministry", 3.0,   50.0)]
    [InlineData("city",     1.0,   100.0)]   // 1 = rất tốt
    [InlineData("city",     4.0,   0.0)]     // 4 = cần cải thiện; 5 (no opinion) is not the worst
    [InlineData("city",     2.5,   50.0)]
    [InlineData("reversed", 1.0,   100.0)]
    [InlineData("reversed", 2.0,   75.0)]
    public void Score_TowardsBest_WhateverTheDirection(string form, double mean, double score) =>
        Assert.Equal((decimal)score, SurveyRules.Score(Form(form), (decimal)mean));

    [Fact]
    public void Summarize_SameMeaningOnReversedScale_GivesTheSameScoreAndShare()
    {
        int[] answers = [5, 4, 4, 3, 2, 5, 1, 4];
        var mirrored = answers.Select(v => 6 - v).ToArray();

        var higher = SurveyRules.Summarize(Ministry, answers);
        var lower = SurveyRules.Summarize(Reversed, mirrored);

        Assert.Equal(higher.Score, lower.Score);
        Assert.Equal(higher.SatisfiedShare, lower.SatisfiedShare);
        Assert.Equal(5, higher.Satisfied);                             // 5, 4, 4, 5, 4
        Assert.Equal(5, lower.Satisfied);                              // 1, 2, 2, 1, 2
        Assert.NotEqual(higher.Mean, lower.Mean);                      // the raw means differ; only the score compares
    }

    [Fact]
    public void MayRecord_UnitOfficerOfThatUnitOrAgencyInScope_ViewerNever()
    {
        var agency = new AgencyPlace("/1/5/", "/92/");
        var officer = new CallerScope(false, null, null, 7, "đơn vị") { Role = Roles.UnitOfficer };
        var agencyOfficer = new CallerScope(false, "/1/5/", null, null, "sở") { Role = Roles.AgencyOfficer };
        var otherAgency = new CallerScope(false, "/1/6/", null, null, "sở khác") { Role = Roles.AgencyOfficer };
        var viewer = new CallerScope(false, "/1/5/", null, null, "người xem") { Role = Roles.Viewer };

        Assert.True(SurveyRules.MayRecord(officer, 7, agency));
        Assert.False(SurveyRules.MayRecord(officer, 8, agency));
        Assert.True(SurveyRules.MayRecord(agencyOfficer, 7, agency));
        Assert.False(SurveyRules.MayRecord(otherAgency, 7, agency));
        Assert.False(SurveyRules.MayRecord(viewer, 7, agency));
    }

    private static SurveyScale Form(string name) => name switch
    {
        "ministry" => Ministry,
        "city" => City,
        _ => Reversed,
    };
}
