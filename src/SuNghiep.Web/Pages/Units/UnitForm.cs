using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SuNghiep.Core.Data;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Units;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Units;

/// <summary>What the create and edit pages share: the form's fields, its choices, and reading it into a UnitInput.</summary>
public abstract class UnitFormModel(SuNghiepDbContext db) : PageModel
{
    /// <summary>The form as typed. Numbers and dates stay strings so that a bad value gets a Vietnamese message on its field.</summary>
    public sealed record InputModel
    {
        public string? Code { get; init; }
        public string? Name { get; init; }
        public string? Sector { get; init; }
        public string? RoleClass { get; init; }
        public string? Level { get; init; }
        public string? AreaCode { get; init; }
        public string? ManagingAgencyId { get; init; }
        public string? AutonomyGroup { get; init; }
        public string? EstablishedOn { get; init; }
        public string? EndedOn { get; init; }
        public string? Address { get; init; }
        public string? Notes { get; init; }

        public static InputModel From(UnitView u) => new()
        {
            Code = u.Code, Name = u.Name, Sector = u.Sector, RoleClass = u.RoleClass, Level = u.Level, AreaCode = u.AreaCode,
            ManagingAgencyId = u.ManagingAgencyId.ToString(CultureInfo.InvariantCulture),
            AutonomyGroup = u.AutonomyGroup?.ToString(CultureInfo.InvariantCulture),
            EstablishedOn = Display.DateInput(u.EstablishedOn), EndedOn = Display.DateInput(u.EndedOn),
            Address = u.Address, Notes = u.Notes,
        };
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public List<AgencyOption> Agencies { get; private set; } = [];
    public List<AreaOption> Areas { get; private set; } = [];

    public abstract string SubmitLabel { get; }
    public abstract string CancelUrl { get; }

    protected SuNghiepDbContext Db => db;

    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        Agencies = await Lookups.AgenciesAsync(db, ct);
        Areas = await Lookups.AreasInScopeAsync(db, ct);
    }

    /// <summary>Reads the form; a value that is not a number or a date is reported on its field.</summary>
    protected (UnitInput Input, List<RuleViolation> Errors) Read()
    {
        var errors = new List<RuleViolation>();
        int? Number(string? text, string field, string message)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
            {
                return n;
            }

            errors.Add(new(field, message));
            return null;
        }

        DateOnly? Date(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (Display.TryParseDate(text, out var d))
            {
                return d;
            }

            errors.Add(new(field, "Ngày không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 01/07/2025."));
            return null;
        }

        var input = new UnitInput
        {
            Code = Input.Code,
            Name = Input.Name,
            Sector = Input.Sector,
            RoleClass = Input.RoleClass,
            Level = Input.Level,
            AreaCode = Input.AreaCode,
            ManagingAgencyId = Number(Input.ManagingAgencyId, "managingAgencyId", "Cơ quan quản lý không hợp lệ."),
            AutonomyGroup = Number(Input.AutonomyGroup, "autonomyGroup", "Nhóm tự chủ tài chính phải là 1, 2, 3 hoặc 4."),
            EstablishedOn = Date(Input.EstablishedOn, "establishedOn"),
            EndedOn = Date(Input.EndedOn, "endedOn"),
            Address = Input.Address,
            Notes = Input.Notes,
        };
        return (input, errors);
    }

    /// <summary>
    /// Shows every problem at once: the unreadable values, then the service's rules on the other fields
    /// (a rule on a field that could not be read would only repeat "please enter").
    /// </summary>
    protected async Task<IActionResult> InvalidAsync(IReadOnlyList<RuleViolation> typeErrors, Func<Task<IReadOnlyList<RuleViolation>>> rules, CancellationToken ct)
    {
        var fields = typeErrors.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
        var all = typeErrors.Concat((await rules()).Where(e => !fields.Contains(e.Field)));
        FormErrors.Add(ModelState, all);
        await LoadChoicesAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    protected async Task<IActionResult> InvalidAsync(IReadOnlyList<RuleViolation> errors, CancellationToken ct) =>
        await InvalidAsync(errors, () => Task.FromResult<IReadOnlyList<RuleViolation>>([]), ct);
}
