using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Accounts;
using SuNghiep.Core.Data;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Admin.Users;

public sealed class EditModel(SuNghiepDbContext db, AccountService accounts, TimeProvider time) : AccountFormModel(db)
{
    public sealed record InputModel : IScopeInput
    {
        public string? FullName { get; init; }
        public string? Role { get; init; }
        public string? AgencyCode { get; init; }
        public string? AreaCode { get; init; }
        public string? UnitCode { get; init; }
        public bool Locked { get; init; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string Email { get; private set; } = "";

    /// <summary>The one-time password just given, shown once in the answer to the reset and never stored in clear.</summary>
    public string? OneTimePassword { get; private set; }

    public override IScopeInput ScopeInput => Input;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var user = await Db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new
        {
            u.Email, u.FullName, u.LockoutEnd,
            Role = Db.UserRoles.Where(r => r.UserId == u.Id).Join(Db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
            AgencyCode = u.ScopeAgency != null ? u.ScopeAgency.Code : null,
            AreaCode = u.ScopeArea != null ? u.ScopeArea.Code : null,
            UnitCode = Db.Units.IgnoreQueryFilters().Where(x => x.Id == u.ScopeUnitId).Select(x => x.Code).FirstOrDefault(),
        }).FirstOrDefaultAsync(ct);
        if (user is null)
        {
            return NotFound();
        }

        Email = user.Email ?? "";
        Input = new InputModel
        {
            FullName = user.FullName, Role = user.Role, AgencyCode = user.AgencyCode, AreaCode = user.AreaCode,
            UnitCode = user.UnitCode, Locked = user.LockoutEnd is { } end && end > now,
        };
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (await Db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.Email).FirstOrDefaultAsync(ct) is not { } email)
        {
            return NotFound();
        }

        Email = email;
        // A value the checkbox never sends binds as false: the account must not be unlocked by it.
        var lockedUnreadable = ModelState.GetValidationState("Input.Locked") == ModelValidationState.Invalid;
        var result = lockedUnreadable
            ? null
            : await accounts.UpdateAsync(id, new AccountChange(Input.Role, Input.FullName, Input.AgencyCode, Input.AreaCode, Input.UnitCode, Input.Locked), ct);
        if (result is not { Succeeded: true })
        {
            ModelState.Remove("Input.Locked");
            if (lockedUnreadable)
            {
                ModelState.AddModelError("Input.Locked", "Giá trị \"Khóa tài khoản\" không hợp lệ.");
            }

            FormErrors.Add(ModelState, result?.Errors ?? [], Fields);
            await LoadChoicesAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        TempData["Success"] = $"Đã lưu tài khoản {email}.";
        return Redirect("/admin/users?search=" + Uri.EscapeDataString(email));
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(string id, CancellationToken ct)
    {
        if (await accounts.ResetPasswordAsync(id, ct) is not { } reset)
        {
            return NotFound();
        }

        ModelState.Clear();
        OneTimePassword = reset.Password;
        Response.Headers.CacheControl = "no-store";
        // The page shows the account as it is now, below the password.
        return await OnGetAsync(id, ct);
    }
}
