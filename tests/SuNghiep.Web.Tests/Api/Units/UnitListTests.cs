using SuNghiep.Web.Api;

namespace SuNghiep.Web.Tests.Api.Units;

public sealed class UnitListTests(AppHosts hosts)
{
    // Three units share a token; every query also searches the token, so only these three can come back.
    //   A: education, basic-service,    commune level,  phường Cái Khế (31120, Cần Thơ), Sở GD&ĐT,            group 4,   active
    //   B: health,    state-management, province level, phường Ba Đình (00004, Hà Nội),   Sở Y tế,              group 2,   ended 2020
    //   C: culture,   political,        province level, phường Ninh Kiều (31135, Cần Thơ), UBND phường Ninh Kiều, no group, active
    public static TheoryData<string, string, string> Filters => new()
    {
        // parameter            value          expected units
        { "sector",             "education",   "A"     },
        { "sector",             "3",           "B"     },      // by catalogue number: 3 is health
        { "roleClass",          "political",   "C"     },
        { "level",              "commune",     "A"     },
        { "level",              "province",    "B,C"   },
        { "areaCode",           "92",          "A,C"   },      // a province code finds the units in its communes
        { "areaCode",           "31120",       "A"     },
        { "areaCode",           "01",          "B"     },
        { "managingAgencyId",   "92.SYT",      "B"     },
        { "managingAgencyId",   "92.X31135",   "C"     },
        { "managingAgencyId",   "92.UBND",     "A,B,C" },      // the agency subtree: departments and commune committees
        { "autonomyGroup",      "2",           "B"     },
        { "autonomyGroup",      "none",        "C"     },
        { "status",             "active",      "A,C"   },
        { "status",             "ended",       "B"     },
        { "status",             "all",         "A,B,C" },
    };

    [Theory, DatabaseData(nameof(Filters))]
    public async Task List_Filter_ReturnsOnlyMatchingUnits(DatabaseProvider provider, string parameter, string value, string expected)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var units = new Dictionary<string, UnitResponse>
        {
            ["A"] = await admin.CreateUnitAsync(UnitsClient.Body(token, "A", await app.AgencyIdAsync("92.SGDDT"))),
            ["B"] = await admin.CreateUnitAsync(UnitsClient.Body(token, "B", await app.AgencyIdAsync("92.SYT"))
                .With("sector", "health").With("roleClass", "state-management").With("level", "province")
                .With("areaCode", "00004").With("autonomyGroup", 2).With("endedOn", "2020-01-01")),
            ["C"] = await admin.CreateUnitAsync(UnitsClient.Body(token, "C", await app.AgencyIdAsync("92.X31135"))
                .With("sector", "culture").With("roleClass", "political").With("level", "province")
                .With("areaCode", "31135").With("autonomyGroup", null)),
        };
        if (parameter == "managingAgencyId")
        {
            value = (await app.AgencyIdAsync(value)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        // The list shows units active today unless told otherwise; B has ended, so the other filters ask for all.
        var status = parameter == "status" ? "" : "&status=all";
        var list = await admin.ListUnitsAsync($"search={token}&{parameter}={Uri.EscapeDataString(value)}{status}&pageSize=50");

        var found = list.Items.Select(u => units.Single(kv => kv.Value.Id == u.Id).Key).Order(StringComparer.Ordinal);
        Assert.Equal(expected, string.Join(",", found));
        Assert.Equal(expected.Split(',').Length, list.Total);
    }

    [Theory, DatabaseData]
    public async Task List_SearchWithoutAccents_FindsAccentedName(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var agency = await app.AgencyIdAsync("92.X31120");
        var kindergarten = await admin.CreateUnitAsync(UnitsClient.Body(token, "1", agency).With("name", $"Trường Mầm non Xyz{token} Đông"));
        var primary = await admin.CreateUnitAsync(UnitsClient.Body(token, "2", agency).With("name", $"Trường Tiểu học Xyz{token} Đông"));

        var folded = await admin.ListUnitsAsync($"search={Uri.EscapeDataString($"truong mam non xyz{token}")}");
        var accented = await admin.ListUnitsAsync($"search={Uri.EscapeDataString($"TRƯỜNG  xyz{token.ToUpperInvariant()} đông")}");

        Assert.Equal([kindergarten.Id], folded.Items.Select(u => u.Id));
        Assert.Equal(1, folded.Total);
        Assert.Equal([kindergarten.Id, primary.Id], accented.Items.Select(u => u.Id).Order());
    }

    [Theory, DatabaseData]
    public async Task List_SearchWithLikeWildcards_MatchesThemLiterally(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var unit = await admin.CreateUnitAsync(UnitsClient.Body(token, "A", await app.AgencyIdAsync("92.SGDDT")));

        var underscore = await admin.ListUnitsAsync($"search={Uri.EscapeDataString("_" + token[1..])}");
        var percent = await admin.ListUnitsAsync($"search={Uri.EscapeDataString(token[..3] + "%")}&status=all");
        var plain = await admin.ListUnitsAsync($"search={token[1..]}");

        Assert.Equal(0, underscore.Total);
        Assert.Equal(0, percent.Total);
        Assert.Equal([unit.Id], plain.Items.Select(u => u.Id));
    }

    [Theory, DatabaseData]
    public async Task List_SortByName_FollowsVietnameseOrder(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var agency = await app.AgencyIdAsync("92.SGDDT");
        string[] dictionary = ["An", "Anh", "Ân", "Bắc", "Bình", "Châu", "Dương", "Đông", "Ê Đê", "Ô Môn", "Ơn"];
        var i = 0;
        foreach (var word in dictionary.Reverse())
        {
            await admin.CreateUnitAsync(UnitsClient.Body(token, $"{i++}", agency).With("name", $"{Unique.Name(token)} {word}"));
        }

        var ascending = await admin.ListUnitsAsync($"search={token}&sort=name&pageSize=50");
        var descending = await admin.ListUnitsAsync($"search={token}&sort=-name&pageSize=50");

        var expected = dictionary.Select(w => $"{Unique.Name(token)} {w}").ToList();
        Assert.Equal(expected, ascending.Items.Select(u => u.Name));
        Assert.Equal(expected.AsEnumerable().Reverse(), descending.Items.Select(u => u.Name));
    }

    [Theory, DatabaseData]
    public async Task List_Paging_GivesDisjointPagesAndStableTotal(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var agency = await app.AgencyIdAsync("92.SGDDT");
        var ids = new List<int>();
        foreach (var suffix in new[] { "A", "B", "C", "D", "E" })
        {
            ids.Add((await admin.CreateUnitAsync(UnitsClient.Body(token, suffix, agency))).Id);
        }

        var pages = new List<UnitListResponse>();
        for (var page = 1; page <= 4; page++)
        {
            pages.Add(await admin.ListUnitsAsync($"search={token}&sort=name&page={page}&pageSize=2"));
        }

        Assert.All(pages, p => Assert.Equal(5, p.Total));
        Assert.Equal([2, 2, 1, 0], pages.Select(p => p.Items.Count));
        var seen = pages.SelectMany(p => p.Items.Select(u => u.Id)).ToList();
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(ids.Order(), seen.Order());
    }

    [Theory, DatabaseData]
    public async Task List_SortByCodeAndDate_OrdersAsAsked(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var agency = await app.AgencyIdAsync("92.SGDDT");
        await admin.CreateUnitAsync(UnitsClient.Body(token, "B", agency).With("establishedOn", "1990-05-01"));
        await admin.CreateUnitAsync(UnitsClient.Body(token, "C", agency).With("establishedOn", "1980-05-01"));
        await admin.CreateUnitAsync(UnitsClient.Body(token, "A", agency).With("establishedOn", "2010-05-01"));

        var byCode = await admin.ListUnitsAsync($"search={token}&sort=-code");
        var byDate = await admin.ListUnitsAsync($"search={token}&sort=establishedOn");

        Assert.Equal([$"{token}-C", $"{token}-B", $"{token}-A"], byCode.Items.Select(u => u.Code));
        Assert.Equal([$"{token}-C", $"{token}-B", $"{token}-A"], byDate.Items.Select(u => u.Code));
    }
}
