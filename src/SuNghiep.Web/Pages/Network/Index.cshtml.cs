using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Services;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Network;

/// <summary>Coverage of a sector's providers against the population, commune by commune, in a province or the country.</summary>
public sealed class IndexModel(SuNghiepDbContext db, NetworkCoverage coverage, TimeProvider time) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Sector { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? AreaCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? AsOf { get; set; }

    /// <summary>"1": only the communes below the norm.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Below { get; set; }

    public CoverageResult? Result { get; private set; }
    public IReadOnlyList<CoverageItem> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public DateOnly MeasuredOn { get; private set; }
    public string? AreaName { get; private set; }
    public List<RuleViolation> Errors { get; private set; } = [];
    public PickerLabels Labels { get; private set; } = PickerLabels.None;
    public Pager Pager => Pager.For("/network", Request.Query, PageNumber, Total, ListExport.WantsAll(Request) ? ListExport.MaxRows(Request) : PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var values = new FormValues();
        var page = values.Whole(Request.Query["page"].ToString(), "page", "Số trang phải là số từ 1 trở lên.") ?? 1;
        Errors = values.Errors;
        MeasuredOn = Display.Today(time);
        if (!string.IsNullOrWhiteSpace(AsOf))
        {
            if (Display.TryParseDate(AsOf, out var d))
            {
                MeasuredOn = d;
            }
            else
            {
                Errors.Add(new("asOf", Display.InvalidDate("Ngày xem")));
            }
        }

        Sector ??= "health";
        var sector = Catalog.FindSector(Sector);
        if (sector is null)
        {
            Errors.Add(new("sector", "Lĩnh vực không hợp lệ."));
        }

        // The caller's own province by default, the country for a scope that covers it.
        if (AreaCode is null && await coverage.ReachAsync(db.Scope, ct) is { } reach && reach != "/")
        {
            AreaCode = await ProvinceCodeAsync(reach, ct);
        }

        var code = await Pickers.AreaFieldAsync(db, AreaCode, null, "areaCode", Errors, ct);
        Area? province = null;
        if (!string.IsNullOrWhiteSpace(code) && Errors.All(e => e.Field != "areaCode"))
        {
            province = await coverage.ProvinceAsync(code, ct);
            if (province is null)
            {
                Errors.Add(new("areaCode", "Hãy chọn một tỉnh, thành phố theo danh mục hiện hành."));
            }
        }

        Labels = await Pickers.LabelsAsync(db, [], [AreaCode], ct);
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (!await coverage.ReachesAsync(db.Scope, province?.LineagePath, ct))
        {
            Errors.Add(new("areaCode", province is null
                ? "Phạm vi của bạn không gồm toàn quốc; hãy chọn tỉnh, thành phố trong phạm vi."
                : $"{province.FullName} không thuộc phạm vi của bạn."));
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        AreaName = province?.FullName ?? "Toàn quốc";
        Result = await coverage.ComputeAsync(sector!.Code, province?.Code, province?.LineagePath, MeasuredOn, null, ct);
        var rows = Below == "1" ? Result.Items.Where(i => i.BelowNorm).ToList() : Result.Items;
        Total = rows.Count;
        PageNumber = Math.Max(1, page);
        Items = ListExport.WantsAll(Request) ? rows.Take(ListExport.MaxRows(Request)).ToList() : rows.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
    }

    private async Task<string?> ProvinceCodeAsync(string reach, CancellationToken ct)
    {
        var second = reach.IndexOf('/', 1);
        var prefix = second < 0 ? reach : reach[..(second + 1)];
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
            db.Areas.Where(a => a.Path == prefix && a.ValidTo == null).Select(a => a.Code), ct);
    }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not null || Errors.Count > 0 || Result is null)
        {
            return;
        }

        if (await ListExport.ReplacementAsync(Request, Total, () => Task.FromResult(Xlsx(Result, Items)), "do-bao-phu-mang-luoi", Display.Today(time)) is { } replacement)
        {
            executed.Result = replacement;
        }
    }

    public static byte[] Xlsx(CoverageResult result, IEnumerable<CoverageItem> rows)
    {
        var unit = NetworkDisplay.UnitName(result.CapacityUnit);
        IReadOnlyList<ListExport.Column> columns =
        [
            new("Mã xã, phường"), new("Xã, phường"), new("Số cơ sở", ListExport.Kind.Number), new("Đơn vị công lập", ListExport.Kind.Number),
            new("Cơ sở ngoài công lập", ListExport.Kind.Number), new($"Năng lực ({unit})", ListExport.Kind.Number),
            new("Dân số", ListExport.Kind.Number), new("Năm dân số", ListExport.Kind.Number), new($"Định mức ({unit})", ListExport.Kind.Number),
            new("Dưới định mức"),
        ];
        return ListExport.Xlsx("Độ bao phủ", columns, rows.Select(r => (IReadOnlyList<object?>)
            [r.CommuneCode, r.CommuneName, r.Providers, r.PublicUnits, r.NonPublicProviders, r.Capacity, r.Population, r.PopulationYear, r.Norm,
             r.BelowNorm ? "Dưới định mức" : r.Norm is null ? "Chưa xác định" : "Đạt"]));
    }
}
