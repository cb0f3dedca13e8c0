using System.Text.Json.Nodes;
using static SuNghiep.Web.Tests.Infrastructure.HistoryClient;

namespace SuNghiep.Web.Tests.Api.Reorganizations;

/// <summary>A decision signed after the event takes effect, or in the future, is recorded with a warning, not refused.</summary>
public sealed class DecisionDateWarningTests(AppHosts hosts)
{
    [Theory, DatabaseData]
    public async Task Record_DecisionSignedAfterTheEffectiveDate_IsRecordedWithAWarningOnTheDecisionDate(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var day = new DateOnly(2019, 3, 1);
        var (late, control) = (await s.UnitAsync("A"), await s.UnitAsync("B"));

        var lateEvent = await s.Client.RecordAsync(Event("rename", day).With("sourceUnitIds", Ids(late)).With("newName", $"{late.Name} mới")
            .With("decision", new JsonObject { ["number"] = "12/QĐ-UBND", ["date"] = "2019-03-09", ["issuer"] = "UBND thành phố Cần Thơ" }));
        var onTime = await s.Client.RecordAsync(Event("rename", day).With("sourceUnitIds", Ids(control)).With("newName", $"{control.Name} mới"));

        var warning = Assert.Single(lateEvent.Warnings["decision.date"]);
        Assert.Equal("Ngày ban hành quyết định (09/03/2019) sau ngày có hiệu lực (01/03/2019): kiểm tra lại hai ngày đã nhập.", warning);
        Assert.Equal(new DateOnly(2019, 3, 9), lateEvent.Reorganization!.Decision.Date);
        Assert.False(onTime.Warnings.ContainsKey("decision.date"));
    }
}
