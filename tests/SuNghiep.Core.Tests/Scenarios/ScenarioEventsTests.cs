using System.Text.Json.Nodes;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Core.Scenarios;
using SuNghiep.Core.Units;

namespace SuNghiep.Core.Tests.Scenarios;

/// <summary>A scenario's events are stored in the shape of POST /api/v1/reorganizations and read back as they were given.</summary>
public sealed class ScenarioEventsTests
{
    private static readonly ReorganizationInput Division = new()
    {
        Type = "division", DecisionNumber = "12/QĐ-UBND", DecisionDate = new DateOnly(2026, 8, 15), DecisionIssuer = "Ủy ban nhân dân thành phố Cần Thơ",
        EffectiveDate = new DateOnly(2026, 9, 1), SourceUnitIds = [7], Notes = "Chia \"trung tâm\" A",
        NewUnits =
        [
            new UnitInput { Code = "CT-0001", Name = "Trung tâm A1", Sector = "culture", RoleClass = "political", Level = "province", AreaCode = "31120", ManagingAgencyId = 5, AutonomyGroup = 4 },
            new UnitInput { Code = "CT-0002", Name = "Trung tâm A2", Sector = "culture", RoleClass = "other", Level = "province", AreaCode = "31120", ManagingAgencyId = 5, Address = "Số 1", Notes = "Ghi chú" },
        ],
    };

    private static readonly ReorganizationInput ProposedMerger = new()
    {
        Type = "merger", EffectiveDate = new DateOnly(2026, 9, 1), SourceUnitIds = [1, 2], ContinuingUnitId = 2,
    };

    private static readonly ReorganizationInput Transfer = new()
    {
        Type = "transfer", DecisionNumber = "3/QĐ", EffectiveDate = new DateOnly(2025, 7, 1), SourceUnitIds = [9], NewManagingAgencyId = 11, NewAreaCode = "31117",
    };

    [Fact]
    public void FromJson_OfToJson_GivesTheEventsBackFieldByField()
    {
        var events = new[] { Division, ProposedMerger, Transfer, new ReorganizationInput { Type = "rename", SourceUnitIds = [3], NewName = "Tên mới" } };

        var back = ScenarioEvents.FromJson(ScenarioEvents.ToJson(events));

        Assert.Equal(events.Length, back.Count);
        for (var i = 0; i < events.Length; i++)
        {
            Assert.Equal(Flat(events[i]), Flat(back[i]));
            Assert.Equal(events[i].SourceUnitIds, back[i].SourceUnitIds);
            Assert.Equal(events[i].SourceUnitRefs, back[i].SourceUnitRefs);
            Assert.Equal(events[i].NewUnits, back[i].NewUnits);
        }
    }

    [Fact]
    public void ToJson_IsTheShapeOfTheReorganizationBody_WithTheDecisionOnlyWhenGiven()
    {
        var json = (JsonArray)JsonNode.Parse(ScenarioEvents.ToJson([Division, ProposedMerger]))!;

        Assert.Equal("12/QĐ-UBND", json[0]!["decision"]!["number"]!.GetValue<string>());
        Assert.Equal("2026-08-15", json[0]!["decision"]!["date"]!.GetValue<string>());
        Assert.Equal("2026-09-01", json[0]!["effectiveDate"]!.GetValue<string>());
        Assert.Equal("CT-0002", json[0]!["newUnits"]![1]!["code"]!.GetValue<string>());
        Assert.Null(json[1]!["decision"]);
        Assert.Equal(2, json[1]!["continuingUnitId"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("2026-12-31")]
    [InlineData("2025-07-01")]
    public void DayClock_StandsOnTheDayInVietnam(string day)
    {
        var date = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(date, VietnamTime.Today(new DayClock(date)));
    }

    private static ReorganizationInput Flat(ReorganizationInput e) => e with { SourceUnitIds = [], SourceUnitRefs = [], NewUnits = [] };
}
