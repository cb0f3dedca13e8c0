using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Units;
using SuNghiep.Web.Infrastructure;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Proposals;

/// <summary>
/// Drafts a dossier: the document, the agency, and the event it plans. Units are named by their codes; the new unit, where
/// the form creates one, is described as on the reorganization form. The service checks everything.
/// </summary>
[Authorize(Policy = WebApp.UnitCreatePolicy)]
public sealed class CreateModel(SuNghiepDbContext db, ProposalService service, TimeProvider time) : PageModel
{
    public sealed record InputModel
    {
        public string? Kind { get; init; }
        public string? Number { get; init; }
        public string? ProposedOn { get; init; }
        public string? Summary { get; init; }
        public string? AgencyId { get; init; }
        public string? CompetentAgencyId { get; init; }
        public string? Type { get; init; }
        public string? EffectiveDate { get; init; }
        /// <summary>The codes of the units the event names: one per chip of the picker, or several separated by ";" as typed.</summary>
        public List<string> SourceUnitCodes { get; init; } = [];
        public string? ContinuingUnitCode { get; init; }
        public string? NewManagingAgencyId { get; init; }
        public string? NewName { get; init; }
        public string? NewUnitCode { get; init; }
        public string? NewUnitName { get; init; }
        public string? NewUnitSector { get; init; }
        public string? NewUnitRoleClass { get; init; }
        public string? NewUnitLevel { get; init; }
        public string? NewUnitAreaCode { get; init; }
        public string? NewUnitAgencyId { get; init; }
        public string? NewUnitAutonomyGroup { get; init; }
        public string? PlannedStaff { get; init; }
        public string? PlannedBudgetPositions { get; init; }
        public string? DissolutionGround { get; init; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>"name (code)" of the agencies and area the form holds, for their pickers.</summary>
    public PickerLabels Labels { get; private set; } = PickerLabels.None;

    /// <summary>The source units found, shown as chips; codes that name none stay typed in the field with their message.</summary>
    public List<(string Code, string Label)> Sources { get; private set; } = [];
    public string? SourceText { get; private set; }

    /// <summary>"name (code)" of the continuing unit found, for its picker.</summary>
    public string? ContinuingLabel { get; private set; }

    /// <summary>The chip removed without JavaScript: the form comes back without it, nothing checked or saved.</summary>
    [BindProperty(Name = "removeSource")]
    public string? RemoveSource { get; set; }

    /// <summary>The forms that create a unit, whose block the form asks for.</summary>
    public static readonly string[] CreatingTypes = ["establishment", "consolidation", "division", "separation"];

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["kind"] = "Input.Kind", ["number"] = "Input.Number", ["proposedOn"] = "Input.ProposedOn", ["summary"] = "Input.Summary",
        ["agencyId"] = "Input.AgencyId", ["competentAgencyId"] = "Input.CompetentAgencyId", ["event.type"] = "Input.Type",
        ["event.effectiveDate"] = "Input.EffectiveDate", ["event.sourceUnitIds"] = "Input.SourceUnitCodes",
        ["event.continuingUnitId"] = "Input.ContinuingUnitCode", ["event.newManagingAgencyId"] = "Input.NewManagingAgencyId",
        ["event.newName"] = "Input.NewName", ["event.newUnits"] = "Input.NewUnitName", ["event.newUnits[0].name"] = "Input.NewUnitName",
        ["plannedStaff"] = "Input.PlannedStaff", ["plannedBudgetPositions"] = "Input.PlannedBudgetPositions",
        ["dissolutionGround"] = "Input.DissolutionGround",
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input = new InputModel { Kind = "submission" };
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var values = new FormValues();
        var proposedOn = values.Date(Input.ProposedOn, "proposedOn", "Ngày văn bản");
        var effective = values.Date(Input.EffectiveDate, "event.effectiveDate", "Ngày dự kiến có hiệu lực");
        // The pickers send ids; without JavaScript a code or a name is typed: each resolved here, a message on its field.
        var picked = new List<RuleViolation>();
        var everywhere = new AgencyChoice(false, Core.VietnamTime.Today(time), Everywhere: true);
        var agency = values.Whole(await Pickers.AgencyFieldAsync(db, Input.AgencyId, "agencyId", picked, ct), "agencyId", "Cơ quan lập hồ sơ không hợp lệ.");
        var competent = values.Whole(await Pickers.AgencyFieldAsync(db, Input.CompetentAgencyId, "competentAgencyId", picked, ct, everywhere),
            "competentAgencyId", "Cơ quan có thẩm quyền không hợp lệ.");
        var newAgency = values.Whole(await Pickers.AgencyFieldAsync(db, Input.NewManagingAgencyId, "event.newManagingAgencyId", picked, ct, everywhere),
            "event.newManagingAgencyId", "Cơ quan quản lý mới không hợp lệ.");
        var unitAreaCode = await Pickers.AreaFieldAsync(db, Input.NewUnitAreaCode, null, "event.newUnits", picked, ct);
        var staff = values.Whole(Input.PlannedStaff, "plannedStaff", "Số người làm việc dự kiến phải là số nguyên.");
        var budget = values.Whole(Input.PlannedBudgetPositions, "plannedBudgetPositions", "Số người hưởng lương từ ngân sách phải là số nguyên.");
        var unitAgency = values.Whole(await Pickers.AgencyFieldAsync(db, Input.NewUnitAgencyId, "event.newUnits", picked, ct),
            "event.newUnits", "Cơ quan quản lý của đơn vị mới không hợp lệ.");
        var group = values.Whole(Input.NewUnitAutonomyGroup, "event.newUnits", "Nhóm tự chủ không hợp lệ.");
        var errors = values.Errors;
        errors.AddRange(picked);

        // Units named by code (the pickers send codes), found in the caller's scope.
        var codes = Input.SourceUnitCodes
            .SelectMany(c => (c ?? "").Split([';', ',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct().ToList();
        if (RemoveSource is { } removed)
        {
            codes.Remove(removed.Trim());
        }

        var continuingCode = Input.ContinuingUnitCode?.Trim();
        var wanted = codes.Concat(string.IsNullOrEmpty(continuingCode) ? [] : [continuingCode]).Distinct().ToList();
        var found = await db.Units.AsNoTracking().Where(u => wanted.Contains(u.Code)).Select(u => new { u.Code, u.Id, u.Name }).ToListAsync(ct);

        // A name typed without the picker is read as the one unit it names, as the area and agency fields read theirs.
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        var ambiguous = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var text in wanted.Where(t => found.All(u => u.Code != t)))
        {
            var resolved = await Pickers.ResolveUnitAsync(db, text, Display.Today(time), ct);
            if (resolved.Value is { } code)
            {
                named[text] = code;
            }
            else if (resolved.Error is { } error)
            {
                ambiguous[text] = error;
            }
        }

        if (named.Count > 0)
        {
            codes = codes.Select(c => named.GetValueOrDefault(c, c)).Distinct().ToList();
            continuingCode = continuingCode is null ? null : named.GetValueOrDefault(continuingCode, continuingCode);
            wanted = codes.Concat(string.IsNullOrEmpty(continuingCode) ? [] : [continuingCode]).Distinct().ToList();
            found = await db.Units.AsNoTracking().Where(u => wanted.Contains(u.Code)).Select(u => new { u.Code, u.Id, u.Name }).ToListAsync(ct);
            Input = Input with { ContinuingUnitCode = continuingCode };
        }

        // Shown again as found: a chip with the unit's name, or the code as typed with its message.
        Sources = found.Where(u => codes.Contains(u.Code)).OrderBy(u => codes.IndexOf(u.Code)).Select(u => (u.Code, $"{u.Name} ({u.Code})")).ToList();
        var missingSources = codes.Where(c => found.All(u => u.Code != c)).ToList();
        SourceText = missingSources.Count == 0 ? null : string.Join("; ", missingSources);
        ContinuingLabel = found.FirstOrDefault(u => u.Code == continuingCode) is { } continuing ? $"{continuing.Name} ({continuing.Code})" : null;
        if (RemoveSource is not null)
        {
            // A change to the form itself, not a submission.
            await LoadAsync(ct);
            return Page();
        }

        foreach (var missing in wanted.Where(c => found.All(u => u.Code != c)))
        {
            errors.Add(new(missing == continuingCode ? "event.continuingUnitId" : "event.sourceUnitIds",
                ambiguous.GetValueOrDefault(missing) ?? $"Không tìm thấy đơn vị \"{missing}\" trong phạm vi của bạn; nhập tên hoặc mã đơn vị."));
        }

        var creates = CreatingTypes.Contains(Input.Type);
        var input = new ProposalInput
        {
            Kind = Input.Kind, Number = Input.Number, ProposedOn = proposedOn, Summary = Input.Summary, AgencyId = agency, CompetentAgencyId = competent,
            PlannedStaff = staff, PlannedBudgetPositions = budget, DissolutionGround = Input.DissolutionGround,
            Event = new ReorganizationInput
            {
                Type = Input.Type, EffectiveDate = effective,
                SourceUnitIds = found.Where(u => codes.Contains(u.Code)).Select(u => u.Id).ToList(),
                ContinuingUnitId = found.FirstOrDefault(u => u.Code == continuingCode)?.Id,
                NewManagingAgencyId = newAgency, NewName = Input.NewName,
                NewUnits = creates
                    ? [new UnitInput
                    {
                        Code = Input.NewUnitCode, Name = Input.NewUnitName, Sector = Input.NewUnitSector, RoleClass = Input.NewUnitRoleClass,
                        Level = Input.NewUnitLevel, AreaCode = unitAreaCode, ManagingAgencyId = unitAgency, AutonomyGroup = group,
                    }]
                    : [],
            },
        };

        if (errors.Count == 0)
        {
            var result = await service.CreateAsync(input, ct);
            if (result.Succeeded)
            {
                TempData["Success"] = "Đã lập hồ sơ đề nghị (dự thảo). Xem các cảnh báo bên dưới trước khi trình.";
                return Redirect($"/reorganization-proposals/{result.Id}");
            }

            errors.AddRange(result.Errors);
        }

        FormErrors.Add(ModelState, errors.Select(e => Fields.ContainsKey(e.Field) || e.Field.Length == 0 ? e
            : e.Field.StartsWith("event.newUnits", StringComparison.Ordinal) ? e with { Field = "event.newUnits" } : e with { Field = "" }), Fields);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Labels = await Pickers.LabelsAsync(db, [Input.AgencyId, Input.CompetentAgencyId, Input.NewManagingAgencyId, Input.NewUnitAgencyId],
            [Input.NewUnitAreaCode], ct);
    }
}
