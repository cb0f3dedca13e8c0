using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Resources;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Units;
using SuNghiep.Web.Infrastructure;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Resources;

/// <summary>
/// A unit's job positions (Decree 106/2020/NĐ-CP): the list in force on a date with its decision and the 65% rule, the
/// approvals before it, the form of a new approval, and the list as .xlsx or printed.
/// </summary>
public sealed partial class JobPositionsModel(
    SuNghiepDbContext db, JobPositionService service, JobPositionImport import, IAuthorizationService authorization, TimeProvider time) : PageModel
{
    /// <summary>One row of the approval form as typed; every value a string, so that a bad one gets its own message.</summary>
    public sealed record RowForm
    {
        public string? Name { get; init; }
        public string? Group { get; init; }
        public string? TitleName { get; init; }
        public string? TitleCode { get; init; }
        public string? People { get; init; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(TitleName)
            && string.IsNullOrWhiteSpace(TitleCode) && string.IsNullOrWhiteSpace(People);
    }

    public sealed record ApprovalForm
    {
        public string? DecisionNumber { get; init; }
        public string? DecisionDate { get; init; }
        public string? DecisionIssuer { get; init; }
        public string? Notes { get; init; }
        public List<RowForm> Positions { get; init; } = [];
    }

    /// <summary>Blank rows a form offers below those typed, so that a list grows without JavaScript.</summary>
    public const int SpareRows = 3;

    private static readonly Dictionary<string, string> Keys = new()
    {
        ["decision.number"] = "Input.DecisionNumber", ["decision.date"] = "Input.DecisionDate", ["decision.issuer"] = "Input.DecisionIssuer",
        ["notes"] = "Input.Notes", ["positions"] = "Input.Positions", ["upload"] = "upload",
    };

    public UnitView Unit { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    /// <summary>The date the list is read on: ?on=, else today.</summary>
    public DateOnly On { get; private set; }
    public string? OnText { get; private set; }
    public IReadOnlyList<JobPositionListView> History { get; private set; } = [];
    public JobPositionListView? InForce { get; private set; }
    public ApprovalForm Input { get; private set; } = new();
    /// <summary>The share and warning of the rows typed in the form, when the officer asked to check them.</summary>
    public (decimal? Share, string? Warning, long People)? Check { get; private set; }
    public string? Saved { get; private set; }
    /// <summary>The problems of an uploaded workbook, by row and column; nothing was written.</summary>
    public IReadOnlyList<Core.Reorganizations.ImportProblem> ImportProblems { get; private set; } = [];
    public IReadOnlyList<string> Warnings { get; private set; } = [];
    public bool CanEdit => Roles.UnitEditors.Any(User.IsInRole);
    public string Address => $"/units/{Unit.Id}/job-positions";

    public async Task<IActionResult> OnGetAsync(int id, string? on, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        OnText = on;
        if (!string.IsNullOrWhiteSpace(on))
        {
            if (Display.TryParseDate(on, out var d))
            {
                On = d;
            }
            else
            {
                ModelState.AddModelError("on", Display.InvalidDate("Ngày xem"));
            }
        }

        InForce = JobPositionService.InForce(History, On);
        ViewData["AsOf"] = On;
        if (TempData["JobPositionsSaved"] is string saved)
        {
            var parts = saved.Split('|');
            Saved = parts[0];
            Warnings = parts.Skip(1).ToList();
        }

        if (ListExport.WantsXlsx(Request))
        {
            var stem = $"vi-tri-viec-lam-{Unit.Code}";
            return ListExport.File(Xlsx(), ListExport.FileName(Regex.Replace(stem, "[^A-Za-z0-9._-]", "-"), On));
        }

        // A new approval usually amends the one in force: the form starts from it.
        Input = new ApprovalForm { Positions = Rows(InForce) };
        return ModelState.IsValid ? Page() : BadRequestPage();
    }

    public async Task<IActionResult> OnPostAsync(int id, [Bind(Prefix = "Input")] ApprovalForm form, CancellationToken ct)
    {
        if (await DeniedAsync(id, ct) is { } denied)
        {
            return denied;
        }

        var (input, errors, map) = Read(form);
        if (errors.Count == 0)
        {
            var result = await service.ApproveAsync(id, input, ct);
            if (result.NotFound)
            {
                return NotFound();
            }

            if (result.Value is { } list)
            {
                TempData["JobPositionsSaved"] = string.Join('|',
                    new[] { $"Đã ghi nhận danh mục vị trí việc làm theo Quyết định {list.DecisionNumber} ngày {Display.Date(list.DecisionDate)}." }
                        .Concat(result.Warnings.Select(w => w.Message.Replace('|', '/'))));
                return Redirect($"/units/{id}/job-positions?on={list.DecisionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
            }

            errors = result.Errors.ToList();
        }

        return await InvalidAsync(id, form, Renumbered(errors, map), ct);
    }

    /// <summary>Shows the share of the rows typed so far against the 65% and adds blank rows, saving nothing.</summary>
    public async Task<IActionResult> OnPostCheckAsync(int id, [Bind(Prefix = "Input")] ApprovalForm form, CancellationToken ct)
    {
        if (await DeniedAsync(id, ct) is { } denied)
        {
            return denied;
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var (input, errors, map) = Read(form);
        InForce = JobPositionService.InForce(History, On);
        Input = form with { Positions = [.. form.Positions.Where(r => !r.IsBlank), .. Enumerable.Range(0, SpareRows).Select(_ => new RowForm())] };
        var rows = input.Positions.Where(p => p.Group is not null && p.People is >= 0).Select(p => (p.Group!.Value, p.People!.Value)).ToList();
        var (_, total) = JobPositionRules.People(rows);
        Check = (JobPositionRules.ProfessionalShare(rows), JobPositionRules.ShareWarning(rows, input.DecisionDate ?? Today)?.Message, total);
        // Only what could not be read is an error here; the rules speak when the list is saved.
        FormErrors.Add(ModelState, Renumbered(errors, map), Keys);
        return Page();
    }

    /// <summary>A new approved list from .xlsx in the columns of this page's export, with the decision typed in the form.</summary>
    public async Task<IActionResult> OnPostImportAsync(int id, [Bind(Prefix = "Input")] ApprovalForm form, IFormFile? upload, CancellationToken ct)
    {
        if (await DeniedAsync(id, ct) is { } denied)
        {
            return denied;
        }

        if (upload is null || upload.Length == 0)
        {
            return await InvalidAsync(id, form, [new("upload", "Vui lòng chọn tệp .xlsx.")], ct);
        }

        var values = new FormValues();
        var date = values.Date(form.DecisionDate, "decision.date", "Ngày quyết định");
        await using var stream = new MemoryStream();
        await upload.CopyToAsync(stream, ct);
        var outcome = await import.ImportAsync(id, stream, form.DecisionNumber, date, form.DecisionIssuer, form.Notes, ct);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (outcome.List is { } list)
        {
            TempData["JobPositionsSaved"] = string.Join('|',
                new[] { $"Đã ghi nhận danh mục vị trí việc làm theo Quyết định {list.DecisionNumber} ngày {Display.Date(list.DecisionDate)} từ tệp {upload.FileName}." }
                    .Concat(outcome.Warnings.Select(w => w.Message.Replace('|', '/'))));
            return Redirect($"/units/{id}/job-positions?on={list.DecisionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        }

        var errors = values.Errors.Concat(outcome.DecisionErrors.Where(e => !(e.Field == "decision.date" && values.Errors.Count > 0))).ToList();
        var page = await InvalidAsync(id, form with { Positions = [] }, errors, ct);
        ImportProblems = outcome.Problems;
        if (outcome.Problems.Count > 0)
        {
            ModelState.AddModelError("upload", $"Tệp có {outcome.Problems.Count} lỗi, chưa ghi dữ liệu nào; xem danh sách lỗi theo dòng, cột dưới ô chọn tệp.");
        }

        return page;
    }

    private (JobPositionListInput Input, List<RuleViolation> Errors, List<int> Map) Read(ApprovalForm form)
    {
        var values = new FormValues();
        var map = new List<int>();
        var rows = new List<JobPositionFacts>();
        for (var i = 0; i < form.Positions.Count; i++)
        {
            var r = form.Positions[i];
            if (r.IsBlank)
            {
                continue;
            }

            var at = $"positions[{rows.Count}].";
            map.Add(i);
            var group = JobPositionRules.Parse(r.Group);
            if (group is null)
            {
                values.Errors.Add(new(at + "group", $"Dòng {rows.Count + 1}: vui lòng chọn nhóm vị trí việc làm."));
            }

            rows.Add(new JobPositionFacts(r.Name, group, r.TitleName, r.TitleCode,
                values.Whole(r.People, at + "people", $"Dòng {rows.Count + 1}: số lượng người làm việc là số nguyên, ví dụ 12.")));
        }

        var date = values.Date(form.DecisionDate, "decision.date", "Ngày quyết định");
        return (new JobPositionListInput(form.DecisionNumber, date, form.DecisionIssuer, form.Notes, rows), values.Errors, map);
    }

    // The service counts only the rows typed; on the form a row keeps the number it has there, blank rows between included.
    private static List<RuleViolation> Renumbered(IEnumerable<RuleViolation> errors, List<int> map) =>
        errors.Select(e =>
        {
            var m = RowField().Match(e.Field);
            if (!m.Success || !int.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var i) || i >= map.Count)
            {
                return e;
            }

            var row = map[i];
            return new RuleViolation($"positions[{row}].{m.Groups[2].Value}",
                e.Message.StartsWith($"Dòng {i + 1}: ", StringComparison.Ordinal) ? $"Dòng {row + 1}: " + e.Message[$"Dòng {i + 1}: ".Length..] : e.Message);
        }).ToList();

    [GeneratedRegex(@"^positions\[(\d+)\]\.(\w+)$")]
    private static partial Regex RowField();

    private async Task<IActionResult> InvalidAsync(int id, ApprovalForm form, List<RuleViolation> errors, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        InForce = JobPositionService.InForce(History, On);
        var spare = Math.Max(0, SpareRows - form.Positions.Count(r => r.IsBlank));
        Input = form with { Positions = [.. form.Positions, .. Enumerable.Range(0, spare).Select(_ => new RowForm())] };
        FormErrors.Add(ModelState, errors, Keys);
        return BadRequestPage();
    }

    private PageResult BadRequestPage()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Out of scope is the same as unknown (404); in scope without the right to edit is 403.</summary>
    private async Task<IActionResult?> DeniedAsync(int id, CancellationToken ct)
    {
        if (await UnitQueries.GetAsync(db, id, Display.Today(time), ct) is null)
        {
            return NotFound();
        }

        return (await authorization.AuthorizeAsync(User, WebApp.UnitEditPolicy)).Succeeded ? null : Forbid();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Today = Display.Today(time);
        On = Today;
        if (await UnitQueries.GetAsync(db, id, Today, ct) is not { } unit || await service.HistoryAsync(id, ct) is not { } history)
        {
            return false;
        }

        Unit = unit;
        History = history;
        return true;
    }

    private static List<RowForm> Rows(JobPositionListView? list) =>
    [
        .. (list?.Positions ?? []).Select(p => new RowForm
        {
            Name = p.Name, Group = p.Group, TitleName = p.TitleName, TitleCode = p.TitleCode, People = p.People.ToString(CultureInfo.InvariantCulture),
        }),
        .. Enumerable.Range(0, list is null ? 5 : SpareRows).Select(_ => new RowForm()),
    ];

    public static string GroupLabel(string code) => JobPositionRules.Parse(code) is { } g ? JobPositionRules.Label(g) : code;

    public static readonly IReadOnlyList<ListExport.Column> Columns =
    [
        new("STT", ListExport.Kind.Number), new("Tên vị trí việc làm"), new("Nhóm vị trí việc làm"), new("Chức danh nghề nghiệp"),
        new("Mã chức danh nghề nghiệp"), new("Số lượng người làm việc", ListExport.Kind.Number),
        new("Quyết định phê duyệt"), new("Ngày quyết định", ListExport.Kind.Date), new("Cơ quan ban hành"),
    ];

    private byte[] Xlsx()
    {
        var rows = (InForce?.Positions ?? []).Select(p => (IReadOnlyList<object?>)
        [
            p.Ordinal, p.Name, GroupLabel(p.Group), p.TitleName, p.TitleCode, p.People, InForce!.DecisionNumber, InForce.DecisionDate, InForce.DecisionIssuer,
        ]);
        return ListExport.Xlsx("Vị trí việc làm", Columns, rows);
    }
}
