using static SuNghiep.Web.Tests.Infrastructure.HistoryClient;

namespace SuNghiep.Web.Tests.Api.Reorganizations;

/// <summary>
/// A demo of its own per provider for the history tests: they read counts of a whole province, which the tests on the
/// shared hosts write into (a unit made there with a later start and no event changes the count and no event).
/// </summary>
public sealed class DemoHistoryHosts() : OwnHosts;

/// <summary>The history of the demo province counts as the rules say, on a demo no other test writes into.</summary>
public sealed class DemoHistoryTests(DemoHistoryHosts hosts) : IClassFixture<DemoHistoryHosts>
{
    private const string Province = "92";

    private static readonly DateOnly End2015 = new(2015, 12, 31);
    private static readonly DateOnly End2025 = new(2025, 12, 31);

    // The provincial plan measures the reduction against 31/12/2015 (domain 3.1); the demo generator is built to give
    // between 15% and 25% fewer units by the end of 2025.
    [Theory, DatabaseData]
    public async Task Counts_2015To2025_FallBetween15And25Percent(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();

        var before = await admin.CountAsync(End2015, Province);
        var after = await admin.CountAsync(End2025, Province);

        var reduction = (double)(before - after) / before;
        Assert.True(before > after, $"{before} units on {End2015}, {after} on {End2025}");
        Assert.InRange(reduction, 0.15, 0.25);
    }

    [Theory, DatabaseData]
    public async Task Changes_2015To2025_AddUpToTheCounts(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();

        var changes = await admin.ChangesAsync(End2015, End2025, Province);

        Assert.Equal(await admin.CountAsync(End2015, Province), changes.FromTotal);
        Assert.Equal(await admin.CountAsync(End2025, Province), changes.ToTotal);
        Assert.Equal(changes.ToTotal, changes.FromTotal + changes.Started - changes.Ended);
        // Every unit of the demo starts and ends by a decision, so the events account for the whole change.
        Assert.InRange(changes.Events.Count, 50, 499);
        Assert.True(changes.ToTotal - changes.FromTotal == changes.Events.Sum(e => e.CountChange),
            $"events sum to {changes.Events.Sum(e => e.CountChange)}, counts moved by {changes.ToTotal - changes.FromTotal}");
        Assert.All(changes.Events, e =>
        {
            Assert.InRange(e.EffectiveDate, End2015.AddDays(1), End2025);
            Assert.NotEqual(0, e.CountChange);
        });
        Assert.Equal(changes.Events.OrderBy(e => e.EffectiveDate).Select(e => e.Id), changes.Events.Select(e => e.Id));
        Assert.Contains(changes.Events, e => e.Type == "consolidation");
        Assert.Contains(changes.Events, e => e.Type == "merger");
        Assert.Contains(changes.Events, e => e.Type == "dissolution");
    }

    // Property over the demo's years: from one 30 June to the next, the count moves by the units started minus those
    // ended, and by the sum of the events' changes.
    [Theory, DatabaseData]
    public async Task Changes_EachYearFromJune2015_AddUpToTheNextCount(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var dates = Enumerable.Range(2015, 12).Select(year => new DateOnly(year, 6, 30)).ToList();
        var counts = new List<int>();
        foreach (var date in dates)
        {
            counts.Add(await admin.CountAsync(date, Province));
        }

        for (var i = 0; i + 1 < dates.Count; i++)
        {
            var (from, to) = (dates[i], dates[i + 1]);
            var changes = await admin.ChangesAsync(from, to, Province);

            Assert.Equal((counts[i], counts[i + 1]), (changes.FromTotal, changes.ToTotal));
            Assert.True(
                changes.ToTotal == changes.FromTotal + changes.Started - changes.Ended,
                $"{from} to {to}: {changes.FromTotal} + {changes.Started} - {changes.Ended} != {changes.ToTotal}");
            Assert.True(
                changes.ToTotal - changes.FromTotal == changes.Events.Sum(e => e.CountChange),
                $"{from} to {to}: events sum to {changes.Events.Sum(e => e.CountChange)}, counts moved by {changes.ToTotal - changes.FromTotal}");
        }

        // The merger of the provinces on 1/7/2025 moved units between agencies and communes but kept them in the province.
        var merger = await admin.ChangesAsync(new DateOnly(2025, 6, 30), new DateOnly(2025, 7, 1), Province);
        Assert.DoesNotContain(merger.Events, e => e.Type == "transfer");
        Assert.Contains(
            (await admin.ListEventsAsync($"areaCode={Province}&type=transfer&from=2025-07-01&to=2025-07-01&pageSize=500")).Items,
            e => e.CountChange == 0 && e.Units.Count > 10);
    }
}
