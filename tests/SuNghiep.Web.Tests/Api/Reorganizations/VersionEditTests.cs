using System.Net;
using System.Text.Json.Nodes;
using SuNghiep.Web.Api;
using static SuNghiep.Web.Tests.Infrastructure.HistoryClient;

namespace SuNghiep.Web.Tests.Api.Reorganizations;

/// <summary>
/// PUT /api/v1/units/{id} with effectiveFrom and its decision opens a new version from that date; without effectiveFrom
/// it corrects the record as it stands.
/// </summary>
public sealed class VersionEditTests(AppHosts hosts)
{
    private static readonly DateOnly From = new(2020, 1, 1);

    private static JsonObject FromDate(JsonObject body, string effectiveFrom) => body
        .With("effectiveFrom", effectiveFrom)
        .With("decisionNumber", "15/QĐ-SGDĐT")
        .With("decisionDate", "2019-12-10")
        .With("decisionIssuer", "Sở Giáo dục và Đào tạo");

    [Theory, DatabaseData]
    public async Task Put_EffectiveFromWithDecision_OpensANewVersionFromThatDate(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var a = await s.UnitAsync("A");
        var newName = $"{a.Name} Trường Mầm non Sen Hồng";
        var countBefore = (await s.CountAsync(From.AddDays(-1)), await s.CountAsync(From));

        using var response = await s.Client.PutUnitAsync(a.Id, FromDate(s.UnitBody("A").With("name", newName).With("autonomyGroup", 3), Iso(From)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var history = await s.Client.HistoryAsync(a.Id);
        Assert.Equal(
            [(HistoryScenario.Established, From, a.Name, 4, null), (From, null, newName, 3, "15/QĐ-SGDĐT")],
            history.Versions.Select(v => (v.ValidFrom, v.ValidTo, v.Name, v.AutonomyGroup, v.Decision?.Number)));
        Assert.Equal((new DateOnly(2019, 12, 10), "Sở Giáo dục và Đào tạo", (int?)null),
            (history.Versions[1].Decision!.Date, history.Versions[1].Decision!.Issuer, history.Versions[1].ReorganizationId));
        Assert.Empty(history.Events);
        Assert.Equal((a.Name, 4), Describe(await s.Client.GetUnitAsync(a.Id, From.AddDays(-1))));
        Assert.Equal((newName, 3), Describe(await s.Client.GetUnitAsync(a.Id, From)));
        Assert.Equal((newName, 3), Describe(await s.Client.GetUnitAsync(a.Id)));
        // A new version is the same unit: the count does not move.
        Assert.Equal(countBefore, (await s.CountAsync(From.AddDays(-1)), await s.CountAsync(From)));
        Assert.Equal([a.Id], await s.ActiveAsync(From));
    }

    [Theory, DatabaseData]
    public async Task Put_WithoutEffectiveFrom_CorrectsTheVersionInForce(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var a = await s.UnitAsync("A");
        using (var first = await s.Client.PutUnitAsync(a.Id, FromDate(s.UnitBody("A").With("name", $"{a.Name} mới"), Iso(From))))
        {
            first.EnsureSuccessStatusCode();
        }

        using var response = await s.Client.PutUnitAsync(a.Id, s.UnitBody("A").With("name", $"{a.Name} mới, sửa chính tả"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([a.Name, $"{a.Name} mới, sửa chính tả"], (await s.Client.HistoryAsync(a.Id)).Versions.Select(v => v.Name));
    }

    public static TheoryData<string, string[]> MissingDecision { get; } = new()
    {
        //  field left out        expected fields
        { "all",                  ["decisionDate", "decisionIssuer", "decisionNumber"] },
        { "decisionNumber",       ["decisionNumber"] },
        { "decisionDate",         ["decisionDate"] },
        { "decisionIssuer",       ["decisionIssuer"] },
    };

    [Theory, DatabaseData(nameof(MissingDecision))]
    public async Task Put_EffectiveFromWithoutDecision_Returns400AndKeepsOneVersion(DatabaseProvider provider, string left, string[] expected)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var a = await s.UnitAsync("A");
        var body = left == "all"
            ? s.UnitBody("A").With("effectiveFrom", Iso(From))
            : FromDate(s.UnitBody("A"), Iso(From)).Without(left);

        using var response = await s.Client.PutUnitAsync(a.Id, body.With("name", $"{a.Name} mới"));

        Assert.Equal(expected, (await response.ValidationErrorsAsync()).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(a.Name, Assert.Single((await s.Client.HistoryAsync(a.Id)).Versions).Name);
    }

    // The new version must start after the last change: versions are opened in the order they take effect.
    public static TheoryData<string?, string> NotAfterLastChange { get; } = new()
    {
        //  earlier version from   effectiveFrom
        { null,                    "2010-01-01" },     // the day of establishment
        { null,                    "2009-06-01" },     // before it
        { "2020-01-01",            "2020-01-01" },     // the day of the last change
        { "2020-01-01",            "2018-06-01" },     // before it
    };

    [Theory, DatabaseData(nameof(NotAfterLastChange))]
    public async Task Put_EffectiveFromNotAfterLastChange_Returns400(DatabaseProvider provider, string? earlier, string effectiveFrom)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var a = await s.UnitAsync("A");
        if (earlier is not null)
        {
            using var first = await s.Client.PutUnitAsync(a.Id, FromDate(s.UnitBody("A").With("name", $"{a.Name} mới"), earlier));
            first.EnsureSuccessStatusCode();
        }

        var before = await s.Client.HistoryAsync(a.Id);
        using var response = await s.Client.PutUnitAsync(a.Id, FromDate(s.UnitBody("A").With("name", $"{a.Name} khác"), effectiveFrom));

        Assert.Equal(["effectiveFrom"], (await response.ValidationErrorsAsync()).Keys);
        Assert.Equal(before.Versions, (await s.Client.HistoryAsync(a.Id)).Versions);
    }

    [Theory, DatabaseData]
    public async Task Put_EffectiveFromWithNothingChanged_Returns400(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var a = await s.UnitAsync("A");

        using var response = await s.Client.PutUnitAsync(a.Id, FromDate(s.UnitBody("A").With("notes", "Chỉ sửa ghi chú"), Iso(From)));

        Assert.Equal(["effectiveFrom"], (await response.ValidationErrorsAsync()).Keys);
        Assert.Single((await s.Client.HistoryAsync(a.Id)).Versions);
    }

    private static (string Name, int? Group) Describe(UnitResponse unit) => (unit.Name, unit.AutonomyGroup);
}
