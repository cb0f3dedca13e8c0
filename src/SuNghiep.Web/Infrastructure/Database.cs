using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SuNghiep.Core.Data;

namespace SuNghiep.Web.Infrastructure;

public static class Database
{
    /// <summary>SQLite in data/sunghiep.db under the working directory by default; PostgreSQL with Database__Provider=Postgres and ConnectionStrings__Default.</summary>
    public static IServiceCollection AddSuNghiepDatabase(this IServiceCollection services, IConfiguration config, string workingDirectory)
    {
        var provider = config["Database:Provider"] ?? "Sqlite";
        var connection = config.GetConnectionString("Default");
        if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connection))
            {
                throw new InvalidOperationException("Database__Provider=Postgres needs ConnectionStrings__Default.");
            }

            services.AddDbContext<SuNghiepDbContext>(o => Common(o.UseNpgsql(connection, n => n.MigrationsAssembly("SuNghiep.Migrations.Postgres"))));
        }
        else if (provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connection))
            {
                var folder = Path.Combine(workingDirectory, "data");
                Directory.CreateDirectory(folder);
                connection = $"Data Source={Path.Combine(folder, "sunghiep.db")}";
            }

            services.AddDbContext<SuNghiepDbContext>(o => Common(o.UseSqlite(connection, s => s.MigrationsAssembly("SuNghiep.Migrations.Sqlite"))));
        }
        else
        {
            throw new InvalidOperationException($"Unknown Database__Provider '{provider}': use Sqlite or Postgres.");
        }

        return services;
    }

    // Participants of a reorganization point at units that scope may hide; every read of them handles a missing unit.
    // SQLite rebuilds tables outside a transaction when a migration adds a foreign key; the warning says nothing an
    // operator can act on at each start.
    private static DbContextOptionsBuilder Common(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Ignore(
            Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning,
            Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.NonTransactionalMigrationOperationWarning));
}

internal sealed class DatabaseHealthCheck(SuNghiepDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("database unreachable");
}
