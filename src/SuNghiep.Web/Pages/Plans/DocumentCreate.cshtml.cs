using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Data;
using SuNghiep.Core.Plans;
using SuNghiep.Web.Infrastructure;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Plans;

/// <summary>Records a document of the cascade and the documents it implements (POST /api/v1/documents).</summary>
[Authorize(Policy = WebApp.UnitCreatePolicy)]
public sealed class DocumentCreateModel(SuNghiepDbContext db, PlanService service, TimeProvider time) : PageModel
{
    public sealed record InputModel
    {
        public string? Type { get; init; }
        public string? Number { get; init; }
        public string? IssuedOn { get; init; }
        public string? Issuer { get; init; }
        public string? IssuerAgencyId { get; init; }
        public string? Title { get; init; }
        public string? Signer { get; init; }
        public List<string> ParentIds { get; init; } = [];
        public string? Notes { get; init; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<DocumentSummary> Documents { get; private set; } = [];
    public PickerLabels Labels { get; private set; } = PickerLabels.None;

    /// <summary>Whether the caller records documents of central bodies, outside the register's agencies (the administrator).</summary>
    public bool MayRecordCentral => Core.Rules.Permissions.MayActFor(db.Scope, null);

    public async Task OnGetAsync(int? parentId, CancellationToken ct)
    {
        Input = new InputModel
        {
            Type = "plan", IssuedOn = Display.DateInput(Display.Today(time)),
            ParentIds = parentId is { } p ? [p.ToString(System.Globalization.CultureInfo.InvariantCulture)] : [],
        };
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var values = new FormValues();
        // The picker sends an id; typed without JavaScript, a code or a name is read as the counts filter reads it.
        if (await Pickers.AgencyFieldAsync(db, Input.IssuerAgencyId, "issuerAgencyId", values.Errors, ct) is { } issuer)
        {
            Input = Input with { IssuerAgencyId = issuer };
        }

        var input = new DocumentInput(
            Input.Type, Input.Number, Input.Issuer, values.Date(Input.IssuedOn, "issuedOn", "Ngày ban hành"), Input.Title, Input.Signer,
            values.Ids(Input.ParentIds, "parentIds", "Văn bản cấp trên không hợp lệ."), Input.Notes,
            values.Whole(Input.IssuerAgencyId, "issuerAgencyId", "Cơ quan ban hành không hợp lệ."));
        // A date the form could not read reaches the service as none, which it refuses: nothing is saved, and its
        // messages on the other fields come with the form's own.
        var result = await service.CreateDocumentAsync(values.Errors.Count == 0 ? input : input with { IssuedOn = null }, ct);
        if (result.Value is { } view)
        {
            TempData["Success"] = $"Đã lưu {view.TypeName.ToLowerInvariant()} số {view.Number}.";
            return Redirect($"/documents/{view.Id}");
        }

        var unread = values.Errors.Count > 0 && input.IssuedOn is not null;   // the date was read; it was set aside above
        values.Errors.AddRange(result.Errors.Where(e => values.Errors.All(x => x.Field != e.Field) && !(unread && e.Field == "issuedOn")));

        FormErrors.Add(ModelState, values.Errors);
        await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Documents = (await PlanQueries.ListDocumentsAsync(db, null, ct)).OrderByDescending(d => d.IssuedOn).ThenBy(d => d.Number).ToList();
        Labels = await Pickers.LabelsAsync(db, [Input.IssuerAgencyId], [], ct);
    }
}
