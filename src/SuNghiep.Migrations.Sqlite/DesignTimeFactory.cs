using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SuNghiep.Core.Data;

namespace SuNghiep.Migrations.Sqlite;

/// <summary>Lets `dotnet ef` build the model for SQLite without starting the web app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SuNghiepDbContext>
{
    public SuNghiepDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SuNghiepDbContext>()
            .UseSqlite("Data Source=design.db", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options);
}
