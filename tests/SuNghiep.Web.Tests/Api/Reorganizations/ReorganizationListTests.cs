using System.Net;
using static SuNghiep.Web.Tests.Infrastructure.HistoryClient;

namespace SuNghiep.Web.Tests.Api.Reorganizations;

/// <summary>GET /api/v1/reorganizations and /{id}: newest first, filtered by type, dates, area, agency and voided state.</summary>
public sealed class ReorganizationListTests(AppHosts hosts)
{
    private static readonly DateOnly First = new(2018, 3, 1);
    private static readonly DateOnly Second = new(2019, 5, 1);
    private static readonly DateOnly Third = new(2020, 7, 1);
    private static readonly DateOnly Fourth = new(2021, 9, 1);

    /// <summary>Four events in the scenario's commune: a dissolution, a merger, a renaming under another agency, and a voided dissolution.</summary>
    private static async Task<(HistoryScenario S, int Dissolution, int Merger, int Rename, int Voided)> FourEventsAsync(AppHosts hosts, DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var (a, b, c, e) = (await s.UnitAsync("A"), await s.UnitAsync("B"), await s.UnitAsync("C"), await s.UnitAsync("E"));
        var d = await s.UnitAsync("D", "92.SKHCN");
        var dissolution = await s.Client.RecordAsync(Event("dissolution", First, "1/QĐ-UBND").With("sourceUnitIds", Ids(a)));
        var merger = await s.Client.RecordAsync(Event("merger", Second, "2/QĐ-UBND").With("sourceUnitIds", Ids(b)).With("continuingUnitId", c.Id));
        var rename = await s.Client.RecordAsync(Event("rename", Third, "3/QĐ-UBND").With("sourceUnitIds", Ids(d)).With("newName", $"{d.Name} mới"));
        var voided = await s.Client.RecordAsync(Event("dissolution", Fourth, "4/QĐ-UBND").With("sourceUnitIds", Ids(e)));
        using var response = await s.Client.VoidAsync(voided.Id, "Ghi nhầm đơn vị");
        response.EnsureSuccessStatusCode();
        return (s, dissolution.Id, merger.Id, rename.Id, voided.Id);
    }

    [Theory, DatabaseData]
    public async Task List_Filters_ReturnTheMatchingEventsNewestFirst(DatabaseProvider provider)
    {
        var (s, dissolution, merger, rename, voided) = await FourEventsAsync(hosts, provider);
        var area = $"areaCode={s.AreaCode}";
        var sgddt = s.AgencyId;
        var skhcn = await s.App.AgencyIdAsync("92.SKHCN");

        async Task<int[]> Ids(string query)
        {
            var list = await s.Client.ListEventsAsync(query);
            Assert.Equal(list.Items.Count, list.Total);
            return [.. list.Items.Select(e => e.Id)];
        }

        Assert.Equal([rename, merger, dissolution], await Ids(area));
        Assert.Equal([voided, rename, merger, dissolution], await Ids($"{area}&includeVoided=true"));
        Assert.Equal([dissolution], await Ids($"{area}&type=dissolution"));
        Assert.Equal([voided, dissolution], await Ids($"{area}&type=DISSOLUTION&includeVoided=true"));
        Assert.Equal([rename, merger], await Ids($"{area}&from=2019-01-01&to=2020-12-31"));
        Assert.Equal([merger], await Ids($"{area}&from={Iso(Second)}&to={Iso(Second)}"));          // both ends included
        Assert.Equal([rename, merger], await Ids($"{area}&from={Iso(Second)}"));
        Assert.Equal([merger, dissolution], await Ids($"{area}&to={Iso(Second)}"));
        Assert.Equal([rename], await Ids($"{area}&agencyId={skhcn}"));
        Assert.Equal([merger, dissolution], await Ids($"{area}&agencyId={sgddt}"));
        Assert.Empty(await Ids($"{area}&type=division"));
        Assert.Empty(await Ids($"areaCode={Communes.Next()}"));
        Assert.Contains(rename, await Ids($"type=rename&from={Iso(Third)}&to={Iso(Third)}"));
    }

    [Theory, DatabaseData]
    public async Task List_Pages_SplitTheEventsAndKeepTheTotal(DatabaseProvider provider)
    {
        var (s, dissolution, merger, rename, _) = await FourEventsAsync(hosts, provider);

        var first = await s.Client.ListEventsAsync($"areaCode={s.AreaCode}&pageSize=2");
        var second = await s.Client.ListEventsAsync($"areaCode={s.AreaCode}&pageSize=2&page=2");

        Assert.Equal((3, 3), (first.Total, second.Total));
        Assert.Equal([rename, merger], first.Items.Select(e => e.Id));
        Assert.Equal([dissolution], second.Items.Select(e => e.Id));
    }

    public static TheoryData<string, string> BadFilters { get; } = new()
    {
        //  query                   expected field
        { "type=fusion",            "type" },
        { "from=2019-13-01",        "from" },
        { "to=01/05/2019",          "to" },
        { "agencyId=SGDDT",         "agencyId" },
        { "page=0",                 "page" },
    };

    [Theory, DatabaseData(nameof(BadFilters))]
    public async Task List_BadFilter_Returns400NamingIt(DatabaseProvider provider, string query, string expected)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();

        using var response = await admin.GetAsync($"/api/v1/reorganizations?{query}");

        Assert.Equal([expected], (await response.ValidationErrorsAsync()).Keys);
    }

    [Theory, DatabaseData]
    public async Task Get_Event_ReturnsItsDecisionUnitsAndCountChange(DatabaseProvider provider)
    {
        var (s, _, merger, _, voided) = await FourEventsAsync(hosts, provider);

        var view = await s.Client.GetEventAsync(merger);
        var voidedView = await s.Client.GetEventAsync(voided);

        Assert.Equal((merger, "merger", "Sáp nhập", Second, -1), (view.Id, view.Type, view.TypeName, view.EffectiveDate, view.CountChange));
        Assert.Equal(("2/QĐ-UBND", Second.AddDays(-21), Issuer), (view.Decision.Number, view.Decision.Date, view.Decision.Issuer));
        Assert.Equal(["ended", "continuing"], view.Units.Select(u => u.Role));
        Assert.All(view.Units, u => Assert.StartsWith(s.Token, u.Code, StringComparison.Ordinal));
        Assert.Null(view.VoidedAt);
        // A voided event is still there to read, with who voided it and why; it no longer changes the count.
        Assert.NotNull(voidedView.VoidedAt);
        Assert.Equal(("Ghi nhầm đơn vị", SuNghiepApp.AdminEmail, 0), (voidedView.VoidReason, voidedView.VoidedBy, voidedView.CountChange));
    }

    [Theory, DatabaseData]
    public async Task Get_UnknownId_Returns404(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();

        using var response = await admin.GetAsync("/api/v1/reorganizations/2147480000");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Không tìm thấy sự kiện sắp xếp.", await response.ProblemTitleAsync());
    }
}
