using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SuNghiep.Core.Data;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Units;
using SuNghiep.Web.Infrastructure;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Units;

[Authorize(Policy = WebApp.UnitEditPolicy)]
public sealed class EditModel(SuNghiepDbContext db, UnitService units, TimeProvider time) : UnitFormModel(db)
{
    public const string ConflictMessage =
        "Đơn vị này đã được người khác thay đổi kể từ khi bạn mở trang. Thay đổi của bạn chưa được lưu; biểu mẫu dưới đây "
        + "hiển thị thông tin hiện tại của đơn vị. Vui lòng xem lại, nhập lại thay đổi của bạn rồi lưu.";

    public UnitView Unit { get; private set; } = null!;

    /// <summary>Set when the unit changed after the page was opened: the form shows the current values, nothing was saved.</summary>
    public bool Conflict { get; private set; }
    public override string SubmitLabel => "Lưu thay đổi";
    public override string CancelUrl => $"/units/{Unit.Id}";
    public override bool ChangesFromDate => !Locked.Contains("effectiveFrom");

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await UnitQueries.GetAsync(Db, id, DateOnly.MaxValue, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        Locked = LockedFields();
        Input = InputModel.From(unit);
        Revision = unit.Revision;
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        // Out of scope is the same as unknown: the filter on units hides it.
        if (await UnitQueries.GetAsync(Db, id, DateOnly.MaxValue, ct) is not { } current)
        {
            return NotFound();
        }

        Unit = current;
        Locked = LockedFields();
        // A form without the revision it was opened on cannot prove it saw the current state.
        if (Revision != current.Revision)
        {
            return await ConflictAsync(current, ct);
        }

        Input = KeepLocked(Input, InputModel.From(current));
        var (input, errors) = await ReadAsync(ct);
        if (errors.Count > 0)
        {
            return await InvalidAsync(errors, () => units.ValidateAsync(id, input, ct), ct);
        }

        var result = await units.UpdateAsync(id, input with { Revision = Revision }, ct);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (result.Conflict)
        {
            return await UnitQueries.GetAsync(Db, id, DateOnly.MaxValue, ct) is { } changed ? await ConflictAsync(changed, ct) : NotFound();
        }

        if (result.Unit is not { } unit)
        {
            return await InvalidAsync(result.Errors, ct);
        }

        TempData["Success"] = input.EffectiveFrom is { } from
            ? $"Đã ghi thay đổi của đơn vị \"{unit.Name}\" (mã {unit.Code}), áp dụng từ ngày {Display.Date(from)}."
            : $"Đã lưu đơn vị \"{unit.Name}\" (mã {unit.Code}).";
        var warnings = DecisionRules.DateWarnings("decisionDate", input.DecisionDate, input.EffectiveFrom, Display.Today(time));
        if (warnings.Count > 0)
        {
            TempData["Success"] += " Lưu ý: " + string.Join(" ", warnings.Select(w => w.Message));
        }

        return Redirect($"/units/{unit.Id}");
    }

    /// <summary>Shows the unit as it is now, with the warning, so that the officer redoes the change on top of it.</summary>
    private async Task<IActionResult> ConflictAsync(UnitView current, CancellationToken ct)
    {
        Unit = current;
        Conflict = true;
        // The posted values would otherwise win over the model's in the rendered fields.
        ModelState.Clear();
        Input = InputModel.From(current);
        Revision = current.Revision;
        await LoadChoicesAsync(ct);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private HashSet<string> LockedFields() =>
        Permissions.UnitFields.Keys.Where(f => !Permissions.MayChangeUnitField(Db.Scope.Role, f)).ToHashSet(StringComparer.Ordinal);

    // A disabled field is not posted; what the role may not change is taken as stored, whatever the request says.
    private InputModel KeepLocked(InputModel posted, InputModel stored)
    {
        string? Pick(string field, string? given, string? kept) => Locked.Contains(field) ? kept : given;
        return posted with
        {
            Code = Pick("code", posted.Code, stored.Code),
            Name = Pick("name", posted.Name, stored.Name),
            Sector = Pick("sector", posted.Sector, stored.Sector),
            RoleClass = Pick("roleClass", posted.RoleClass, stored.RoleClass),
            Level = Pick("level", posted.Level, stored.Level),
            AreaCode = Pick("areaCode", posted.AreaCode, stored.AreaCode),
            ManagingAgencyId = Pick("managingAgencyId", posted.ManagingAgencyId, stored.ManagingAgencyId),
            AutonomyGroup = Pick("autonomyGroup", posted.AutonomyGroup, stored.AutonomyGroup),
            EstablishedOn = Pick("establishedOn", posted.EstablishedOn, stored.EstablishedOn),
            EndedOn = Pick("endedOn", posted.EndedOn, stored.EndedOn),
            Address = Pick("address", posted.Address, stored.Address),
            Notes = Pick("notes", posted.Notes, stored.Notes),
            EffectiveFrom = Pick("effectiveFrom", posted.EffectiveFrom, null),
            DecisionNumber = Pick("effectiveFrom", posted.DecisionNumber, null),
            DecisionDate = Pick("effectiveFrom", posted.DecisionDate, null),
            DecisionIssuer = Pick("effectiveFrom", posted.DecisionIssuer, null),
            ConversionListedBy = Pick("conversionListedBy", posted.ConversionListedBy, stored.ConversionListedBy),
            ConversionListedOn = Pick("conversionListedOn", posted.ConversionListedOn, stored.ConversionListedOn),
        };
    }
}
