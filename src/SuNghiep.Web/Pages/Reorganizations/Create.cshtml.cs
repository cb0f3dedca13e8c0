using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Units;
using SuNghiep.Web.Infrastructure;
using SuNghiep.Web.Pages.Shared;
using SuNghiep.Web.Pages.Units;

namespace SuNghiep.Web.Pages.Reorganizations;

public sealed record UnitOption(int Id, string Code, string Name, string Detail);

/// <summary>A unit picker's choices: the units already chosen (ticked), then those the search found.</summary>
public sealed record UnitPicker(string Field, bool Multiple, IReadOnlyList<UnitOption> Selected, IReadOnlyList<UnitOption> Found, string? Search)
{
    public string InputName => Multiple ? "Input.SourceUnitIds" : "Input.ContinuingUnitId";
}

/// <summary>
/// One form for the nine forms of reorganization. Which fields a type needs is shown by a small script; the rules are
/// checked by <see cref="ReorganizationService"/> only. Without JavaScript the form's own buttons (search, add or remove a
/// new unit) post it back and re-render it.
/// </summary>
[Authorize(Policy = WebApp.UnitCreatePolicy)]
public sealed class CreateModel(SuNghiepDbContext db, ReorganizationService service, TimeProvider time) : PageModel
{
    public sealed record InputModel
    {
        public string? Type { get; init; }
        public string? DecisionNumber { get; init; }
        public string? DecisionDate { get; init; }
        public string? DecisionIssuer { get; init; }
        public string? EffectiveDate { get; init; }
        public List<string> SourceUnitIds { get; init; } = [];
        /// <summary>Codes typed by hand, separated by ";": the picker without JavaScript, or a list pasted in.</summary>
        public string? SourceUnitCodes { get; init; }
        public string? ContinuingUnitId { get; init; }
        public string? ContinuingUnitCode { get; init; }
        public List<UnitFormModel.InputModel> NewUnits { get; init; } = [];
        public string? NewManagingAgencyId { get; init; }
        public string? NewAreaCode { get; init; }
        public string? NewName { get; init; }
        public string? Notes { get; init; }
    }

    public const int SearchSize = 12;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>record (the default), add-unit, remove-unit:N, search-source, search-continuing.</summary>
    [BindProperty(Name = "command")]
    public string? Command { get; set; }

    [BindProperty(Name = "sourceSearch")]
    public string? SourceSearch { get; set; }

    [BindProperty(Name = "continuingSearch")]
    public string? ContinuingSearch { get; set; }

    /// <summary>The names of the agencies and areas the form holds, for their pickers.</summary>
    public PickerLabels Labels { get; private set; } = PickerLabels.None;
    public UnitPicker Sources { get; private set; } = null!;
    public UnitPicker Continuing { get; private set; } = null!;

    /// <summary>What each form does to the register and what it needs (domain 3.1), shown beside the type.</summary>
    public static IReadOnlyDictionary<ReorganizationType, string> Hints { get; } = new Dictionary<ReorganizationType, string>
    {
        [ReorganizationType.Establishment] = "Một đơn vị mới được thành lập. Nhập thông tin đơn vị mới. Số đơn vị tăng 1.",
        [ReorganizationType.Consolidation] = "Từ hai đơn vị trở lên cùng chấm dứt hoạt động để thành lập một đơn vị mới. Chọn các đơn vị được hợp nhất và nhập đơn vị mới. Số đơn vị giảm (số đơn vị được hợp nhất − 1).",
        [ReorganizationType.Merger] = "Một hoặc nhiều đơn vị bị sáp nhập chấm dứt hoạt động; đơn vị tiếp nhận tiếp tục hoạt động. Chọn các đơn vị bị sáp nhập và đơn vị tiếp nhận. Số đơn vị giảm bằng số đơn vị bị sáp nhập.",
        [ReorganizationType.Division] = "Một đơn vị chấm dứt hoạt động và được chia thành từ hai đơn vị mới trở lên. Chọn đơn vị bị chia và nhập các đơn vị mới. Số đơn vị tăng (số đơn vị mới − 1).",
        [ReorganizationType.Separation] = "Đơn vị bị tách tiếp tục hoạt động; một hoặc nhiều đơn vị mới được tách ra từ đơn vị đó. Chọn đơn vị bị tách và nhập các đơn vị mới. Số đơn vị tăng bằng số đơn vị mới.",
        [ReorganizationType.Dissolution] = "Đơn vị chấm dứt hoạt động. Chọn các đơn vị bị giải thể. Số đơn vị giảm bằng số đơn vị bị giải thể.",
        [ReorganizationType.Conversion] = "Đơn vị chuyển thành công ty cổ phần theo Nghị định 150/2020/NĐ-CP (không phải một hình thức tổ chức lại của Nghị định 120/2020/NĐ-CP) và ra khỏi sổ đăng ký đơn vị sự nghiệp công lập. Chọn đơn vị chuyển đổi. Số đơn vị giảm 1.",
        [ReorganizationType.Transfer] = "Đơn vị giữ nguyên, chuyển sang cơ quan quản lý khác (và địa bàn khác nếu có, như ngày 01/07/2025). Chọn các đơn vị và cơ quan quản lý mới. Số đơn vị không đổi.",
        [ReorganizationType.Rename] = "Đơn vị giữ nguyên, mang tên mới. Chọn đơn vị và nhập tên mới. Số đơn vị không đổi.",
        [ReorganizationType.ReceiveFromMinistry] = "Đơn vị do bộ, ngành trung ương bàn giao về địa phương tiếp tục hoạt động dưới cơ quan quản lý của tỉnh (hoặc xã). Chọn các đơn vị và cơ quan quản lý mới. Số đơn vị của địa phương tăng bằng số đơn vị tiếp nhận; cả nước không đổi.",
        [ReorganizationType.MergeIntoAgency] = "Đơn vị chấm dứt hoạt động; chức năng, nhiệm vụ chuyển về một cơ quan hành chính. Chọn các đơn vị và cơ quan tiếp nhận. Số đơn vị giảm bằng số đơn vị được sáp nhập.",
        [ReorganizationType.ConversionToNonPublic] = "Đơn vị chuyển thành đơn vị sự nghiệp ngoài công lập và ra khỏi sổ đăng ký đơn vị sự nghiệp công lập. Chọn đơn vị chuyển đổi. Số đơn vị giảm 1.",
    };

    // The fields each group of the form serves, by type code; the page's script shows only the groups of the chosen type.
    public const string SourceTypes = "consolidation merger division dissolution conversion transfer rename receivefromministry mergeintoagency conversiontononpublic";
    public const string AgencyTypes = "transfer receivefromministry mergeintoagency";
    public const string ContinuingTypes = "merger separation";
    public const string NewUnitTypes = "establishment consolidation division separation";

    internal static readonly Dictionary<string, string> DecisionFields = new()
    {
        ["decision.number"] = "Input.DecisionNumber",
        ["decision.date"] = "Input.DecisionDate",
        ["decision.issuer"] = "Input.DecisionIssuer",
    };

    // The fields of a new unit that the form shows; any other rule on a new unit is shown on its block.
    private static readonly HashSet<string> NewUnitFields =
        ["code", "name", "sector", "roleClass", "level", "areaCode", "managingAgencyId", "autonomyGroup"];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input = new InputModel { NewUnits = [new()] };
        await LoadAsync(ct);
    }

    /// <summary>The htmx search of a picker: the ticked units stay, the matching active units in scope follow.</summary>
    public async Task<IActionResult> OnGetUnitsAsync(string? field, CancellationToken ct)
    {
        var multiple = field != "continuing";
        var query = Request.Query;
        var selected = Ids(query[multiple ? "Input.SourceUnitIds" : "Input.ContinuingUnitId"]);
        var search = query[multiple ? "sourceSearch" : "continuingSearch"].ToString();
        var on = Display.TryParseDate(query["Input.EffectiveDate"], out var date) ? date : (DateOnly?)null;
        return Partial("_UnitOptions", await PickerAsync(multiple, selected, search, on, ct));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var command = Command ?? "record";
        if (command != "record")
        {
            // A change to the form itself, not a submission: nothing is checked yet, and the form shows what it holds.
            ModelState.Clear();
            var units = Input.NewUnits.ToList();
            if (command == "add-unit")
            {
                units.Add(new());
            }
            else if (command.StartsWith("remove-unit:", StringComparison.Ordinal)
                     && int.TryParse(command["remove-unit:".Length..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var index)
                     && index >= 0 && index < units.Count)
            {
                units.RemoveAt(index);
            }
            else if (command == "prefill")
            {
                units = await PrefillAsync(db, Input, ct);
            }

            Input = Input with { NewUnits = units };
            await LoadAsync(ct, searchSources: command == "search-source", searchContinuing: command == "search-continuing");
            return Page();
        }

        var (input, newUnitRows, errors) = await ReadAsync(ct);
        if (errors.Count > 0)
        {
            return await InvalidAsync(errors, ct);
        }

        var result = await service.RecordAsync(input, ct);
        if (!result.Succeeded)
        {
            return await InvalidAsync(result.Errors.Select(e => OnForm(e, newUnitRows)).ToList(), ct);
        }

        var type = ReorganizationRules.Parse(input.Type)!.Value;
        TempData["Success"] = $"Đã ghi nhận sự kiện {ReorganizationRules.TypeNameWithBasis(type).ToLowerInvariant()} theo quyết định số {input.DecisionNumber!.Trim()}.";
        if (result.Warnings.Count > 0)
        {
            TempData["Warnings"] = string.Join('\n', result.Warnings.Select(w => w.Message).Distinct());
        }

        return Redirect($"/reorganizations/{result.Id}");
    }

    /// <summary>
    /// Reads the form into the service's input: dates, the ticked and the typed units, the new units that are not left
    /// blank (with the row of the form each came from, to put its errors back on it).
    /// </summary>
    private Task<(ReorganizationInput Input, List<int> NewUnitRows, List<RuleViolation> Errors)> ReadAsync(CancellationToken ct) =>
        ReadAsync(Input, db, ct);

    /// <summary>The same reading for any form of these fields (a scenario's proposed event too).</summary>
    internal static async Task<(ReorganizationInput Input, List<int> NewUnitRows, List<RuleViolation> Errors)> ReadAsync(
        InputModel form, SuNghiepDbContext db, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
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

            errors.Add(new(field, Display.InvalidDate()));
            return null;
        }

        var sources = new List<int>();
        foreach (var text in form.SourceUnitIds.Where(t => !string.IsNullOrWhiteSpace(t)))
        {
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
            {
                sources.Add(id);
            }
            else
            {
                errors.Add(new("sourceUnitIds", "Đơn vị được chọn không hợp lệ."));
            }
        }

        var typed = Codes(form.SourceUnitCodes).Append(form.ContinuingUnitCode?.Trim() ?? "").Where(c => c.Length > 0).Distinct().ToList();
        var byCode = typed.Count == 0 ? []
            : await db.Units.AsNoTracking().Where(u => typed.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Id, StringComparer.Ordinal, ct);
        foreach (var code in Codes(form.SourceUnitCodes))
        {
            if (byCode.TryGetValue(code, out var id))
            {
                sources.Add(id);
            }
            else
            {
                errors.Add(new("sourceUnitCodes", $"Không tìm thấy đơn vị mã \"{code}\" trong phạm vi của bạn."));
            }
        }

        int? continuing = null;
        if (!string.IsNullOrWhiteSpace(form.ContinuingUnitCode))
        {
            if (byCode.TryGetValue(form.ContinuingUnitCode.Trim(), out var id))
            {
                continuing = id;
            }
            else
            {
                errors.Add(new("continuingUnitCode", $"Không tìm thấy đơn vị mã \"{form.ContinuingUnitCode.Trim()}\" trong phạm vi của bạn."));
            }
        }

        if (!string.IsNullOrWhiteSpace(form.ContinuingUnitId))
        {
            if (!int.TryParse(form.ContinuingUnitId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
            {
                errors.Add(new("continuingUnitId", "Đơn vị được chọn không hợp lệ."));
            }
            else if (continuing is { } other && other != id)
            {
                errors.Add(new("continuingUnitId", "Bạn đã chọn một đơn vị và nhập mã của một đơn vị khác; hãy giữ lại một đơn vị."));
            }
            else
            {
                continuing = id;
            }
        }

        int? agency = null;
        var agencyText = await Pickers.AgencyFieldAsync(db, form.NewManagingAgencyId, "newManagingAgencyId", errors, ct);
        if (!string.IsNullOrWhiteSpace(agencyText))
        {
            if (int.TryParse(agencyText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
            {
                agency = id;
            }
            else
            {
                errors.Add(new("newManagingAgencyId", "Cơ quan quản lý mới không hợp lệ."));
            }
        }

        var newAreaCode = await Pickers.AreaFieldAsync(db, form.NewAreaCode, null, "newAreaCode", errors, ct);

        // A block left blank is not a unit: the form always offers one, whatever the type.
        var rows = new List<int>();
        var newUnits = new List<UnitInput>();
        for (var i = 0; i < form.NewUnits.Count; i++)
        {
            if (!form.NewUnits[i].IsBlank)
            {
                rows.Add(i);
                var unit = await form.NewUnits[i].ResolvePickersAsync(db, errors, $"newUnits[{i}].", ct);
                newUnits.Add(unit.ToUnitInput(errors, $"newUnits[{i}]."));
            }
        }

        var input = new ReorganizationInput
        {
            Type = form.Type,
            DecisionNumber = form.DecisionNumber,
            DecisionDate = Date(form.DecisionDate, "decisionDate"),
            DecisionIssuer = form.DecisionIssuer,
            EffectiveDate = Date(form.EffectiveDate, "effectiveDate"),
            SourceUnitIds = sources.Distinct().ToList(),
            ContinuingUnitId = continuing,
            NewUnits = newUnits,
            NewManagingAgencyId = agency,
            NewAreaCode = newAreaCode,
            NewName = form.NewName,
            Notes = form.Notes,
        };
        return (input, rows, errors);
    }

    /// <summary>The types whose new units come from the chosen sources, and so are proposed from them.</summary>
    public const string PrefillTypes = "consolidation division";

    /// <summary>
    /// The new-unit blocks with their empty fields filled from the chosen sources (<see cref="NewUnitProposal"/>): what
    /// the officer typed stays. A consolidation's single new unit gets a proposed name too.
    /// </summary>
    internal static async Task<List<UnitFormModel.InputModel>> PrefillAsync(SuNghiepDbContext db, InputModel form, CancellationToken ct)
    {
        var ids = Ids(form.SourceUnitIds);
        var codes = Codes(form.SourceUnitCodes);
        // The units' current values: a source is active on the effective date, and its last version is what it became.
        var sources = await db.Units.AsNoTracking()
            .Where(u => ids.Contains(u.Id) || codes.Contains(u.Code))
            .OrderBy(u => u.SortKey)
            .Select(u => new SourceUnitFacts(u.Name, u.SectorCode, u.RoleClassCode, u.LevelCode, u.Area!.Code, u.ManagingAgencyId))
            .ToListAsync(ct);
        var proposal = NewUnitProposal.From(sources, proposeName: form.Type == "consolidation");
        static string? Keep(string? typed, string? proposed) => string.IsNullOrWhiteSpace(typed) ? proposed : typed;
        var units = form.NewUnits.Count == 0 ? [new()] : form.NewUnits.ToList();
        return units.Select(u => u with
        {
            Name = Keep(u.Name, proposal.Name),
            Sector = Keep(u.Sector, proposal.Sector),
            RoleClass = Keep(u.RoleClass, proposal.RoleClass),
            Level = Keep(u.Level, proposal.Level),
            AreaCode = Keep(u.AreaCode, proposal.AreaCode),
            ManagingAgencyId = Keep(u.ManagingAgencyId, proposal.ManagingAgencyId?.ToString(CultureInfo.InvariantCulture)),
        }).ToList();
    }

    /// <summary>Moves a rule of the service onto the form: a new unit's errors go to the block it was typed in.</summary>
    private RuleViolation OnForm(RuleViolation e, List<int> newUnitRows) => OnForm(e, newUnitRows, Input);

    internal static RuleViolation OnForm(RuleViolation e, List<int> newUnitRows, InputModel form)
    {
        if (e.Field == "type" && string.IsNullOrWhiteSpace(form.Type))
        {
            return e with { Message = "Vui lòng chọn hình thức sắp xếp." };
        }

        var close = e.Field.IndexOf(']', StringComparison.Ordinal);
        if (!e.Field.StartsWith("newUnits[", StringComparison.Ordinal) || close <= 9
            || !int.TryParse(e.Field[9..close], NumberStyles.Integer, CultureInfo.InvariantCulture, out var index))
        {
            return e;
        }

        var row = index < newUnitRows.Count ? newUnitRows[index] : index;
        var field = close + 2 <= e.Field.Length ? e.Field[(close + 2)..] : "";
        return field switch
        {
            // A new unit starts on the effective date: a rule on its start is a rule on that date.
            "establishedOn" => new("effectiveDate", $"Đơn vị mới thứ {row + 1}: {e.Message}"),
            _ when NewUnitFields.Contains(field) => e with { Field = $"newUnits[{row}].{field}" },
            _ => e with { Field = $"newUnits[{row}]" },
        };
    }

    private async Task<IActionResult> InvalidAsync(IReadOnlyList<RuleViolation> errors, CancellationToken ct)
    {
        FormErrors.Add(ModelState, errors.DistinctBy(e => (e.Field, e.Message)), DecisionFields);
        await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct, bool searchSources = false, bool searchContinuing = false)
    {
        Labels = await Pickers.LabelsAsync(db, Input.NewUnits.Select(u => u.ManagingAgencyId).Append(Input.NewManagingAgencyId),
            Input.NewUnits.Select(u => u.AreaCode).Append(Input.NewAreaCode), ct);
        var on = Display.TryParseDate(Input.EffectiveDate, out var date) ? date : (DateOnly?)null;
        Sources = await PickerAsync(true, Ids(Input.SourceUnitIds), searchSources ? SourceSearch : null, on, ct);
        Continuing = await PickerAsync(false, Ids(Input.ContinuingUnitId), searchContinuing ? ContinuingSearch : null, on, ct);
    }

    private Task<UnitPicker> PickerAsync(bool multiple, List<int> selectedIds, string? search, DateOnly? on, CancellationToken ct) =>
        PickerAsync(db, time, multiple, selectedIds, search, on, ct);

    internal static async Task<UnitPicker> PickerAsync(
        SuNghiepDbContext db, TimeProvider time, bool multiple, List<int> selectedIds, string? search, DateOnly? on, CancellationToken ct)
    {
        if (!multiple)
        {
            selectedIds = selectedIds.Take(1).ToList();
        }

        var selected = await db.Units.AsNoTracking().Where(u => selectedIds.Contains(u.Id)).OrderBy(u => u.SortKey)
            .Select(u => new UnitOption(u.Id, u.Code, u.Name, u.Area!.Type + " " + u.Area.Name + " · " + u.ManagingAgency!.Name))
            .ToListAsync(ct);
        var found = new List<UnitOption>();
        if (!string.IsNullOrWhiteSpace(search))
        {
            // Units active on the effective date when it is known: only those can take part in the event.
            var page = await UnitQueries.ListAsync(db, new UnitQuery { Search = search.Trim(), Status = "active", PageSize = SearchSize },
                on ?? Display.Today(time), ct);
            found = page.Items.Where(u => !selectedIds.Contains(u.Id))
                .Select(u => new UnitOption(u.Id, u.Code, u.Name, u.AreaName + " · " + u.ManagingAgencyName)).ToList();
        }

        return new UnitPicker(multiple ? "source" : "continuing", multiple, selected, found, search);
    }

    internal static List<int> Ids(IEnumerable<string?> values) =>
        values.Select(v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).Distinct().ToList();

    private static List<int> Ids(StringValues values) => Ids(values.AsEnumerable());

    internal static List<int> Ids(string? value) => Ids([value]);

    private static string[] Codes(string? value) =>
        (value ?? "").Split([';', ',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
