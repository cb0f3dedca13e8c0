using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SuNghiep.Core.Data;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Units;
using SuNghiep.Web.Infrastructure;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Units;

[Authorize(Policy = WebApp.UnitEditPolicy)]
public sealed class EditModel(SuNghiepDbContext db, UnitService units) : UnitFormModel(db)
{
    public UnitView Unit { get; private set; } = null!;
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
        Input = KeepLocked(Input, InputModel.From(current));
        var (input, errors) = Read();
        if (errors.Count > 0)
        {
            return await InvalidAsync(errors, () => units.ValidateAsync(id, input, ct), ct);
        }

        var result = await units.UpdateAsync(id, input, ct);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (result.Unit is not { } unit)
        {
            return await InvalidAsync(result.Errors, ct);
        }

        TempData["Success"] = input.EffectiveFrom is { } from
            ? $"Đã ghi thay đổi của đơn vị \"{unit.Name}\" (mã {unit.Code}), áp dụng từ ngày {Display.Date(from)}."
            : $"Đã lưu đơn vị \"{unit.Name}\" (mã {unit.Code}).";
        return Redirect($"/units/{unit.Id}");
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
        };
    }
}
