using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Seeding;

namespace SuNghiep.Web.Tests.Seeding;

/// <summary>The catalogues read from published decisions are there after the first start, with their sources, and only once.</summary>
public sealed class ServiceCatalogueSeedTests(AppHosts hosts)
{
    [Theory, DatabaseData]
    public async Task FirstStart_ShippedCataloguesWithSources_SecondRunAddsNothing(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);

        var again = await app.WithDbAsync((db, services) => ServiceCatalogueSeeder.SeedAsync(db, TimeProvider.System));
        var shipped = await app.WithDbAsync((db, _) => db.ServiceCatalogues.AsNoTracking()
            .Where(c => c.DecisionNumber == "186/QĐ-TTg" || c.DecisionNumber == "4663/QĐ-UBND")
            .Select(c => new { c.DecisionNumber, c.Level, c.AreaCode, c.Source, Items = db.ServiceItems.Where(i => i.CatalogueId == c.Id).OrderBy(i => i.Ordinal).Select(i => i.Name).ToList() })
            .ToListAsync());

        Assert.Equal((0, 0), again);
        var central = Assert.Single(shipped, c => c.DecisionNumber == "186/QĐ-TTg");
        Assert.Equal(CatalogueLevel.Central, central.Level);
        Assert.Equal(5, central.Items.Count);
        Assert.Equal("Dịch vụ giáo dục mầm non và phổ thông", central.Items[0]);
        Assert.Contains("vietnamplus.vn", central.Source, StringComparison.Ordinal);
        var hanoi = Assert.Single(shipped, c => c.DecisionNumber == "4663/QĐ-UBND");
        Assert.Equal(("01", CatalogueLevel.Province), (hanoi.AreaCode, hanoi.Level));
        Assert.Contains("hethongphapluat.com", hanoi.Source, StringComparison.Ordinal);
    }
}
