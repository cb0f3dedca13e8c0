using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace SuNghiep.Web.Tests.Api.Units;

public sealed class UnitValidationTests(AppHosts hosts)
{
    // One bad field in an otherwise valid body (established 2000-01-01); null removes the field.
    public static TheoryData<string, string?, string> BadFields => new()
    {
        // field                value (raw JSON)        field named in errors
        { "code",               null,                   "code"             },    // missing
        { "code",               "\"   \"",              "code"             },    // blank
        { "code",               "\"Mã 01\"",            "code"             },    // letters with marks and a space
        { "name",               "\"\"",                 "name"             },
        { "sector",             "\"zz\"",               "sector"           },    // not in the catalogue
        { "sector",             "null",                 "sector"           },
        { "roleClass",          "\"trade\"",            "roleClass"        },
        { "level",              "\"village\"",          "level"            },
        { "areaCode",           "\"99999\"",            "areaCode"         },    // no such area
        { "managingAgencyId",   "\"abc\"",              "managingAgencyId" },    // a string where a number is due
        { "managingAgencyId",   "2147480000",           "managingAgencyId" },    // no such agency
        { "managingAgencyId",   "1.5",                  "managingAgencyId" },
        { "autonomyGroup",      "5",                    "autonomyGroup"    },    // Decree 60/2021, Art. 9: groups 1-4
        { "establishedOn",      "\"2020-13-01\"",       "establishedOn"    },    // malformed date
        { "establishedOn",      "\"01/02/2020\"",       "establishedOn"    },    // not ISO 8601
        { "establishedOn",      "\"1945-09-01\"",       "establishedOn"    },    // before 2/9/1945
        { "establishedOn",      null,                   "establishedOn"    },
        { "endedOn",            "\"1999-12-31\"",       "endedOn"          },    // before establishedOn
        { "endedOn",            "\"2000-01-01\"",       "endedOn"          },    // the same day
        { "level",              "\"district\"",         "level"            },    // with establishedOn moved past 30/6/2025 below
        { "code",               "{\"a\":1}",            "code"             },    // an object where a string is due
        { "address",            Text(501),              "address"          },    // the column holds 500 characters
        { "notes",              Text(4001),             "notes"            },    // the column holds 4000 characters
    };

    private static string Text(int length) => JsonSerializer.Serialize(new string('x', length));

    [Theory, DatabaseData(nameof(BadFields))]
    public async Task Post_BadField_Returns400NamingItAndWritesNothing(DatabaseProvider provider, string field, string? value, string expected)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var body = UnitsClient.Body(token, "A", await app.AgencyIdAsync("92.SGDDT"));
        body = value is null ? body.Without(field) : body.With(field, JsonNode.Parse(value));
        if (field == "level")
        {
            body = body.With("establishedOn", "2025-08-01");
        }

        using var response = await admin.PostUnitAsync(body);

        var errors = await response.ValidationErrorsAsync();
        Assert.Equal([expected], errors.Keys);
        Assert.All(errors[expected], message => Assert.False(string.IsNullOrWhiteSpace(message)));
        Assert.Equal(0, (await admin.ListUnitsAsync($"search={token}&status=all")).Total);
    }

    [Theory, DatabaseData]
    public async Task Post_SeveralBadFields_NamesEachOne(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var body = UnitsClient.Body(token, "A", 0)
            .Without("code")
            .With("sector", "unknown")
            .With("establishedOn", "2010-06-01")
            .With("endedOn", "2009-06-01")
            .With("managingAgencyId", "abc");

        using var response = await admin.PostUnitAsync(body);

        var errors = await response.ValidationErrorsAsync();
        Assert.Equal(["code", "endedOn", "managingAgencyId", "sector"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(0, (await admin.ListUnitsAsync($"search={token}&status=all")).Total);
    }

    [Theory, DatabaseData]
    public async Task Post_MalformedDateAndEndBeforeStart_NamesBothDates(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var body = UnitsClient.Body(Unique.Token(), "A", await app.AgencyIdAsync("92.SGDDT"))
            .With("establishedOn", "2020-13-01")
            .With("endedOn", "2021-02-30");

        using var response = await admin.PostUnitAsync(body);

        var errors = await response.ValidationErrorsAsync();
        Assert.Equal(["endedOn", "establishedOn"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory, DatabaseData]
    public async Task Post_DuplicateCode_Returns400OnCodeAndWritesNothing(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var agency = await app.AgencyIdAsync("92.SGDDT");
        var first = await admin.CreateUnitAsync(UnitsClient.Body(token, "A", agency));
        var before = await admin.ListUnitsAsync($"search={token}&status=all");
        var second = UnitsClient.Body(token, "B", agency).With("code", first.Code);

        using var response = await admin.PostUnitAsync(second);

        var errors = await response.ValidationErrorsAsync();
        Assert.Equal(["code"], errors.Keys);
        Assert.Contains(first.Code, errors["code"][0], StringComparison.Ordinal);
        var after = await admin.ListUnitsAsync($"search={token}&status=all");
        Assert.Equal(1, before.Total);
        Assert.Equal(before.Total, after.Total);
        Assert.Equal([first.Id], after.Items.Select(u => u.Id));
        Assert.Equal(0, await AuditRowsMentioningAsync(app, second["name"]!.GetValue<string>()));
    }

    [Theory, DatabaseData]
    public async Task Post_SameCodeConcurrently_CreatesOneAndRefusesTheOthersWith400(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var agency = await app.AgencyIdAsync("92.SGDDT");
        var code = $"{token}-A";

        // All pass the code check before any insert: the unique index decides, and the loser must still get a 400.
        var responses = await Task.WhenAll(Enumerable.Range(1, 6).Select(i =>
            admin.PostUnitAsync(UnitsClient.Body(token, $"{i}", agency).With("code", code))));

        try
        {
            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
            foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            {
                Assert.Equal(["code"], (await refused.ValidationErrorsAsync()).Keys);
            }

            Assert.Equal(1, (await admin.ListUnitsAsync($"search={token}&status=all")).Total);
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    [Theory, DatabaseData]
    public async Task Put_DuplicateCode_Returns400OnCodeAndKeepsTheUnit(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var agency = await app.AgencyIdAsync("92.SGDDT");
        var taken = await admin.CreateUnitAsync(UnitsClient.Body(token, "A", agency));
        var body = UnitsClient.Body(token, "B", agency);
        var unit = await admin.CreateUnitAsync(body);

        using var response = await admin.PutUnitAsync(unit.Id, body.With("code", taken.Code).With("name", "Tên mới"));

        Assert.Equal(["code"], (await response.ValidationErrorsAsync()).Keys);
        Assert.Equal(unit, await admin.GetUnitAsync(unit.Id));
    }

    [Theory, DatabaseData]
    public async Task Put_ReactivatingEndedUnit_Returns400OnEndedOn(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        // Outside the demo province, whose history from 2015 DemoHistoryTests counts.
        var body = UnitsClient.Body(Unique.Token(), "A", await app.AgencyIdAsync("92.SGDDT")).With("endedOn", "2020-01-01").With("areaCode", "00004");
        var ended = await admin.CreateUnitAsync(body);

        using var reactivate = await admin.PutUnitAsync(ended.Id, body.With("endedOn", null));
        using var correct = await admin.PutUnitAsync(ended.Id, body.With("endedOn", "2019-06-30").With("notes", "Sửa ngày chấm dứt"));

        Assert.Equal(["endedOn"], (await reactivate.ValidationErrorsAsync()).Keys);
        Assert.Equal(HttpStatusCode.OK, correct.StatusCode);
        var unit = await admin.GetUnitAsync(ended.Id);
        Assert.Equal(new DateOnly(2019, 6, 30), unit.EndedOn);
        Assert.False(unit.Active);
    }

    [Theory, DatabaseData]
    public async Task Put_ClassificationOfEndedUnit_Returns400OnThatField(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        // Outside the demo province, whose history from 2015 DemoHistoryTests counts.
        var body = UnitsClient.Body(Unique.Token(), "A", await app.AgencyIdAsync("92.SGDDT")).With("endedOn", "2020-01-01").With("areaCode", "00004");
        var ended = await admin.CreateUnitAsync(body);

        using var response = await admin.PutUnitAsync(ended.Id, body.With("sector", "health"));

        Assert.Equal(["sector"], (await response.ValidationErrorsAsync()).Keys);
        Assert.Equal("education", (await admin.GetUnitAsync(ended.Id)).Sector);
    }

    [Theory, DatabaseData]
    public async Task GetAndPut_UnknownId_Return404(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var body = UnitsClient.Body(Unique.Token(), "A", await app.AgencyIdAsync("92.SGDDT"));

        using var get = await admin.GetAsync("/api/v1/units/2147480000");
        using var put = await admin.PutUnitAsync(2147480000, body);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Equal("Không tìm thấy đơn vị.", await get.ProblemTitleAsync());
    }

    public static TheoryData<string, string> BadQueries => new()
    {
        // query                        field named in errors
        { "sector=zz",                  "sector"           },
        { "roleClass=zz",               "roleClass"        },
        { "level=zz",                   "level"            },
        { "autonomyGroup=7",            "autonomyGroup"    },
        { "status=closed",              "status"           },
        { "sort=address",               "sort"             },
        { "page=0",                     "page"             },
        { "page=x",                     "page"             },
        { "pageSize=abc",               "pageSize"         },
        { "pageSize=-1",                "pageSize"         },
        { "managingAgencyId=abc",       "managingAgencyId" },
    };

    [Theory, DatabaseData(nameof(BadQueries))]
    public async Task List_BadParameter_Returns400NamingIt(DatabaseProvider provider, string query, string expected)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();

        using var response = await admin.GetAsync($"/api/v1/units?{query}");

        Assert.Equal([expected], (await response.ValidationErrorsAsync()).Keys);
    }

    public static TheoryData<string> BadBodies => new()
    {
        "{",                  // not JSON
        "[1, 2]",             // JSON, not an object
        "\"unit\"",
        "",
    };

    [Theory, DatabaseData(nameof(BadBodies))]
    public async Task Post_BodyNotAnObject_Returns400(DatabaseProvider provider, string body)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();

        using var post = await admin.PostAsync("/api/v1/units", UnitsClient.Content(body));

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
    }

    private static Task<int> AuditRowsMentioningAsync(SuNghiepApp app, string text) =>
        app.WithDbAsync((db, _) => db.AuditEntries.CountAsync(a => a.After != null && a.After.Contains(text)));
}
