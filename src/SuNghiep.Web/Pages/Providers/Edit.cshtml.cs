using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SuNghiep.Core.Data;
using SuNghiep.Core.Services;
using SuNghiep.Web.Infrastructure;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Providers;

[Authorize(Policy = WebApp.UnitCreatePolicy)]
public sealed class EditModel(SuNghiepDbContext db, ProviderService providers) : ProviderFormModel(db)
{
    [BindProperty]
    public int? Revision { get; set; }

    public ProviderView Provider { get; private set; } = null!;
    public override bool Editing => true;
    public override string SubmitLabel => "Lưu thay đổi";
    public override string CancelUrl => $"/providers/{Provider.Id}";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await providers.GetAsync(id, null, ct) is not { } p)
        {
            return NotFound();
        }

        if (await providers.RefusalAsync(id, ct) is not null)
        {
            return Forbid();
        }

        Provider = p;
        Revision = p.Revision;
        Input = new InputModel
        {
            Code = p.Code, Name = p.Name, LegalForm = p.LegalForm, Ownership = p.Ownership, Sector = p.Sector, ProviderType = p.ProviderType,
            Address = p.Address, CommuneCode = p.CommuneCode, Capacity = p.Capacity.ToString(CultureInfo.InvariantCulture), CapacityUnit = p.CapacityUnit,
            LicenceNumber = p.Licence.Number, LicenceDate = Display.Date(p.Licence.Date), LicenceIssuer = p.Licence.Issuer,
            StartedOn = Display.Date(p.StartedOn), RecordedByAgencyId = p.RecordedByAgencyId?.ToString(CultureInfo.InvariantCulture), Notes = p.Notes,
        };
        await LoadLabelsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await providers.GetAsync(id, null, ct) is not { } p)
        {
            return NotFound();
        }

        if (await providers.RefusalAsync(id, ct) is not null)
        {
            return Forbid();
        }

        Provider = p;
        var (input, errors) = await ReadAsync(ct);
        if (errors.Count > 0)
        {
            return await InvalidAsync(errors, ct);
        }

        var result = await providers.UpdateAsync(id, input, Revision, ct);
        if (result.Forbidden is not null)
        {
            // The new commune or agency is outside the caller's reach.
            return Forbid();
        }

        if (result.Conflict)
        {
            return await InvalidAsync([new("", "Cơ sở đã được người khác thay đổi kể từ khi bạn mở trang; chưa lưu gì. Hãy mở lại trang sửa để xem thông tin mới nhất.")], ct);
        }

        if (result.Provider is not { } provider)
        {
            return await InvalidAsync(result.Errors, ct);
        }

        TempData["Success"] = $"Đã lưu cơ sở \"{provider.Name}\".";
        return Redirect($"/providers/{provider.Id}");
    }
}
