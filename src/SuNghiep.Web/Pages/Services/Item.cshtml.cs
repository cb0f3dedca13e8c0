using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Services;
using SuNghiep.Web.Pages.Shared;

namespace SuNghiep.Web.Pages.Services;

/// <summary>
/// An item of a catalogue with its prices over time and its economic-technical norms; for whoever may write the catalogue,
/// a form that records a norm (POST /api/v1/service-items/{id}/norms).
/// </summary>
public sealed partial class ItemModel(SuNghiepDbContext db, CatalogueService service, CatalogueQueries queries) : PageModel
{
    /// <summary>The input lines the norm form offers; blank ones are ignored.</summary>
    public const int NormLines = 5;

    public sealed record NormLineModel
    {
        public string? Kind { get; init; }
        public string? Name { get; init; }
        public string? Unit { get; init; }
        public string? Quantity { get; init; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Kind) && string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Unit)
            && string.IsNullOrWhiteSpace(Quantity);
    }

    public sealed record InputModel
    {
        public string? OutputUnit { get; init; }
        public string? ValidFrom { get; init; }
        public string? DecisionNumber { get; init; }
        public string? DecisionDate { get; init; }
        public string? DecisionIssuer { get; init; }
        public List<NormLineModel> Lines { get; init; } = [];
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ItemView Item { get; private set; } = null!;

    /// <summary>The items of a group, in the decision's order.</summary>
    public IReadOnlyList<(int Id, string Code, string Name)> Children { get; private set; } = [];

    public bool CanRecord => Roles.UnitCreators.Any(User.IsInRole);

    /// <summary>Whether the caller may write this item's prices and norms: the API's own decision.</summary>
    public bool CanEdit { get; private set; }

    /// <summary>Whether the norm form was posted with mistakes, so that it opens with them.</summary>
    public bool NormFailed { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = new InputModel { OutputUnit = Item.OutputUnit };
        return Page();
    }

    public async Task<IActionResult> OnPostNormAsync(int id, CancellationToken ct)
    {
        if (await RefusalAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        ModelState.Clear();
        var values = new FormValues();
        // Blank lines are dropped; the service numbers the lines it gets, so each is mapped back to its row on the form.
        var rows = Input.Lines.Take(NormLines).Select((line, row) => (Line: line, Row: row)).Where(x => !x.Line.IsBlank).ToList();
        var lines = rows.Select(x => new NormLine(x.Line.Kind, x.Line.Name, x.Line.Unit,
            values.Number(x.Line.Quantity, $"lines[{x.Row}].quantity", $"Dòng {x.Row + 1}: số lượng phải là một số, ví dụ 0,5."))).ToList();
        var input = new NormInput(Input.OutputUnit, lines,
            new(Input.DecisionNumber, values.Date(Input.DecisionDate, "decision.date", "Ngày quyết định"), Input.DecisionIssuer),
            values.Date(Input.ValidFrom, "validFrom", "Ngày có hiệu lực"));
        var errors = values.Errors;
        // The service checks even when a value did not parse, so that every mistake shows at once; it cannot save then,
        // since each parsed value is required, and a field's parse message stands over its "required" one.
        var result = await service.AddNormAsync(id, input, ct);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (result.Forbidden is not null)
        {
            return Forbid();
        }

        if (result.Value is not null && errors.Count == 0)
        {
            TempData["Success"] = "Đã ghi nhận định mức kinh tế - kỹ thuật.";
            return Redirect($"/services/items/{id}");
        }

        var unparsed = errors.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
        errors.AddRange(result.Errors.Select(e => ToRow(e, rows.Select(x => x.Row).ToList())).Where(e => !unparsed.Contains(e.Field)));

        FormErrors.Add(ModelState, errors, Fields);
        NormFailed = true;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The form's field of each of the service's fields; an input line's go to its row ("Input.Lines[2].Quantity").</summary>
    private static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>(FormFields.Decision, StringComparer.Ordinal)
    {
        ["inputs"] = "Input.Lines",
    };

    /// <summary>A violation of the n-th line the service got, renamed and renumbered to that line's row on the form.</summary>
    private static RuleViolation ToRow(RuleViolation e, List<int> rows)
    {
        var match = LineField().Match(e.Field);
        if (!match.Success || !int.TryParse(match.Groups[1].Value, out var n) || n >= rows.Count)
        {
            return e;
        }

        var row = rows[n];
        var message = e.Message.StartsWith($"Dòng {n + 1}:", StringComparison.Ordinal) ? $"Dòng {row + 1}:{e.Message[$"Dòng {n + 1}:".Length..]}" : e.Message;
        return new($"lines[{row}]{match.Groups[2].Value}", message);
    }

    [GeneratedRegex(@"^inputs\[(\d+)\](.*)$")]
    private static partial Regex LineField();

    /// <summary>Why a write is refused (a role that writes no catalogue, no such object, a catalogue of another level or area); null when allowed.</summary>
    private async Task<IActionResult?> RefusalAsync(int id, CancellationToken ct) =>
        !CanRecord ? Forbid() : !await LoadAsync(id, ct) ? NotFound() : !CanEdit ? Forbid() : null;

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await queries.ItemAsync(id, null, null, ct) is not { } item)
        {
            return false;
        }

        Item = item;
        Children = (await db.ServiceItems.AsNoTracking().Where(x => x.ParentId == id).OrderBy(x => x.Ordinal).ThenBy(x => x.Id)
            .Select(x => new { x.Id, x.Code, x.Name }).ToListAsync(ct)).Select(x => (x.Id, x.Code, x.Name)).ToList();
        if (CanRecord)
        {
            var c = await db.ServiceCatalogues.AsNoTracking().Where(x => x.Id == item.CatalogueId)
                .Select(x => new { x.Level, x.AreaCode, x.IssuerAgencyId }).FirstAsync(ct);
            CanEdit = await service.RefusalAsync(c.Level, c.AreaCode, c.IssuerAgencyId, ct) is null;
        }

        return true;
    }
}
