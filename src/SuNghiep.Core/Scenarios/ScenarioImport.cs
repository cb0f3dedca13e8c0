using System.Globalization;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Scenarios;

/// <summary>What an upload of events came to: how many were added, or the problems by row and column, or why it was refused.</summary>
public sealed record ScenarioImportResult(int Added, IReadOnlyList<ImportProblem> Problems, ScenarioResult? Refusal = null)
{
    public bool Succeeded => Refusal is null && Problems.Count == 0;
}

/// <summary>
/// Adds to a draft the events of an .xlsx in the columns of the reorganization import: the whole file is read and checked
/// with the scenario's other events by the rules of real ones, and added, or nothing is and every problem is reported with
/// its row and column. A unit that a row creates is named by its code in a later row, as in the reorganization import.
/// </summary>
public sealed class ScenarioImport(ScenarioService scenarios, ReorganizationImport import)
{
    public async Task<ScenarioImportResult> ImportAsync(int id, Stream file, CancellationToken ct = default)
    {
        var scenario = await scenarios.GetAsync(id, ct);
        if (scenario is null)
        {
            return new(0, [], ScenarioResult.Missing);
        }

        if (!scenario.IsAuthor)
        {
            return new(0, [], ScenarioResult.Refused("Chỉ người lập kịch bản mới thêm được sự kiện vào kịch bản."));
        }

        if (scenario.AppliedAt is { } applied)
        {
            return new(0, [], ScenarioResult.Conflicting(
                $"Kịch bản đã được áp dụng ngày {VietnamTime.FromUtc(applied):dd/MM/yyyy}; không thêm được sự kiện nữa."));
        }

        var refs = scenario.Events.SelectMany(e => e.NewUnits).Select(u => u.Ref?.Trim()).OfType<string>()
            .Where(r => r.Length > 0).ToHashSet(StringComparer.Ordinal);
        var read = await import.ReadForScenarioAsync(file, refs, ct);
        if (read.Problems.Count > 0)
        {
            return new(0, read.Problems);
        }

        var existing = scenario.Events.Count;
        var result = await scenarios.UpdateAsync(
            id, new ScenarioInput(scenario.Name, scenario.Notes, [.. scenario.Events, .. read.Events]), scenario.Revision, ct);
        if (result.NotFound || result.Forbidden is not null || result.Conflict is not null)
        {
            return new(0, [], result);
        }

        if (!result.Succeeded)
        {
            var problems = result.Errors.Select(e => Locate(e, existing, read)).DistinctBy(p => (p.Row, p.Column, p.Message))
                .OrderBy(p => p.Row).ThenBy(p => p.Column, StringComparer.Ordinal).ToList();
            return new(0, problems);
        }

        return new(read.Events.Count, []);
    }

    /// <summary>A problem of the scenario's check on the row and column of the file it comes from ("events[3].effectiveDate").</summary>
    private static ImportProblem Locate(RuleViolation error, int existing, ScenarioFile read)
    {
        var field = error.Field;
        if (field.StartsWith("events[", StringComparison.Ordinal))
        {
            var close = field.IndexOf(']', StringComparison.Ordinal);
            var index = int.Parse(field[7..close], CultureInfo.InvariantCulture);
            if (index >= existing)
            {
                var rest = close + 2 <= field.Length ? field[(close + 2)..] : "";
                return read.Locate(index - existing, error with { Field = rest });
            }

            // An event already in the scenario no longer passes with the file's: the problem is the scenario's, said so.
            return new ImportProblem(1, "A", "", $"Sự kiện thứ {index + 1} đã có của kịch bản: {error.Message}");
        }

        return new ImportProblem(1, "A", "", error.Message);
    }
}
