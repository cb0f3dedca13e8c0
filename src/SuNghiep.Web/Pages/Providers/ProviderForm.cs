using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Data;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Services;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Providers;

/// <summary>The form of a non-public provider, for recording one and for changing it; fields bound as text and read here.</summary>
public abstract class ProviderFormModel(SuNghiepDbContext db) : PageModel
{
    public sealed class InputModel
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public string? LegalForm { get; set; }
        public string? Ownership { get; set; }
        public string? Sector { get; set; }
        public string? ProviderType { get; set; }
        public string? Address { get; set; }
        public string? CommuneCode { get; set; }
        public string? Capacity { get; set; }
        public string? CapacityUnit { get; set; }
        public string? LicenceNumber { get; set; }
        public string? LicenceDate { get; set; }
        public string? LicenceIssuer { get; set; }
        public string? StartedOn { get; set; }
        public string? RecordedByAgencyId { get; set; }
        public string? Notes { get; set; }
        public string? ValidFrom { get; set; }
        public string? EndedOn { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public PickerLabels Labels { get; private set; } = PickerLabels.None;

    public abstract bool Editing { get; }
    public abstract string SubmitLabel { get; }
    public abstract string CancelUrl { get; }

    /// <summary>The service's field names on the form's.</summary>
    private static readonly IReadOnlyDictionary<string, string> Renamed = new Dictionary<string, string>
    {
        ["licence.number"] = "Input.LicenceNumber",
        ["licence.date"] = "Input.LicenceDate",
        ["licence.issuer"] = "Input.LicenceIssuer",
    };

    protected async Task LoadLabelsAsync(CancellationToken ct) =>
        Labels = await Pickers.LabelsAsync(db, [Input.RecordedByAgencyId], [Input.CommuneCode], ct);

    /// <summary>The form as the service takes it, with the form's own problems (numbers, dates, pickers) on their fields.</summary>
    protected async Task<(ProviderInput Input, List<RuleViolation> Errors)> ReadAsync(CancellationToken ct)
    {
        var values = new FormValues();
        var capacity = values.Whole(Input.Capacity, "capacity", "Quy mô phải là số nguyên.");
        var licenceDate = values.Date(Input.LicenceDate, "licence.date", "Ngày cấp phép");
        var started = values.Date(Input.StartedOn, "startedOn", "Ngày bắt đầu hoạt động");
        var validFrom = values.Date(Input.ValidFrom, "validFrom", "Áp dụng từ ngày");
        var ended = values.Date(Input.EndedOn, "endedOn", "Ngày chấm dứt hoạt động");
        var errors = values.Errors;
        var agencyText = await Pickers.AgencyFieldAsync(db, Input.RecordedByAgencyId, "recordedByAgencyId", errors, ct);
        int? agency = int.TryParse(agencyText, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var a) ? a : null;
        var commune = await Pickers.AreaFieldAsync(db, Input.CommuneCode, validFrom ?? started, "communeCode", errors, ct);
        return (new ProviderInput(Input.Code, Input.Name, Input.LegalForm, Input.Ownership, Input.Sector, Input.ProviderType, Input.Address, commune,
            capacity, Input.CapacityUnit, Input.LicenceNumber, licenceDate, Input.LicenceIssuer, started, agency, Input.Notes, validFrom, ended), errors);
    }

    protected async Task<PageResult> InvalidAsync(IEnumerable<RuleViolation> errors, CancellationToken ct)
    {
        FormErrors.Add(ModelState, errors, Renamed);
        await LoadLabelsAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
