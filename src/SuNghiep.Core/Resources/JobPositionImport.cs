using System.Globalization;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Text;

namespace SuNghiep.Core.Resources;

/// <summary>
/// A unit's approved list of job positions from .xlsx, one position a row, in the columns the page's export writes (so
/// that an exported list, amended, goes back in); the decision comes with the upload. All or nothing, problems by row and column.
/// </summary>
public sealed class JobPositionImport(JobPositionService service, SheetLimits? limits = null)
{
    private sealed record Column(string Letter, string Header, string Field, bool Required);

    private static readonly Column[] Columns =
    [
        new("B", "Tên vị trí việc làm", "name", true),
        new("C", "Nhóm vị trí việc làm", "group", true),
        new("D", "Chức danh nghề nghiệp", "titleName", false),
        new("E", "Mã chức danh nghề nghiệp", "titleCode", false),
        new("F", "Số lượng người làm việc", "people", true),
    ];

    public static IReadOnlyList<string> Headers => [.. Columns.Select(c => c.Header)];

    /// <summary>The outcome: the new list and its warnings, or the problems of the file (nothing written), or a unit not found.</summary>
    public sealed record Outcome(JobPositionListView? List, IReadOnlyList<RuleViolation> Warnings, IReadOnlyList<ImportProblem> Problems, IReadOnlyList<RuleViolation> DecisionErrors, bool NotFound);

    public async Task<Outcome> ImportAsync(int unitId, Stream file, string? decisionNumber, DateOnly? decisionDate, string? decisionIssuer, string? notes, CancellationToken ct = default)
    {
        var (rows, unreadable) = SheetReader.Read(file, JobPositionRules.MaxRows, limits);
        if (unreadable is not null)
        {
            return new(null, [], [unreadable], [], false);
        }

        var keys = rows.Count == 0 ? [] : rows[0].Keys.GroupBy(Fold).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var missing = Columns.Where(c => c.Required && !keys.ContainsKey(Fold(c.Header))).ToList();
        if (rows.Count == 0 || missing.Count > 0)
        {
            return new(null, [], rows.Count == 0
                ? [new(2, "B", Columns[0].Header, "Tệp không có dòng dữ liệu nào.")]
                : missing.Select(c => new ImportProblem(1, c.Letter, c.Header, $"Thiếu cột \"{c.Header}\"; hãy dùng tệp xuất từ trang vị trí việc làm.")).ToList(), [], false);
        }

        string? Cell(IDictionary<string, object?> row, Column c) =>
            keys.TryGetValue(Fold(c.Header), out var key) && row.TryGetValue(key, out var value) ? SheetReader.Text(value) : null;

        var problems = new List<ImportProblem>();
        var facts = new List<JobPositionFacts>();
        var excelRows = new List<int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (Columns.All(c => Cell(row, c) is null))
            {
                continue;
            }

            var groupText = Cell(row, Columns[1]);
            var group = JobPositionRules.Parse(groupText)
                ?? JobPositionRules.Groups.Cast<JobPositionGroup?>().FirstOrDefault(g => groupText is not null && Fold(JobPositionRules.Label(g!.Value)) == Fold(groupText));
            if (groupText is not null && group is null)
            {
                problems.Add(new(i + 2, "C", Columns[1].Header, $"Nhóm \"{groupText}\" không có; ghi một trong: {string.Join("; ", JobPositionRules.Groups.Select(JobPositionRules.Label))}."));
            }

            int? people = null;
            if (Cell(row, Columns[4]) is { } peopleText)
            {
                if (int.TryParse(peopleText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
                {
                    people = n;
                }
                else
                {
                    problems.Add(new(i + 2, "F", Columns[4].Header, $"\"{peopleText}\" không phải số nguyên."));
                }
            }

            facts.Add(new JobPositionFacts(Cell(row, Columns[0]), group, Cell(row, Columns[2]), Cell(row, Columns[3]), people));
            excelRows.Add(i + 2);
        }

        if (problems.Count > 0)
        {
            return new(null, [], problems, [], false);
        }

        var result = await service.ApproveAsync(unitId, new JobPositionListInput(decisionNumber, decisionDate, decisionIssuer, notes, facts), ct);
        if (result.NotFound)
        {
            return new(null, [], [], [], true);
        }

        if (result.Value is { } list)
        {
            return new(list, result.Warnings, [], [], false);
        }

        // A row's problem goes to its row and column of the file; the decision's stay on the decision's fields.
        foreach (var e in result.Errors)
        {
            var m = System.Text.RegularExpressions.Regex.Match(e.Field, @"^positions\[(\d+)\]\.(\w+)$");
            if (m.Success && int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) is var index && index < excelRows.Count
                && Columns.FirstOrDefault(c => c.Field == m.Groups[2].Value) is { } column)
            {
                var message = System.Text.RegularExpressions.Regex.Replace(e.Message, @"^Dòng \d+: ", "");
                problems.Add(new(excelRows[index], column.Letter, column.Header, char.ToUpper(message[0], CultureInfo.InvariantCulture) + message[1..]));
            }
        }

        return new(null, [], problems, result.Errors.Where(e => !e.Field.StartsWith("positions[", StringComparison.Ordinal)).ToList(), false);
    }

    private static string Fold(string header) => VietnameseText.Fold(header).Replace(" ", "", StringComparison.Ordinal);
}
