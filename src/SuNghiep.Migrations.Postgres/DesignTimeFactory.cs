using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SuNghiep.Core.Data;

namespace SuNghiep.Migrations.Postgres;

/// <summary>Lets `dotnet ef` build the model for PostgreSQL without a server: no connection is opened.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SuNghiepDbContext>
{
    public SuNghiepDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SuNghiepDbContext>()
            .UseNpgsql("Host=localhost;Database=sunghiep_design", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options);
}
