using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Oversight;
using SuNghiep.Core.Rules;
using SuNghiep.Web.Infrastructure;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Inspections;

/// <summary>Records an inspection or check by its decision: the deciding agency, the units and the period.</summary>
[Authorize(Policy = WebApp.UnitCreatePolicy)]
public sealed class NewModel(SuNghiepDbContext db, InspectionService service, TimeProvider time) : PageModel
{
    public sealed record InputModel
    {
        public string? DecisionNumber { get; init; }
        public string? DecisionDate { get; init; }
        public string? DecisionIssuer { get; init; }
        public string? Body { get; init; }
        public string? BodyAgencyId { get; init; }
        public string? Kind { get; init; }
        public string? Units { get; init; }
        public string? PeriodFrom { get; init; }
        public string? PeriodTo { get; init; }
        public string? ResultsReportOn { get; init; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new() { Kind = "planned" };

    public List<AgencyOption> Agencies { get; private set; } = [];

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["decision.number"] = "Input.DecisionNumber", ["decision.date"] = "Input.DecisionDate", ["decision.issuer"] = "Input.DecisionIssuer",
        ["body"] = "Input.Body", ["bodyAgencyId"] = "Input.BodyAgencyId", ["kind"] = "Input.Kind", ["unitIds"] = "Input.Units",
        ["periodFrom"] = "Input.PeriodFrom", ["periodTo"] = "Input.PeriodTo", ["resultsReportOn"] = "Input.ResultsReportOn",
    };

    public async Task OnGetAsync(CancellationToken ct) => Agencies = await Lookups.AgenciesAsync(db, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var values = new FormValues();
        var decisionDate = values.Date(Input.DecisionDate, "decision.date", "Ngày quyết định");
        var from = values.Date(Input.PeriodFrom, "periodFrom", "Thời kỳ từ ngày");
        var to = values.Date(Input.PeriodTo, "periodTo", "Thời kỳ đến ngày");
        var report = values.Date(Input.ResultsReportOn, "resultsReportOn", "Ngày báo cáo kết quả");
        var agency = values.Whole(Input.BodyAgencyId, "bodyAgencyId", "Cơ quan ra quyết định không hợp lệ.");
        var errors = values.Errors;

        // Units named by code or by name, one per line or separated by semicolons, found in the caller's scope.
        var unitIds = new List<int>();
        foreach (var text in (Input.Units ?? "").Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct())
        {
            var id = await db.Units.AsNoTracking().Where(u => u.Code == text).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
            if (id is null && await Pickers.ResolveUnitAsync(db, text, Display.Today(time), ct) is { Value: { } code })
            {
                id = await db.Units.AsNoTracking().Where(u => u.Code == code).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
            }

            if (id is { } found)
            {
                unitIds.Add(found);
            }
            else
            {
                errors.Add(new("unitIds", $"Không tìm thấy đơn vị \"{text}\" trong phạm vi của bạn; nhập mã hoặc tên đơn vị."));
            }
        }

        if (errors.Count == 0)
        {
            var result = await service.CreateAsync(new InspectionInput
            {
                DecisionNumber = Input.DecisionNumber, DecisionDate = decisionDate, DecisionIssuer = Input.DecisionIssuer, Body = Input.Body,
                BodyAgencyId = agency, Kind = Input.Kind, UnitIds = unitIds, PeriodFrom = from, PeriodTo = to, ResultsReportOn = report,
            }, ct);
            if (result.Succeeded)
            {
                TempData["Success"] = "Đã ghi cuộc thanh tra, kiểm tra.";
                return Redirect($"/inspections/{result.Id}");
            }

            if (result.Forbidden)
            {
                return Forbid();
            }

            errors.AddRange(result.Errors);
        }

        FormErrors.Add(ModelState, errors.Select(e => Fields.ContainsKey(e.Field) ? e : e with { Field = "" }), Fields);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        Agencies = await Lookups.AgenciesAsync(db, ct);
        return Page();
    }
}
