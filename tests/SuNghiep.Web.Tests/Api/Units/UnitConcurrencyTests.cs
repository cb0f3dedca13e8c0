using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using static SuNghiep.Web.Tests.Infrastructure.HistoryClient;

namespace SuNghiep.Web.Tests.Api.Units;

/// <summary>
/// Two officers editing one unit: GET answers an ETag, PUT must send it back in If-Match, and of two writes based on the
/// same state only one lands. Versions stay tiled (one open, none overlapping) however many dated edits race.
/// </summary>
public sealed class UnitConcurrencyTests(AppHosts hosts)
{
    private static JsonObject FromDate(JsonObject body, DateOnly effectiveFrom) => body
        .With("effectiveFrom", Iso(effectiveFrom))
        .With("decisionNumber", "15/QĐ-SGDĐT")
        .With("decisionDate", "2019-12-10")
        .With("decisionIssuer", "Sở Giáo dục và Đào tạo");

    [Theory, DatabaseData]
    public async Task Get_AfterPut_AnswersANewStrongETag(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var a = await s.UnitAsync("A");
        var before = await s.Client.ETagAsync(a.Id);

        using var put = await s.Client.PutUnitAsync(a.Id, s.UnitBody("A").With("name", $"{a.Name} mới"), before);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var after = await s.Client.ETagAsync(a.Id);
        Assert.Matches("^\"[^\"]+\"$", before);
        Assert.NotEqual(before, after);
        Assert.Equal(after, put.Headers.ETag?.ToString());
        // Reading again without a write leaves the tag as it is.
        Assert.Equal(after, await s.Client.ETagAsync(a.Id));
    }

    [Theory, DatabaseData]
    public async Task Put_WithoutIfMatch_Returns428AndChangesNothing(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var a = await s.UnitAsync("A");
        var tag = await s.Client.ETagAsync(a.Id);

        using var response = await s.Client.PutUnitAsync(a.Id, s.UnitBody("A").With("name", $"{a.Name} mới"), ifMatch: null);

        Assert.Equal(HttpStatusCode.PreconditionRequired, response.StatusCode);
        Assert.Equal("Thiếu tiêu đề If-Match", await response.ProblemTitleAsync());
        Assert.Equal(a.Name, (await s.Client.GetUnitAsync(a.Id)).Name);
        Assert.Equal(tag, await s.Client.ETagAsync(a.Id));
    }

    public static TheoryData<string> Stale { get; } = new()
    {
        "stale",           // the tag before the other officer's save
        "W/",              // the current tag, weak: If-Match compares strongly
        "\"0-0\"",         // another unit's kind of tag
        "not-a-tag",       // unreadable
    };

    [Theory, DatabaseData(nameof(Stale))]
    public async Task Put_StaleOrForeignIfMatch_Returns412AndChangesNothing(DatabaseProvider provider, string kind)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var a = await s.UnitAsync("A");
        var opened = await s.Client.ETagAsync(a.Id);
        using (var other = await s.Client.PutUnitAsync(a.Id, s.UnitBody("A").With("name", $"{a.Name} của người khác"), opened))
        {
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        }

        var current = await s.Client.ETagAsync(a.Id);
        var ifMatch = kind switch
        {
            "stale" => opened,
            "W/" => "W/" + current,
            _ => kind,
        };

        using var response = await s.Client.PutUnitAsync(a.Id, s.UnitBody("A").With("name", $"{a.Name} của tôi").With("autonomyGroup", 2), ifMatch);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("Dữ liệu đã được người khác thay đổi", await response.ProblemTitleAsync());
        var unit = await s.Client.GetUnitAsync(a.Id);
        Assert.Equal(($"{a.Name} của người khác", 4), (unit.Name, unit.AutonomyGroup));
        Assert.Equal(current, await s.Client.ETagAsync(a.Id));
    }

    [Theory, DatabaseData]
    public async Task Put_StaleIfMatchAndInvalidBody_Returns412BeforeValidating(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var a = await s.UnitAsync("A");

        using var response = await s.Client.PutUnitAsync(a.Id, s.UnitBody("A").With("name", ""), "\"stale\"");

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task Put_UnknownUnitWithoutIfMatch_Returns404(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);

        using var response = await s.Client.PutUnitAsync(int.MaxValue, s.UnitBody("A"), ifMatch: null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task Put_TwoAtOnceWithTheSameIfMatch_OneSavesAndTheOtherGets412(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var a = await s.UnitAsync("A");
        var tag = await s.Client.ETagAsync(a.Id);
        string[] names = [$"{a.Name} theo cán bộ 1", $"{a.Name} theo cán bộ 2"];

        var responses = await Task.WhenAll(names.Select(n => s.Client.PutUnitAsync(a.Id, s.UnitBody("A").With("name", n), tag)));

        try
        {
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], responses.Select(r => r.StatusCode).Order());
            var winner = names[System.Array.FindIndex(responses, r => r.StatusCode == HttpStatusCode.OK)];
            Assert.Equal(winner, (await s.Client.GetUnitAsync(a.Id)).Name);
            // A correction rewrites the one version; the loser's name is nowhere.
            Assert.Equal([winner], (await s.Client.HistoryAsync(a.Id)).Versions.Select(v => v.Name));
        }
        finally
        {
            foreach (var r in responses)
            {
                r.Dispose();
            }
        }
    }

    [Theory, DatabaseData]
    public async Task Put_TenDatedEditsAtOnceWithTheSameIfMatch_OneOpensAVersion(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var a = await s.UnitAsync("A");
        var tag = await s.Client.ETagAsync(a.Id);

        var statuses = await PutAllAsync(s, a, tag);

        Assert.Equal(1, statuses.Count(c => c == HttpStatusCode.OK));
        Assert.Equal(9, statuses.Count(c => c == HttpStatusCode.PreconditionFailed));
        await AssertTiledAsync(s, a.Id, expectedVersions: 2);
    }

    /// <summary>
    /// "*" passes the endpoint's check, so the ten race inside the service: only the revision checked where the versions are
    /// written, and the index on open versions, keep them apart.
    /// </summary>
    [Theory, DatabaseData]
    public async Task Put_TenDatedEditsAtOnceWithIfMatchAny_LeaveOneOpenVersionAndNoOverlap(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var a = await s.UnitAsync("A");

        var statuses = await PutAllAsync(s, a, "*");

        var saved = statuses.Count(c => c == HttpStatusCode.OK);
        Assert.True(saved >= 1, string.Join(", ", statuses));
        // A later date than the last change lands after it; an earlier one is refused by the rules (400), or lost the race (412).
        Assert.All(statuses, c => Assert.Contains(c, new[] { HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.PreconditionFailed }));
        await AssertTiledAsync(s, a.Id, expectedVersions: 1 + saved);
    }

    [Theory, DatabaseData]
    public async Task Record_TwoRenamingsOfOneUnitAtOnce_LeaveOneOpenVersionAndNoOverlap(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var a = await s.UnitAsync("A");
        var bodies = Enumerable.Range(0, 4).Select(i => Event("rename", new DateOnly(2021 + i, 1, 1), $"{i + 1}/QĐ-UBND")
            .With("sourceUnitIds", Ids(a)).With("newName", $"{a.Name} tên {i + 1}")).ToList();

        var responses = await Task.WhenAll(bodies.Select(b => s.Client.PostEventAsync(b)));
        var statuses = responses.Select(r => r.StatusCode).ToList();
        foreach (var r in responses)
        {
            r.Dispose();
        }

        var recorded = statuses.Count(c => c == HttpStatusCode.Created);
        Assert.True(recorded >= 1, string.Join(", ", statuses));
        Assert.All(statuses, c => Assert.Contains(c, new[] { HttpStatusCode.Created, HttpStatusCode.BadRequest, HttpStatusCode.Conflict }));
        await AssertTiledAsync(s, a.Id, expectedVersions: 1 + recorded);
        Assert.Equal(recorded, (await s.Client.HistoryAsync(a.Id)).Events.Count);
    }

    [Theory, DatabaseData]
    public async Task Void_SameEventFourTimesAtOnce_OneVoidsAndTheOthersAreRefused(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var a = await s.UnitAsync("A");
        var rename = await s.Client.RecordAsync(Event("rename", new DateOnly(2021, 1, 1)).With("sourceUnitIds", Ids(a)).With("newName", $"{a.Name} tên mới"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => s.Client.VoidAsync(rename.Id, "Ghi nhầm")));
        var statuses = responses.Select(r => r.StatusCode).ToList();
        foreach (var r in responses)
        {
            r.Dispose();
        }

        // Later ones either lost the race (409) or read the event already voided (400).
        Assert.Equal(1, statuses.Count(c => c == HttpStatusCode.OK));
        Assert.All(statuses.Where(c => c != HttpStatusCode.OK), c => Assert.Contains(c, new[] { HttpStatusCode.BadRequest, HttpStatusCode.Conflict }));
        await AssertTiledAsync(s, a.Id, expectedVersions: 1);
        Assert.Equal(a.Name, (await s.Client.GetUnitAsync(a.Id)).Name);
    }

    /// <summary>Ten edits from ten dates (2020-01 to 2020-10, in shuffled order), all sent at once.</summary>
    private static async Task<List<HttpStatusCode>> PutAllAsync(HistoryScenario s, Web.Api.UnitResponse a, string ifMatch)
    {
        var months = Enumerable.Range(1, 10).OrderBy(m => (m * 7) % 10).ToList();
        var responses = await Task.WhenAll(months.Select(m => s.Client.PutUnitAsync(
            a.Id, FromDate(s.UnitBody("A").With("name", $"{a.Name} từ tháng {m}"), new DateOnly(2020, m, 1)), ifMatch)));
        var statuses = responses.Select(r => r.StatusCode).ToList();
        foreach (var r in responses)
        {
            r.Dispose();
        }

        return statuses;
    }

    /// <summary>One open version, each starting where the one before ends, in the history and in the table itself.</summary>
    private static async Task AssertTiledAsync(HistoryScenario s, int unitId, int expectedVersions)
    {
        var rows = await s.App.WithDbAsync((db, _) => db.UnitVersions.IgnoreQueryFilters().Where(v => v.UnitId == unitId)
            .OrderBy(v => v.ValidFrom).Select(v => new { v.ValidFrom, v.ValidTo }).ToListAsync());
        var shown = string.Join("; ", rows.Select(r => $"{r.ValidFrom}–{r.ValidTo}"));
        Assert.True(rows.Count == expectedVersions, $"{expectedVersions} versions expected: {shown}");
        Assert.True(rows.Count(r => r.ValidTo is null) == 1, $"one open version expected: {shown}");
        Assert.Null(rows[^1].ValidTo);
        for (var i = 1; i < rows.Count; i++)
        {
            Assert.True(rows[i - 1].ValidTo == rows[i].ValidFrom, $"versions must tile: {shown}");
        }

        var history = await s.Client.HistoryAsync(unitId);
        Assert.Equal(rows.Select(r => (r.ValidFrom, r.ValidTo)), history.Versions.Select(v => (v.ValidFrom, v.ValidTo)));
    }
}
