using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Plans;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Seeding;

namespace SuNghiep.Bench;

/// <summary>
/// "My agency's tasks" for an agency with 2,000 tasks (Sở Nội vụ of the demo province, signed in as its officer), among
/// 10,000 tasks of the province: the first page, late and due soon first, as /tasks and GET /api/v1/tasks read it.
/// </summary>
[MemoryDiagnoser]
public class TaskBenchmarks
{
    private const int OwnTasks = 2_000;
    private const int OtherTasks = 8_000;

    private ServiceProvider _services = null!;
    private string _folder = "";
    private int _agencyId;
    private CallerScope _scope = CallerScope.Nothing;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("sunghiep-bench-tasks").FullName;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<SuNghiepDbContext>(o => o.UseSqlite($"Data Source={Path.Combine(_folder, "bench.db")}", s => s.MigrationsAssembly("SuNghiep.Migrations.Sqlite")));
        services.AddIdentityCore<AppUser>().AddRoles<Microsoft.AspNetCore.Identity.IdentityRole>().AddEntityFrameworkStores<SuNghiepDbContext>();
        _services = services.BuildServiceProvider();
        DatabaseSetup.MigrateAsync(_services).GetAwaiter().GetResult();
        DatabaseSetup.SeedReferenceAsync(_services).GetAwaiter().GetResult();
        DatabaseSetup.SeedDemoAsync(_services, onlyIfEmpty: true).GetAwaiter().GetResult();
        AddTasksAsync().GetAwaiter().GetResult();
    }

    // Deadlines spread from two years back to two years on, a tenth of them yearly, a third with coordinators, a quarter
    // done: the mix a department's list holds after a few years of plans.
    private async Task AddTasksAsync()
    {
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>();
        db.UseScope(CallerScope.Everything);
        var agencies = await db.Agencies.Where(a => a.Code.StartsWith("92.S") && a.ValidTo == null).OrderBy(a => a.Code).ToListAsync();
        var own = agencies.Single(a => a.Code == "92.SNV");
        var others = agencies.Where(a => a.Id != own.Id).ToList();
        _agencyId = own.Id;
        _scope = new CallerScope(false, own.LineagePath, null, null, own.Name);
        var document = new PlanDocument
        {
            Type = DocumentType.Plan, Number = "BENCH/KH-UBND", Issuer = "Ủy ban nhân dân thành phố Cần Thơ", IssuedOn = new DateOnly(2023, 1, 2),
            Title = "Kế hoạch đo hiệu năng", CreatedAt = DateTime.UtcNow,
        };
        db.Documents.Add(document);
        await db.SaveChangesAsync();
        var today = SuNghiep.Core.VietnamTime.Today(TimeProvider.System);
        var random = new Random(19);
        for (var i = 0; i < OwnTasks + OtherTasks; i++)
        {
            var lead = i < OwnTasks ? own : others[i % others.Count];
            var yearly = i % 10 == 0;
            var task = new PlanTask
            {
                DocumentId = document.Id, Content = $"Nhiệm vụ {i}", LeadAgencyId = lead.Id, AssignedOn = document.IssuedOn,
                Deadline = yearly ? null : today.AddDays(random.Next(-730, 730)),
                RecurrenceKind = yearly ? RecurrenceKind.Yearly : null, RecurrenceDay = yearly ? 15 : null, RecurrenceMonth = yearly ? 12 : null,
                State = (i % 4) switch { 0 => TaskState.Done, 1 => TaskState.InProgress, _ => TaskState.NotStarted }, CreatedAt = DateTime.UtcNow,
            };
            if (i % 3 == 0)
            {
                task.Coordinators.Add(new PlanTaskCoordinator { AgencyId = (i < OwnTasks ? others[i % others.Count] : own).Id });
            }

            db.PlanTasks.Add(task);
            if (i % 1_000 == 999)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>"all" for the whole list, or one status ("late").</summary>
    [Params("all", "late")]
    public string Status { get; set; } = "all";

    [Benchmark]
    public async Task<int> MyAgencyTasks()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SuNghiepDbContext>();
        db.UseScope(_scope);
        var (_, total) = await PlanQueries.ListTasksAsync(db, new PlanQueries.TaskFilter(_agencyId, Status == "all" ? null : Status, null, 1, 20), SuNghiep.Core.VietnamTime.Today(TimeProvider.System));
        return total;
    }
}
