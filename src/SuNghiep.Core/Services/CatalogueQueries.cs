using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Text;

namespace SuNghiep.Core.Services;

/// <summary>Reads of catalogues, items, norms and prices: public acts, the same for every signed-in caller.</summary>
public sealed class CatalogueQueries(SuNghiepDbContext db, TimeProvider time)
{
    public async Task<(IReadOnlyList<CatalogueRow> Rows, int Total)> CataloguesAsync(CatalogueFilter filter, CancellationToken ct = default)
    {
        var query = db.ServiceCatalogues.AsNoTracking();
        if (CatalogueCodes.ParseLevel(filter.Level) is { } level)
        {
            query = query.Where(c => c.Level == level);
        }

        if (VietnameseText.Fold(filter.Search) is { Length: > 0 } folded)
        {
            // Catalogues are few; their names are folded here, the items' in SQL.
            var names = await query.Select(c => new { c.Id, c.Name, c.DecisionNumber, c.DecisionIssuer }).ToListAsync(ct);
            var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var ids = names.Where(c => VietnameseText.Fold(c.Name + " " + c.DecisionNumber + " " + c.DecisionIssuer) is var text
                    && words.All(w => text.Contains(w, StringComparison.Ordinal)))
                .Select(c => c.Id).ToList();
            query = query.Where(c => ids.Contains(c.Id));
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(c => c.ValidFrom).ThenBy(c => c.Id)
            .Skip((Math.Max(1, filter.Page) - 1) * filter.PageSize).Take(filter.PageSize)
            .Select(c => new
            {
                c.Id, c.Name, c.Level, c.AreaCode, c.DecisionNumber, c.DecisionDate, c.DecisionIssuer, c.ValidFrom, c.ValidTo, c.SupersedesId, c.Source,
                Items = db.ServiceItems.Count(i => i.CatalogueId == c.Id),
            })
            .ToListAsync(ct);
        var areas = await AreaNamesAsync(rows.Select(r => r.AreaCode), ct);
        return (rows.Select(c => new CatalogueRow(c.Id, c.Name, CatalogueCodes.LevelCode(c.Level), c.AreaCode, c.AreaCode is null ? null : areas.GetValueOrDefault(c.AreaCode),
            new(c.DecisionNumber, c.DecisionDate, c.DecisionIssuer), c.ValidFrom, c.ValidTo, c.SupersedesId, c.Items, c.Source)).ToList(), total);
    }

    /// <summary>A catalogue with its items in the decision's order, each with the price in force today in the catalogue's area.</summary>
    public async Task<CatalogueView?> CatalogueAsync(int id, CancellationToken ct = default)
    {
        var c = await db.ServiceCatalogues.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { Catalogue = x, Issuer = x.IssuerAgency!.Name, SupersededBy = db.ServiceCatalogues.Where(n => n.SupersedesId == x.Id).Select(n => (int?)n.Id).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        if (c is null)
        {
            return null;
        }

        var items = await db.ServiceItems.AsNoTracking().Where(i => i.CatalogueId == id).OrderBy(i => i.Ordinal).ThenBy(i => i.Id).ToListAsync(ct);
        var today = VietnamTime.Today(time);
        var prices = (await db.ServicePrices.AsNoTracking().Where(p => p.Item!.CatalogueId == id && p.ValidFrom <= today && (p.ValidTo == null || p.ValidTo >= today))
            .ToListAsync(ct)).ToLookup(p => p.ItemId);
        var x = c.Catalogue;
        var areas = await AreaNamesAsync([x.AreaCode], ct);
        return new CatalogueView(x.Id, x.Name, CatalogueCodes.LevelCode(x.Level), x.AreaCode, x.AreaCode is null ? null : areas.GetValueOrDefault(x.AreaCode),
            x.IssuerAgencyId, c.Issuer, new(x.DecisionNumber, x.DecisionDate, x.DecisionIssuer), x.ValidFrom, x.ValidTo, x.SupersedesId, c.SupersededBy,
            x.Source, x.Notes,
            items.Select(i => Row(i, ServiceRules.PriceInForce(prices[i.Id], x.AreaCode, today) is { } p ? Price(p) : null)).ToList());
    }

    public async Task<ItemList> ItemsAsync(ItemFilter filter, CancellationToken ct = default)
    {
        var query = db.ServiceItems.AsNoTracking();
        if (filter.CatalogueId is { } catalogueId)
        {
            query = query.Where(i => i.CatalogueId == catalogueId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Sector))
        {
            var sector = filter.Sector.Trim();
            query = query.Where(i => i.SectorCode == sector);
        }

        foreach (var word in VietnameseText.Fold(filter.Search).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
        {
            query = query.Where(i => i.SearchText.Contains(word));
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(i => i.CatalogueId).ThenBy(i => i.Ordinal).ThenBy(i => i.Id)
            .Skip((Math.Max(1, filter.Page) - 1) * filter.PageSize).Take(filter.PageSize)
            .Select(i => new { Item = i, Catalogue = i.Catalogue!.Name })
            .ToListAsync(ct);
        return new(rows.Select(r => new ItemListRow(r.Item.Id, r.Item.CatalogueId, r.Catalogue, r.Item.Code, r.Item.Name, r.Item.SectorCode, r.Item.ParentId,
            CatalogueCodes.MethodCodes(r.Item.Methods), r.Item.Essential, r.Item.FeeBased, r.Item.OutputUnit)).ToList(), total);
    }

    /// <summary>An item with every price and norm, latest first, and the price in force on a date in an area (the catalogue's by default).</summary>
    public async Task<ItemView?> ItemAsync(int id, DateOnly? on = null, string? areaCode = null, CancellationToken ct = default)
    {
        var r = await db.ServiceItems.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new { Item = i, Catalogue = i.Catalogue!.Name, i.Catalogue.AreaCode, Parent = i.Parent!.Name })
            .FirstOrDefaultAsync(ct);
        if (r is null)
        {
            return null;
        }

        var prices = await db.ServicePrices.AsNoTracking().Where(p => p.ItemId == id).OrderByDescending(p => p.ValidFrom).ThenByDescending(p => p.Id).ToListAsync(ct);
        var norms = await db.ServiceNorms.AsNoTracking().Where(n => n.ItemId == id).OrderByDescending(n => n.ValidFrom).ThenByDescending(n => n.Id).ToListAsync(ct);
        var inForce = ServiceRules.PriceInForce(prices, areaCode ?? r.AreaCode, on ?? VietnamTime.Today(time));
        var i = r.Item;
        return new ItemView(i.Id, i.CatalogueId, r.Catalogue, r.AreaCode, i.Code, i.Name, i.SectorCode, i.ParentId, r.Parent, CatalogueCodes.MethodCodes(i.Methods),
            i.Essential, i.FeeBased, i.OutputUnit, i.Ordinal, prices.Select(Price).ToList(), norms.Select(Norm).ToList(), inForce is null ? null : Price(inForce));
    }

    /// <summary>The price of an item in force on a date in an area; null when the item is not there or has none.</summary>
    public async Task<(bool Found, PriceView? Price)> PriceInForceAsync(int itemId, DateOnly on, string? areaCode, CancellationToken ct = default)
    {
        var item = await db.ServiceItems.AsNoTracking().Where(i => i.Id == itemId).Select(i => new { i.Catalogue!.AreaCode }).FirstOrDefaultAsync(ct);
        if (item is null)
        {
            return (false, null);
        }

        var area = areaCode ?? item.AreaCode;
        var prices = await db.ServicePrices.AsNoTracking()
            .Where(p => p.ItemId == itemId && p.ValidFrom <= on && (p.ValidTo == null || p.ValidTo >= on) && (p.AreaCode == null || p.AreaCode == area))
            .ToListAsync(ct);
        return (true, ServiceRules.PriceInForce(prices, area, on) is { } p ? Price(p) : null);
    }

    /// <summary>Every price of a catalogue's items, oldest first within each item, with the item's code.</summary>
    public async Task<IReadOnlyList<(string ItemCode, PriceView Price)>> PricesAsync(int catalogueId, CancellationToken ct = default) =>
        (await db.ServicePrices.AsNoTracking().Where(p => p.Item!.CatalogueId == catalogueId)
            .OrderBy(p => p.Item!.Ordinal).ThenBy(p => p.ItemId).ThenBy(p => p.ValidFrom).ThenBy(p => p.Id)
            .Select(p => new { p.Item!.Code, Price = p }).ToListAsync(ct))
        .Select(x => (x.Code, Price(x.Price))).ToList();

    internal static ItemRow Row(ServiceItem i, PriceView? price) =>
        new(i.Id, i.CatalogueId, i.Code, i.Name, i.SectorCode, i.ParentId, CatalogueCodes.MethodCodes(i.Methods), i.Essential, i.FeeBased, i.OutputUnit, i.Ordinal, price);

    internal static PriceView Price(ServicePrice p) =>
        new(p.Id, p.ItemId, p.AreaCode, p.Price, p.Unit, ServiceRules.CostBasisCode(p.CostBasis), new(p.DecisionNumber, p.DecisionDate, p.DecisionIssuer), p.ValidFrom, p.ValidTo);

    internal static NormView Norm(ServiceNorm n) =>
        new(n.Id, n.ItemId, n.OutputUnit, CatalogueService.Lines(n.InputsJson), new(n.DecisionNumber, n.DecisionDate, n.DecisionIssuer), n.ValidFrom, n.ValidTo);

    private async Task<Dictionary<string, string>> AreaNamesAsync(IEnumerable<string?> codes, CancellationToken ct)
    {
        var wanted = codes.OfType<string>().Distinct().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        var areas = await db.Areas.AsNoTracking().Where(a => a.Level == AreaLevel.Province && wanted.Contains(a.Code))
            .Select(a => new { a.Code, a.Type, a.Name, a.ValidTo }).ToListAsync(ct);
        return areas.GroupBy(a => a.Code).ToDictionary(g => g.Key, g => g.OrderBy(a => a.ValidTo is null ? 0 : 1).Select(a => Area.FullNameOf(a.Type, a.Name)).First());
    }
}
