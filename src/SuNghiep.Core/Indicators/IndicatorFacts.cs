using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;

namespace SuNghiep.Core.Indicators;

/// <summary>
/// The table UnitYearFacts: what the indicators read of each unit in each year from <see cref="FirstYear"/> to
/// <see cref="LastYear"/>, derived from the versions, the approved autonomy plans, the finance and staffing figures and the
/// conversion listing, so that a snapshot of the whole country is one index range and a GROUP BY, without joins. The
/// context rewrites the rows of every unit a SaveChanges touches, in the same transaction; bulk loads rebuild the whole
/// table at their end. Years outside the range are computed from the register itself by the engine.
/// </summary>
public static class IndicatorFacts
{
    // The plans measured run from the 2015 baseline of Resolution 19 to the 2030 horizon of Conclusion 62; a wider range
    // costs a row per open unit and year.
    public const int FirstYear = 2010;
    public const int LastYear = 2030;

    public static bool Covers(int year) => year is >= FirstYear and <= LastYear;

    /// <summary>Rewrites the whole table from the register, in the caller's transaction if any; returns the rows written.</summary>
    public static async Task<int> RebuildAsync(SuNghiepDbContext db, CancellationToken ct = default)
    {
        // The whole register in one statement: at national scale longer than the default 30 s on a busy machine.
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        try
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"IndicatorYearTotals\"", ct);
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"UnitYearFacts\"", ct);
            var rows = await db.Database.ExecuteSqlRawAsync(InsertSql(db.Database.IsNpgsql(), null), ct);
            await db.Database.ExecuteSqlRawAsync(TotalsSql(db.Database.IsNpgsql(), ""), ct);
            return rows;
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }
    }

    /// <summary>Rewrites the rows of the given units (voided ones lose theirs), in the caller's transaction.</summary>
    public static async Task RefreshAsync(SuNghiepDbContext db, IReadOnlyCollection<int> unitIds, CancellationToken ct = default)
    {
        if (unitIds.Count == 0)
        {
            return;
        }

        // The ids are integers from the change tracker, written as literals: one statement however many units.
        var list = string.Join(",", unitIds.Order().Select(id => id.ToString(CultureInfo.InvariantCulture)));
        var postgres = db.Database.IsNpgsql();
#pragma warning disable EF1002, EF1003
        if (postgres)
        {
            // Two transactions rewriting the same unit's rows (its finance and its staffing saved at once) would each keep
            // theirs under READ COMMITTED: they take turns, in key order so that they cannot wait on each other. SQLite
            // has one writer at a time.
            await db.Database.ExecuteSqlRawAsync(
                $"SELECT count(pg_advisory_xact_lock(1, id)) FROM (SELECT id FROM unnest(ARRAY[{list}]) AS id ORDER BY id) AS ids", ct);
        }

        var groups = await GroupsAsync(db, unitIds, ct);
        await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"UnitYearFacts\" WHERE \"UnitId\" IN ({list})", ct);
        await db.Database.ExecuteSqlRawAsync(InsertSql(db.Database.IsNpgsql(), list), ct);
#pragma warning restore EF1002, EF1003
        // The totals of every area and agency the units were or are now in are summed again from their facts.
        groups.UnionWith(await GroupsAsync(db, unitIds, ct));
        foreach (var (area, agency) in groups.Order())
        {
            if (postgres)
            {
                // The same for the totals of an area and agency that two transactions both change (in a key space apart).
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({((long)area << 32) | (uint)agency})", ct);
            }

            await db.Database.ExecuteSqlAsync($"DELETE FROM \"IndicatorYearTotals\" WHERE \"AreaId\" = {area} AND \"ManagingAgencyId\" = {agency}", ct);
#pragma warning disable EF1002, EF1003
            await db.Database.ExecuteSqlRawAsync(TotalsSql(db.Database.IsNpgsql(), "WHERE f.\"AreaId\" = {0} AND f.\"ManagingAgencyId\" = {1}"), [area, agency], ct);
#pragma warning restore EF1002, EF1003
        }
    }

    private static async Task<HashSet<(int Area, int Agency)>> GroupsAsync(SuNghiepDbContext db, IReadOnlyCollection<int> unitIds, CancellationToken ct) =>
        (await db.UnitYearFacts.IgnoreQueryFilters().AsNoTracking().Where(f => unitIds.Contains(f.UnitId))
            .Select(f => new { f.AreaId, f.ManagingAgencyId }).Distinct().ToListAsync(ct))
        .Select(g => (g.AreaId, g.ManagingAgencyId)).ToHashSet();

    /// <summary>
    /// The year totals summed from the facts (those the filter keeps): the units active on 31/12 of the year by what the
    /// indicators count of them, and the yearly figures of the year-end rows.
    /// </summary>
    internal static string TotalsSql(bool postgres, string filter)
    {
        var dec31 = postgres ? "make_date(f.\"Year\", 12, 31)" : "printf('%04d-12-31', f.\"Year\")";
        var at = $"f.\"From\" <= {dec31} AND f.\"To\" > {dec31}";
        var group = "COALESCE(f.\"PlanGroup\", f.\"FinanceGroup\")";
        string Count(string when) => $"SUM(CASE WHEN {at}{(when.Length > 0 ? " AND " + when : "")} THEN 1 ELSE 0 END)";
        return $"""
            INSERT INTO "IndicatorYearTotals" ("Year", "AreaId", "ManagingAgencyId", "SectorCode", "LevelCode", "Active", "Other",
                "Group12", "Group13", "Plan", "FinanceOnly", "NoGroup", "Listed", "Staffed", "Financed", "BudgetPositions", "StaffRows",
                "DirectBudgetSpending", "FinanceRows")
            SELECT f."Year", f."AreaId", f."ManagingAgencyId", f."SectorCode", f."LevelCode", {Count("")}, {Count("f.\"Other\"")},
                {Count($"{group} <= 2")}, {Count($"{group} <= 3")}, {Count("f.\"PlanGroup\" IS NOT NULL")},
                {Count("f.\"PlanGroup\" IS NULL AND f.\"FinanceGroup\" IS NOT NULL")}, {Count("f.\"PlanGroup\" IS NULL AND f.\"FinanceGroup\" IS NULL")},
                {Count($"f.\"ListedOn\" <= {dec31}")}, {Count("f.\"Staffed\"")}, {Count("f.\"Financed\"")},
                COALESCE(SUM(CASE WHEN f."YearEnd" THEN f."BudgetPositions" END), 0),
                SUM(CASE WHEN f."YearEnd" AND f."BudgetPositions" IS NOT NULL THEN 1 ELSE 0 END),
                COALESCE(SUM(CASE WHEN f."YearEnd" THEN f."DirectBudgetSpending" END), 0),
                SUM(CASE WHEN f."YearEnd" AND f."DirectBudgetSpending" IS NOT NULL THEN 1 ELSE 0 END)
            FROM "UnitYearFacts" f
            {filter}
            GROUP BY f."Year", f."AreaId", f."ManagingAgencyId", f."SectorCode", f."LevelCode"
            """;
    }

    /// <summary>True when the table is empty while the register has units: a database migrated from before the table.</summary>
    public static async Task<bool> NeedsRebuildAsync(SuNghiepDbContext db, CancellationToken ct = default) =>
        !await db.Set<UnitYearFact>().IgnoreQueryFilters().AnyAsync(ct)
        && await db.UnitVersions.IgnoreQueryFilters().AnyAsync(v => !v.Unit!.Voided && v.ValidFrom.Year <= LastYear
            && (v.ValidTo == null || v.ValidTo.Value.Year >= FirstYear), ct);

    /// <summary>
    /// One INSERT ... SELECT: a row per version and year it overlaps (clipped to the year), with the year's plan group,
    /// finance group and figures; plus, for a unit ended before a year for which it still has figures, an empty row that
    /// carries them, as the yearly sums read them (the version that ended the unit describes it in later years).
    /// </summary>
    internal static string InsertSql(bool postgres, string? unitIds)
    {
        string YearOf(string date) => postgres ? $"CAST(date_part('year', {date}) AS integer)" : $"CAST(substr({date}, 1, 4) AS INTEGER)";
        string Start(string year) => postgres ? $"make_date({year}, 1, 1)" : $"printf('%04d-01-01', {year})";
        var greatest = postgres ? "GREATEST" : "max";
        var least = postgres ? "LEAST" : "min";
        var money = postgres ? "bigint" : "INTEGER";
        var only = unitIds is null ? "" : $" AND v.\"UnitId\" IN ({unitIds})";
        var y1 = Start("y.y");
        var y2 = Start("y.y + 1");
        // The version describes its unit on 31/12 of the year (UnitQueries.DescribesOn, as the engine's yearly sums read it).
        var yearEnd = $"(v.\"ValidTo\" IS NULL OR {YearOf("v.\"ValidTo\"")} > y.y OR (u.\"EndedOn\" IS NOT NULL AND v.\"ValidTo\" = u.\"EndedOn\" AND {YearOf("u.\"EndedOn\"")} <= y.y))";
        var plan = $"""
            (SELECT p."ApprovedGroup" FROM "AutonomyPlans" p
             WHERE p."UnitId" = v."UnitId" AND p."Status" = {(int)AutonomyPlanStatus.Approved} AND p."PeriodStart" <= y.y AND p."PeriodEnd" >= y.y
             ORDER BY p."DecisionDate" IS NULL, p."DecisionDate" DESC, p."Id" DESC LIMIT 1)
            """;
        return $"""
            WITH RECURSIVE years(y) AS (SELECT {FirstYear} UNION ALL SELECT y + 1 FROM years WHERE y < {LastYear})
            INSERT INTO "UnitYearFacts" ("Year", "UnitId", "From", "To", "AreaId", "ManagingAgencyId", "SectorCode", "LevelCode",
                "Other", "PlanGroup", "FinanceGroup", "ListedOn", "Staffed", "Financed", "YearEnd", "BudgetPositions", "DirectBudgetSpending")
            SELECT y.y, v."UnitId", {greatest}(v."ValidFrom", {y1}), {least}(COALESCE(v."ValidTo", {y2}), {y2}),
                v."AreaId", v."ManagingAgencyId", v."SectorCode", v."LevelCode", v."RoleClassCode" = 'other', {plan},
                f."ComputedGroup", u."ConversionListedOn", s."Id" IS NOT NULL, f."Id" IS NOT NULL, {yearEnd},
                CASE WHEN {yearEnd} THEN s."BudgetPositions" END,
                CASE WHEN {yearEnd} THEN CAST(f."DirectBudgetSpending" AS {money}) END
            FROM "UnitVersions" v
            JOIN "Units" u ON u."Id" = v."UnitId"
            JOIN years y ON v."ValidFrom" < {y2} AND (v."ValidTo" IS NULL OR v."ValidTo" > {y1})
            LEFT JOIN "FinanceYears" f ON f."UnitId" = v."UnitId" AND f."Year" = y.y
            LEFT JOIN "StaffingYears" s ON s."UnitId" = v."UnitId" AND s."Year" = y.y
            WHERE NOT u."Voided"{only}
            UNION ALL
            SELECT y.y, v."UnitId", {y1}, {y1}, v."AreaId", v."ManagingAgencyId", v."SectorCode", v."LevelCode",
                v."RoleClassCode" = 'other', NULL, f."ComputedGroup", u."ConversionListedOn", s."Id" IS NOT NULL, f."Id" IS NOT NULL,
                {(postgres ? "TRUE" : "1")}, s."BudgetPositions", CAST(f."DirectBudgetSpending" AS {money})
            FROM "UnitVersions" v
            JOIN "Units" u ON u."Id" = v."UnitId"
            JOIN years y ON v."ValidTo" = u."EndedOn" AND v."ValidTo" <= {y1}
            LEFT JOIN "FinanceYears" f ON f."UnitId" = v."UnitId" AND f."Year" = y.y
            LEFT JOIN "StaffingYears" s ON s."UnitId" = v."UnitId" AND s."Year" = y.y
            WHERE NOT u."Voided" AND (f."Id" IS NOT NULL OR s."Id" IS NOT NULL){only}
            """;
    }
}
