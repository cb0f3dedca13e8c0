using Microsoft.AspNetCore.Mvc;
using SuNghiep.Core.Accounts;
using SuNghiep.Core.Data;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Admin.Users;

public sealed class CreateModel(SuNghiepDbContext db, AccountService accounts) : AccountFormModel(db)
{
    public sealed record InputModel : IScopeInput
    {
        public string? Email { get; init; }
        public string? FullName { get; init; }
        public string? Password { get; init; }
        public string? Role { get; init; }
        public string? AgencyCode { get; init; }
        public string? AreaCode { get; init; }
        public string? UnitCode { get; init; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public override IScopeInput ScopeInput => Input;

    public async Task OnGetAsync(CancellationToken ct) => await LoadChoicesAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await accounts.CreateAsync(new NewAccount(
            Input.Email, Input.Password, Input.Role, Input.FullName, Input.AgencyCode, Input.AreaCode, Input.UnitCode), ct);
        if (!result.Succeeded)
        {
            FormErrors.Add(ModelState, result.Errors, Fields);
            await LoadChoicesAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        TempData["Success"] = $"Đã tạo tài khoản {result.User!.Email}.";
        return Redirect("/admin/users?search=" + Uri.EscapeDataString(result.User.Email ?? ""));
    }
}
