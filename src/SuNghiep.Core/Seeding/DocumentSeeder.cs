using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Plans;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Text;

namespace SuNghiep.Core.Seeding;

/// <summary>
/// Loads the documents of the cascade of Resolution 19-NQ/TW from the embedded ReferenceData/documents.json (the five
/// source texts read by hand): the documents, their parents, targets and tasks, and the agencies of the bodies that
/// issued or lead them which the register does not hold, with their dates and successors. A document already present
/// (same number and date) is left as it is, so a second run adds nothing. An agency the register already holds (the demo
/// province's, made with the same codes) is used as it is. A document whose agencies are missing is skipped and reported,
/// together with the documents that implement it.
/// </summary>
public static class DocumentSeeder
{
    public const string Operation = "documents";

    public sealed record Result(int Agencies, int Documents, int Targets, int Tasks, int Progress, IReadOnlyList<string> Skipped);

    /// <summary>
    /// Loads what is missing in one transaction. With demoProgress, tasks of the documents loaded now also get the demo's
    /// progress reports (never on or after today), so that late and done tasks show in the demo.
    /// </summary>
    public static async Task<Result> SeedAsync(SuNghiepDbContext db, TimeProvider time, bool demoProgress, CancellationToken ct = default)
    {
        var file = Read();
        var now = time.GetUtcNow().UtcDateTime;
        var today = VietnamTime.Today(time);
        var previousOperation = db.BulkOperation;
        db.BulkOperation = Operation;
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var agencies = await AgenciesAsync(db, file, ct);
            var createdAgencies = agencies.Count(a => a.Value.Id == 0);
            await db.SaveChangesAsync(ct);
            // Parents and successors come first in the file, so their paths are set before those of the bodies under
            // them. An ended body lies under its successor in today's map, so that a scope on the successor covers it.
            foreach (var agency in file.Agencies.Select(a => agencies.GetValueOrDefault(a.Code)).OfType<Agency>().Where(a => a.Path.Length == 0))
            {
                agency.Path = $"{agency.Parent?.Path ?? "/"}{agency.Id}/";
                agency.LineagePath = $"{agency.Successor?.LineagePath ?? agency.Parent?.LineagePath ?? "/"}{agency.Id}/";
                agency.SearchText = VietnameseText.Fold(agency.Name + " " + agency.Code);
            }

            await db.SaveChangesAsync(ct);

            var existing = (await db.Documents.AsNoTracking().Select(d => new { d.Id, d.Number, d.IssuedOn }).ToListAsync(ct))
                .ToDictionary(d => (d.Number, d.IssuedOn), d => d.Id);
            var byKey = new Dictionary<string, PlanDocument>(StringComparer.Ordinal);
            var present = new Dictionary<string, int>(StringComparer.Ordinal);
            var skipped = new List<string>();
            var created = new List<(DocumentData Data, PlanDocument Entity)>();
            foreach (var data in file.Documents)
            {
                if (existing.TryGetValue((data.Number, data.IssuedOn), out var id))
                {
                    present[data.Key] = id;
                    continue;
                }

                var missingAgencies = data.AgencyCodes().Where(c => !agencies.ContainsKey(c)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                var missingParents = data.Parents.Where(p => !present.ContainsKey(p) && !byKey.ContainsKey(p)).ToList();
                if (missingAgencies.Count > 0 || missingParents.Count > 0)
                {
                    skipped.Add($"{data.Number} ({data.Issuer}, {data.IssuedOn:dd/MM/yyyy}): "
                        + (missingAgencies.Count > 0 ? $"cơ quan chưa có trong sổ đăng ký: {string.Join(", ", missingAgencies)}" : $"chưa có văn bản cấp trên {string.Join(", ", missingParents)}"));
                    continue;
                }

                var document = Document(data, agencies, now);
                document.Parents = data.Parents
                    .Select(p => present.TryGetValue(p, out var parentId) ? new DocumentLink { ParentId = parentId } : new DocumentLink { Parent = byKey[p] })
                    .ToList();
                db.Documents.Add(document);
                byKey[data.Key] = document;
                created.Add((data, document));
            }

            await db.SaveChangesAsync(ct);

            var progress = 0;
            if (demoProgress)
            {
                progress = AddDemoProgress(db, created, today, now);
                await db.SaveChangesAsync(ct);
            }

            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(ct);
            }

            return new Result(createdAgencies, created.Count, created.Sum(c => c.Entity.Targets.Count), created.Sum(c => c.Entity.Tasks.Count), progress, skipped);
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }

            db.BulkOperation = previousOperation;
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The agencies the file needs, by code: those already in the register and those of the file added now.</summary>
    private static async Task<Dictionary<string, Agency>> AgenciesAsync(SuNghiepDbContext db, DocumentFile file, CancellationToken ct)
    {
        var codes = file.Agencies.SelectMany(a => a.Aliases.Prepend(a.Code)).Concat(file.Documents.SelectMany(d => d.AgencyCodes())).Distinct(StringComparer.Ordinal).ToList();
        var agencies = await db.Agencies.Where(a => codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, StringComparer.Ordinal, ct);
        // A body the register holds under another code of the same body (the demo's) is that body.
        foreach (var a in file.Agencies.Where(a => !agencies.ContainsKey(a.Code)))
        {
            if (a.Aliases.Select(agencies.GetValueOrDefault).OfType<Agency>().FirstOrDefault() is { } same)
            {
                agencies[a.Code] = same;
            }
        }

        var areaCodes = file.Agencies.Where(a => a.Area is not null).Select(a => a.Area!).Distinct(StringComparer.Ordinal).ToList();
        // A code means a different area before and after 1/7/2025 (24: Bắc Giang, then Bắc Ninh), so each is read on a date.
        var areas = await db.Areas.Where(a => areaCodes.Contains(a.Code)).ToListAsync(ct);
        foreach (var a in file.Agencies)
        {
            if (agencies.ContainsKey(a.Code))
            {
                continue;
            }

            Area? area = null;
            if ((a.Area is not null && (area = AreaOn(areas, a.Area, a.AreaDate)) is null)
                || (a.Parent is not null && !agencies.ContainsKey(a.Parent))
                || (a.Successor is not null && !agencies.ContainsKey(a.Successor)))
            {
                continue;
            }

            var agency = new Agency
            {
                Code = a.Code, Name = a.Name, Kind = Enum.Parse<AgencyKind>(a.Kind), LevelCode = a.Level, Area = area,
                Parent = a.Parent is null ? null : agencies[a.Parent], ValidFrom = a.ValidFrom, ValidTo = a.ValidTo,
                Successor = a.Successor is null ? null : agencies[a.Successor],
            };
            db.Agencies.Add(agency);
            agencies[a.Code] = agency;
        }

        return agencies;
    }

    /// <summary>The area of a code in force on a date (ValidTo is its last day), or today's when no date is given.</summary>
    internal static Area? AreaOn(IEnumerable<Area> areas, string code, DateOnly? on) =>
        areas.Where(a => a.Code == code)
            .FirstOrDefault(a => on is { } d ? (a.ValidFrom is null || a.ValidFrom <= d) && (a.ValidTo is null || a.ValidTo >= d) : a.ValidTo is null);

    private static PlanDocument Document(DocumentData data, Dictionary<string, Agency> agencies, DateTime now)
    {
        Agency AgencyOf(string name) => agencies[data.Agencies[name]!];
        var document = new PlanDocument
        {
            Type = PlanCatalog.ParseType(data.Type) ?? throw new InvalidOperationException($"{data.Key}: unknown type {data.Type}."),
            Number = data.Number, Issuer = data.Issuer, IssuedOn = data.IssuedOn, Title = data.Title, Signer = data.Signer,
            IssuerAgency = data.IssuerAgency is null ? null : agencies[data.IssuerAgency], Notes = data.Notes, CreatedAt = now,
        };
        foreach (var t in data.Targets)
        {
            document.Targets.Add(new PlanTarget
            {
                IndicatorCode = t.Indicator, Text = t.Note is null ? t.Text : $"{t.Text} Ghi chú: {t.Note}", AreaCode = t.Area,
                AgencyId = t.Agency is null ? null : agencies[t.Agency].Id, BaselineFrom = t.Baseline?.From, BaselineTo = t.Baseline?.To,
                Direction = t.Direction, Value = t.Value, ValueUnit = t.Unit, Deadline = t.Deadline,
            });
        }

        foreach (var t in data.Tasks)
        {
            var lead = AgencyOf(t.Lead);
            var kind = t.Recurrence is { } r ? PlanCatalog.ParseRecurrence(r.Kind) ?? throw new InvalidOperationException($"{data.Key} {t.Section}: unknown recurrence {r.Kind}.") : (RecurrenceKind?)null;
            document.Tasks.Add(new PlanTask
            {
                Section = t.Section, Content = t.Content, LeadAgency = lead, Deadline = t.Deadline, RecurrenceKind = kind,
                RecurrenceDay = t.Recurrence?.Day, RecurrenceMonth = kind == RecurrenceKind.Yearly ? t.Recurrence?.Month : null,
                ExpectedOutput = t.ExpectedOutput, State = TaskState.NotStarted, AssignedOn = data.IssuedOn, CreatedAt = now,
                Coordinators = t.Coordinators.Where(c => data.Agencies[c] is not null).Select(AgencyOf).Where(a => a != lead).Distinct()
                    .Select(a => new PlanTaskCoordinator { Agency = a }).ToList(),
            });
        }

        return document;
    }

    // Made-up progress for the demo, by document key, section and the task's rank within its section: a one-off task
    // past its deadline at 70% (late), a yearly report filed for 2024 but not for 2025 (late), a recurring report filed
    // each year (in progress), and a task finished (done).
    private static readonly (string Document, string Section, int Rank, DateOnly Date, int Percent, string Text)[] DemoProgress =
    [
        ("ubnd-tinh-38", "IV.1", 0, new(2024, 5, 20), 70, "9/11 sở đã ban hành kế hoạch chi tiết; Sở Xây dựng và Sở Công Thương chưa ban hành."),
        ("ubnd-tinh-38", "IV.1", 1, new(2024, 12, 10), 100, "Các sở, địa phương đã gửi báo cáo kết quả năm 2024 qua Sở Nội vụ."),
        ("ubnd-tinh-38", "IV.1", 1, new(2025, 12, 12), 100, "Các sở, địa phương đã gửi báo cáo kết quả năm 2025 qua Sở Nội vụ."),
        ("ubnd-tinh-38", "IV.2", 0, new(2024, 12, 18), 100, "Đã tổng hợp, báo cáo Bộ Nội vụ, Ban Thường vụ Tỉnh ủy, Ủy ban nhân dân tỉnh kết quả năm 2024."),
        ("ubnd-tinh-38", "II.4.a", 0, new(2025, 6, 25), 60, "Đã trình phương án sắp xếp các trường phổ thông nhiều cấp học; tiếp tục rà soát các trung tâm."),
        ("ubnd-tinh-38", "II.2.b", 0, new(2024, 11, 15), 40, "Đã phê duyệt vị trí việc làm của các đơn vị thuộc 5 sở."),
        ("thanhuy-cantho-62", "III.1", 0, new(2024, 1, 20), 100, "Các quận ủy, huyện ủy, đảng ủy trực thuộc đã ban hành kế hoạch thực hiện."),
    ];

    private static int AddDemoProgress(SuNghiepDbContext db, List<(DocumentData Data, PlanDocument Entity)> created, DateOnly today, DateTime now)
    {
        var count = 0;
        foreach (var p in DemoProgress.Where(p => p.Date < today).OrderBy(p => p.Date))
        {
            var document = created.FirstOrDefault(c => c.Data.Key == p.Document).Entity;
            var task = document?.Tasks.Where(t => t.Section == p.Section).ElementAtOrDefault(p.Rank);
            if (task is null)
            {
                continue;
            }

            db.TaskProgress.Add(new TaskProgress
            {
                Task = task, Date = p.Date, Text = $"{p.Text} (số liệu minh họa)", Percent = p.Percent, ReportedBy = db.Actor.Name, CreatedAt = now,
            });
            task.LastProgressOn = p.Date;
            task.LastPercent = p.Percent;
            // As PlanService does: a one-off task is done at 100%; a recurring one goes on.
            task.State = p.Percent == 100 && task.RecurrenceKind is null ? TaskState.Done : TaskState.InProgress;
            count++;
        }

        return count;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    /// <summary>The embedded file, parsed; a field the model does not know is an error, so that a typo cannot be lost.</summary>
    internal static DocumentFile Read()
    {
        using var stream = typeof(DocumentSeeder).Assembly.GetManifestResourceStream("ReferenceData.documents.json")
            ?? throw new InvalidOperationException("ReferenceData/documents.json is not embedded.");
        return JsonSerializer.Deserialize<DocumentFile>(stream, Json) ?? throw new InvalidOperationException("ReferenceData/documents.json is empty.");
    }

    internal sealed class DocumentFile
    {
        public List<string> About { get; init; } = [];
        public List<AgencyData> Agencies { get; init; } = [];
        public List<DocumentData> Documents { get; init; } = [];
    }

    internal sealed class AgencyData
    {
        public required string Code { get; init; }
        public required string Name { get; init; }
        public required string Kind { get; init; }
        public required string Level { get; init; }
        public string? Parent { get; init; }
        /// <summary>Other codes of the same body (the demo's), under which the register may already hold it.</summary>
        public List<string> Aliases { get; init; } = [];
        /// <summary>The code of its area, read on AreaOn, else on its last day (ValidTo), else today.</summary>
        public string? Area { get; init; }
        public DateOnly? AreaOn { get; init; }
        public DateOnly? ValidFrom { get; init; }
        public DateOnly? ValidTo { get; init; }
        /// <summary>The code of the body that took over its work when it ended.</summary>
        public string? Successor { get; init; }

        public DateOnly? AreaDate => AreaOn ?? ValidTo;
    }

    internal sealed class DocumentData
    {
        public required string Key { get; init; }
        public required string Type { get; init; }
        public required string Number { get; init; }
        public DateOnly IssuedOn { get; init; }
        public required string Issuer { get; init; }
        public string? IssuerAgency { get; init; }
        public string? Signer { get; init; }
        public required string Title { get; init; }
        public string? Notes { get; init; }
        public List<string> Parents { get; init; } = [];
        /// <summary>Each name a task uses, as written, to an agency code, or null for a name that is no single body.</summary>
        public Dictionary<string, string?> Agencies { get; init; } = [];
        public List<TargetData> Targets { get; init; } = [];
        public List<TaskData> Tasks { get; init; } = [];

        public IEnumerable<string> AgencyCodes() =>
            new[] { IssuerAgency }.Concat(Targets.Select(t => t.Agency)).Concat(Agencies.Values).OfType<string>();
    }

    internal sealed class TargetData
    {
        public string? Indicator { get; init; }
        public required string Text { get; init; }
        public string? Note { get; init; }
        public string? Area { get; init; }
        public string? Agency { get; init; }
        public BaselineData? Baseline { get; init; }
        public string? Direction { get; init; }
        public decimal? Value { get; init; }
        public string? Unit { get; init; }
        public DateOnly? Deadline { get; init; }
    }

    internal sealed record BaselineData(DateOnly From, DateOnly To);

    internal sealed class TaskData
    {
        public required string Section { get; init; }
        public required string Content { get; init; }
        public required string Lead { get; init; }
        public List<string> Coordinators { get; init; } = [];
        public DateOnly? Deadline { get; init; }
        public RecurrenceData? Recurrence { get; init; }
        public string? ExpectedOutput { get; init; }
    }

    internal sealed record RecurrenceData(string Kind, int Day, int Month);
}
