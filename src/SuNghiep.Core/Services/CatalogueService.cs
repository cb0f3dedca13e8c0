using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Resources;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Text;

namespace SuNghiep.Core.Services;

/// <summary>
/// Writes catalogues of public services using the state budget (Decree 60/2021 Art. 4), their items, economic-technical
/// norms and unit prices. Nothing is overwritten: a new catalogue, norm or price that replaces one ends the old one the
/// day before it starts. The context audits every row it adds or ends.
/// </summary>
public sealed class CatalogueService(SuNghiepDbContext db, TimeProvider time)
{
    public const string MethodsDecree = "Nghị định 32/2019/NĐ-CP, Phụ lục I";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Who writes a catalogue and what hangs off it: the administrator any; Home Affairs and agency officers a province's
    /// catalogue when their scope reaches the province or the issuing agency; central ones only the administrator.
    /// </summary>
    public async Task<string?> RefusalAsync(CatalogueLevel level, string? areaCode, int? issuerAgencyId, CancellationToken ct)
    {
        var scope = db.Scope;
        if (scope.Role == Roles.SystemAdmin)
        {
            return null;
        }

        if (!Permissions.IsOfficerOfAgencies(scope.Role))
        {
            return "Vai trò của tài khoản không được ghi danh mục dịch vụ sự nghiệp công, định mức và đơn giá.";
        }

        if (level == CatalogueLevel.Central)
        {
            return "Danh mục cấp trung ương (Thủ tướng Chính phủ, bộ) chỉ do quản trị hệ thống ghi nhận.";
        }

        var province = areaCode is null ? null : await ProvinceAsync(areaCode, ct);
        var issuer = issuerAgencyId is { } agencyId
            ? await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.LineagePath).FirstOrDefaultAsync(ct)
            : null;
        // An empty lineage reaches no agency scope: only the province's area can reach it then.
        var place = new AgencyPlace(issuer ?? "\u0000", province?.LineagePath);
        return Permissions.MayActFor(scope, place)
            ? null
            : "Chỉ cơ quan của tỉnh, thành phố ban hành danh mục (hoặc cơ quan ban hành) được ghi danh mục, định mức, đơn giá của tỉnh đó.";
    }

    public async Task<WriteResult<CatalogueView>> CreateAsync(CatalogueInput input, CancellationToken ct = default)
    {
        var errors = new List<RuleViolation>();
        Required(errors, "name", input.Name, "Vui lòng nhập tên danh mục.");
        var level = CatalogueCodes.ParseLevel(input.Level);
        if (level is null)
        {
            errors.Add(new("level", "Cấp ban hành phải là central (trung ương, bộ) hoặc province (tỉnh, thành phố)."));
        }

        Area? province = null;
        var areaCode = Trimmed(input.AreaCode);
        if (level == CatalogueLevel.Province)
        {
            if (areaCode is null)
            {
                errors.Add(new("areaCode", "Vui lòng chọn tỉnh, thành phố ban hành danh mục."));
            }
            else if ((province = await ProvinceAsync(areaCode, ct)) is null)
            {
                errors.Add(new("areaCode", $"Không có tỉnh, thành phố mã {areaCode}."));
            }
        }
        else if (level == CatalogueLevel.Central && areaCode is not null)
        {
            errors.Add(new("areaCode", "Danh mục cấp trung ương không gắn với một tỉnh; bỏ trống mã tỉnh."));
        }

        Decision(errors, "decision", input.Decision);
        var validFrom = ValidFrom(errors, "validFrom", input.ValidFrom);
        TextChecks.Lengths(errors, ("name", "Tên danh mục", input.Name, 500), ("notes", "Ghi chú", input.Notes, 2000), ("source", "Nguồn", input.Source, 1000));
        TextChecks.Check(errors, ("name", "Tên danh mục", input.Name, false), ("notes", "Ghi chú", input.Notes, true));

        if (input.IssuerAgencyId is { } issuerId && !await db.Agencies.AnyAsync(a => a.Id == issuerId, ct))
        {
            errors.Add(new("issuerAgencyId", "Không tìm thấy cơ quan ban hành."));
        }

        ServiceCatalogue? old = null;
        if (input.SupersedesId is { } oldId)
        {
            old = await db.ServiceCatalogues.FirstOrDefaultAsync(c => c.Id == oldId, ct);
            if (old is null)
            {
                errors.Add(new("supersedesId", "Không tìm thấy danh mục được thay thế."));
            }
            else if (level is { } l && (old.Level != l || old.AreaCode != (l == CatalogueLevel.Province ? areaCode : null)))
            {
                errors.Add(new("supersedesId", "Danh mục được thay thế phải cùng cấp ban hành và cùng tỉnh, thành phố."));
            }
            else if (await db.ServiceCatalogues.AnyAsync(c => c.SupersedesId == oldId, ct))
            {
                errors.Add(new("supersedesId", "Danh mục này đã được một danh mục khác thay thế."));
            }
            else if (validFrom is { } from && from <= old.ValidFrom)
            {
                errors.Add(new("validFrom", $"Danh mục thay thế phải có hiệu lực sau ngày {Day(old.ValidFrom)}, ngày danh mục cũ có hiệu lực."));
            }
        }

        if (errors.Count > 0)
        {
            return new(null, errors, []);
        }

        if (await RefusalAsync(level!.Value, areaCode, input.IssuerAgencyId, ct) is { } refusal)
        {
            return new(null, [], [], Forbidden: refusal);
        }

        if (old is not null && await RefusalAsync(old.Level, old.AreaCode, old.IssuerAgencyId, ct) is { } oldRefusal)
        {
            return new(null, [], [], Forbidden: oldRefusal);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var catalogue = new ServiceCatalogue
        {
            Name = input.Name!.Trim(), Level = level.Value, AreaCode = level == CatalogueLevel.Province ? areaCode : null,
            IssuerAgencyId = input.IssuerAgencyId, DecisionNumber = input.Decision.Number!.Trim(), DecisionDate = input.Decision.Date!.Value,
            DecisionIssuer = input.Decision.Issuer!.Trim(), ValidFrom = validFrom!.Value, SupersedesId = old?.Id,
            Source = Trimmed(input.Source), Notes = Trimmed(input.Notes), CreatedBy = db.Actor.Name, CreatedAt = now, UpdatedAt = now,
        };
        if (old is not null)
        {
            // The old version holds until the day before the new one starts.
            old.ValidTo = catalogue.ValidFrom.AddDays(-1);
            old.UpdatedAt = now;
        }

        db.ServiceCatalogues.Add(catalogue);
        await db.SaveChangesAsync(ct);
        var view = await new CatalogueQueries(db, time).CatalogueAsync(catalogue.Id, ct);
        return new(view, [], []);
    }

    public async Task<WriteResult<ItemRow>> AddItemAsync(int catalogueId, ItemInput input, CancellationToken ct = default)
    {
        var catalogue = await db.ServiceCatalogues.AsNoTracking().FirstOrDefaultAsync(c => c.Id == catalogueId, ct);
        if (catalogue is null)
        {
            return WriteResult.Missing<ItemRow>();
        }

        if (await RefusalAsync(catalogue.Level, catalogue.AreaCode, catalogue.IssuerAgencyId, ct) is { } refusal)
        {
            return new(null, [], [], Forbidden: refusal);
        }

        var errors = new List<RuleViolation>();
        var code = Trimmed(input.Code);
        Required(errors, "code", code, "Vui lòng nhập mã dịch vụ trong danh mục, ví dụ 1.2.");
        Required(errors, "name", input.Name, "Vui lòng nhập tên dịch vụ.");
        TextChecks.Lengths(errors, ("code", "Mã dịch vụ", code, 32), ("name", "Tên dịch vụ", input.Name, 1000), ("outputUnit", "Đơn vị sản phẩm", input.OutputUnit, 100));
        TextChecks.Check(errors, ("code", "Mã dịch vụ", code, false), ("name", "Tên dịch vụ", input.Name, false), ("outputUnit", "Đơn vị sản phẩm", input.OutputUnit, false));
        var sector = Trimmed(input.Sector);
        if (sector is null)
        {
            errors.Add(new("sector", "Vui lòng chọn lĩnh vực."));
        }
        else if (Catalog.Sectors.All(s => s.Code != sector))
        {
            errors.Add(new("sector", $"Lĩnh vực \"{sector}\" không có; chọn một trong: {string.Join(", ", Catalog.Sectors.Select(s => s.Code))}."));
        }

        var methods = Methods(errors, input.Methods, sector);
        if (input.ParentId is { } parentId && !await db.ServiceItems.AnyAsync(i => i.Id == parentId && i.CatalogueId == catalogueId, ct))
        {
            errors.Add(new("parentId", "Nhóm dịch vụ cấp trên phải là một dịch vụ của cùng danh mục."));
        }

        if (code is not null && errors.All(e => e.Field != "code") && await db.ServiceItems.AnyAsync(i => i.CatalogueId == catalogueId && i.Code == code, ct))
        {
            errors.Add(new("code", $"Mã {code} đã có trong danh mục này."));
        }

        if (errors.Count > 0)
        {
            return new(null, errors, []);
        }

        var ordinal = await db.ServiceItems.Where(i => i.CatalogueId == catalogueId).MaxAsync(i => (int?)i.Ordinal, ct) ?? 0;
        var item = NewItem(catalogueId, input, methods, ordinal + 1);
        db.ServiceItems.Add(item);
        await db.SaveChangesAsync(ct);
        return new(CatalogueQueries.Row(item, null), [], []);
    }

    internal static ServiceItem NewItem(int catalogueId, ItemInput input, ServiceMethods methods, int ordinal)
    {
        var code = input.Code!.Trim();
        var name = input.Name!.Trim();
        return new ServiceItem
        {
            CatalogueId = catalogueId, Code = code, Name = name, SearchText = VietnameseText.Fold(code + " " + name),
            SortKey = VietnameseText.SortKey(name), SectorCode = input.Sector!.Trim(), ParentId = input.ParentId, Methods = methods,
            Essential = input.Essential, FeeBased = input.FeeBased, OutputUnit = Trimmed(input.OutputUnit), Ordinal = ordinal,
        };
    }

    /// <summary>The methods as a flag set, each on "methods": unknown codes, none at all, or one the sector does not allow.</summary>
    internal static ServiceMethods Methods(List<RuleViolation> errors, IReadOnlyList<string> codes, string? sector, string field = "methods")
    {
        var methods = ServiceMethods.None;
        foreach (var code in codes.Where(c => !string.IsNullOrWhiteSpace(c)))
        {
            if (ServiceRules.ParseMethod(code) is { } m)
            {
                methods |= ServiceRules.Flag(m);
            }
            else
            {
                errors.Add(new(field, $"Phương thức \"{code}\" không có; chọn assignment (giao nhiệm vụ), ordering (đặt hàng) hoặc bidding (đấu thầu)."));
            }
        }

        if (methods == ServiceMethods.None && errors.All(e => e.Field != field))
        {
            errors.Add(new(field, "Vui lòng chọn ít nhất một phương thức: giao nhiệm vụ, đặt hàng hoặc đấu thầu."));
        }

        if (sector is not null && Catalog.Sectors.Any(s => s.Code == sector) && (methods & ~ServiceRules.AllowedBySector(sector)) is var refused and not ServiceMethods.None)
        {
            var sectorName = Catalog.Sectors.First(s => s.Code == sector).Name;
            errors.Add(new(field, $"Lĩnh vực {sectorName} không được {CatalogueCodes.MethodNames(refused).ToLower(CultureInfo.GetCultureInfo("vi-VN"))} "
                + $"({MethodsDecree}: chỉ {CatalogueCodes.MethodNames(ServiceRules.AllowedBySector(sector)).ToLower(CultureInfo.GetCultureInfo("vi-VN"))})."));
        }

        return methods;
    }

    public async Task<WriteResult<PriceView>> AddPriceAsync(int itemId, PriceInput input, CancellationToken ct = default)
    {
        var item = await db.ServiceItems.AsNoTracking().Where(i => i.Id == itemId)
            .Select(i => new { i.Id, i.Catalogue!.Level, i.Catalogue.AreaCode, i.Catalogue.IssuerAgencyId, i.Catalogue.ValidFrom, i.Catalogue.ValidTo })
            .FirstOrDefaultAsync(ct);
        if (item is null)
        {
            return WriteResult.Missing<PriceView>();
        }

        if (await RefusalAsync(item.Level, item.AreaCode, item.IssuerAgencyId, ct) is { } refusal)
        {
            return new(null, [], [], Forbidden: refusal);
        }

        var errors = new List<RuleViolation>();
        var areaCode = Trimmed(input.AreaCode);
        if (areaCode is not null)
        {
            if (item.Level == CatalogueLevel.Province && areaCode != item.AreaCode)
            {
                errors.Add(new("areaCode", $"Đơn giá của danh mục tỉnh chỉ áp dụng tại tỉnh, thành phố mã {item.AreaCode}; bỏ trống hoặc nhập đúng mã đó."));
            }
            else if (await ProvinceAsync(areaCode, ct) is null)
            {
                errors.Add(new("areaCode", $"Không có tỉnh, thành phố mã {areaCode}."));
            }
        }

        if (input.Price is not { } price)
        {
            errors.Add(new("price", "Vui lòng nhập đơn giá (đồng)."));
        }
        else if (price <= 0)
        {
            errors.Add(new("price", "Đơn giá phải lớn hơn 0 đồng."));
        }
        else if (price > InputLimits.MaxAmount)
        {
            errors.Add(new("price", $"Đơn giá không quá {InputLimits.Number(InputLimits.MaxAmount)} đồng."));
        }

        Required(errors, "unit", input.Unit, "Vui lòng nhập đơn vị tính, ví dụ đồng/học sinh/tháng.");
        TextChecks.Lengths(errors, ("unit", "Đơn vị tính", input.Unit, 100));
        TextChecks.Check(errors, ("unit", "Đơn vị tính", input.Unit, false));
        var basis = ServiceRules.ParseCostBasis(input.CostBasis);
        if (basis is null)
        {
            errors.Add(new("costBasis", "Cơ cấu giá phải là full (tính đủ chi phí), full-excl-depreciation (chưa gồm khấu hao) hoặc partial (chưa tính đủ)."));
        }

        Decision(errors, "decision", input.Decision);
        var validFrom = ValidFrom(errors, "validFrom", input.ValidFrom);
        if (validFrom is { } from)
        {
            if (from < item.ValidFrom || (item.ValidTo is { } to && from > to))
            {
                errors.Add(new("validFrom", $"Đơn giá phải có hiệu lực trong thời gian hiệu lực của danh mục (từ {Day(item.ValidFrom)}{(item.ValidTo is { } t ? $" đến {Day(t)}" : "")})."));
            }
            else if (await db.ServicePrices.AnyAsync(p => p.ItemId == itemId && p.AreaCode == areaCode && p.ValidFrom >= from, ct))
            {
                errors.Add(new("validFrom", "Đã có đơn giá của dịch vụ này tại cùng địa bàn có hiệu lực từ ngày này hoặc sau; đơn giá mới phải có hiệu lực sau đơn giá gần nhất."));
            }
        }

        if (errors.Count > 0)
        {
            return new(null, errors, []);
        }

        // The price in force before ends the day before the new one starts.
        foreach (var previous in await db.ServicePrices.Where(p => p.ItemId == itemId && p.AreaCode == areaCode && (p.ValidTo == null || p.ValidTo >= validFrom)).ToListAsync(ct))
        {
            previous.ValidTo = validFrom!.Value.AddDays(-1);
        }

        var row = new ServicePrice
        {
            ItemId = itemId, AreaCode = areaCode, Price = input.Price!.Value, Unit = input.Unit!.Trim(), CostBasis = basis!.Value,
            DecisionNumber = input.Decision.Number!.Trim(), DecisionDate = input.Decision.Date!.Value, DecisionIssuer = input.Decision.Issuer!.Trim(),
            ValidFrom = validFrom!.Value, CreatedBy = db.Actor.Name, CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.ServicePrices.Add(row);
        await db.SaveChangesAsync(ct);
        return new(CatalogueQueries.Price(row), [], []);
    }

    public async Task<WriteResult<NormView>> AddNormAsync(int itemId, NormInput input, CancellationToken ct = default)
    {
        var item = await db.ServiceItems.AsNoTracking().Where(i => i.Id == itemId)
            .Select(i => new { i.Id, i.Catalogue!.Level, i.Catalogue.AreaCode, i.Catalogue.IssuerAgencyId, i.Catalogue.ValidFrom, i.Catalogue.ValidTo })
            .FirstOrDefaultAsync(ct);
        if (item is null)
        {
            return WriteResult.Missing<NormView>();
        }

        if (await RefusalAsync(item.Level, item.AreaCode, item.IssuerAgencyId, ct) is { } refusal)
        {
            return new(null, [], [], Forbidden: refusal);
        }

        var errors = new List<RuleViolation>();
        Required(errors, "outputUnit", input.OutputUnit, "Vui lòng nhập đơn vị sản phẩm của định mức, ví dụ học sinh/năm.");
        TextChecks.Lengths(errors, ("outputUnit", "Đơn vị sản phẩm", input.OutputUnit, 100));
        TextChecks.Check(errors, ("outputUnit", "Đơn vị sản phẩm", input.OutputUnit, false));
        if (input.Inputs.Count == 0)
        {
            errors.Add(new("inputs", "Vui lòng nhập ít nhất một yếu tố đầu vào (lao động, vật tư, thiết bị) cho một đơn vị sản phẩm."));
        }

        for (var i = 0; i < input.Inputs.Count; i++)
        {
            var line = input.Inputs[i];
            var at = $"inputs[{i}]";
            if (line.Kind is null || !CatalogueCodes.NormKinds.Contains(line.Kind.Trim()))
            {
                errors.Add(new($"{at}.kind", $"Dòng {i + 1}: loại yếu tố phải là labour (lao động), material (vật tư) hoặc equipment (thiết bị)."));
            }

            Required(errors, $"{at}.name", line.Name, $"Dòng {i + 1}: vui lòng nhập tên yếu tố đầu vào.");
            Required(errors, $"{at}.unit", line.Unit, $"Dòng {i + 1}: vui lòng nhập đơn vị tính của yếu tố đầu vào.");
            TextChecks.Lengths(errors, ($"{at}.name", $"Dòng {i + 1}: tên yếu tố", line.Name, 500), ($"{at}.unit", $"Dòng {i + 1}: đơn vị tính", line.Unit, 100));
            if (line.Quantity is not { } q || q <= 0 || q > InputLimits.MaxAmount)
            {
                errors.Add(new($"{at}.quantity", $"Dòng {i + 1}: số lượng cho một đơn vị sản phẩm phải lớn hơn 0."));
            }
        }

        Decision(errors, "decision", input.Decision);
        var validFrom = ValidFrom(errors, "validFrom", input.ValidFrom);
        if (validFrom is { } from)
        {
            if (from < item.ValidFrom || (item.ValidTo is { } to && from > to))
            {
                errors.Add(new("validFrom", $"Định mức phải có hiệu lực trong thời gian hiệu lực của danh mục (từ {Day(item.ValidFrom)}{(item.ValidTo is { } t ? $" đến {Day(t)}" : "")})."));
            }
            else if (await db.ServiceNorms.AnyAsync(n => n.ItemId == itemId && n.ValidFrom >= from, ct))
            {
                errors.Add(new("validFrom", "Đã có định mức của dịch vụ này có hiệu lực từ ngày này hoặc sau; định mức mới phải có hiệu lực sau định mức gần nhất."));
            }
        }

        if (errors.Count > 0)
        {
            return new(null, errors, []);
        }

        foreach (var previous in await db.ServiceNorms.Where(n => n.ItemId == itemId && (n.ValidTo == null || n.ValidTo >= validFrom)).ToListAsync(ct))
        {
            previous.ValidTo = validFrom!.Value.AddDays(-1);
        }

        var lines = input.Inputs.Select(l => new NormLine(l.Kind!.Trim(), l.Name!.Trim(), l.Unit!.Trim(), l.Quantity)).ToList();
        var row = new ServiceNorm
        {
            ItemId = itemId, OutputUnit = input.OutputUnit!.Trim(), InputsJson = JsonSerializer.Serialize(lines, Json),
            DecisionNumber = input.Decision.Number!.Trim(), DecisionDate = input.Decision.Date!.Value, DecisionIssuer = input.Decision.Issuer!.Trim(),
            ValidFrom = validFrom!.Value, CreatedBy = db.Actor.Name, CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        if (row.InputsJson.Length > 20000)
        {
            return new(null, [new("inputs", "Định mức có quá nhiều yếu tố đầu vào.")], []);
        }

        db.ServiceNorms.Add(row);
        await db.SaveChangesAsync(ct);
        return new(CatalogueQueries.Norm(row), [], []);
    }

    internal static IReadOnlyList<NormLine> Lines(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<List<NormLine>>(json, Json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>A province by code: today's when the code is of today's map, else the one of the old map.</summary>
    internal Task<Area?> ProvinceAsync(string code, CancellationToken ct) =>
        db.Areas.AsNoTracking().Where(a => a.Level == AreaLevel.Province && a.Code == code)
            .OrderBy(a => a.ValidTo == null ? 0 : 1).ThenByDescending(a => a.ValidFrom).FirstOrDefaultAsync(ct);

    internal static void Decision(List<RuleViolation> errors, string field, DecisionInput decision)
    {
        Required(errors, $"{field}.number", decision.Number, "Vui lòng nhập số quyết định, ví dụ 4663/QĐ-UBND.");
        if (decision.Date is not { } date)
        {
            errors.Add(new($"{field}.date", "Vui lòng nhập ngày quyết định (dd/MM/yyyy)."));
        }
        else if (!InputLimits.IsPlausible(date))
        {
            errors.Add(new($"{field}.date", InputLimits.DateMessage));
        }

        Required(errors, $"{field}.issuer", decision.Issuer, "Vui lòng nhập cơ quan ban hành quyết định, ví dụ Ủy ban nhân dân thành phố Cần Thơ.");
        TextChecks.Lengths(errors, ($"{field}.number", "Số quyết định", decision.Number, 64), ($"{field}.issuer", "Cơ quan ban hành", decision.Issuer, 250));
        TextChecks.Check(errors, ($"{field}.number", "Số quyết định", decision.Number, false), ($"{field}.issuer", "Cơ quan ban hành", decision.Issuer, false));
    }

    private static DateOnly? ValidFrom(List<RuleViolation> errors, string field, DateOnly? value)
    {
        if (value is not { } date)
        {
            errors.Add(new(field, "Vui lòng nhập ngày có hiệu lực (dd/MM/yyyy)."));
            return null;
        }

        if (!InputLimits.IsPlausible(date))
        {
            errors.Add(new(field, InputLimits.DateMessage));
            return null;
        }

        return date;
    }

    private static void Required(List<RuleViolation> errors, string field, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, message));
        }
    }

    public static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static string Day(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
