using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Core.Rules;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Reorganizations;

public sealed class IndexModel(SuNghiepDbContext db, TimeProvider time) : PageModel
{
    public const int PageSize = 20;

    /// <summary>How many units a row names before it says "and N more": a transfer may move hundreds.</summary>
    public const int UnitsPerRow = 6;

    /// <summary>The query string as typed, every value a string, so that a bad one becomes a message.</summary>
    public sealed record FilterModel
    {
        public string? Type { get; init; }
        public string? From { get; init; }
        public string? To { get; init; }
        public string? AreaCode { get; init; }
        public string? AgencyId { get; init; }
        public string? IncludeVoided { get; init; }
    }

    [BindProperty(SupportsGet = true, Name = "")]
    public FilterModel Filter { get; set; } = new();

    public IReadOnlyList<ReorganizationView> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public bool IncludeVoided { get; private set; }
    public IReadOnlyList<RuleViolation> Errors { get; private set; } = [];
    public PickerLabels Labels { get; private set; } = PickerLabels.None;

    /// <summary>The area code the filter's text names (a name typed without the picker is read as its code).</summary>
    public string? AreaCode { get; private set; }

    /// <summary>The id of the agency the filter's text names.</summary>
    public string? AgencyValue { get; private set; }
    public string? AgencyName { get; private set; }
    public Pager Pager => Pager.For("/reorganizations", Request.Query, PageNumber, Total, ListExport.WantsAll(Request) ? ListExport.MaxRows(Request) : PageSize);
    public bool CanRecord => Roles.UnitCreators.Any(User.IsInRole);
    public bool Scoped => !string.IsNullOrWhiteSpace(Filter.AreaCode) || !string.IsNullOrWhiteSpace(Filter.AgencyId);

    /// <summary>The forms in the order of Decree 120/2020 and domain 3.1, for the filter and the form.</summary>
    public static IReadOnlyList<ReorganizationType> Types { get; } =
    [
        ReorganizationType.Establishment, ReorganizationType.Consolidation, ReorganizationType.Merger, ReorganizationType.Division,
        ReorganizationType.Separation, ReorganizationType.Dissolution, ReorganizationType.Conversion, ReorganizationType.Transfer,
        ReorganizationType.Rename, ReorganizationType.ReceiveFromMinistry, ReorganizationType.MergeIntoAgency, ReorganizationType.ConversionToNonPublic,
    ];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        DateOnly? Date(string? text, string field, string label)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (Display.TryParseDate(text, out var d))
            {
                return d;
            }

            errors.Add(new(field, Display.InvalidDate(label)));
            return null;
        }

        if (!string.IsNullOrWhiteSpace(Filter.Type) && ReorganizationRules.Parse(Filter.Type) is null)
        {
            errors.Add(new("type", $"Hình thức sắp xếp \"{Filter.Type}\" không tồn tại."));
        }

        var from = Date(Filter.From, "from", "Từ ngày");
        var to = Date(Filter.To, "to", "Đến ngày");
        if (from > to)
        {
            errors.Add(new("to", "Đến ngày phải sau từ ngày."));
        }

        // The pickers send a code and an id; typed without JavaScript, a name is read as the counts filter reads it, on
        // today's map as the picker finds it (an old event's commune is named by the area that holds it now).
        AreaCode = await Pickers.AreaFieldAsync(db, Filter.AreaCode, null, "areaCode", errors, ct);
        var agencyText = await Pickers.AgencyFieldAsync(db, Filter.AgencyId, "agencyId", errors, ct);
        int? agencyId = null;
        if (!string.IsNullOrWhiteSpace(agencyText))
        {
            AgencyValue = agencyText;
            agencyId = int.Parse(agencyText, NumberStyles.None, CultureInfo.InvariantCulture);
            AgencyName = await db.Agencies.AsNoTracking().Where(x => x.Id == agencyId).Select(x => x.Name).FirstOrDefaultAsync(ct);
        }

        var page = Request.Query["page"].ToString();
        if (page.Length > 0 && (!int.TryParse(page, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) || p < 1))
        {
            errors.Add(new("page", "Số trang phải là số từ 1 trở lên."));
        }
        else if (page.Length > 0 && int.Parse(page, CultureInfo.InvariantCulture) > InputLimits.MaxPage)
        {
            errors.Add(new("page", InputLimits.PageMessage));
            // Only a typed address goes beyond the pager's links: answer it as the bad request it is.
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else if (page.Length > 0)
        {
            PageNumber = int.Parse(page, CultureInfo.InvariantCulture);
        }

        IncludeVoided = Filter.IncludeVoided is "true" or "on";
        Errors = errors;
        if (errors.Count == 0)
        {
            var all = ListExport.WantsAll(Request);
            (Items, Total) = await HistoryQueries.ListAsync(db, new HistoryQueries.ReorganizationFilter(
                Filter.Type?.Trim(), from, to, new CountScope(AreaCode?.Trim(), agencyId), IncludeVoided,
                all ? 1 : PageNumber, all ? ListExport.MaxRows(Request) : PageSize), all ? ListExport.MaxRows(Request) : 500, ct);
        }

        // htmx swaps only #results: the filter's choices are needed on full loads only.
        if (Request.Headers["HX-Request"] != "true" || Request.Headers["HX-History-Restore-Request"] == "true")
        {
            Labels = await Pickers.LabelsAsync(db, [agencyId?.ToString(CultureInfo.InvariantCulture)], [AreaCode], ct);
        }
    }

    /// <summary>An export replaces the page once the handler has read every row; the print view is the page itself.</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not null || Errors.Count > 0)
        {
            return;
        }

        if (await ListExport.ReplacementAsync(Request, Total, () => Task.FromResult(Xlsx(Items)), "sap-xep-to-chuc-lai", Display.Today(time)) is { } replacement)
        {
            executed.Result = replacement;
        }
    }

    public static readonly IReadOnlyList<ListExport.Column> Columns =
    [
        new("Hình thức sắp xếp"), new("Ngày hiệu lực", ListExport.Kind.Date), new("Số quyết định"), new("Ngày quyết định", ListExport.Kind.Date),
        new("Cơ quan ban hành"), new("Thay đổi số đơn vị", ListExport.Kind.Number), new("Các đơn vị"), new("Tên mới"), new("Ghi chú"),
        new("Tình trạng"), new("Lý do hủy"),
    ];

    /// <summary>Every unit of an event, not the first few the page shows.</summary>
    public static byte[] Xlsx(IEnumerable<ReorganizationView> events) => ListExport.Xlsx("Sắp xếp", Columns, Rows(events));

    public static IEnumerable<IReadOnlyList<object?>> Rows(IEnumerable<ReorganizationView> events) => events.Select(r => (IReadOnlyList<object?>)
    [
        r.TypeName, r.EffectiveDate, r.Decision.Number, r.Decision.Date, r.Decision.Issuer, r.CountChange,
        string.Join("; ", r.Units.Select(u => $"{u.Code} {u.Name} ({Display.ParticipantRole(u.Role)})")), r.NewName, r.Notes,
        r.VoidedAt is null ? "Có hiệu lực" : "Đã hủy", r.VoidReason,
    ]);

    /// <summary>The filters in force, in words, for the printed list (the form itself is not printed).</summary>
    public string FilterSummary()
    {
        var parts = new List<string>();
        if (ReorganizationRules.Parse(Filter.Type) is { } type)
        {
            parts.Add("hình thức " + ReorganizationRules.TypeNameWithBasis(type).ToLowerInvariant());
        }

        if (Display.TryParseDate(Filter.From, out var from))
        {
            parts.Add("từ ngày " + Display.Date(from));
        }

        if (Display.TryParseDate(Filter.To, out var to))
        {
            parts.Add("đến ngày " + Display.Date(to));
        }

        if (!string.IsNullOrWhiteSpace(AreaCode))
        {
            parts.Add(Labels.Area(AreaCode) is { } area ? "địa bàn " + area : "địa bàn mã " + AreaCode.Trim());
        }

        if (AgencyName is not null)
        {
            parts.Add("cơ quan quản lý " + AgencyName);
        }

        parts.Add(IncludeVoided ? "kể cả sự kiện đã hủy" : "không kể sự kiện đã hủy");
        return string.Join("; ", parts);
    }
}
