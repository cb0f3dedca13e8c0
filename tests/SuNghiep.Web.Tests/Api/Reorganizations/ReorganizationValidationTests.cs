using System.Text.Json.Nodes;
using SuNghiep.Web.Api;
using static SuNghiep.Web.Tests.Infrastructure.HistoryClient;

namespace SuNghiep.Web.Tests.Api.Reorganizations;

/// <summary>A wrong request is answered 400 with problem details naming each wrong field, and writes nothing.</summary>
public sealed class ReorganizationValidationTests(AppHosts hosts)
{
    private static readonly DateOnly Day = new(2019, 3, 1);

    // Units A and B (established 1/1/2010) and C exist in every case; the case breaks one rule.
    public static TheoryData<string, string[]> Cases { get; } = new()
    {
        //  case                                     expected fields
        { "decision number missing",                 ["decision.number"] },
        { "decision not an object",                  ["decision"] },
        { "type unknown",                            ["type"] },
        { "type missing",                            ["type"] },
        { "effective date not a date",               ["effectiveDate"] },
        { "merger without continuingUnitId",         ["continuingUnitId"] },
        { "source not yet established",              ["sourceUnitIds"] },
        { "source already ended",                    ["sourceUnitIds"] },
        { "source changed after the date",           ["sourceUnitIds"] },
        { "source in a later event",                 ["sourceUnitIds"] },
        { "source unknown",                          ["sourceUnitIds"] },
        { "source not a number",                     ["sourceUnitIds"] },
        { "source named twice",                      ["sourceUnitIds"] },
        { "new unit code taken",                     ["newUnits[0].code"] },
        { "new unit code twice in the event",        ["newUnits[1].code"] },
        { "second new unit without name",            ["newUnits[1].name"] },
        { "new unit starting another day",           ["newUnits[0].establishedOn"] },
        { "division into one",                       ["newUnits"] },
        { "transfer without newManagingAgencyId",    ["newManagingAgencyId"] },
        { "transfer to an unknown agency",           ["newManagingAgencyId"] },
        { "rename without newName",                  ["newName"] },
    };

    [Theory, DatabaseData(nameof(Cases))]
    public async Task Post_InvalidRequest_Returns400NamingTheFieldsAndWritesNothing(DatabaseProvider provider, string @case, string[] expected)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var (a, b, c) = (await s.UnitAsync("A"), await s.UnitAsync("B"), await s.UnitAsync("C"));
        var ids = new[] { a.Id, b.Id, c.Id };
        var body = await BodyAsync(s, @case, a, b, c);
        if (@case == "source already ended")
        {
            var ended = await s.Client.CreateUnitAsync(s.UnitBody("E").With("endedOn", "2015-01-01"));
            body = body.With("sourceUnitIds", Ids(a, ended));
            ids = [.. ids, ended.Id];
        }

        var before = await StateAsync(s, ids);
        using var response = await s.Client.PostEventAsync(body);

        var errors = await response.ValidationErrorsAsync();
        Assert.Equal(expected, errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(errors.Values.SelectMany(m => m), m => Assert.False(string.IsNullOrWhiteSpace(m)));
        Assert.Equal(before, await StateAsync(s, ids));
    }

    private static async Task<JsonObject> BodyAsync(HistoryScenario s, string @case, UnitResponse a, UnitResponse b, UnitResponse c)
    {
        var dissolution = Event("dissolution", Day).With("sourceUnitIds", Ids(a));
        var establishment = Event("establishment", Day).With("newUnits", Array(s.NewUnit("N1"), s.NewUnit("N2")));
        switch (@case)
        {
            case "decision number missing":
                return dissolution.With("decision", ((JsonObject)dissolution["decision"]!).Without("number"));
            case "decision not an object":
                return dissolution.With("decision", "12/QĐ-UBND");
            case "type unknown":
                return dissolution.With("type", "fusion");
            case "type missing":
                return dissolution.Without("type");
            case "effective date not a date":
                return dissolution.With("effectiveDate", "2019-02-30");
            case "merger without continuingUnitId":
                return Event("merger", Day).With("sourceUnitIds", Ids(a, b));
            case "source not yet established":
                return Event("dissolution", HistoryScenario.Established).With("sourceUnitIds", Ids(a));
            case "source already ended":
                return dissolution;
            case "source changed after the date":
                // A version of A from 2020, opened by an edit from a date.
                using (var put = await s.Client.PutUnitAsync(a.Id, s.UnitBody("A").With("name", $"{a.Name} mới")
                           .With("effectiveFrom", "2020-01-01").With("decisionNumber", "3/QĐ-UBND")
                           .With("decisionDate", "2019-12-01").With("decisionIssuer", Issuer)))
                {
                    put.EnsureSuccessStatusCode();
                }

                return dissolution;
            case "source in a later event":
                // A absorbs C in 2020; A cannot then be dissolved in 2019, before an event it goes on through.
                await s.Client.RecordAsync(Event("merger", new DateOnly(2020, 1, 1)).With("sourceUnitIds", Ids(c)).With("continuingUnitId", a.Id));
                return dissolution;
            case "source unknown":
                return dissolution.With("sourceUnitIds", new JsonArray(a.Id, int.MaxValue - 7));
            case "source not a number":
                return dissolution.With("sourceUnitIds", new JsonArray(a.Id, "B"));
            case "source named twice":
                return dissolution.With("sourceUnitIds", Ids(a, b, a));
            case "new unit code taken":
                return establishment.With("newUnits", Array(s.NewUnit("N1").With("code", b.Code)));
            case "new unit code twice in the event":
                return establishment.With("newUnits", Array(s.NewUnit("N1"), s.NewUnit("N1")));
            case "second new unit without name":
                return establishment.With("newUnits", Array(s.NewUnit("N1"), s.NewUnit("N2").Without("name")));
            case "new unit starting another day":
                return establishment.With("newUnits", Array(s.NewUnit("N1").With("establishedOn", "2019-03-02")));
            case "division into one":
                return Event("division", Day).With("sourceUnitIds", Ids(a)).With("newUnits", Array(s.NewUnit("N1")));
            case "transfer without newManagingAgencyId":
                return Event("transfer", Day).With("sourceUnitIds", Ids(a, b));
            case "transfer to an unknown agency":
                return Event("transfer", Day).With("sourceUnitIds", Ids(a, b)).With("newManagingAgencyId", int.MaxValue - 7);
            case "rename without newName":
                return Event("rename", Day).With("sourceUnitIds", Ids(a));
            default:
                throw new ArgumentOutOfRangeException(nameof(@case), @case, null);
        }
    }

    /// <summary>Everything a request could have changed: the units' histories (versions and events) and the token's units.</summary>
    private static async Task<string> StateAsync(HistoryScenario s, int[] ids)
    {
        var parts = new List<string>();
        foreach (var id in ids)
        {
            using var history = await s.Client.GetAsync($"/api/v1/units/{id}/history");
            parts.Add(await history.Content.ReadAsStringAsync());
        }

        parts.Add(string.Join(",", await s.AllAsync(new DateOnly(2030, 1, 1))));
        return string.Join("\n", parts);
    }
}
