using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Text;
using SuNghiep.Web.Pages.Plans;

namespace SuNghiep.Web.Pages.Shared;

/// <summary>
/// The task picker: the plan tasks of the caller's scope (the context's filter) whose folded content or document number
/// holds every word, so that a form can cite a task without listing them all. Without JavaScript the field takes the
/// task's number or words that name only one task.
/// </summary>
public static class TaskPicker
{
    private sealed record Row(int Id, string Content, string DocumentNumber, DateOnly IssuedOn, string LeadName)
    {
        public string Folded { get; } = VietnameseText.Fold(Content + " " + DocumentNumber);
    }

    /// <summary>At most <see cref="Pickers.MaxItems"/> tasks, the latest documents first; the value is the task's id.</summary>
    public static async Task<List<PickerItem>> TasksAsync(SuNghiepDbContext db, string q, CancellationToken ct) =>
        Match(await RowsAsync(db, ct), VietnameseText.Fold(q)).Take(Pickers.MaxItems).Select(Item).ToList();

    /// <summary>The task a form's text names: its id as the picker sends it, else the one task of the scope the words match.</summary>
    public static async Task<PickerResolution> ResolveAsync(SuNghiepDbContext db, string text, CancellationToken ct)
    {
        var trimmed = text.Trim();
        if (int.TryParse(trimmed.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            var content = await db.PlanTasks.AsNoTracking().Where(t => t.Id == id).Select(t => t.Content).FirstOrDefaultAsync(ct);
            return content is null
                ? new(null, null, $"Không tìm thấy nhiệm vụ số {id} trong phạm vi của bạn.")
                : new(id.ToString(CultureInfo.InvariantCulture), PlanDisplay.ShortTitle(content), null);
        }

        var matches = Match(await RowsAsync(db, ct), VietnameseText.Fold(trimmed));
        return matches.Count switch
        {
            1 => new(matches[0].Id.ToString(CultureInfo.InvariantCulture), PlanDisplay.ShortTitle(matches[0].Content), null),
            0 => new(null, null, $"Không tìm thấy nhiệm vụ \"{trimmed}\" trong phạm vi của bạn; gõ vài từ của nội dung nhiệm vụ hoặc số văn bản."),
            _ => new(null, null, $"\"{trimmed}\" khớp với {matches.Count} nhiệm vụ: "
                + string.Join("; ", matches.Take(5).Select(m => $"{PlanDisplay.ShortTitle(m.Content)} (văn bản {m.DocumentNumber}, số {m.Id})"))
                + (matches.Count > 5 ? $" và {matches.Count - 5} nhiệm vụ khác" : "") + ". Hãy chọn một nhiệm vụ trong danh sách hoặc nhập số nhiệm vụ."),
        };
    }

    /// <summary>Which task a re-rendered form shows for the id it holds.</summary>
    public static async Task<string?> LabelAsync(SuNghiepDbContext db, string? value, CancellationToken ct) =>
        int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await db.PlanTasks.AsNoTracking().Where(t => t.Id == id).Select(t => t.Content).FirstOrDefaultAsync(ct) is { } content
                ? PlanDisplay.ShortTitle(content) + " (" + id.ToString(CultureInfo.InvariantCulture) + ")"
                : null
            : null;

    // Tasks are read whole and matched without accents in memory: a scope holds hundreds of tasks, not the register's size.
    private static async Task<List<Row>> RowsAsync(SuNghiepDbContext db, CancellationToken ct) =>
        (await db.PlanTasks.AsNoTracking()
            .Select(t => new { t.Id, t.Content, t.Document!.Number, t.Document.IssuedOn, Lead = t.LeadAgency!.Name })
            .ToListAsync(ct))
        .Select(t => new Row(t.Id, t.Content, t.Number, t.IssuedOn, t.Lead)).ToList();

    private static List<Row> Match(List<Row> rows, string folded)
    {
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return rows.Where(r => words.Length > 0 && words.All(w => r.Folded.Contains(w, StringComparison.Ordinal)))
            .OrderByDescending(r => r.IssuedOn).ThenBy(r => r.Id).ToList();
    }

    private static PickerItem Item(Row r) =>
        new(r.Id.ToString(CultureInfo.InvariantCulture), PlanDisplay.ShortTitle(r.Content), $"số {r.Id} · văn bản {r.DocumentNumber} · {r.LeadName}");
}
