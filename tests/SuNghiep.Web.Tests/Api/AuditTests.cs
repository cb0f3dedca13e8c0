using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Entities;

namespace SuNghiep.Web.Tests.Api;

/// <summary>Every change to a unit leaves an append-only audit row naming who made it and what changed.</summary>
public sealed class AuditTests(AppHosts hosts)
{
    [Theory, DatabaseData]
    public async Task Post_Unit_WritesCreateRowWithCallerAndValues(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var (officer, email) = await app.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: "92.SYT");
        var unit = await officer.CreateUnitAsync(UnitsClient.Body(Unique.Token(), "A", await app.AgencyIdAsync("92.SYT")));

        var rows = await RowsAsync(app, unit.Id);

        var row = Assert.Single(rows);
        Assert.Equal(("Unit", "Create"), (row.EntityType, row.Action));
        Assert.Equal(email, row.ActorName);
        Assert.NotNull(row.ActorId);
        Assert.Null(row.Before);
        using var after = JsonDocument.Parse(row.After!);
        Assert.Equal(unit.Name, after.RootElement.GetProperty("Name").GetString());
        Assert.Equal(unit.Code, after.RootElement.GetProperty("Code").GetString());
        Assert.Equal(unit.Id, after.RootElement.GetProperty("Id").GetInt32());
    }

    [Theory, DatabaseData]
    public async Task Put_Unit_WritesUpdateRowWithBeforeAndAfter(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var body = UnitsClient.Body(Unique.Token(), "A", await app.AgencyIdAsync("92.SGDDT"));
        var unit = await admin.CreateUnitAsync(body);
        var (officer, email) = await app.SignInAsNewUserAsync(Roles.HomeAffairs, area: "92");

        using var put = await officer.PutUnitAsync(unit.Id, body.With("name", $"{unit.Name} đổi tên").With("autonomyGroup", 3));
        put.EnsureSuccessStatusCode();

        var rows = await RowsAsync(app, unit.Id);
        Assert.Equal(["Create", "Update"], rows.Select(r => r.Action));
        Assert.Equal(SuNghiepApp.AdminEmail, rows[0].ActorName);
        var update = rows[1];
        Assert.Equal(email, update.ActorName);
        using var before = JsonDocument.Parse(update.Before!);
        using var after = JsonDocument.Parse(update.After!);
        Assert.Equal(unit.Name, before.RootElement.GetProperty("Name").GetString());
        Assert.Equal($"{unit.Name} đổi tên", after.RootElement.GetProperty("Name").GetString());
        Assert.Equal(4, before.RootElement.GetProperty("AutonomyGroup").GetInt32());
        Assert.Equal(3, after.RootElement.GetProperty("AutonomyGroup").GetInt32());
    }

    [Theory, DatabaseData]
    public async Task AuditEntry_ChangeOrRemoveThroughContext_Throws(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var id = await AuditRowOfNewUnitAsync(app);

        await app.WithDbAsync(async (db, _) =>
        {
            var row = await db.AuditEntries.SingleAsync(a => a.Id == id);
            row.ActorName = "someone else";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        });
        await app.WithDbAsync(async (db, _) =>
        {
            db.AuditEntries.Remove(await db.AuditEntries.SingleAsync(a => a.Id == id));
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        });

        Assert.NotEqual("someone else", (await ReadAsync(app, id))?.ActorName);
    }

    [Theory, DatabaseData]
    public async Task AuditEntry_UpdateOrDeleteInSql_RefusedByTheDatabase(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var id = await AuditRowOfNewUnitAsync(app);
        var original = await ReadAsync(app, id);

        // Around the context: raw SQL and bulk statements reach the table directly; only the trigger stands in the way.
        await app.WithDbAsync(async (db, _) =>
        {
            var update = await Assert.ThrowsAnyAsync<DbException>(() =>
                db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"ActorName\" = 'someone else' WHERE \"Id\" = {0}", id));
            Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
            await Assert.ThrowsAnyAsync<DbException>(() =>
                db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"Id\" = {0}", id));
            await Assert.ThrowsAnyAsync<DbException>(() =>
                db.AuditEntries.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Action, "Delete")));
            await Assert.ThrowsAnyAsync<DbException>(() => db.AuditEntries.Where(a => a.Id == id).ExecuteDeleteAsync());
        });

        var now = await ReadAsync(app, id);
        Assert.NotNull(now);
        Assert.Equal((original!.ActorName, original.Action, original.After), (now.ActorName, now.Action, now.After));
    }

    private async Task<long> AuditRowOfNewUnitAsync(SuNghiepApp app)
    {
        using var admin = await app.AdminAsync();
        var unit = await admin.CreateUnitAsync(UnitsClient.Body(Unique.Token(), "A", await app.AgencyIdAsync("92.SGDDT")));
        return Assert.Single(await RowsAsync(app, unit.Id)).Id;
    }

    private static Task<List<AuditEntry>> RowsAsync(SuNghiepApp app, int unitId)
    {
        var id = unitId.ToString(CultureInfo.InvariantCulture);
        return app.WithDbAsync((db, _) => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "Unit" && a.EntityId == id).OrderBy(a => a.Id).ToListAsync());
    }

    private static Task<AuditEntry?> ReadAsync(SuNghiepApp app, long id) =>
        app.WithDbAsync((db, _) => db.AuditEntries.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id));
}
