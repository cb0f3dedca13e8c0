using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Scenarios;
using SuNghiep.Web.Infrastructure;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Scenarios;

/// <summary>Starts a draft with its name; its events are added one by one on its page.</summary>
[Authorize(Policy = WebApp.UnitCreatePolicy)]
public sealed class CreateModel(ScenarioService scenarios) : PageModel
{
    public sealed record InputModel
    {
        public string? Name { get; init; }
        public string? Notes { get; init; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await scenarios.CreateAsync(new ScenarioInput(Input.Name, Input.Notes, []), ct);
        if (result.Forbidden is not null)
        {
            return Forbid();
        }

        if (!result.Succeeded)
        {
            FormErrors.Add(ModelState, result.Errors);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        TempData["Success"] = "Đã lập kịch bản. Hãy thêm các sự kiện sắp xếp dự kiến.";
        return Redirect($"/scenarios/{result.Id}");
    }
}
