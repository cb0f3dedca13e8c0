using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Oversight;
using SuNghiep.Core.Rules;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Merits;

/// <summary>Commendations and disciplinary measures of units and agencies in the caller's scope, with the form that records one.</summary>
public sealed class IndexModel(SuNghiepDbContext db, MeritService merits, TimeProvider time) : PageModel
{
    public const int PageSize = 20;

    public sealed record FilterModel
    {
        public string? Q { get; init; }
        public string? Kind { get; init; }
    }

    public sealed record MeritForm
    {
        public string? Kind { get; init; } = "commendation";
        public string? Unit { get; init; }
        public string? Agency { get; init; }
        /// <summary>The reform task the decision cites: the picker's task id, or words of its content typed without JavaScript.</summary>
        public string? Task { get; init; }
        public string? Form { get; init; }
        public string? Reason { get; init; }
        public string? DecisionNumber { get; init; }
        public string? DecisionDate { get; init; }
        public string? DecisionIssuer { get; init; }
    }

    [BindProperty(SupportsGet = true, Name = "")]
    public FilterModel Filter { get; set; } = new();

    public MeritForm Input { get; private set; } = new();
    public IReadOnlyList<MeritView> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public IReadOnlyList<RuleViolation> Errors { get; private set; } = [];
    public bool Saved { get; private set; }
    /// <summary>The chosen task's words for the picker when the form comes back with errors.</summary>
    public string? TaskLabel { get; private set; }
    public bool CanWrite => Permissions.IsOfficerOfAgencies(db.Scope.Role);
    public Pager Pager => Pager.For("/merits", Request.Query, PageNumber, Total, ListExport.WantsAll(Request) ? ListExport.MaxRows(Request) : PageSize);

    public async Task OnGetAsync(string? saved, CancellationToken ct)
    {
        Saved = saved == "1";
        await ListAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync([Bind(Prefix = "Input")] MeritForm form, CancellationToken ct)
    {
        if (!CanWrite)
        {
            return Forbid();
        }

        Input = form;
        var values = new FormValues();
        int? unitId = null, agencyId = null;
        if (!string.IsNullOrWhiteSpace(form.Unit))
        {
            var text = form.Unit.Trim();
            var code = await db.Units.AsNoTracking().AnyAsync(u => u.Code == text, ct) ? text
                : (await Pickers.ResolveUnitAsync(db, text, Display.Today(time), ct)) is { } r && r.Error is null ? r.Value : null;
            unitId = code is null ? null : await db.Units.AsNoTracking().Where(u => u.Code == code).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
            if (unitId is null)
            {
                values.Errors.Add(new("unitId", "Không tìm thấy đơn vị này trong phạm vi của bạn; gõ tên hoặc mã đơn vị."));
            }
        }

        if (!string.IsNullOrWhiteSpace(form.Agency))
        {
            var resolved = await Pickers.ResolveAgencyAsync(db, form.Agency, ct);
            agencyId = resolved.Value is { } v
                ? int.TryParse(v, out var id) ? id : await db.Agencies.AsNoTracking().Where(a => a.Code == v).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct)
                : null;
            if (agencyId is null)
            {
                values.Errors.Add(new("agencyId", resolved.Error ?? "Không tìm thấy cơ quan này; gõ tên hoặc mã cơ quan."));
            }
        }

        int? taskId = null;
        if (!string.IsNullOrWhiteSpace(form.Task))
        {
            var resolved = await TaskPicker.ResolveAsync(db, form.Task, ct);
            taskId = resolved.Value is { } v ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : null;
            if (resolved.Error is not null)
            {
                values.Errors.Add(new("taskId", resolved.Error));
            }
        }

        var date = values.Date(form.DecisionDate, "decision.date", "Ngày quyết định");
        if (values.Errors.Count > 0)
        {
            return await InvalidAsync(values.Errors, ct);
        }

        var result = await merits.AddAsync(new MeritInput(form.Kind, unitId, agencyId, taskId, form.Form, form.Reason, form.DecisionNumber, date, form.DecisionIssuer), ct);
        if (result.Forbidden is { } refused)
        {
            ModelState.AddModelError("Input.Unit", refused);
            await ListAsync(ct);
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        return result.Value is null ? await InvalidAsync(result.Errors, ct) : Redirect("/merits?saved=1");
    }

    private async Task<PageResult> InvalidAsync(IEnumerable<RuleViolation> errors, CancellationToken ct)
    {
        foreach (var e in errors)
        {
            var key = e.Field switch
            {
                "unitId" => "Input.Unit",
                "agencyId" => "Input.Agency",
                "taskId" => "Input.Task",
                "decision.number" => "Input.DecisionNumber",
                "decision.date" => "Input.DecisionDate",
                "decision.issuer" => "Input.DecisionIssuer",
                _ => FormErrors.Key(e.Field),
            };
            ModelState.AddModelError(key, e.Message);
        }

        TaskLabel = await TaskPicker.LabelAsync(db, Input.Task, ct);
        await ListAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task ListAsync(CancellationToken ct)
    {
        var values = new FormValues();
        var page = values.Whole(Request.Query["page"].ToString(), "page", "Số trang phải là số từ 1 trở lên.") ?? 1;
        var errors = values.Errors;
        var kind = MeritService.ParseKind(Filter.Kind);
        if (!string.IsNullOrWhiteSpace(Filter.Kind) && kind is null)
        {
            errors.Add(new("kind", $"Loại \"{Filter.Kind}\" không tồn tại."));
        }

        if (page < 1 || page > InputLimits.MaxPage)
        {
            errors.Add(new("page", page < 1 ? "Số trang phải là số từ 1 trở lên." : InputLimits.PageMessage));
        }

        PageNumber = Math.Max(1, page);
        Errors = errors;
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var all = ListExport.WantsAll(Request);
        (Items, Total) = await merits.ListAsync(new MeritFilter(Filter.Q, kind, null, null, all ? 1 : PageNumber, all ? ListExport.MaxRows(Request) : PageSize), ct);
    }

    /// <summary>An export replaces the page once the handler has read every row; the print view is the page itself.</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not null || Errors.Count > 0 || !HttpMethods.IsGet(Request.Method))
        {
            return;
        }

        if (await ListExport.ReplacementAsync(Request, Total, () => Task.FromResult(Xlsx(Items)), "khen-thuong-ky-luat", Display.Today(time)) is { } replacement)
        {
            executed.Result = replacement;
        }
    }

    public static readonly IReadOnlyList<ListExport.Column> Columns =
    [
        new("Loại"), new("Đơn vị"), new("Cơ quan"), new("Hình thức"), new("Lý do"), new("Nhiệm vụ"), new("Số quyết định"), new("Ngày quyết định", ListExport.Kind.Date), new("Cơ quan quyết định"),
    ];

    public static byte[] Xlsx(IEnumerable<MeritView> rows) => ListExport.Xlsx("Khen thưởng, kỷ luật", Columns, rows.Select(r => (IReadOnlyList<object?>)
        [KindName(r.Kind), r.UnitName, r.AgencyName, r.Form, r.Reason, r.TaskContent, r.Decision.Number, r.Decision.Date, r.Decision.Issuer]));

    public static string KindName(string code) => MeritService.KindName(MeritService.ParseKind(code) ?? MeritKind.Commendation);

    public string FilterSummary()
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(Filter.Q))
        {
            parts.Add($"từ khóa \"{Filter.Q.Trim()}\"");
        }

        if (MeritService.ParseKind(Filter.Kind) is { } kind)
        {
            parts.Add(MeritService.KindName(kind).ToLowerInvariant());
        }

        return parts.Count == 0 ? "tất cả trong phạm vi" : string.Join("; ", parts);
    }
}
