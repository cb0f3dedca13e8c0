using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Resources;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Text;
using SuNghiep.Core.Units;

namespace SuNghiep.Core.Services;

/// <summary>
/// Assignment, ordering and bidding of public services (Decree 32/2019/NĐ-CP): orders, bids and award, acceptance and
/// settlement. An agency orders only within its scope; the accepted value of a year's orders to a public unit feeds that
/// unit's revenue A (Decree 60/2021, Art. 10) unless an officer typed the figure. The context audits each change.
/// </summary>
public sealed class OrderService(SuNghiepDbContext db, TimeProvider time)
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
    public const decimal MaxQuantity = 1_000_000_000m;
    public const decimal MaxPrice = 1_000_000_000_000m;

    public async Task<(IReadOnlyList<OrderRow> Items, int Total)> ListAsync(OrderFilter f, CancellationToken ct = default)
    {
        var query = db.ServiceOrders.AsNoTracking();
        if (f.Year is { } year)
        {
            query = query.Where(o => o.Year == year);
        }

        if (f.Method is { } method)
        {
            query = query.Where(o => o.Method == method);
        }

        if (f.OrdererAgencyId is { } agency)
        {
            query = query.Where(o => o.OrdererAgencyId == agency);
        }

        if (f.ProviderUnitId is { } unit)
        {
            query = query.Where(o => o.ProviderUnitId == unit);
        }

        if (f.ProviderId is { } provider)
        {
            query = query.Where(o => o.ProviderId == provider);
        }

        if (f.ItemId is { } item)
        {
            query = query.Where(o => o.ItemId == item);
        }

        if (f.Status is { } status)
        {
            query = query.Where(o => o.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var folded = VietnameseText.Fold(f.Q);
            var raw = f.Q.Trim();
            // Provider units are matched in a query of their own: IgnoreQueryFilters anywhere in a query lifts the scope
            // of the whole query, orders included. The orderer finds its providers by name even outside its scope.
            var units = await db.Units.IgnoreQueryFilters().Where(u => !u.Voided && u.SearchText.Contains(folded))
                .OrderBy(u => u.Id).Select(u => u.Id).Take(2000).ToListAsync(ct);
            query = query.Where(o => o.Item!.SearchText.Contains(folded) || o.DecisionNumber.Contains(raw)
                || (o.ProviderId != null && o.Provider!.SearchText.Contains(folded))
                || (o.ProviderUnitId != null && units.Contains(o.ProviderUnitId.Value))
                || o.OrdererAgency!.SearchText.Contains(folded));
        }

        var total = await query.CountAsync(ct);
        var page = await Rows(query.OrderByDescending(o => o.Year).ThenByDescending(o => o.Id)
            .Skip((f.Page - 1) * f.PageSize).Take(f.PageSize)).ToListAsync(ct);
        return (await WithSumsAsync(page, ct), total);
    }

    private static IQueryable<RowData> Rows(IQueryable<ServiceOrder> orders) =>
        orders.Select(o => new RowData(o.Id, o.Year, o.Method, o.OrdererAgencyId, o.OrdererAgency!.Name, o.ProviderUnitId, o.ProviderId,
            o.ProviderId != null ? o.Provider!.Name : null,
            o.ItemId, o.Item!.Code, o.Item.Name, o.Quantity, o.UnitPrice, o.Value, o.Status, o.DecisionNumber, o.StartOn, o.EndOn));

    private sealed record RowData(
        int Id, int Year, ServiceMethod Method, int OrdererAgencyId, string OrdererName, int? ProviderUnitId, int? ProviderId, string? ProviderName,
        int ItemId, string ItemCode, string ItemName, decimal Quantity, decimal UnitPrice, decimal Value, ServiceOrderStatus Status,
        string DecisionNumber, DateOnly StartOn, DateOnly EndOn);

    private async Task<IReadOnlyList<OrderRow>> WithSumsAsync(List<RowData> page, CancellationToken ct)
    {
        var ids = page.Select(r => r.Id).ToList();
        // Names of provider units are read past the scope, in a query of their own: the orderer sees the providers of its orders.
        var unitIds = page.Where(r => r.ProviderUnitId is not null).Select(r => r.ProviderUnitId!.Value).Distinct().ToList();
        var unitNames = await db.Units.IgnoreQueryFilters().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        // Decimal sums are added here: SQLite cannot sum decimals in SQL, and a page holds few acceptances.
        var accepted = (await db.ServiceAcceptances.AsNoTracking().Where(a => ids.Contains(a.OrderId))
                .Select(a => new { a.OrderId, a.QuantityAccepted, a.AcceptedValue }).ToListAsync(ct))
            .GroupBy(a => a.OrderId).ToDictionary(g => g.Key, g => (Quantity: g.Sum(a => a.QuantityAccepted), Value: g.Sum(a => a.AcceptedValue)));
        return page.Select(r =>
        {
            var (quantity, value) = accepted.GetValueOrDefault(r.Id);
            return new OrderRow(r.Id, r.Year, ServiceRules.MethodCode(r.Method), ServiceRules.MethodName(r.Method), r.OrdererAgencyId, r.OrdererName,
                r.ProviderUnitId, r.ProviderId, r.ProviderName ?? (r.ProviderUnitId is { } u ? unitNames.GetValueOrDefault(u) : null), r.ItemId, r.ItemCode, r.ItemName, r.Quantity, r.UnitPrice, r.Value, quantity, value,
                OrderCodes.Status(r.Status), OrderCodes.StatusName(r.Status), r.DecisionNumber, r.StartOn, r.EndOn);
        }).ToList();
    }

    public async Task<OrderView?> GetAsync(int id, CancellationToken ct = default)
    {
        var o = await db.ServiceOrders.AsNoTracking().Include(x => x.Item).Include(x => x.OrdererAgency).Include(x => x.Provider)
            .AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (o is null)
        {
            return null;
        }

        var bids = await db.ServiceBids.AsNoTracking().Where(b => b.OrderId == id).OrderBy(b => b.Id)
            .Select(b => new BidView(b.Id, b.BidderName, b.ProviderUnitId, b.ProviderId, b.BidPrice, b.Awarded, b.Notes)).ToListAsync(ct);
        var acceptances = await db.ServiceAcceptances.AsNoTracking().Where(a => a.OrderId == id).OrderBy(a => a.Date).ThenBy(a => a.Id)
            .Select(a => new AcceptanceView(a.Id, a.Date, a.QuantityAccepted, a.QualityLevel, a.QualityScore, a.Deduction, a.AcceptedValue, a.Minutes, a.CreatedBy, a.CreatedAt))
            .ToListAsync(ct);
        var settlements = (await db.ServiceSettlements.AsNoTracking().Where(s => s.OrderId == id).OrderBy(s => s.Date).ThenBy(s => s.Id).ToListAsync(ct))
            .Select(s => new SettlementView(s.Id, OrderCodes.Kind(s.Kind), OrderCodes.KindName(s.Kind), s.Date, s.Amount, s.DocumentNumber, s.Notes, s.CreatedBy, s.CreatedAt))
            .ToList();
        var providerName = o.Provider?.Name ?? (o.ProviderUnitId is { } unitId
            ? await db.Units.IgnoreQueryFilters().Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(ct)
            : null);
        var paid = settlements.Where(s => s.Kind is "advance" or "payment").Sum(s => s.Amount);
        return new OrderView(o.Id, o.Year, ServiceRules.MethodCode(o.Method), ServiceRules.MethodName(o.Method), o.OrdererAgencyId, o.OrdererAgency!.Name,
            o.ProviderUnitId, o.ProviderId, providerName, o.ItemId, o.Item!.Code, o.Item.Name, o.Item.SectorCode, o.Item.OutputUnit, o.PriceId,
            o.Quantity, o.UnitPrice, o.Value, OrderCodes.Funding(o.FundingClass), ServiceRules.FundingName(o.FundingClass), o.QualityRequirement,
            o.EstimateReference, o.StartOn, o.EndOn, new DecisionView(o.DecisionNumber, o.DecisionDate, o.DecisionIssuer),
            OrderCodes.Status(o.Status), OrderCodes.StatusName(o.Status), o.Notes, acceptances.Sum(a => a.QuantityAccepted),
            acceptances.Sum(a => a.AcceptedValue), paid, o.Revision, o.CreatedBy, o.CreatedAt, bids, acceptances, settlements);
    }

    /// <summary>The price in force for an item on a date in an agency's province: what a new order defaults to.</summary>
    public async Task<ServicePrice?> PriceInForceAsync(int itemId, int agencyId, DateOnly on, CancellationToken ct = default)
    {
        var area = await AgencyProvinceAsync(agencyId, ct);
        var prices = await db.ServicePrices.AsNoTracking().Where(p => p.ItemId == itemId).ToListAsync(ct);
        return ServiceRules.PriceInForce(prices, area, on);
    }

    private async Task<string?> AgencyProvinceAsync(int agencyId, CancellationToken ct)
    {
        var path = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Area != null ? a.Area.Path : null).FirstOrDefaultAsync(ct);
        return ProvinceCode(path);
    }

    /// <summary>The province code at the head of an area path ("/p92/c31117/" → "92"); prices are set by provinces.</summary>
    public static string? ProvinceCode(string? areaPath)
    {
        var head = areaPath?.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return head is { Length: > 1 } && head[0] is 'p' or 'o' ? head[1..] : null;
    }

    public async Task<OrderResult> CreateAsync(OrderInput input, CancellationToken ct = default)
    {
        var (order, errors, forbidden) = await CheckAsync(input, ct);
        if (forbidden is not null)
        {
            return new(null, [forbidden], Forbidden: true);
        }

        if (errors.Count > 0 || order is null)
        {
            return new(null, errors);
        }

        db.ServiceOrders.Add(order);
        await db.SaveChangesAsync(ct);
        return new(order.Id, []);
    }

    /// <summary>
    /// Checks an order and builds it without saving: the import checks every row this way before writing any. The forbidden
    /// message is set when the caller may not order for the agency (then nothing else matters).
    /// </summary>
    public async Task<(ServiceOrder? Order, List<RuleViolation> Errors, RuleViolation? Forbidden)> CheckAsync(
        OrderInput input, CancellationToken ct, Lookups? known = null)
    {
        // One order reads its few rows the way an import reads a whole file's: the checks below have one path.
        known ??= await LookupsAsync(Ids(input.OrdererAgencyId), Ids(input.ItemId), Ids(input.ProviderUnitId), Ids(input.ProviderId), ct);
        var errors = new List<RuleViolation>();
        if (input.Year is not { } year)
        {
            errors.Add(new("year", "Vui lòng nhập năm ngân sách."));
        }
        else if (year is < 2000 or > 2100)
        {
            errors.Add(new("year", "Năm ngân sách phải từ 2000 đến 2100."));
        }

        var method = ServiceRules.ParseMethod(input.Method);
        if (string.IsNullOrWhiteSpace(input.Method))
        {
            errors.Add(new("method", "Vui lòng chọn phương thức: assignment (giao nhiệm vụ), ordering (đặt hàng) hoặc bidding (đấu thầu)."));
        }
        else if (method is null)
        {
            errors.Add(new("method", "Phương thức phải là một trong: assignment (giao nhiệm vụ), ordering (đặt hàng), bidding (đấu thầu)."));
        }

        var agency = input.OrdererAgencyId is { } agencyId ? known.Orderers.GetValueOrDefault(agencyId) : null;
        if (input.OrdererAgencyId is null)
        {
            errors.Add(new("ordererAgencyId", "Vui lòng chọn cơ quan giao nhiệm vụ, đặt hàng."));
        }
        else if (agency is null)
        {
            errors.Add(new("ordererAgencyId", "Cơ quan giao nhiệm vụ, đặt hàng không tồn tại."));
        }
        else if (!Permissions.MayActFor(db.Scope, agency.Place))
        {
            return (null, errors, new("ordererAgencyId",
                "Tài khoản không được giao nhiệm vụ, đặt hàng thay cho cơ quan này: cơ quan nằm ngoài phạm vi được giao."));
        }

        ServiceItem? item = null;
        if (input.ItemId is not { } itemId)
        {
            errors.Add(new("itemId", "Vui lòng chọn dịch vụ trong danh mục."));
        }
        else if ((item = known.Items.GetValueOrDefault(itemId)) is null)
        {
            errors.Add(new("itemId", "Dịch vụ không có trong danh mục."));
        }
        else if (method is { } m && !ServiceRules.MethodAllowed(item.Methods, item.SectorCode, m))
        {
            errors.Add(new("method", MethodRefusal(item, m)));
        }

        Quantity(errors, "quantity", "Số lượng", input.Quantity);
        if (input.UnitPrice is < 0 or > MaxPrice)
        {
            errors.Add(new("unitPrice", $"Đơn giá phải từ 0 đến {InputLimits.Number(MaxPrice)} đồng."));
        }

        if (input.StartOn is null)
        {
            errors.Add(new("startOn", "Vui lòng nhập ngày bắt đầu."));
        }

        if (input.EndOn is null)
        {
            errors.Add(new("endOn", "Vui lòng nhập thời hạn hoàn thành."));
        }

        if (input.StartOn is { } start && input.EndOn is { } end)
        {
            if (end < start)
            {
                errors.Add(new("endOn", "Thời hạn hoàn thành không thể trước ngày bắt đầu."));
            }

            if (input.Year is { } y && (start.Year != y || end.Year != y))
            {
                errors.Add(new(start.Year != y ? "startOn" : "endOn", $"Thời gian thực hiện phải nằm trong năm ngân sách {y}."));
            }
        }

        if (string.IsNullOrWhiteSpace(input.DecisionNumber))
        {
            errors.Add(new("decision.number", "Vui lòng nhập số quyết định giao nhiệm vụ, đặt hàng."));
        }

        if (input.DecisionDate is null)
        {
            errors.Add(new("decision.date", "Vui lòng nhập ngày quyết định."));
        }

        if (string.IsNullOrWhiteSpace(input.DecisionIssuer))
        {
            errors.Add(new("decision.issuer", "Vui lòng nhập cơ quan, người ký quyết định."));
        }

        TextChecks.Check(errors, ("decision.number", "Số quyết định", input.DecisionNumber, false), ("decision.issuer", "Cơ quan ban hành", input.DecisionIssuer, false),
            ("estimateReference", "Căn cứ dự toán", input.EstimateReference, false), ("qualityRequirement", "Yêu cầu chất lượng", input.QualityRequirement, true),
            ("notes", "Ghi chú", input.Notes, true));
        TextChecks.Lengths(errors, ("decision.number", "Số quyết định", input.DecisionNumber, 64), ("decision.issuer", "Cơ quan ban hành", input.DecisionIssuer, 250),
            ("estimateReference", "Căn cứ dự toán", input.EstimateReference, 250), ("qualityRequirement", "Yêu cầu chất lượng", input.QualityRequirement, 2000),
            ("notes", "Ghi chú", input.Notes, 2000));

        // A tendered order names its provider at the award; the other methods name it in the decision.
        var providerErrors = ProviderErrors(input.ProviderUnitId, input.ProviderId, input.StartOn, required: method != ServiceMethod.Bidding, known);
        errors.AddRange(providerErrors);

        ServicePrice? price = null;
        if (item is not null && agency is not null && input.StartOn is { } on)
        {
            price = ServiceRules.PriceInForce(known.Prices.GetValueOrDefault(item.Id) ?? [], ProvinceCode(agency.AreaPath), on);
            if (price is null && input.UnitPrice is null)
            {
                errors.Add(new("unitPrice", $"Chưa có đơn giá có hiệu lực ngày {on.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} cho dịch vụ "
                    + $"\"{item.Name}\" tại địa bàn của cơ quan đặt hàng; nhập đơn giá theo quyết định giao nhiệm vụ, đặt hàng."));
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors, null);
        }

        var unitPrice = input.UnitPrice ?? price!.Price;
        var value = ServiceRules.Value(input.Quantity!.Value, unitPrice);
        if (value > InputLimits.MaxAmount)
        {
            return (null, [new("quantity", $"Giá trị (số lượng × đơn giá) vượt {InputLimits.Number(InputLimits.MaxAmount)} đồng.")], null);
        }

        var now = time.GetUtcNow().UtcDateTime;
        // The price row is kept only when the order uses it: a decision that sets its own price owes nothing to the row.
        var fromRow = price is not null && (input.UnitPrice is null || input.UnitPrice == price.Price);
        var order = new ServiceOrder
        {
            Year = input.Year!.Value, Method = method!.Value, OrdererAgencyId = agency!.Id, ProviderUnitId = input.ProviderUnitId,
            ProviderId = input.ProviderId, ItemId = item!.Id, PriceId = fromRow ? price!.Id : null, Quantity = input.Quantity.Value,
            UnitPrice = unitPrice, Value = value,
            // A price set by the competent body makes assignment money autonomy-assigned; an assignment at a figure of its own
            // decision, with no price in force, is the non-autonomy funding of Art. 11.1c.
            FundingClass = ServiceRules.Funding(method.Value, price is not null),
            QualityRequirement = Clean(input.QualityRequirement), EstimateReference = Clean(input.EstimateReference),
            StartOn = input.StartOn!.Value, EndOn = input.EndOn!.Value, DecisionNumber = input.DecisionNumber!.Trim(),
            DecisionDate = input.DecisionDate!.Value, DecisionIssuer = input.DecisionIssuer!.Trim(), Status = ServiceOrderStatus.Issued,
            Notes = Clean(input.Notes), CreatedBy = db.Actor.Name, CreatedAt = now, UpdatedAt = now,
        };
        return (order, [], null);
    }

    public sealed record Orderer(int Id, string Name, string? AreaPath, AgencyPlace Place);

    public sealed record ProviderDates(DateOnly StartedOn, DateOnly? EndedOn);

    public sealed record UnitVersionDates(DateOnly ValidFrom, DateOnly? ValidTo);

    /// <summary>
    /// What <see cref="CheckAsync"/> reads: for one order its own ids, for an import's file all of its ids at once instead of
    /// queries per row. An orderer, item or provider missing from its dictionary does not exist (or is out of scope).
    /// </summary>
    public sealed record Lookups(
        IReadOnlyDictionary<int, Orderer> Orderers, IReadOnlyDictionary<int, ServiceItem> Items,
        IReadOnlyDictionary<int, List<UnitVersionDates>> UnitVersions, IReadOnlyDictionary<int, ProviderDates> Providers,
        IReadOnlyDictionary<int, List<ServicePrice>> Prices);

    /// <summary>The lookups of the given ids, through the same queries (and the same scope filters) as one order's checks.</summary>
    public async Task<Lookups> LookupsAsync(
        IEnumerable<int> agencies, IEnumerable<int> items, IEnumerable<int> units, IEnumerable<int> providers, CancellationToken ct)
    {
        var agencyIds = agencies.Distinct().ToList();
        var itemIds = items.Distinct().ToList();
        var unitIds = units.Distinct().ToList();
        var providerIds = providers.Distinct().ToList();
        var orderers = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id))
            .Select(a => new Orderer(a.Id, a.Name, a.Area != null ? a.Area.Path : null, new AgencyPlace(a.LineagePath, a.Area != null ? a.Area.LineagePath : null)))
            .ToDictionaryAsync(a => a.Id, ct);
        var itemRows = await db.ServiceItems.AsNoTracking().Include(i => i.Catalogue).Where(i => itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var prices = (await db.ServicePrices.AsNoTracking().Where(p => itemIds.Contains(p.ItemId)).ToListAsync(ct)).ToLookup(p => p.ItemId);
        var versions = (await db.UnitVersions.IgnoreQueryFilters().Where(v => unitIds.Contains(v.UnitId) && !v.Unit!.Voided)
            .Select(v => new { v.UnitId, v.ValidFrom, v.ValidTo }).ToListAsync(ct)).ToLookup(v => v.UnitId, v => new UnitVersionDates(v.ValidFrom, v.ValidTo));
        var providerRows = await db.Providers.AsNoTracking().Where(x => providerIds.Contains(x.Id))
            .Select(x => new { x.Id, Dates = new ProviderDates(x.StartedOn, x.EndedOn) }).ToDictionaryAsync(x => x.Id, x => x.Dates, ct);
        // Every asked item and unit gets an entry, empty when it has no price or no version: that is the answer, not a miss.
        return new(orderers, itemRows, unitIds.ToDictionary(u => u, u => versions[u].ToList()), providerRows,
            itemIds.ToDictionary(i => i, i => prices[i].ToList()));
    }

    private static int[] Ids(int? id) => id is { } value ? [value] : [];

    private static string MethodRefusal(ServiceItem item, ServiceMethod method)
    {
        var allowed = item.Methods & ServiceRules.AllowedBySector(item.SectorCode);
        var names = Enum.GetValues<ServiceMethod>().Where(m => (allowed & ServiceRules.Flag(m)) != ServiceMethods.None)
            .Select(m => ServiceRules.MethodName(m).ToLower(Vi)).ToList();
        var catalogue = item.Catalogue is { } c ? $"danh mục {c.Name} ({c.DecisionNumber})" : "danh mục";
        return $"{ServiceRules.MethodName(method)} không được phép đối với dịch vụ \"{item.Name}\": {catalogue} và Nghị định 32/2019/NĐ-CP "
            + $"(Phụ lục I) chỉ cho phép {(names.Count == 0 ? "không phương thức nào" : string.Join(", ", names))} cho dịch vụ này.";
    }

    private static void Quantity(List<RuleViolation> errors, string field, string label, decimal? value)
    {
        if (value is null)
        {
            errors.Add(new(field, $"Vui lòng nhập {label.ToLower(Vi)}."));
        }
        else if (value <= 0 || value > MaxQuantity)
        {
            errors.Add(new(field, $"{label} phải lớn hơn 0 và không quá {InputLimits.Number(MaxQuantity)}."));
        }
        else if (decimal.Round(value.Value, 2) != value)
        {
            errors.Add(new(field, $"{label} có tối đa hai chữ số thập phân."));
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Exactly one provider: a unit of the register in force on the date, or a non-public provider working then.</summary>
    private List<RuleViolation> ProviderErrors(int? unitId, int? providerId, DateOnly? on, bool required, Lookups known)
    {
        var errors = new List<RuleViolation>();
        if (unitId is not null && providerId is not null)
        {
            errors.Add(new("providerId", "Chỉ chọn một bên cung cấp: đơn vị sự nghiệp công lập (providerUnitId) hoặc cơ sở ngoài công lập (providerId)."));
            return errors;
        }

        if (unitId is null && providerId is null)
        {
            if (required)
            {
                errors.Add(new("providerUnitId", "Vui lòng chọn bên cung cấp: đơn vị sự nghiệp công lập (providerUnitId) hoặc cơ sở ngoài công lập (providerId)."));
            }

            return errors;
        }

        var date = on ?? VietnamTime.Today(time);
        if (unitId is { } u)
        {
            // The provider need not sit in the orderer's scope: an agency may order from any public unit of the register.
            // In memory, the test of UnitQueries.InForceOn.
            var inForce = known.UnitVersions.GetValueOrDefault(u)?.Any(v => v.ValidFrom <= date && (v.ValidTo == null || v.ValidTo > date)) == true;
            if (!inForce)
            {
                errors.Add(new("providerUnitId", $"Đơn vị sự nghiệp công lập không có trong sổ đăng ký hoặc không hoạt động ngày {date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}."));
            }
        }
        else if (providerId is { } p)
        {
            var provider = known.Providers.GetValueOrDefault(p);
            if (provider is null)
            {
                errors.Add(new("providerId", "Cơ sở ngoài công lập không tồn tại."));
            }
            else if (provider.StartedOn > date || provider.EndedOn < date)
            {
                errors.Add(new("providerId", $"Cơ sở ngoài công lập không hoạt động ngày {date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}."));
            }
        }

        return errors;
    }

    /// <summary>Loads an order for a write and says whether it belongs to the caller: the orderer's scope writes it.</summary>
    private async Task<(ServiceOrder? Order, OrderResult? Refusal)> WritableAsync(int id, CancellationToken ct)
    {
        var order = await db.ServiceOrders.Include(o => o.OrdererAgency!).ThenInclude(a => a.Area).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (order is null)
        {
            return (null, new(null, [], NotFound: true));
        }

        var a = order.OrdererAgency!;
        if (!Permissions.MayActFor(db.Scope, new AgencyPlace(a.LineagePath, a.Area?.LineagePath)))
        {
            return (null, new(null, [new("ordererAgencyId", "Việc này thuộc cơ quan giao nhiệm vụ, đặt hàng; tài khoản không được thực hiện thay.")], Forbidden: true));
        }

        return (order, null);
    }

    public async Task<OrderResult> AddBidAsync(int id, BidInput input, CancellationToken ct = default)
    {
        var (order, refusal) = await WritableAsync(id, ct);
        if (order is null)
        {
            return refusal!;
        }

        var errors = new List<RuleViolation>();
        if (order.Method != ServiceMethod.Bidding)
        {
            return new(null, [new("method", $"Chỉ ghi nhà thầu cho đặt hàng theo phương thức đấu thầu; đặt hàng này là {ServiceRules.MethodName(order.Method).ToLower(Vi)}.")]);
        }

        if (order.Status != ServiceOrderStatus.Issued || await db.ServiceBids.AnyAsync(b => b.OrderId == id && b.Awarded, ct))
        {
            return new(null, [new("status", "Gói thầu đã có kết quả lựa chọn nhà thầu hoặc đã hủy; không ghi thêm nhà thầu.")]);
        }

        errors.AddRange(ProviderErrors(input.ProviderUnitId, input.ProviderId, order.StartOn, required: true,
            await LookupsAsync([], [], Ids(input.ProviderUnitId), Ids(input.ProviderId), ct)));
        if (input.Price is null)
        {
            errors.Add(new("price", "Vui lòng nhập giá dự thầu."));
        }
        else if (input.Price <= 0 || input.Price > MaxPrice)
        {
            errors.Add(new("price", $"Giá dự thầu phải lớn hơn 0 và không quá {InputLimits.Number(MaxPrice)} đồng."));
        }

        TextChecks.Check(errors, ("bidderName", "Tên nhà thầu", input.BidderName, false), ("notes", "Ghi chú", input.Notes, true));
        TextChecks.Lengths(errors, ("bidderName", "Tên nhà thầu", input.BidderName, 250), ("notes", "Ghi chú", input.Notes, 2000));
        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        var name = Clean(input.BidderName) ?? (input.ProviderId is { } p
            ? await db.Providers.Where(x => x.Id == p).Select(x => x.Name).FirstAsync(ct)
            : await db.Units.IgnoreQueryFilters().Where(x => x.Id == input.ProviderUnitId).Select(x => x.Name).FirstAsync(ct));
        db.ServiceBids.Add(new ServiceBid
        {
            OrderId = id, BidderName = name, ProviderUnitId = input.ProviderUnitId, ProviderId = input.ProviderId, BidPrice = input.Price!.Value,
            Notes = Clean(input.Notes),
        });
        return await SaveAsync(order, ct);
    }

    /// <summary>The award: the awarded bid's provider becomes the order's, and its price the unit price.</summary>
    public async Task<OrderResult> AwardAsync(int id, int? bidId, CancellationToken ct = default)
    {
        var (order, refusal) = await WritableAsync(id, ct);
        if (order is null)
        {
            return refusal!;
        }

        var bids = await db.ServiceBids.Where(b => b.OrderId == id).ToListAsync(ct);
        if (order.Method != ServiceMethod.Bidding)
        {
            return new(null, [new("method", "Chỉ đặt hàng theo phương thức đấu thầu mới có kết quả lựa chọn nhà thầu.")]);
        }

        if (order.Status != ServiceOrderStatus.Issued || bids.Any(b => b.Awarded))
        {
            return new(null, [new("status", "Gói thầu đã có kết quả lựa chọn nhà thầu hoặc đã hủy.")]);
        }

        var bid = bids.FirstOrDefault(b => b.Id == bidId);
        if (bid is null)
        {
            return new(null, [new("bidId", bidId is null ? "Vui lòng chọn nhà thầu trúng thầu (bidId)." : "Nhà thầu không có trong gói thầu này.")]);
        }

        var value = ServiceRules.Value(order.Quantity, bid.BidPrice);
        if (value > InputLimits.MaxAmount)
        {
            return new(null, [new("bidId", $"Giá trị (số lượng × giá trúng thầu) vượt {InputLimits.Number(InputLimits.MaxAmount)} đồng.")]);
        }

        bid.Awarded = true;
        order.ProviderUnitId = bid.ProviderUnitId;
        order.ProviderId = bid.ProviderId;
        order.UnitPrice = bid.BidPrice;
        order.PriceId = null;
        order.Value = value;
        order.FundingClass = ServiceRules.Funding(order.Method, true);
        return await SaveAsync(order, ct);
    }

    public async Task<OrderResult> AcceptAsync(int id, AcceptanceInput input, CancellationToken ct = default)
    {
        var (order, refusal) = await WritableAsync(id, ct);
        if (order is null)
        {
            return refusal!;
        }

        if (order.Status is ServiceOrderStatus.Cancelled or ServiceOrderStatus.Settled)
        {
            return new(null, [new("status", $"Đặt hàng {OrderCodes.StatusName(order.Status).ToLower(Vi)}; không ghi thêm nghiệm thu.")]);
        }

        if (order.ProviderUnitId is null && order.ProviderId is null)
        {
            return new(null, [new("status", "Gói thầu chưa có kết quả lựa chọn nhà thầu; chưa thể nghiệm thu.")]);
        }

        var errors = new List<RuleViolation>();
        var before = await db.ServiceAcceptances.Where(a => a.OrderId == id).Select(a => a.QuantityAccepted).ToListAsync(ct);
        var acceptedSoFar = before.Sum();
        Quantity(errors, "quantityAccepted", "Số lượng nghiệm thu", input.QuantityAccepted);
        if (input.QuantityAccepted is { } q && q > 0 && acceptedSoFar + q > order.Quantity)
        {
            errors.Add(new("quantityAccepted", string.Create(Vi,
                $"Tổng số lượng nghiệm thu ({acceptedSoFar + q:#,##0.##}) vượt số lượng giao, đặt hàng ({order.Quantity:#,##0.##}); đã nghiệm thu {acceptedSoFar:#,##0.##}.")));
        }

        if (input.Date is null)
        {
            errors.Add(new("date", "Vui lòng nhập ngày nghiệm thu."));
        }
        else if (input.Date < order.StartOn)
        {
            errors.Add(new("date", $"Ngày nghiệm thu không thể trước ngày bắt đầu thực hiện ({order.StartOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)})."));
        }
        else if (input.Date > VietnamTime.Today(time).AddYears(1))
        {
            errors.Add(new("date", "Ngày nghiệm thu quá xa trong tương lai."));
        }

        if (input.QualityScore is < 0 or > 100)
        {
            errors.Add(new("qualityScore", "Điểm chất lượng phải từ 0 đến 100."));
        }

        var gross = input.QuantityAccepted is { } qa and > 0 and <= MaxQuantity ? ServiceRules.Value(qa, order.UnitPrice) : 0;
        if (input.Deduction is < 0)
        {
            errors.Add(new("deduction", "Khoản giảm trừ không thể âm."));
        }
        else if (input.Deduction > gross)
        {
            errors.Add(new("deduction", $"Khoản giảm trừ không thể lớn hơn giá trị khối lượng nghiệm thu ({InputLimits.Number(gross)} đồng)."));
        }

        TextChecks.Check(errors, ("qualityLevel", "Mức chất lượng", input.QualityLevel, false), ("minutes", "Biên bản nghiệm thu", input.Minutes, false));
        TextChecks.Lengths(errors, ("qualityLevel", "Mức chất lượng", input.QualityLevel, 100), ("minutes", "Biên bản nghiệm thu", input.Minutes, 500));
        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        var acceptance = new ServiceAcceptance
        {
            OrderId = id, Date = input.Date!.Value, QuantityAccepted = input.QuantityAccepted!.Value, QualityLevel = Clean(input.QualityLevel),
            QualityScore = input.QualityScore, Deduction = input.Deduction ?? 0,
            AcceptedValue = ServiceRules.AcceptedValue(input.QuantityAccepted.Value, order.UnitPrice, input.Deduction ?? 0),
            Minutes = Clean(input.Minutes), CreatedBy = db.Actor.Name, CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.ServiceAcceptances.Add(acceptance);
        order.Status = acceptedSoFar + acceptance.QuantityAccepted >= order.Quantity ? ServiceOrderStatus.Accepted : ServiceOrderStatus.PartlyAccepted;
        if (order.ProviderUnitId is { } unitId)
        {
            await FeedFinanceAsync(unitId, order.Year, acceptance, ct);
        }

        return await SaveAsync(order, ct);
    }

    /// <summary>
    /// Sets the unit's revenue from orders for the year to its accepted orders, in the acceptance's save: the row is made
    /// if missing (other figures 0), and its level and group are computed as a PUT of finance computes them, so that the
    /// indicator facts follow. A figure an officer typed stays; the finance page shows the difference.
    /// </summary>
    private async Task FeedFinanceAsync(int unitId, int year, ServiceAcceptance added, CancellationToken ct)
    {
        var row = await db.FinanceYears.IgnoreQueryFilters().FirstOrDefaultAsync(f => f.UnitId == unitId && f.Year == year, ct);
        if (row is { OrderedServicesByHand: true })
        {
            return;
        }

        var saved = await AcceptedOrdersValueAsync(db, unitId, year, ct);
        var order = db.ChangeTracker.Entries<ServiceOrder>().Single(e => e.Entity.Id == added.OrderId).Entity;
        var total = saved + (order.FundingClass == FundingClass.AutonomyAssigned ? added.AcceptedValue : 0);
        if (row is null)
        {
            row = new FinanceYear { UnitId = unitId, Year = year };
            db.FinanceYears.Add(row);
        }

        row.OrderedServices = total;
        ResourceService.Compute(row);
        row.UpdatedAt = time.GetUtcNow().UtcDateTime;
    }

    /// <summary>
    /// The year's accepted value of orders to a public unit that counts as revenue A (Decree 60/2021, Art. 10): acceptances
    /// of its non-cancelled orders of that year whose money is autonomy-assigned. Non-autonomy money (Art. 11.1c: an
    /// assignment without a price) pays a task the state keeps outside the unit's autonomy and is not the unit's revenue
    /// from services, as non-autonomy funding is left out of A and B alike.
    /// </summary>
    public static async Task<decimal> AcceptedOrdersValueAsync(SuNghiepDbContext db, int unitId, int year, CancellationToken ct = default) =>
        (await db.ServiceAcceptances.IgnoreQueryFilters()
            .Where(a => a.Order!.ProviderUnitId == unitId && a.Order.Year == year && a.Order.Status != ServiceOrderStatus.Cancelled
                && a.Order.FundingClass == FundingClass.AutonomyAssigned)
            .Select(a => a.AcceptedValue).ToListAsync(ct)).Sum();

    /// <summary>The same value for every year of a unit's orders, for its finance table.</summary>
    public static async Task<IReadOnlyDictionary<int, decimal>> AcceptedOrdersByYearAsync(SuNghiepDbContext db, int unitId, CancellationToken ct = default) =>
        (await db.ServiceAcceptances.IgnoreQueryFilters()
            .Where(a => a.Order!.ProviderUnitId == unitId && a.Order.Status != ServiceOrderStatus.Cancelled && a.Order.FundingClass == FundingClass.AutonomyAssigned)
            .Select(a => new { a.Order!.Year, a.AcceptedValue }).ToListAsync(ct))
        .GroupBy(a => a.Year).ToDictionary(g => g.Key, g => g.Sum(a => a.AcceptedValue));

    public async Task<OrderResult> SettleAsync(int id, SettlementInput input, CancellationToken ct = default)
    {
        var (order, refusal) = await WritableAsync(id, ct);
        if (order is null)
        {
            return refusal!;
        }

        if (order.Status == ServiceOrderStatus.Cancelled)
        {
            return new(null, [new("status", "Đặt hàng đã hủy; không ghi thanh toán.")]);
        }

        var errors = new List<RuleViolation>();
        var kind = OrderCodes.ParseKind(input.Kind);
        if (kind is null)
        {
            errors.Add(new("kind", "Loại phải là một trong: advance (tạm ứng), payment (thanh toán), final (quyết toán), liquidation (thanh lý)."));
        }

        if (input.Date is null)
        {
            errors.Add(new("date", "Vui lòng nhập ngày."));
        }
        else if (input.Date < order.DecisionDate)
        {
            errors.Add(new("date", $"Ngày không thể trước ngày quyết định giao nhiệm vụ, đặt hàng ({order.DecisionDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)})."));
        }

        TextChecks.Check(errors, ("documentNumber", "Số chứng từ", input.DocumentNumber, false), ("notes", "Ghi chú", input.Notes, true));
        TextChecks.Lengths(errors, ("documentNumber", "Số chứng từ", input.DocumentNumber, 64), ("notes", "Ghi chú", input.Notes, 2000));
        if (input.Amount is null)
        {
            errors.Add(new("amount", "Vui lòng nhập số tiền."));
        }
        else if (input.Amount < 0 || input.Amount > InputLimits.MaxAmount || decimal.Round(input.Amount.Value, 0) != input.Amount)
        {
            errors.Add(new("amount", "Số tiền phải là số đồng nguyên, không âm."));
        }
        else if (input.Amount == 0 && kind is SettlementKind.Advance or SettlementKind.Payment)
        {
            errors.Add(new("amount", "Số tiền tạm ứng, thanh toán phải lớn hơn 0."));
        }

        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        var settlements = await db.ServiceSettlements.Where(s => s.OrderId == id).Select(s => new { s.Kind, s.Amount }).ToListAsync(ct);
        var accepted = (await db.ServiceAcceptances.Where(a => a.OrderId == id).Select(a => a.AcceptedValue).ToListAsync(ct)).Sum();
        var paid = settlements.Where(s => s.Kind is SettlementKind.Advance or SettlementKind.Payment).Sum(s => s.Amount);
        var amount = input.Amount!.Value;
        // Money paid out (advances and payments) never exceeds what was accepted, except that advances may run ahead of
        // acceptance up to the order's value; the final settlement and the liquidation state the accepted amount settled.
        var refusalMessage = kind switch
        {
            SettlementKind.Advance when paid + amount > order.Value =>
                $"Tổng tạm ứng và thanh toán ({InputLimits.Number(paid + amount)} đồng) vượt giá trị đặt hàng ({InputLimits.Number(order.Value)} đồng).",
            SettlementKind.Payment when paid + amount > accepted =>
                $"Tổng tạm ứng và thanh toán ({InputLimits.Number(paid + amount)} đồng) vượt giá trị đã nghiệm thu ({InputLimits.Number(accepted)} đồng).",
            SettlementKind.Final when order.Status == ServiceOrderStatus.Settled => "Đặt hàng đã được quyết toán.",
            SettlementKind.Final or SettlementKind.Liquidation when amount > accepted =>
                $"Số tiền quyết toán, thanh lý không thể vượt giá trị đã nghiệm thu ({InputLimits.Number(accepted)} đồng).",
            _ => null,
        };
        if (refusalMessage is not null)
        {
            return new(null, [new(kind == SettlementKind.Final && order.Status == ServiceOrderStatus.Settled ? "kind" : "amount", refusalMessage)]);
        }

        db.ServiceSettlements.Add(new ServiceSettlement
        {
            OrderId = id, Kind = kind!.Value, Date = input.Date!.Value, Amount = amount, DocumentNumber = Clean(input.DocumentNumber),
            Notes = Clean(input.Notes), CreatedBy = db.Actor.Name, CreatedAt = time.GetUtcNow().UtcDateTime,
        });
        if (kind == SettlementKind.Final)
        {
            order.Status = ServiceOrderStatus.Settled;
        }

        return await SaveAsync(order, ct);
    }

    /// <summary>Cancels an order that nothing was accepted or paid on; what was delivered is settled, not cancelled.</summary>
    public async Task<OrderResult> CancelAsync(int id, string? reason, CancellationToken ct = default)
    {
        var (order, refusal) = await WritableAsync(id, ct);
        if (order is null)
        {
            return refusal!;
        }

        var errors = new List<RuleViolation>();
        TextChecks.Check(errors, ("reason", "Lý do hủy", reason, true));
        TextChecks.Lengths(errors, ("reason", "Lý do hủy", reason, 1000));
        if (order.Status == ServiceOrderStatus.Cancelled)
        {
            errors.Add(new("status", "Đặt hàng đã hủy."));
        }
        else if (await db.ServiceAcceptances.AnyAsync(a => a.OrderId == id, ct) || await db.ServiceSettlements.AnyAsync(s => s.OrderId == id, ct))
        {
            errors.Add(new("status", "Đặt hàng đã có nghiệm thu hoặc thanh toán; không hủy được, hãy quyết toán, thanh lý phần đã thực hiện."));
        }

        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        order.Status = ServiceOrderStatus.Cancelled;
        if (Clean(reason) is { } why)
        {
            var notes = order.Notes is null ? $"Hủy: {why}" : $"{order.Notes}\nHủy: {why}";
            order.Notes = notes.Length > 2000 ? notes[..2000] : notes;
        }

        return await SaveAsync(order, ct);
    }

    // Each write bumps the order's revision, so that two acceptances of the same order at once cannot both pass the
    // quantity check: the second save finds the revision changed and is refused.
    private async Task<OrderResult> SaveAsync(ServiceOrder order, CancellationToken ct)
    {
        order.Revision++;
        order.UpdatedAt = time.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || db.ChangeTracker.Entries<FinanceYear>().Any(f => f.State == EntityState.Added))
        {
            db.ChangeTracker.Clear();
            return new(null, [new("revision", "Đặt hàng vừa được người khác thay đổi; không có gì được ghi. Hãy tải lại và thử lại.")], Conflict: true);
        }

        return new(order.Id, []);
    }
}
