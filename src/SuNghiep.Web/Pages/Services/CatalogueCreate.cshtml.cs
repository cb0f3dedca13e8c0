using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Services;
using SuNghiep.Web.Infrastructure;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Services;

/// <summary>Records a catalogue by its decision (POST /api/v1/service-catalogues).</summary>
[Authorize(Policy = WebApp.UnitCreatePolicy)]
public sealed class CatalogueCreateModel(SuNghiepDbContext db, CatalogueService service) : PageModel
{
    public sealed record InputModel
    {
        public string? Name { get; init; }
        public string? Level { get; init; }
        public string? AreaCode { get; init; }
        public string? IssuerAgencyId { get; init; }
        public string? DecisionNumber { get; init; }
        public string? DecisionDate { get; init; }
        public string? DecisionIssuer { get; init; }
        public string? ValidFrom { get; init; }
        public string? SupersedesId { get; init; }
        public string? Notes { get; init; }
    }

    public sealed record Choice(int Id, string Label);

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<Choice> Catalogues { get; private set; } = [];
    public PickerLabels Labels { get; private set; } = PickerLabels.None;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input = new InputModel { Level = "province" };
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var values = new FormValues();
        var areaCode = await Pickers.AreaFieldAsync(db, Input.AreaCode, null, "areaCode", values.Errors, ct);
        var agency = await Pickers.AgencyFieldAsync(db, Input.IssuerAgencyId, "issuerAgencyId", values.Errors, ct);
        var input = new CatalogueInput(Input.Name, Input.Level, Input.Level == "central" ? null : areaCode,
            new(Input.DecisionNumber, values.Date(Input.DecisionDate, "decision.date", "Ngày quyết định"), Input.DecisionIssuer),
            values.Date(Input.ValidFrom, "validFrom", "Ngày có hiệu lực"), values.Whole(Input.SupersedesId, "supersedesId", "Danh mục được thay thế không hợp lệ."),
            values.Whole(agency, "issuerAgencyId", "Cơ quan ban hành không hợp lệ."), Input.Notes);
        if (values.Errors.Count == 0)
        {
            var result = await service.CreateAsync(input, ct);
            if (result.Forbidden is { } refused)
            {
                values.Errors.Add(new("", refused));
            }
            else if (result.Value is { } created)
            {
                TempData["Success"] = "Đã ghi nhận danh mục.";
                return Redirect($"/services/catalogues/{created.Id}");
            }
            else
            {
                values.Errors.AddRange(result.Errors);
            }
        }

        Input = Input with { AreaCode = areaCode ?? Input.AreaCode, IssuerAgencyId = agency ?? Input.IssuerAgencyId };
        FormErrors.Add(ModelState, values.Errors, FormFields.Decision);
        await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var rows = await db.ServiceCatalogues.AsNoTracking().Where(c => c.ValidTo == null).OrderByDescending(c => c.ValidFrom)
            .Select(c => new { c.Id, c.Name, c.DecisionNumber }).Take(500).ToListAsync(ct);
        Catalogues = rows.Select(c => new Choice(c.Id, $"{c.Name} ({c.DecisionNumber})")).ToList();
        Labels = await Pickers.LabelsAsync(db, [Input.IssuerAgencyId], [Input.AreaCode], ct);
    }
}
