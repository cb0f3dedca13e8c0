using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Text;

namespace SuNghiep.Core.Seeding;

/// <summary>
/// The demo province's culture services paid by the state: an illustrative catalogue with prices and a norm, and the orders
/// the Department of Culture placed with its library, museum, training centre and culture centre over two years, in each
/// state an order goes through (issued, partly accepted, accepted, settled, one awarded by bidding). The catalogue is marked
/// as the demo's own, not a real decision.
/// </summary>
internal static class DemoServices
{
    private const string Department = "92.SVHTTDL";
    private const string Issuer = "Ủy ban nhân dân thành phố Cần Thơ";
    private const string Note = "Danh mục minh họa của bản demo, không phải văn bản thật.";

    private sealed record Leaf(string Code, string Name, string Group, ServiceMethods Methods, string Output, decimal Price, string PriceUnit, CostBasis Basis);

    private static readonly Leaf[] Leaves =
    [
        new("1.1", "Phục vụ bạn đọc tại thư viện", "Dịch vụ thư viện", ServiceMethods.Assignment | ServiceMethods.Ordering, "lượt bạn đọc", 15_000, "đồng/lượt bạn đọc", CostBasis.Partial),
        new("2.1", "Trưng bày, thuyết minh di sản tại bảo tàng", "Dịch vụ bảo tàng, di sản", ServiceMethods.Assignment | ServiceMethods.Ordering, "lượt khách", 25_000, "đồng/lượt khách", CostBasis.Partial),
        new("3.1", "Huấn luyện vận động viên năng khiếu", "Dịch vụ thể dục, thể thao", ServiceMethods.Assignment | ServiceMethods.Ordering | ServiceMethods.Bidding, "vận động viên/năm", 25_000_000, "đồng/vận động viên/năm", CostBasis.FullExcludingDepreciation),
        new("4.1", "Tổ chức chương trình nghệ thuật phục vụ nhiệm vụ chính trị", "Dịch vụ văn hóa cơ sở", ServiceMethods.Ordering | ServiceMethods.Bidding, "buổi biểu diễn", 15_000_000, "đồng/buổi", CostBasis.Full),
    ];

    public static async Task SeedAsync(SuNghiepDbContext db, int lastYear, CancellationToken ct)
    {
        var department = await db.Agencies.Where(a => a.Code == Department).Select(a => new { a.Id, a.Name }).SingleOrDefaultAsync(ct);
        var issuer = await db.Agencies.Where(a => a.Code == DemoSeeder.ProvinceCode + ".UBND").Select(a => (int?)a.Id).SingleOrDefaultAsync(ct);
        if (department is null)
        {
            return;
        }

        var units = await db.UnitVersions.IgnoreQueryFilters()
            .Where(v => v.ValidTo == null && v.SectorCode == "culture" && v.Unit!.ManagingAgency!.Code == Department && !v.Unit.Voided && v.Unit.EndedOn == null)
            .Select(v => new { v.UnitId, v.Name }).ToListAsync(ct);
        int? Unit(string prefix) => units.Where(u => u.Name.StartsWith(prefix, StringComparison.Ordinal)).Select(u => (int?)u.UnitId).Min();
        var (library, museum, training, culture) = (Unit("Thư viện"), Unit("Bảo tàng"), Unit("Trung tâm Huấn luyện"), Unit("Trung tâm Văn hóa"));
        if (library is null || museum is null || training is null || culture is null)
        {
            return;
        }

        var now = DateTime.UtcNow;
        var decided = new DateOnly(2024, 1, 15);
        var catalogue = new ServiceCatalogue
        {
            Name = "Danh mục dịch vụ sự nghiệp công sử dụng ngân sách nhà nước lĩnh vực văn hóa, thể thao (minh họa)",
            Level = CatalogueLevel.Province, AreaCode = DemoSeeder.ProvinceCode, IssuerAgencyId = issuer, DecisionNumber = "01/QĐ-DEMO",
            DecisionDate = decided, DecisionIssuer = Issuer, ValidFrom = new DateOnly(2024, 2, 1), Source = Note, Notes = Note,
            CreatedBy = Auditing.SystemActors.Demo, CreatedAt = now, UpdatedAt = now,
        };
        var items = new Dictionary<string, ServiceItem>(StringComparer.Ordinal);
        var prices = new Dictionary<string, ServicePrice>(StringComparer.Ordinal);
        var ordinal = 0;
        foreach (var (leaf, i) in Leaves.Select((l, i) => (l, i)))
        {
            var groupCode = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var group = Item(catalogue, groupCode, leaf.Group, null, leaf.Methods, null, ++ordinal);
            var item = Item(catalogue, leaf.Code, leaf.Name, group, leaf.Methods, leaf.Output, ++ordinal);
            items[leaf.Code] = item;
            prices[leaf.Code] = new ServicePrice
            {
                Item = item, AreaCode = DemoSeeder.ProvinceCode, Price = leaf.Price, Unit = leaf.PriceUnit, CostBasis = leaf.Basis,
                DecisionNumber = "02/QĐ-DEMO", DecisionDate = decided.AddDays(10), DecisionIssuer = Issuer, ValidFrom = new DateOnly(2024, 2, 1),
                CreatedBy = Auditing.SystemActors.Demo, CreatedAt = now,
            };
            catalogue.Items.AddRange([group, item]);
        }

        db.ServiceCatalogues.Add(catalogue);
        db.ServicePrices.AddRange(prices.Values);
        db.ServiceNorms.Add(new ServiceNorm
        {
            Item = items["1.1"], OutputUnit = "lượt bạn đọc",
            InputsJson = JsonSerializer.Serialize(new object[]
            {
                new { kind = "labour", name = "Thủ thư hạng III", unit = "công", quantity = 0.05m },
                new { kind = "material", name = "Điện năng", unit = "kWh", quantity = 0.3m },
                new { kind = "equipment", name = "Máy tính tra cứu", unit = "ca", quantity = 0.02m },
            }),
            DecisionNumber = "03/QĐ-DEMO", DecisionDate = decided.AddDays(5), DecisionIssuer = Issuer, ValidFrom = new DateOnly(2024, 2, 1),
            CreatedBy = Auditing.SystemActors.Demo, CreatedAt = now,
        });

        var before = lastYear - 1;
        var settled = Order(department.Id, department.Name, library.Value, "1.1", ServiceMethod.Ordering, before, 5_000, 1);
        Accept(settled, new DateOnly(before, 12, 20), 4_950, 0, "Đạt yêu cầu");
        settled.Settlements.AddRange([
            Settlement(SettlementKind.Advance, new DateOnly(before, 3, 1), settled.Value * 0.5m),
            Settlement(SettlementKind.Final, new DateOnly(before, 12, 28), settled.Acceptances.Sum(a => a.AcceptedValue) - settled.Value * 0.5m),
        ]);
        settled.Status = ServiceOrderStatus.Settled;

        var accepted = Order(department.Id, department.Name, museum.Value, "2.1", ServiceMethod.Assignment, before, 3_600, 2);
        Accept(accepted, new DateOnly(before, 12, 22), 3_600, 2_000_000, "Đạt yêu cầu; trừ 2 triệu đồng do đóng cửa khu trưng bày 5 ngày");

        var bid = Order(department.Id, department.Name, culture.Value, "4.1", ServiceMethod.Bidding, before, 2, 3);
        // The award sets the price: the winning bid's, not the price in force.
        (bid.PriceRow, bid.UnitPrice) = (null, 14_500_000);
        bid.Value = ServiceRules.Value(bid.Quantity, bid.UnitPrice);
        bid.Bids.AddRange([
            new ServiceBid { BidderName = "Trung tâm Văn hóa thành phố Cần Thơ", ProviderUnitId = culture, BidPrice = 14_500_000, Awarded = true },
            new ServiceBid { BidderName = "Công ty TNHH Sự kiện Phù Sa (minh họa)", BidPrice = 14_900_000, Notes = "Không trúng thầu: giá cao hơn" },
        ]);
        Accept(bid, new DateOnly(before, 11, 30), 2, 0, "Tốt");

        var running = Order(department.Id, department.Name, library.Value, "1.1", ServiceMethod.Ordering, lastYear, 5_200, 1);
        running.Settlements.Add(Settlement(SettlementKind.Advance, new DateOnly(lastYear, 3, 1), running.Value * 0.5m));

        var partly = Order(department.Id, department.Name, training.Value, "3.1", ServiceMethod.Ordering, lastYear, 4, 2);
        Accept(partly, new DateOnly(lastYear, 7, 15), 2, 0, "Đạt yêu cầu; nghiệm thu 6 tháng đầu năm");

        db.ServiceOrders.AddRange(settled, accepted, bid, running, partly);
        await db.SaveChangesAsync(ct);

        ServiceOrder Order(int agency, string agencyName, int unit, string code, ServiceMethod method, int year, decimal quantity, int number)
        {
            var price = prices[code];
            return new ServiceOrder
            {
                Year = year, Method = method, OrdererAgencyId = agency, ProviderUnitId = unit, Item = items[code], PriceRow = price, Quantity = quantity,
                UnitPrice = price.Price, Value = ServiceRules.Value(quantity, price.Price), FundingClass = ServiceRules.Funding(method, hasPrice: true),
                QualityRequirement = "Theo tiêu chí chất lượng của Sở Văn hóa, Thể thao và Du lịch", EstimateReference = $"Dự toán năm {year} được giao",
                StartOn = new DateOnly(year, 1, 1), EndOn = new DateOnly(year, 12, 31),
                DecisionNumber = $"{number:00}/QĐ-DEMO-{year}", DecisionDate = new DateOnly(year - 1, 12, 20), DecisionIssuer = agencyName,
                Status = ServiceOrderStatus.Issued, Notes = "Đặt hàng minh họa của bản demo.",
                CreatedBy = Auditing.SystemActors.Demo, CreatedAt = now, UpdatedAt = now,
            };
        }

        void Accept(ServiceOrder order, DateOnly date, decimal quantity, decimal deduction, string level)
        {
            order.Acceptances.Add(new ServiceAcceptance
            {
                Date = date, QuantityAccepted = quantity, QualityLevel = level, Deduction = deduction,
                AcceptedValue = ServiceRules.AcceptedValue(quantity, order.UnitPrice, deduction), Minutes = $"Biên bản nghiệm thu ngày {date:dd/MM/yyyy}",
                CreatedBy = Auditing.SystemActors.Demo, CreatedAt = now,
            });
            order.Status = quantity >= order.Quantity ? ServiceOrderStatus.Accepted : ServiceOrderStatus.PartlyAccepted;
        }

        ServiceSettlement Settlement(SettlementKind kind, DateOnly date, decimal amount) => new()
        {
            Kind = kind, Date = date, Amount = Math.Round(amount, 0, MidpointRounding.AwayFromZero), CreatedBy = Auditing.SystemActors.Demo, CreatedAt = now,
        };
    }

    private static ServiceItem Item(ServiceCatalogue catalogue, string code, string name, ServiceItem? parent, ServiceMethods methods, string? output, int ordinal) => new()
    {
        Catalogue = catalogue, Code = code, Name = name, SearchText = VietnameseText.Fold(code + " " + name), SortKey = VietnameseText.SortKey(name),
        SectorCode = "culture", Parent = parent, Methods = methods, OutputUnit = output, Ordinal = ordinal,
    };
}
