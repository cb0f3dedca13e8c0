using System.Globalization;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Seeding;

namespace SuNghiep.Core.Tests.Rules;

public sealed class QualityRulesTests
{
    // Circular 07/2023/TT-BNV's bands on 100 points (Không đạt < 50, Đạt 50 - < 70, Khá 70 - < 80, Tốt ≥ 80).
    private static readonly IReadOnlyList<QualityBand> Circular07 =
    [
        new("khong-dat", "Không đạt", 0), new("dat", "Đạt", 50), new("kha", "Khá", 70), new("tot", "Tốt", 80),
    ];

    // Each boundary, and a hundredth below it: the minimum is inclusive, the next band's minimum exclusive.
    [Theory]
    //          score     level
    [InlineData("0",      "khong-dat")]
    [InlineData("49.99",  "khong-dat")]
    [InlineData("50",     "dat")]
    [InlineData("69.99",  "dat")]
    [InlineData("70",     "kha")]
    [InlineData("79.99",  "kha")]
    [InlineData("80",     "tot")]
    [InlineData("100",    "tot")]
    public void Band_Circular07Boundaries_GiveTheCircularsLevel(string score, string level) =>
        Assert.Equal(level, QualityRules.Band(Circular07, decimal.Parse(score, CultureInfo.InvariantCulture))?.Level);

    [Fact]
    public void Band_ScoreUnderTheFirstMinimum_HasNoLevel() =>
        Assert.Null(QualityRules.Band([new("dat", "Đạt", 50)], 49.99m));

    // Decision 6858/QĐ-BYT: each criterion at a level 1-5, the score is the mean (two decimals).
    [Theory]
    //          scores          basis          score
    [InlineData("5,4,3",        "mean",        "4")]
    [InlineData("1,2,2",        "mean",        "1.67")]   // 1.666… rounded to two decimals
    [InlineData("3,4",          "mean",        "3.5")]
    [InlineData("20,15,15.5",   "total",       "50.5")]
    [InlineData("",             "mean",        "0")]
    public void Score_ByBasis_SumsOrAverages(string scores, string basis, string expected)
    {
        var values = scores.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => decimal.Parse(s, CultureInfo.InvariantCulture)).ToList();

        var score = QualityRules.Score(basis == "mean" ? ScoreBasis.MeanScore : ScoreBasis.TotalPoints, values);

        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), score);
    }

    [Fact]
    public void Band_HospitalMeanOf3Point5_IsLevel3()
    {
        var file = QualityStandardSeeder.Read();
        var hospital = file.Standards.Single(s => s.Code == "QD-6858-BYT");
        var bands = hospital.Bands.Select(b => new QualityBand(b.Level, b.Label, b.Min)).ToList();

        Assert.Equal("Mức 3", QualityRules.Band(bands, 3.5m)?.Label);
        Assert.Equal("Mức 1", QualityRules.Band(bands, 1.99m)?.Label);
        Assert.Equal("Mức 5", QualityRules.Band(bands, 5m)?.Label);
        Assert.Empty(QualityRules.CheckBands("bands", bands));
    }

    private static readonly IReadOnlyList<CriterionLimit> Criteria = [new(1, "A1.1", 5), new(2, "A1.2", 5), new(3, "A1.3", 5)];

    [Fact]
    public void CheckScores_EveryCriterionOnceWithinItsMaximum_ReturnsTheScoresById()
    {
        var (errors, scores) = QualityRules.CheckScores(Criteria,
            [new("scores[0]", null, "a1.1", 5), new("scores[1]", 2, null, 0), new("scores[2]", null, " A1.3 ", 3.5m)]);

        Assert.Empty(errors);
        Assert.Equal(new Dictionary<int, decimal> { [1] = 5, [2] = 0, [3] = 3.5m }, scores);
    }

    [Theory]
    //          case                 field
    [InlineData("above max",         "scores[0].score")]
    [InlineData("negative",          "scores[0].score")]
    [InlineData("unknown code",      "scores[0].criterionCode")]
    [InlineData("unknown id",        "scores[0].criterionId")]
    [InlineData("twice",             "scores[2]")]
    [InlineData("missing",           "scores")]
    [InlineData("none",              "scores")]
    [InlineData("no criterion",      "scores[0].criterionCode")]
    public void CheckScores_InvalidScores_AreRefusedOnTheirField(string scenario, string field)
    {
        IReadOnlyList<EnteredScore> entered = scenario switch
        {
            "above max" => [new("scores[0]", null, "A1.1", 5.01m), new("scores[1]", null, "A1.2", 1), new("scores[2]", null, "A1.3", 1)],
            "negative" => [new("scores[0]", null, "A1.1", -1), new("scores[1]", null, "A1.2", 1), new("scores[2]", null, "A1.3", 1)],
            "unknown code" => [new("scores[0]", null, "B9.9", 1), new("scores[1]", null, "A1.2", 1), new("scores[2]", null, "A1.3", 1)],
            "unknown id" => [new("scores[0]", 99, null, 1), new("scores[1]", null, "A1.2", 1), new("scores[2]", null, "A1.3", 1)],
            "twice" => [new("scores[0]", null, "A1.1", 1), new("scores[1]", null, "A1.2", 1), new("scores[2]", 1, null, 2), new("scores[3]", null, "A1.3", 1)],
            "missing" => [new("scores[0]", null, "A1.1", 1), new("scores[1]", null, "A1.2", 1)],
            "none" => [],
            _ => [new("scores[0]", null, null, 1), new("scores[1]", null, "A1.2", 1), new("scores[2]", null, "A1.3", 1)],
        };

        var (errors, scores) = QualityRules.CheckScores(Criteria, entered);

        Assert.Equal([field], errors.Select(e => e.Field));
        Assert.Empty(scores);
    }

    [Theory]
    //          bands (level:min)              field
    [InlineData("a:0,b:50,c:70",               null)]
    [InlineData("a:10,b:50",                   "bands[0].min")]
    [InlineData("a:0,b:50,c:50",               "bands[2].min")]
    [InlineData("a:0,b:70,c:50",               "bands[2].min")]
    [InlineData("a:0,a:50",                    "bands")]
    [InlineData("",                            "bands")]
    public void CheckBands_LowestFirstFromZeroRising(string bands, string? field)
    {
        var parsed = bands.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(b => b.Split(':')).Select(p => new QualityBand(p[0], p[0].ToUpperInvariant(), decimal.Parse(p[1], CultureInfo.InvariantCulture))).ToList();

        var errors = QualityRules.CheckBands("bands", parsed);

        Assert.Equal(field is null ? [] : [field], errors.Select(e => e.Field));
    }

    [Fact]
    public void BandsJson_RoundTrips()
    {
        var json = QualityRules.BandsJson(Circular07.Reverse());

        Assert.Equal(Circular07, QualityRules.ParseBands(json));
        Assert.StartsWith("[{\"level\":\"khong-dat\"", json);
    }

    // The meaning the indicator quality.assessed.share reads: assessedOn ≤ date and (validUntil null or ≥ date).
    [Theory]
    //          assessedOn     validUntil     date           valid
    [InlineData("2026-03-01",  null,          "2026-03-01",  true)]
    [InlineData("2026-03-02",  null,          "2026-03-01",  false)]
    [InlineData("2025-01-01",  "2026-03-01",  "2026-03-01",  true)]
    [InlineData("2025-01-01",  "2026-02-28",  "2026-03-01",  false)]
    public void ValidOn_AssessedAndNotExpired(string assessedOn, string? validUntil, string date, bool valid) =>
        Assert.Equal(valid, QualityRules.ValidOn(DateOnly.Parse(assessedOn, CultureInfo.InvariantCulture),
            validUntil is null ? null : DateOnly.Parse(validUntil, CultureInfo.InvariantCulture), DateOnly.Parse(date, CultureInfo.InvariantCulture)));

    [Fact]
    public void ShippedStandards_HaveValidBandsAndDistinctCriteria()
    {
        var file = QualityStandardSeeder.Read();

        Assert.Equal(["QD-6858-BYT", "TT-07-2023-BNV"], file.Standards.Select(s => s.Code).Order());
        Assert.All(file.Standards, s =>
        {
            Assert.Empty(QualityRules.CheckBands("bands", s.Bands.Select(b => new QualityBand(b.Level, b.Label, b.Min)).ToList()));
            Assert.Equal(s.Criteria.Count, s.Criteria.Select(c => c.Code).Distinct().Count());
            Assert.False(string.IsNullOrWhiteSpace(s.Source));
            Assert.True(s.Source!.Length <= 1000);
        });
        var circular = file.Standards.Single(s => s.Code == "TT-07-2023-BNV");
        Assert.Equal(6, circular.Criteria.Count);
        Assert.Equal([0m, 50m, 70m, 80m], circular.Bands.Select(b => b.Min));
        Assert.Contains("[V]", circular.Source);
        var hospital = file.Standards.Single(s => s.Code == "QD-6858-BYT");
        Assert.Equal(ScoreBasis.MeanScore, hospital.ScoreBasis);
        Assert.Equal(19, hospital.Criteria.Count(c => c.Code.StartsWith('A')));
        Assert.All(hospital.Criteria, c => Assert.Equal(5, c.MaxScore));
    }
}
