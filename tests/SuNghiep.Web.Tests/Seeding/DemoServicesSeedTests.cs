using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using SuNghiep.Core;
using SuNghiep.Core.Auditing;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;

namespace SuNghiep.Web.Tests.Seeding;

/// <summary>
/// The demo's public services: a catalogue of the demo province with prices, and orders of the Department of Culture in
/// every state; the demo's finance figures are entered figures, so an order's acceptance shows beside them instead of
/// replacing them, and a database from before the flag is marked the same way by its migration.
/// </summary>
public sealed class DemoServicesSeedTests(AppHosts hosts)
{
    private const string Demo = SystemActors.Demo;

    [Theory, DatabaseData]
    public async Task DemoOrders_EveryStateAndMethod_ValuedAtTheirPrice_AllowedByTheirItem(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var orders = await app.WithDbAsync(async (db, _) => await db.ServiceOrders.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.CreatedBy == Demo)
            .Select(o => new
            {
                o.Status, o.Method, o.Quantity, o.UnitPrice, o.Value, o.FundingClass, o.Item!.Methods, o.Item.SectorCode, Price = o.PriceRow == null ? (decimal?)null : o.PriceRow.Price,
                Won = o.Bids.Where(b => b.Awarded).Select(b => (decimal?)b.BidPrice).FirstOrDefault(),
                Catalogue = o.Item.Catalogue!.AreaCode, Orderer = o.OrdererAgency!.Code, Accepted = o.Acceptances.Select(a => new { a.QuantityAccepted, a.Deduction, a.AcceptedValue }).ToList(),
                Awarded = o.Bids.Count(b => b.Awarded), Final = o.Settlements.Count(s => s.Kind == SettlementKind.Final),
            }).ToListAsync());

        Assert.Equal(
            new[] { ServiceOrderStatus.Issued, ServiceOrderStatus.PartlyAccepted, ServiceOrderStatus.Accepted, ServiceOrderStatus.Settled }.ToHashSet(),
            orders.Select(o => o.Status).ToHashSet());
        Assert.Equal(Enum.GetValues<ServiceMethod>().ToHashSet(), orders.Select(o => o.Method).ToHashSet());
        Assert.All(orders, o =>
        {
            Assert.Equal("92", o.Catalogue);
            Assert.Equal("92.SVHTTDL", o.Orderer);
            Assert.True(ServiceRules.MethodAllowed(o.Methods, o.SectorCode, o.Method), $"{o.Method} on an item that does not allow it");
            Assert.Equal(ServiceRules.Value(o.Quantity, o.UnitPrice), o.Value);
            Assert.Equal(FundingClass.AutonomyAssigned, o.FundingClass);
            // A bid's price is the winning bid's; any other order's, the price in force it links to.
            (decimal? Price, int Awarded, decimal? Won) expected = o.Method == ServiceMethod.Bidding ? (null, 1, o.UnitPrice) : (o.UnitPrice, 0, null);
            Assert.Equal(expected, (o.Price, o.Awarded, o.Won));
            Assert.All(o.Accepted, a => Assert.Equal(ServiceRules.AcceptedValue(a.QuantityAccepted, o.UnitPrice, a.Deduction), a.AcceptedValue));
            Assert.Equal(o.Status switch
            {
                ServiceOrderStatus.Issued => 0m,
                ServiceOrderStatus.PartlyAccepted => o.Quantity / 2,
                _ => o.Quantity - (o.Status == ServiceOrderStatus.Settled ? 50 : 0),
            }, o.Accepted.Sum(a => a.QuantityAccepted));
            Assert.Equal(o.Status == ServiceOrderStatus.Settled ? 1 : 0, o.Final);
        });
    }

    [Theory, DatabaseData]
    public async Task DemoFinance_EnteredFigures_ShowBesideTheAcceptedOrders_NotReplacedByThem(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var year = VietnamTime.Today(TimeProvider.System).Year - 1;
        var (unit, accepted, followingOrders, early) = await app.WithDbAsync(async (db, _) =>
        {
            var settled = await SettledAsync(db);
            // The demo's rows as it wrote them (other tests write rows of their own): every non-zero figure was entered.
            var seededAt = await db.Reorganizations.AsNoTracking().Where(r => r.CreatedBy == Demo).Select(r => r.CreatedAt).FirstAsync();
            var rows = await db.FinanceYears.IgnoreQueryFilters().AsNoTracking()
                .Where(f => f.UpdatedAt == seededAt)
                .Select(f => new { f.OrderedServices, f.OrderedServicesByHand }).ToListAsync();
            return (settled.Unit, settled.Value, rows.Count(r => r.OrderedServices != 0 && !r.OrderedServicesByHand), rows.Count(r => r.OrderedServices != 0));
        });
        using var admin = await app.AdminAsync();
        var finance = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{unit}/finance/{year}");

        Assert.Equal(accepted, finance.GetProperty("acceptedOrdersValue").GetDecimal());
        Assert.True(finance.GetProperty("orderedServicesByHand").GetBoolean());
        Assert.NotEqual(accepted, finance.GetProperty("revenue").GetProperty("orderedServices").GetDecimal());
        Assert.True(early > 1000, $"{early} rows");
        Assert.Equal(0, followingOrders);
    }

    [Theory, DatabaseData]
    public async Task FinancePage_TypedFigure_WarnedOnlyInAYearWithAcceptedOrders(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var settled = await app.WithDbAsync((db, _) => SettledAsync(db));
        using var session = await Pages.Resources.PageSession.SignInAsync(app, SuNghiepApp.AdminEmail, SuNghiepApp.AdminPassword);

        var (_, withOrders) = await session.GetAsync($"/units/{settled.Unit}/resources?year={settled.Year}&tab=finance");
        var (_, without) = await session.GetAsync($"/units/{settled.Unit}/resources?year=2018&tab=finance");

        var source = withOrders.QuerySelector("[data-testid=ordered-services-source]")!;
        Assert.NotNull(source.QuerySelector("[data-testid=ordered-services-differs]"));
        Assert.Contains(settled.DecisionNumber, source.QuerySelector("[data-testid=accepted-orders]")!.TextContent, StringComparison.Ordinal);
        var plain = without.QuerySelector("[data-testid=ordered-services-source]")!;
        Assert.Contains("do cán bộ nhập tay", plain.QuerySelector("[data-testid=ordered-services-mode]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(plain.QuerySelector("[data-testid=ordered-services-differs]"));
    }

    [Theory, DatabaseData]
    public async Task Migration_FigureUnlikeItsAcceptedOrders_MarkedEntered_EqualOrZero_StillFollows(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        Migration migration = provider == DatabaseProvider.Postgres
            ? new SuNghiep.Migrations.Postgres.Migrations.FinanceOrderedServicesByHand()
            : new SuNghiep.Migrations.Sqlite.Migrations.FinanceOrderedServicesByHand();
        var sql = Assert.Single(migration.UpOperations.OfType<SqlOperation>()).Sql;

        var after = await app.WithDbAsync(async (db, _) =>
        {
            // In a transaction rolled back: the rows as a database from before the flag had them.
            await using var tx = await db.Database.BeginTransactionAsync();
            var settled = await SettledAsync(db);
            var follows = await db.FinanceYears.IgnoreQueryFilters().SingleAsync(f => f.UnitId == settled.Unit && f.Year == settled.Year);
            var entered = await db.FinanceYears.IgnoreQueryFilters().SingleAsync(f => f.UnitId == settled.Unit && f.Year == 2018);
            var zero = await db.FinanceYears.IgnoreQueryFilters().SingleAsync(f => f.UnitId == settled.Unit && f.Year == 2019);
            (follows.OrderedServices, follows.OrderedServicesByHand) = (settled.Value, false);
            (entered.OrderedServices, entered.OrderedServicesByHand) = (123_000_000, false);
            (zero.OrderedServices, zero.OrderedServicesByHand) = (0, false);
            await db.SaveChangesAsync();

            await db.Database.ExecuteSqlRawAsync(sql);
            var flags = await db.FinanceYears.IgnoreQueryFilters().AsNoTracking()
                .Where(f => f.UnitId == settled.Unit && (f.Year == settled.Year || f.Year == 2018 || f.Year == 2019))
                .OrderBy(f => f.Year).Select(f => f.OrderedServicesByHand).ToListAsync();
            await tx.RollbackAsync();
            return flags;
        });

        // 2018: typed, 2019: zero with no orders, the settled order's year: equal to its acceptances.
        Assert.Equal([true, false, false], after);
    }

    private sealed record Settled(int Unit, int Year, string DecisionNumber, decimal Value);

    /// <summary>The demo's settled order: its provider, year, decision and accepted value.</summary>
    private static Task<Settled> SettledAsync(SuNghiep.Core.Data.SuNghiepDbContext db) =>
        db.ServiceOrders.IgnoreQueryFilters().AsNoTracking().Where(o => o.CreatedBy == Demo && o.Status == ServiceOrderStatus.Settled)
            .Select(o => new Settled(o.ProviderUnitId!.Value, o.Year, o.DecisionNumber, o.Acceptances.Sum(a => a.AcceptedValue))).SingleAsync();
}
