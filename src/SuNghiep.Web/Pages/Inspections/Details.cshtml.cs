using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Oversight;
using SuNghiep.Core.Rules;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Inspections;

/// <summary>
/// One inspection: its decision and units, the law's deadlines in words, the conclusion form (one finding with one
/// recommendation per submit, then another), the directive form, and each recommendation with its status, its follow-up
/// form and the addressee's dispute (recorded with its reason, then settled).
/// </summary>
public sealed class DetailsModel(SuNghiepDbContext db, InspectionService service) : PageModel
{
    public sealed record InputModel
    {
        public string? Number { get; init; }
        public string? Date { get; init; }
        public string? PublishedOn { get; init; }
        public string? DraftAssignedOn { get; init; }
        public string? DraftReceivedOn { get; init; }
        public string? Category { get; init; }
        public string? Amount { get; init; }
        public string? Responsibility { get; init; }
        public string? UnitId { get; init; }
        public string? Description { get; init; }
        public string? Type { get; init; }
        public string? RecommendationAmount { get; init; }
        public string? AddresseeAgencyId { get; init; }
        public string? Deadline { get; init; }
        public string? Content { get; init; }
        public string? Text { get; init; }
        public bool Done { get; init; }
        public string? AmountRecovered { get; init; }
        public string? Reason { get; init; }
        /// <summary>"true" to record the addressee's dispute, "false" to mark it settled.</summary>
        public string? Disputed { get; init; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public InspectionView Inspection { get; private set; } = null!;
    public List<AgencyOption> Agencies { get; private set; } = [];
    /// <summary>Which form holds the errors (conclusion, directive, or a recommendation's follow-up), so that only it shows them.</summary>
    public string? FailedForm { get; private set; }
    public bool CanRecord => Roles.UnitCreators.Any(User.IsInRole);
    public HashSet<int> MayReport { get; private set; } = [];

    public static IEnumerable<RecommendationType> Types => Enum.GetValues<RecommendationType>();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>The conclusion with its first finding, or, once concluded, another finding of it.</summary>
    public async Task<IActionResult> OnPostConclusionAsync(int id, CancellationToken ct)
    {
        var values = new FormValues();
        var date = values.Date(Input.Date, "date", "Ngày ký kết luận");
        var published = values.Date(Input.PublishedOn, "publishedOn", "Ngày công khai");
        var assigned = values.Date(Input.DraftAssignedOn, "draftAssignedOn", "Ngày giao xây dựng dự thảo");
        var received = values.Date(Input.DraftReceivedOn, "draftReceivedOn", "Ngày nhận dự thảo");
        var amount = values.Number(Input.Amount, "findings[0].amount", "Số tiền phải là số, ví dụ 119.000.000.");
        var unit = values.Whole(Input.UnitId, "findings[0].unitId", "Đơn vị không hợp lệ.");
        var recommendationAmount = values.Number(Input.RecommendationAmount, "findings[0].recommendations[0].amount", "Số tiền kiến nghị phải là số.");
        var addressee = values.Whole(Input.AddresseeAgencyId, "findings[0].recommendations[0].addresseeAgencyId", "Cơ quan thực hiện không hợp lệ.");
        var deadline = values.Date(Input.Deadline, "findings[0].recommendations[0].deadline", "Hạn thực hiện");
        var finding = new FindingInput(Input.Category, amount, Input.Responsibility, unit, Input.Description,
            [new RecommendationInput(Input.Type, recommendationAmount, addressee, deadline, Input.Content)]);
        return await ActAsync(id, "conclusion", values.Errors, async () =>
        {
            var current = await service.GetAsync(id, ct);
            return current?.Conclusion is null
                ? await service.ConcludeAsync(id, new ConclusionInput(Input.Number, date, published, [finding], null, assigned, received), ct)
                : await service.AddFindingsAsync(id, [finding], ct);
        }, "Đã ghi kết luận và kiến nghị. Có thể thêm nội dung kết luận khác bên dưới.", ct);
    }

    public async Task<IActionResult> OnPostDirectiveAsync(int id, CancellationToken ct)
    {
        var values = new FormValues();
        var date = values.Date(Input.Date, "date", "Ngày văn bản chỉ đạo");
        return await ActAsync(id, "directive", values.Errors,
            () => service.DirectAsync(id, new DirectiveInput(Input.Number, date, Input.Text), ct), "Đã ghi văn bản chỉ đạo thực hiện kết luận.", ct);
    }

    public async Task<IActionResult> OnPostFollowUpAsync(int id, int recommendationId, CancellationToken ct)
    {
        var values = new FormValues();
        var date = values.Date(Input.Date, "date", "Ngày báo cáo");
        var recovered = values.Number(Input.AmountRecovered, "amountRecovered", "Số tiền đã thu hồi phải là số.");
        return await ActAsync(id, $"follow-up-{recommendationId}", values.Errors, async () =>
        {
            // The recommendation must belong to this inspection: another one's is not found here.
            var owned = (await service.GetRecommendationAsync(recommendationId, ct))?.InspectionId == id;
            return owned
                ? await service.FollowUpAsync(recommendationId, new FollowUpInput(date, Input.Text, Input.Done, recovered), ct)
                : OversightResult.Missing("Không tìm thấy kiến nghị.");
        }, "Đã ghi báo cáo thực hiện kiến nghị.", ct);
    }

    /// <summary>The addressee disputes a recommendation (reason required), or the dispute is settled: the API's dispute.</summary>
    public async Task<IActionResult> OnPostDisputeAsync(int id, int recommendationId, CancellationToken ct)
    {
        bool? disputed = Input.Disputed?.Trim() switch { "true" => true, "false" => false, _ => null };
        return await ActAsync(id, $"dispute-{recommendationId}", [], async () =>
        {
            var owned = (await service.GetRecommendationAsync(recommendationId, ct))?.InspectionId == id;
            return owned
                ? await service.DisputeAsync(recommendationId, new DisputeInput(disputed, Input.Reason), ct)
                : OversightResult.Missing("Không tìm thấy kiến nghị.");
        }, disputed == true ? "Đã ghi khiếu nại, kiến nghị xem xét lại." : "Đã ghi kết thúc khiếu nại.", ct);
    }

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["number"] = "Input.Number", ["date"] = "Input.Date", ["publishedOn"] = "Input.PublishedOn", ["draftAssignedOn"] = "Input.DraftAssignedOn",
        ["draftReceivedOn"] = "Input.DraftReceivedOn", ["findings[0].category"] = "Input.Category", ["findings[0].amount"] = "Input.Amount",
        ["findings[0].responsibility"] = "Input.Responsibility", ["findings[0].unitId"] = "Input.UnitId", ["findings[0].description"] = "Input.Description",
        ["findings[0].recommendations[0].type"] = "Input.Type", ["findings[0].recommendations[0].amount"] = "Input.RecommendationAmount",
        ["findings[0].recommendations[0].addresseeAgencyId"] = "Input.AddresseeAgencyId", ["findings[0].recommendations[0].deadline"] = "Input.Deadline",
        ["findings[0].recommendations[0].content"] = "Input.Content", ["text"] = "Input.Text", ["done"] = "Input.Done", ["amountRecovered"] = "Input.AmountRecovered",
        ["reason"] = "Input.Reason", ["disputed"] = "Input.Disputed",
    };

    private async Task<IActionResult> ActAsync(
        int id, string form, List<RuleViolation> parsed, Func<Task<OversightResult>> act, string done, CancellationToken ct)
    {
        if (User.IsInRole(Roles.Viewer))
        {
            return Forbid();
        }

        var errors = parsed;
        var conflict = false;
        if (errors.Count == 0)
        {
            var result = await act();
            if (result.NotFound)
            {
                return NotFound();
            }

            if (result.Forbidden)
            {
                return Forbid();
            }

            if (result.Succeeded)
            {
                TempData["Success"] = done;
                return Redirect($"/inspections/{id}");
            }

            (errors, conflict) = (result.Errors.ToList(), result.Conflict);
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        FailedForm = form;
        FormErrors.Add(ModelState, errors.Select(e => Fields.ContainsKey(e.Field) ? e : e with { Field = "" }), Fields);
        Response.StatusCode = conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await service.GetAsync(id, ct) is not { } view)
        {
            return false;
        }

        Inspection = view;
        if (view.MayWrite)
        {
            Agencies = await Lookups.AgenciesAsync(db, ct);
        }

        foreach (var r in view.Findings.SelectMany(f => f.Recommendations))
        {
            if (await service.MayReportAsync(r.AddresseeAgencyId, r.UnitId, ct))
            {
                MayReport.Add(r.Id);
            }
        }

        return true;
    }

    public static string StatusClass(string status) => status switch
    {
        "done" => "text-bg-success",
        "overdue" => "text-bg-danger",
        "disputed" => "text-bg-warning",
        "partial" => "text-bg-info",
        _ => "text-bg-light border",
    };
}
