using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace SuNghiep.Web.Tests.Api;

public sealed class HostTests(AppHosts hosts)
{
    [Theory, DatabaseData]
    public async Task Host_ConfiguredProvider_RunsOnItsOwnFreshDatabase(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);

        var (providerName, connection) = await app.WithDbAsync((db, _) =>
            Task.FromResult((db.Database.ProviderName, db.Database.GetConnectionString())));

        Assert.Contains(provider == DatabaseProvider.Postgres ? "Npgsql" : "Sqlite", providerName, StringComparison.Ordinal);
        Assert.Equal(app.Database.ConnectionString, connection);
    }

    [Theory, DatabaseData]
    public async Task Host_FirstStart_MigratesAndSeedsTheDemoProvince(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);

        var (pending, demoAgency, provinces) = await app.WithDbAsync(async (db, _) => (
            (await db.Database.GetPendingMigrationsAsync()).Count(),
            await db.Agencies.AnyAsync(a => a.Code == "92.SYT"),
            // Coverage tests add provinces of their own to the shared database, coded "x…"; the map's codes are numbers.
            await db.Areas.CountAsync(a => a.Level == Core.Entities.AreaLevel.Province && a.ValidTo == null && !EF.Functions.Like(a.Code, "x%"))));

        Assert.Equal(0, pending);
        Assert.True(demoAgency);
        Assert.Equal(34, provinces);
    }

    [Theory, DatabaseData]
    public async Task Healthz_Anonymous_Returns200(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var client = app.Client();

        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory, DatabaseData]
    public async Task OpenApi_Document_IsJsonListingTheUnitEndpoints(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var client = app.Client();

        using var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/units", out var units), "no /api/v1/units in paths");
        Assert.True(units.TryGetProperty("get", out _));
        Assert.True(units.TryGetProperty("post", out _));
        Assert.True(paths.TryGetProperty("/api/v1/units/{id}", out _), "no /api/v1/units/{id} in paths");
    }
}
