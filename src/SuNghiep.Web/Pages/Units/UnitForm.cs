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

        /// <summary>Set on an edit that records a change from a date (a new version) rather than a correction.</summary>
        public string? EffectiveFrom { get; init; }
        public string? DecisionNumber { get; init; }
        public string? DecisionDate { get; init; }
        public string? DecisionIssuer { get; init; }

        /// <summary>The listing for conversion into a joint-stock company; kept as stored when the role may not change it.</summary>
        public string? ConversionListedBy { get; init; }
        public string? ConversionListedOn { get; init; }

        /// <summary>Nothing typed: a new-unit block of a reorganization form left empty.</summary>
        public bool IsBlank =>
            new[] { Code, Name, Sector, RoleClass, Level, AreaCode, ManagingAgencyId, AutonomyGroup }.All(string.IsNullOrWhiteSpace);

        /// <summary>
        /// The values as the services take them; a value that is not a number or a date is reported under its API
        /// field, behind the prefix ("newUnits[0].") of a unit nested in another form.
        /// </summary>
        public UnitInput ToUnitInput(List<RuleViolation> errors, string prefix = "")
        {
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

                errors.Add(new(prefix + field, message));
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

                errors.Add(new(prefix + field, Display.InvalidDate()));
                return null;
            }

            return new UnitInput
            {
                Code = Code,
                Name = Name,
                Sector = Sector,
                RoleClass = RoleClass,
                Level = Level,
                AreaCode = AreaCode,
                ManagingAgencyId = Number(ManagingAgencyId, "managingAgencyId", "Cơ quan quản lý không hợp lệ."),
                AutonomyGroup = Number(AutonomyGroup, "autonomyGroup", "Nhóm tự chủ tài chính phải là 1, 2, 3 hoặc 4."),
                EstablishedOn = Date(EstablishedOn, "establishedOn"),
                EndedOn = Date(EndedOn, "endedOn"),
                Address = Address,
                Notes = Notes,
                EffectiveFrom = Date(EffectiveFrom, "effectiveFrom"),
                DecisionNumber = DecisionNumber,
                DecisionDate = Date(DecisionDate, "decisionDate"),
                DecisionIssuer = DecisionIssuer,
                ConversionListingGiven = true,
                ConversionListedBy = ConversionListedBy,
                ConversionListedOn = Date(ConversionListedOn, "conversionListedOn"),
            };
        }

        /// <summary>
        /// The form with its agency and area pickers read as the services take them: an id and a code, whether the
        /// picker sent them or a name was typed without JavaScript. A name that names none or several is reported
        /// under its API field and left out, so that it is not reported twice.
        /// </summary>
        public async Task<InputModel> ResolvePickersAsync(SuNghiepDbContext db, List<RuleViolation> errors, string prefix, CancellationToken ct) =>
            this with
            {
                ManagingAgencyId = await Pickers.AgencyFieldAsync(db, ManagingAgencyId, prefix + "managingAgencyId", errors, ct),
                AreaCode = await Pickers.AreaFieldAsync(db, AreaCode, null, prefix + "areaCode", errors, ct),
            };

        public static InputModel From(UnitView u) => new()
        {
            Code = u.Code, Name = u.Name, Sector = u.Sector, RoleClass = u.RoleClass, Level = u.Level, AreaCode = u.AreaCode,
            ManagingAgencyId = u.ManagingAgencyId.ToString(CultureInfo.InvariantCulture),
            AutonomyGroup = u.AutonomyGroup?.ToString(CultureInfo.InvariantCulture),
            EstablishedOn = Display.DateInput(u.EstablishedOn), EndedOn = Display.DateInput(u.EndedOn),
            Address = u.Address, Notes = u.Notes,
            ConversionListedBy = u.ConversionListedBy, ConversionListedOn = Display.DateInput(u.ConversionListedOn),
        };
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The revision of the unit the edit page was opened on, carried in a hidden field; null on the create page.</summary>
    [BindProperty]
    public int? Revision { get; set; }

    /// <summary>The names of the agency and area the form holds, for their pickers.</summary>
    public PickerLabels Labels { get; private set; } = PickerLabels.None;

    public abstract string SubmitLabel { get; }
    public abstract string CancelUrl { get; }

    /// <summary>The fields (API names) the caller's role may not change here: shown disabled, and kept as stored.</summary>
    public IReadOnlySet<string> Locked { get; protected set; } = new HashSet<string>();

    /// <summary>Whether the caller keeps the list of units to convert into joint-stock companies (Home Affairs, administrator).</summary>
    public bool MayListForConversion => Permissions.MayChangeUnitField(db.Scope.Role, "conversionListedBy");

    /// <summary>Whether the form offers "Áp dụng từ ngày": only an existing unit has a version to close.</summary>
    public virtual bool ChangesFromDate => false;

    protected SuNghiepDbContext Db => db;

    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        Labels = await Pickers.LabelsAsync(db, [Input.ManagingAgencyId], [Input.AreaCode], ct);
    }

    /// <summary>
    /// Reads the form; a value that is not a number or a date, or an agency or area name that names none or several, is
    /// reported on its field.
    /// </summary>
    protected async Task<(UnitInput Input, List<RuleViolation> Errors)> ReadAsync(CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        var resolved = await Input.ResolvePickersAsync(db, errors, "", ct);
        return (resolved.ToUnitInput(errors), errors);
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
