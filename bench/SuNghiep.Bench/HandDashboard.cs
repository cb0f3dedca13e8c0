using System.Data.Common;
using System.Globalization;

namespace SuNghiep.Bench;

/// <summary>
/// The national dashboard (the eight indicators against their default baselines, by today's province) written by hand in
/// SQL, one statement per provider with four result sets: the snapshots of the as-of date, 31/12/2015 and 31/12/2021; the
/// budget-paid positions of the years; the direct spending of the years; the units converted since their listing by the
/// as-of date and by 31/12/2015. It is the
/// yardstick of the engine: the same numbers, computed the way a DBA would write them. Only ADO.NET, so that the tests can
/// compile it in as it is.
/// </summary>
public static class HandDashboard
{
    public sealed record Indicator(decimal? Value, decimal? BaselineValue, IReadOnlyDictionary<string, (decimal? Value, decimal? BaselineValue)> ByProvince);

    private sealed class Snap
    {
        public long Active, Other, Group12, Group13, Plans, Listed;
    }

    public const string Sqlite = """
        WITH dates(kind, d, y) AS (
            SELECT 'asof', @asOf, @year UNION ALL SELECT 'b2015', '2015-12-31', 2015 UNION ALL SELECT 'b2021', '2021-12-31', 2021),
        facts AS (
            SELECT dt.kind,
                   substr(a.LineagePath, 3, instr(substr(a.LineagePath, 2), '/') - 2) AS prov,
                   v.RoleClassCode AS role,
                   CASE WHEN u.ConversionListedOn IS NOT NULL AND u.ConversionListedOn <= dt.d THEN 1 ELSE 0 END AS listed,
                   (SELECT p.ApprovedGroup FROM AutonomyPlans p
                     WHERE p.UnitId = v.UnitId AND p.Status = 2 AND p.PeriodStart <= dt.y AND p.PeriodEnd >= dt.y
                     ORDER BY p.DecisionDate DESC LIMIT 1) AS plan_group,
                   (SELECT f.ComputedGroup FROM FinanceYears f WHERE f.UnitId = v.UnitId AND f.Year = dt.y) AS fin_group
            FROM dates dt
            JOIN UnitVersions v ON v.ValidFrom <= dt.d AND (v.ValidTo IS NULL OR v.ValidTo > dt.d)
            JOIN Units u ON u.Id = v.UnitId
            JOIN Areas a ON a.Id = v.AreaId
            WHERE u.Voided = 0)
        SELECT kind, prov, COUNT(*),
               SUM(CASE WHEN role = 'other' THEN 1 ELSE 0 END),
               SUM(CASE WHEN COALESCE(plan_group, fin_group) <= 2 THEN 1 ELSE 0 END),
               SUM(CASE WHEN COALESCE(plan_group, fin_group) <= 3 THEN 1 ELSE 0 END),
               SUM(CASE WHEN plan_group IS NOT NULL THEN 1 ELSE 0 END),
               SUM(listed)
        FROM facts GROUP BY kind, prov;

        SELECT s.Year, substr(a.LineagePath, 3, instr(substr(a.LineagePath, 2), '/') - 2), SUM(s.BudgetPositions)
        FROM StaffingYears s
        JOIN UnitVersions v ON v.UnitId = s.UnitId
        JOIN Units u ON u.Id = v.UnitId
        JOIN Areas a ON a.Id = v.AreaId
        WHERE s.Year IN (@year, 2021) AND u.Voided = 0
          AND v.ValidFrom <= (s.Year || '-12-31')
          AND (v.ValidTo IS NULL OR v.ValidTo > (s.Year || '-12-31') OR (v.ValidTo = u.EndedOn AND u.EndedOn <= (s.Year || '-12-31')))
        GROUP BY s.Year, 2;

        SELECT f.Year, substr(a.LineagePath, 3, instr(substr(a.LineagePath, 2), '/') - 2), SUM(f.DirectBudgetSpending)
        FROM FinanceYears f
        JOIN UnitVersions v ON v.UnitId = f.UnitId
        JOIN Units u ON u.Id = v.UnitId
        JOIN Areas a ON a.Id = v.AreaId
        WHERE (f.Year BETWEEN 2016 AND 2020 OR f.Year BETWEEN @first AND @year) AND u.Voided = 0
          AND v.ValidFrom <= (f.Year || '-12-31')
          AND (v.ValidTo IS NULL OR v.ValidTo > (f.Year || '-12-31') OR (v.ValidTo = u.EndedOn AND u.EndedOn <= (f.Year || '-12-31')))
        GROUP BY f.Year, 2;

        SELECT dt.kind, substr(a.LineagePath, 3, instr(substr(a.LineagePath, 2), '/') - 2), COUNT(DISTINCT p.UnitId)
        FROM (SELECT 'asof' AS kind, @asOf AS d UNION ALL SELECT 'b2015', '2015-12-31') dt
        JOIN Reorganizations r ON r.EffectiveDate <= dt.d
        JOIN ReorganizationParticipants p ON p.ReorganizationId = r.Id
        JOIN UnitVersions v ON v.UnitId = p.UnitId AND v.ValidFrom < r.EffectiveDate AND (v.ValidTo IS NULL OR v.ValidTo >= r.EffectiveDate)
        JOIN Units u ON u.Id = v.UnitId
        JOIN Areas a ON a.Id = v.AreaId
        WHERE p.Role = 1 AND r.Type = 8 AND r.VoidedAt IS NULL AND u.Voided = 0
          AND u.ConversionListedOn IS NOT NULL AND u.ConversionListedOn <= r.EffectiveDate
        GROUP BY 1, 2;
        """;

    public const string Postgres = """
        WITH dates(kind, d, y) AS (
            SELECT 'asof', @asOf::date, @year UNION ALL SELECT 'b2015', DATE '2015-12-31', 2015 UNION ALL SELECT 'b2021', DATE '2021-12-31', 2021),
        facts AS (
            SELECT dt.kind,
                   substr(split_part(a."LineagePath", '/', 2), 2) AS prov,
                   v."RoleClassCode" AS role,
                   CASE WHEN u."ConversionListedOn" IS NOT NULL AND u."ConversionListedOn" <= dt.d THEN 1 ELSE 0 END AS listed,
                   (SELECT p."ApprovedGroup" FROM "AutonomyPlans" p
                     WHERE p."UnitId" = v."UnitId" AND p."Status" = 2 AND p."PeriodStart" <= dt.y AND p."PeriodEnd" >= dt.y
                     ORDER BY p."DecisionDate" DESC LIMIT 1) AS plan_group,
                   (SELECT f."ComputedGroup" FROM "FinanceYears" f WHERE f."UnitId" = v."UnitId" AND f."Year" = dt.y) AS fin_group
            FROM dates dt
            JOIN "UnitVersions" v ON v."ValidFrom" <= dt.d AND (v."ValidTo" IS NULL OR v."ValidTo" > dt.d)
            JOIN "Units" u ON u."Id" = v."UnitId"
            JOIN "Areas" a ON a."Id" = v."AreaId"
            WHERE NOT u."Voided")
        SELECT kind, prov, COUNT(*),
               SUM(CASE WHEN role = 'other' THEN 1 ELSE 0 END),
               SUM(CASE WHEN COALESCE(plan_group, fin_group) <= 2 THEN 1 ELSE 0 END),
               SUM(CASE WHEN COALESCE(plan_group, fin_group) <= 3 THEN 1 ELSE 0 END),
               SUM(CASE WHEN plan_group IS NOT NULL THEN 1 ELSE 0 END),
               SUM(listed)
        FROM facts GROUP BY kind, prov;

        SELECT s."Year", substr(split_part(a."LineagePath", '/', 2), 2), SUM(s."BudgetPositions")
        FROM "StaffingYears" s
        JOIN "UnitVersions" v ON v."UnitId" = s."UnitId"
        JOIN "Units" u ON u."Id" = v."UnitId"
        JOIN "Areas" a ON a."Id" = v."AreaId"
        WHERE s."Year" IN (@year, 2021) AND NOT u."Voided"
          AND v."ValidFrom" <= make_date(s."Year", 12, 31)
          AND (v."ValidTo" IS NULL OR v."ValidTo" > make_date(s."Year", 12, 31)
               OR (v."ValidTo" = u."EndedOn" AND u."EndedOn" <= make_date(s."Year", 12, 31)))
        GROUP BY 1, 2;

        SELECT f."Year", substr(split_part(a."LineagePath", '/', 2), 2), SUM(f."DirectBudgetSpending")
        FROM "FinanceYears" f
        JOIN "UnitVersions" v ON v."UnitId" = f."UnitId"
        JOIN "Units" u ON u."Id" = v."UnitId"
        JOIN "Areas" a ON a."Id" = v."AreaId"
        WHERE (f."Year" BETWEEN 2016 AND 2020 OR f."Year" BETWEEN @first AND @year) AND NOT u."Voided"
          AND v."ValidFrom" <= make_date(f."Year", 12, 31)
          AND (v."ValidTo" IS NULL OR v."ValidTo" > make_date(f."Year", 12, 31)
               OR (v."ValidTo" = u."EndedOn" AND u."EndedOn" <= make_date(f."Year", 12, 31)))
        GROUP BY 1, 2;

        SELECT dt.kind, substr(split_part(a."LineagePath", '/', 2), 2), COUNT(DISTINCT p."UnitId")
        FROM (SELECT 'asof' AS kind, @asOf::date AS d UNION ALL SELECT 'b2015', DATE '2015-12-31') dt
        JOIN "Reorganizations" r ON r."EffectiveDate" <= dt.d
        JOIN "ReorganizationParticipants" p ON p."ReorganizationId" = r."Id"
        JOIN "UnitVersions" v ON v."UnitId" = p."UnitId" AND v."ValidFrom" < r."EffectiveDate"
             AND (v."ValidTo" IS NULL OR v."ValidTo" >= r."EffectiveDate")
        JOIN "Units" u ON u."Id" = v."UnitId"
        JOIN "Areas" a ON a."Id" = v."AreaId"
        WHERE p."Role" = 1 AND r."Type" = 8 AND r."VoidedAt" IS NULL AND NOT u."Voided"
          AND u."ConversionListedOn" IS NOT NULL AND u."ConversionListedOn" <= r."EffectiveDate"
        GROUP BY 1, 2;
        """;

    /// <summary>Runs the statement on an open connection and turns its rows into the eight indicators, by code.</summary>
    public static async Task<IReadOnlyDictionary<string, Indicator>> ComputeAsync(DbConnection connection, bool postgres, DateOnly asOf, CancellationToken ct = default)
    {
        var first = 2016 + (int)Math.Floor((asOf.Year - 2016) / 5.0) * 5;
        await using var command = connection.CreateCommand();
        command.CommandText = postgres ? Postgres : Sqlite;
        Add(command, "@asOf", postgres ? asOf : asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(command, "@year", asOf.Year);
        Add(command, "@first", first);

        var snaps = new Dictionary<(string Kind, string Prov), Snap>();
        var staff = new Dictionary<(int Year, string Prov), decimal>();
        var spending = new Dictionary<(int Year, string Prov), decimal>();
        var converted = new Dictionary<(string Kind, string Prov), long>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                snaps[(reader.GetString(0), reader.GetString(1))] = new Snap
                {
                    Active = Long(reader, 2), Other = Long(reader, 3), Group12 = Long(reader, 4), Group13 = Long(reader, 5),
                    Plans = Long(reader, 6), Listed = Long(reader, 7),
                };
            }

            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                staff[(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1))] = Convert.ToDecimal(reader.GetValue(2), CultureInfo.InvariantCulture);
            }

            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                spending[(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1))] = Convert.ToDecimal(reader.GetValue(2), CultureInfo.InvariantCulture);
            }

            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                converted[(reader.GetString(0), reader.GetString(1))] = Long(reader, 2);
            }
        }

        var provinces = snaps.Keys.Select(k => k.Prov).Concat(staff.Keys.Select(k => k.Prov)).Concat(spending.Keys.Select(k => k.Prov))
            .Concat(converted.Keys.Select(k => k.Prov)).Distinct().ToList();
        Snap S(string kind, string? prov) => prov is null
            ? snaps.Where(s => s.Key.Kind == kind).Aggregate(new Snap(), (a, s) => new Snap
            {
                Active = a.Active + s.Value.Active, Other = a.Other + s.Value.Other, Group12 = a.Group12 + s.Value.Group12,
                Group13 = a.Group13 + s.Value.Group13, Plans = a.Plans + s.Value.Plans, Listed = a.Listed + s.Value.Listed,
            })
            : snaps.GetValueOrDefault((kind, prov)) ?? new Snap();
        decimal Sum(Dictionary<(int Year, string Prov), decimal> sums, int year, string? prov) =>
            prov is null ? sums.Where(s => s.Key.Year == year).Sum(s => s.Value) : sums.GetValueOrDefault((year, prov));
        bool Has(Dictionary<(int Year, string Prov), decimal> sums, int year) => sums.Keys.Any(k => k.Year == year);
        decimal? Average(Dictionary<(int Year, string Prov), decimal> sums, IEnumerable<int> years, string? prov)
        {
            var known = years.Where(y => Has(sums, y)).ToList();
            return known.Count == 0 ? null : known.Sum(y => Sum(sums, y, prov)) / known.Count;
        }

        static decimal? Share(long part, long whole) => whole == 0 ? null : part * 100m / whole;
        long Converted(string kind, string? prov) =>
            prov is null ? converted.Where(c => c.Key.Kind == kind).Sum(c => c.Value) : converted.GetValueOrDefault((kind, prov));
        decimal? ConversionShare(string kind, string? prov) => Share(Converted(kind, prov), Converted(kind, prov) + S(kind, prov).Listed);

        var formulas = new Dictionary<string, Func<string?, (decimal? Value, decimal? Baseline)>>
        {
            ["units.count"] = p => (S("asof", p).Active, S("b2015", p).Active),
            ["staff.budget"] = p => (Has(staff, asOf.Year) ? Sum(staff, asOf.Year, p) : null, Has(staff, 2021) ? Sum(staff, 2021, p) : null),
            ["autonomy.selffinancing.share"] = p => (Share(S("asof", p).Group12, S("asof", p).Active), Share(S("b2021", p).Group12, S("b2021", p).Active)),
            ["autonomy.any.share"] = p => (Share(S("asof", p).Group13, S("asof", p).Active), Share(S("b2021", p).Group13, S("b2021", p).Active)),
            ["conversion.share"] = p => (ConversionShare("asof", p), ConversionShare("b2015", p)),
            ["budget.direct.avg"] = p => (Average(spending, Enumerable.Range(first, asOf.Year - first + 1), p), Average(spending, Enumerable.Range(2016, 5), p)),
            ["roles.other.share"] = p => (Share(S("asof", p).Other, S("asof", p).Active), Share(S("b2021", p).Other, S("b2021", p).Active)),
            ["autonomy.plan.share"] = p => (Share(S("asof", p).Plans, S("asof", p).Active), Share(S("b2021", p).Plans, S("b2021", p).Active)),
        };
        return formulas.ToDictionary(f => f.Key, f =>
        {
            var (value, baseline) = f.Value(null);
            return new Indicator(value, baseline, provinces.ToDictionary(p => p, p => f.Value(p)));
        });
    }

    private static long Long(DbDataReader reader, int i) => reader.IsDBNull(i) ? 0 : Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
