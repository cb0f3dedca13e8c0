using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Plans;
using SuNghiep.Core.Rules;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Plans;

/// <summary>The tasks of an agency, late first, then due soon: PlanQueries.ListTasksAsync as GET /api/v1/tasks reads it.</summary>
public sealed class TasksModel(SuNghiepDbContext db, TimeProvider time) : PageModel
{
    public static readonly IReadOnlyList<int> PageSizes = [20, 50, 100];

    /// <summary>The query string as typed, so that a bad value becomes a message, not a binding error.</summary>
    public sealed record FilterModel
    {
        public string? AgencyId { get; init; }
        public string? Status { get; init; }
        public string? DueBefore { get; init; }
        public string? PageSize { get; init; }
        public string? DocumentId { get; init; }
        public string? View { get; init; }
        public string? From { get; init; }
        public string? To { get; init; }
    }

    /// <summary>The longest window the timeline draws: beyond it a bar is too thin to read.</summary>
    public const int MaxWindowYears = 10;

    [BindProperty(SupportsGet = true, Name = "")]
    public FilterModel Filter { get; set; } = new();

    public int? AgencyId { get; private set; }
    public string? Status { get; private set; }
    public DateOnly? DueBefore { get; private set; }
    public int? DocumentId { get; private set; }
    /// <summary>The same tasks as a list or on a timeline.</summary>
    public bool Timeline => Filter.View == "timeline";
    public IReadOnlyList<DocumentSummary> Documents { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int PageSize { get; private set; } = PageSizes[0];
    public IReadOnlyList<TaskView> Items { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<RuleViolation> Errors { get; private set; } = [];
    public PickerLabels Labels { get; private set; } = PickerLabels.None;
    public string? AgencyName { get; private set; }
    public DateOnly Today { get; private set; }
    /// <summary>The timeline's window, first and last day: by default from the start of last year to the end of next year.</summary>
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public Pager Pager => Pager.For("/tasks", Request.Query, PageNumber, Total, ListExport.WantsAll(Request) ? ListExport.MaxRows(Request) : PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = Display.Today(time);
        var errors = new List<RuleViolation>();
        int? Number(string? value, string field, string message)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
            {
                return n;
            }

            errors.Add(new(field, message));
            return null;
        }

        // The agency defaults to the caller's own when the caller is scoped to one; an emptied field or "all" is an
        // explicit choice of every agency. The picker sends an id; typed without JavaScript, a code or a name is read.
        if (!Request.Query.ContainsKey("agencyId") && db.Scope.AgencyPath is { } path)
        {
            AgencyId = await db.Agencies.AsNoTracking().Where(a => a.Path == path || a.LineagePath == path).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
        }
        else if (Filter.AgencyId?.Trim() != "all")
        {
            AgencyId = Number(await Pickers.AgencyFieldAsync(db, Filter.AgencyId, "agencyId", errors, ct), "agencyId", "Cơ quan không hợp lệ.");
        }

        Status = string.IsNullOrWhiteSpace(Filter.Status) ? null : Filter.Status.Trim();
        if (Status is not null && PlanDisplay.StatusOptions.All(o => o.Value != Status))
        {
            errors.Add(new("status", "Tình trạng không hợp lệ: chọn Chưa bắt đầu, Đang thực hiện, Hoàn thành, Quá hạn hoặc Đã hủy."));
        }

        if (!string.IsNullOrWhiteSpace(Filter.DueBefore))
        {
            if (Display.TryParseDate(Filter.DueBefore, out var before))
            {
                DueBefore = before;
            }
            else
            {
                errors.Add(new("dueBefore", Display.InvalidDate("Hạn trước ngày")));
            }
        }

        From = new DateOnly(Today.Year - 1, 1, 1);
        To = new DateOnly(Today.Year + 1, 12, 31);
        if (Timeline)
        {
            DateOnly? Day(string? value, string field, string label)
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    return null;
                }

                if (Display.TryParseDate(value, out var day))
                {
                    return day;
                }

                errors.Add(new(field, Display.InvalidDate(label)));
                return null;
            }

            var (from, to) = (Day(Filter.From, "from", "Từ ngày"), Day(Filter.To, "to", "Đến ngày"));
            (From, To) = (from ?? (to is { } t && t < From ? new DateOnly(t.Year, 1, 1) : From), to ?? (from is { } f && f > To ? new DateOnly(f.Year, 12, 31) : To));
            if (From > To)
            {
                errors.Add(new("to", "Đến ngày phải sau Từ ngày."));
            }
            else if (To > From.AddYears(MaxWindowYears))
            {
                errors.Add(new("to", $"Dòng thời gian hiển thị tối đa {MaxWindowYears} năm."));
            }
        }

        DocumentId = Number(Filter.DocumentId, "documentId", "Văn bản không hợp lệ.");
        PageSize = Number(Filter.PageSize, "pageSize", "Số dòng mỗi trang phải là số.") ?? PageSizes[0];
        if (!PageSizes.Contains(PageSize))
        {
            errors.Add(new("pageSize", "Số dòng mỗi trang phải là 20, 50 hoặc 100."));
            PageSize = PageSizes[0];
        }

        PageNumber = Number(Request.Query["page"], "page", "Số trang phải là số.") ?? 1;
        if (PageNumber < 1)
        {
            errors.Add(new("page", "Số trang phải từ 1 trở lên."));
            PageNumber = 1;
        }
        else if (PageNumber > InputLimits.MaxPage)
        {
            errors.Add(new("page", InputLimits.PageMessage));
            // Only a typed address goes beyond the pager's links: answer it as the bad request it is.
            Response.StatusCode = StatusCodes.Status400BadRequest;
            PageNumber = 1;
        }

        Errors = errors;
        if (errors.Count == 0)
        {
            var all = ListExport.WantsAll(Request);
            (Items, Total) = await PlanQueries.ListTasksAsync(db, new PlanQueries.TaskFilter(
                AgencyId, Status, DueBefore, all ? 1 : PageNumber, all ? ListExport.MaxRows(Request) : PageSize, DocumentId,
                Timeline ? From : null, Timeline ? To : null), Today, all ? ListExport.MaxRows(Request) : 500, ct);
        }

        if (Request.Headers["HX-Request"] != "true" || Request.Headers["HX-History-Restore-Request"] == "true")
        {
            Labels = await Pickers.LabelsAsync(db, [AgencyId?.ToString(CultureInfo.InvariantCulture)], [], ct);
            Documents = (await PlanQueries.ListDocumentsAsync(db, null, ct)).OrderByDescending(d => d.IssuedOn).ToList();
        }

        if (AgencyId is { } id)
        {
            AgencyName = await db.Agencies.AsNoTracking().Where(a => a.Id == id).Select(a => a.Name).FirstOrDefaultAsync(ct);
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

        if (await ListExport.ReplacementAsync(Request, Total, async () =>
        {
            var ids = Items.SelectMany(t => t.CoordinatingAgencyIds).Distinct().ToList();
            var names = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, context.HttpContext.RequestAborted);
            return Xlsx(Items, names);
        }, "nhiem-vu", Today) is { } replacement)
        {
            executed.Result = replacement;
        }
    }

    public static readonly IReadOnlyList<ListExport.Column> Columns =
    [
        new("Văn bản giao"), new("Mục"), new("Nội dung nhiệm vụ"), new("Cơ quan chủ trì"), new("Cơ quan phối hợp"), new("Thời hạn", ListExport.Kind.Date),
        new("Định kỳ"), new("Hạn kế tiếp", ListExport.Kind.Date), new("Sản phẩm đầu ra"), new("Tình trạng"), new("Tiến độ (%)", ListExport.Kind.Number),
        new("Ngày báo cáo gần nhất", ListExport.Kind.Date), new("Ngày giao", ListExport.Kind.Date), new("Ngày hoàn thành", ListExport.Kind.Date),
        new("Kỳ báo cáo bị thiếu"),
    ];

    public static byte[] Xlsx(IEnumerable<TaskView> tasks, IReadOnlyDictionary<int, string> agencies) => ListExport.Xlsx("Nhiệm vụ", Columns, tasks.Select(t => (IReadOnlyList<object?>)
    [
        t.DocumentNumber, t.Section, t.Content, PlanDisplay.Lead(t),
        string.Join("; ", t.CoordinatingAgencyIds.Select(id => agencies.GetValueOrDefault(id) ?? "")),
        t.Deadline, t.Recurrence is { } r ? PlanDisplay.Recurrence(r) : null, t.NextDue, t.ExpectedOutput, PlanDisplay.Standing(t),
        t.Percent, t.LastProgressOn, t.AssignedOn, t.CompletedOn,
        t.MissedPeriods is { Count: > 0 } missed ? string.Join(", ", missed.Select(d => Display.Date(d))) : null,
    ]));

    /// <summary>This page with the same filters, shown as a list (null) or as a timeline.</summary>
    public string ViewUrl(string? view) => PageUrl(view, []);

    /// <summary>The timeline moved back (-1) or on (+1) by the length of its window, in whole months.</summary>
    public string WindowUrl(int direction)
    {
        var months = (To.Year - From.Year) * 12 + To.Month - From.Month + 1;
        var (from, to) = direction < 0 ? (From.AddMonths(-months), From.AddDays(-1)) : (To.AddDays(1), To.AddDays(1).AddMonths(months).AddDays(-1));
        return PageUrl("timeline", [("from", Display.Date(from)), ("to", Display.Date(to))]);
    }

    private string PageUrl(string? view, IReadOnlyList<(string, string)> extra)
    {
        var replaced = extra.Select(e => e.Item1).ToHashSet();
        var query = Request.Query.Where(q => q.Key is not ("view" or "page") && !replaced.Contains(q.Key))
            .Where(q => view == "timeline" || q.Key is not ("from" or "to"))
            .SelectMany(q => q.Value.Select(v => (q.Key, Value: v ?? "")))
            .Concat(view is null ? [] : [("view", view)]).Concat(extra);
        var text = string.Join("&", query.Select(q => Uri.EscapeDataString(q.Item1) + "=" + Uri.EscapeDataString(q.Item2)));
        return text.Length == 0 ? "/tasks" : "/tasks?" + text;
    }

    /// <summary>The filters in force, in words, for the printed list.</summary>
    public string FilterSummary()
    {
        var parts = new List<string> { AgencyId is { } id ? "cơ quan " + (AgencyName ?? "#" + id) : "tất cả cơ quan" };
        if (Status is { } s)
        {
            parts.Add("tình trạng: " + PlanDisplay.StatusName(s).ToLowerInvariant());
        }

        if (DueBefore is { } d)
        {
            parts.Add("hạn đến ngày " + Display.Date(d));
        }

        if (DocumentId is { } doc)
        {
            parts.Add("văn bản " + (Documents.FirstOrDefault(x => x.Id == doc)?.Number ?? "#" + doc));
        }

        return string.Join("; ", parts);
    }
}
