using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Entities;

namespace SuNghiep.Core.Indicators;

/// <summary>A share's two counts: what its numerator and its denominator count.</summary>
public sealed record IndicatorRatio(int Part, int Whole)
{
    public static readonly IndicatorRatio None = new(0, 0);

    /// <summary>Part / Whole × 100; null, not 0, when there is nothing to measure.</summary>
    public decimal? Value => Whole == 0 ? null : Part * 100m / Whole;
}

/// <summary>
/// A record behind a quality or oversight figure: a survey round, a feedback item or an inspection recommendation, with
/// what it adds to the numerator (Part) and the denominator (Whole).
/// </summary>
public sealed record DrilldownRecord(
    string Kind, int Id, DateOnly Date, string Label, int? UnitId, string? UnitCode, string? UnitName, string? AgencyName,
    int Part, int Whole, string? Detail);

/// <summary>
/// The indicators of quality and oversight (Conclusion 62-KL/TW item 2.5): assessments in force, satisfaction, feedback
/// answered on time and inspection recommendations done. Each is a share of two counts read in one grouped query per date
/// from its own records, keyed as the unit snapshots are (sector, area or agency) so that breakdowns and the annex work alike.
/// </summary>
public sealed partial class IndicatorEngine
{
    public const string SurveyRecord = "survey";
    public const string FeedbackRecord = "feedback";
    public const string RecommendationRecord = "recommendation";

    private static bool IsOversight(string code) => IndicatorCatalog.OversightCodes.Contains(code);

    /// <summary>The counts of the four indicators on a date for a scope, in total (key "") and by breakdown row key.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, IndicatorRatio>>> OversightRatiosAsync(
        IndicatorScope scope, DateOnly day, string? breakdown, CancellationToken ct = default)
    {
        var resolved = await ResolveAsync(scope, day, ct);
        var keyer = await KeyerAsync(breakdown, ct);
        var result = new Dictionary<string, IReadOnlyDictionary<string, IndicatorRatio>>();
        foreach (var code in IndicatorCatalog.OversightCodes)
        {
            var byKey = FoldRatios(await OversightAsync(code, resolved, keyer.Mode, day, ct), keyer);
            result[code] = byKey.ToDictionary(p => p.Key, p => new IndicatorRatio(p.Value.Part, p.Value.Whole));
        }

        return result;
    }

    /// <summary>A share's counts while they are added up.</summary>
    private sealed class Ratio
    {
        public int Part;
        public int Whole;
    }

    private static Dictionary<string, Ratio> FoldRatios(IEnumerable<(string? Raw, int Part, int Whole)> rows, Keyer keyer)
    {
        var byKey = new Dictionary<string, Ratio> { [Total] = new() };
        foreach (var (raw, part, whole) in rows)
        {
            byKey[Total].Part += part;
            byKey[Total].Whole += whole;
            // A record with no row of the breakdown (a recommendation by sector that names no unit) counts in the total only.
            if (raw is not null && keyer.Map(raw) is { } row)
            {
                if (!byKey.TryGetValue(row.Key, out var into))
                {
                    byKey[row.Key] = into = new Ratio();
                }

                into.Part += part;
                into.Whole += whole;
            }
        }

        return byKey;
    }

    private Task<List<(string? Raw, int Part, int Whole)>> OversightAsync(string code, Resolved scope, KeyMode mode, DateOnly day, CancellationToken ct) =>
        code switch
        {
            IndicatorCatalog.QualityAssessedShare => QualityAsync(scope, mode, day, ct),
            IndicatorCatalog.SurveySatisfaction => SatisfactionAsync(scope, mode, day, ct),
            IndicatorCatalog.FeedbackOnTimeShare => FeedbackAsync(scope, mode, day, ct),
            IndicatorCatalog.RecommendationsDoneShare => RecommendationsAsync(scope, mode, day, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
        };

    // ---------------------------------------------------------------- quality

    /// <summary>
    /// The units with an assessment valid on the date: assessed by then, and valid until the date or later; without a
    /// term of its own, the standard's months from the assessment day (none: no term).
    /// </summary>
    private IQueryable<int?> AssessedUnits(DateOnly day)
    {
        // AssessedOn + n months >= the date, without date arithmetic on a column: whole months between them, then the day
        // (a 31st plus a month ends on the month's last day, as DateOnly.AddMonths does).
        var month = day.Year * 12 + day.Month;
        var dayOfMonth = day.Day;
        return db.QualityAssessments.AsNoTracking()
            .Where(a => a.AssessedOn <= day
                && ((a.ValidUntil != null && a.ValidUntil >= day)
                    || (a.ValidUntil == null && (a.Standard!.ValidityMonths == null
                        || month - (a.AssessedOn.Year * 12 + a.AssessedOn.Month) < a.Standard.ValidityMonths
                        || (month - (a.AssessedOn.Year * 12 + a.AssessedOn.Month) == a.Standard.ValidityMonths && a.AssessedOn.Day >= dayOfMonth)))))
            .Select(a => (int?)a.UnitId).Distinct();
    }

    private async Task<List<(string? Raw, int Part, int Whole)>> QualityAsync(Resolved scope, KeyMode mode, DateOnly day, CancellationToken ct)
    {
        var rows = await (
                from x in Keyed(scope, mode).Where(x => x.V.ValidFrom <= day && (x.V.ValidTo == null || x.V.ValidTo > day))
                join a in AssessedUnits(day) on (int?)x.V.UnitId equals a into assessed
                from a in assessed.DefaultIfEmpty()
                select new { x.Key, Valid = a != null ? 1 : 0 })
            .GroupBy(x => x.Key)
            .Select(g => new { g.Key, Part = g.Sum(x => x.Valid), Whole = g.Count() })
            .ToListAsync(ct);
        return rows.Select(r => ((string?)r.Key, r.Part, r.Whole)).ToList();
    }

    /// <summary>
    /// The numerator alone, from the assessments in force (few) to the versions of their units: the dashboard takes the
    /// denominator, the active units, from the snapshot it reads anyway, instead of scanning every version again.
    /// </summary>
    private async Task<List<(string? Raw, int Part, int Whole)>> AssessedAsync(Resolved scope, KeyMode mode, DateOnly day, CancellationToken ct)
    {
        var rows = await (
                from a in AssessedUnits(day)
                join x in Keyed(scope, mode).Where(x => x.V.ValidFrom <= day && (x.V.ValidTo == null || x.V.ValidTo > day)) on a equals (int?)x.V.UnitId
                select x.Key)
            .GroupBy(k => k)
            .Select(g => new { g.Key, Part = g.Count() })
            .ToListAsync(ct);
        return rows.Select(r => ((string?)r.Key, r.Part, 0)).ToList();
    }

    private static Dictionary<string, Ratio> WithWhole(Dictionary<string, Ratio> parts, Dictionary<string, Snap> snapshot)
    {
        foreach (var (key, snap) in snapshot)
        {
            if (!parts.TryGetValue(key, out var ratio))
            {
                parts[key] = ratio = new Ratio();
            }

            ratio.Whole = snap.Active;
        }

        return parts;
    }

    // ---------------------------------------------------------------- surveys

    /// <summary>The rounds a satisfaction share on a date reads: those whose period ends in the 12 months up to it.</summary>
    private static (DateOnly After, DateOnly Through) SurveyWindow(DateOnly day) => (day.AddYears(-1), day);

    private sealed class KeyedAnswer
    {
        public required int RoundId { get; init; }
        public required string Key { get; init; }
        public required int Satisfied { get; init; }
    }

    /// <summary>
    /// One grouped query: the answers with an opinion of the rounds of the scope's units, each unit read by its version on
    /// the last day of the round's period; satisfied by the direction and threshold of the round's form.
    /// </summary>
    private IQueryable<KeyedAnswer> SurveyAnswersOf(Resolved scope, KeyMode mode, DateOnly day)
    {
        var (after, through) = SurveyWindow(day);
        return from a in db.SurveyAnswers.AsNoTracking()
               join r in db.SurveyRounds.Where(r => r.PeriodTo > after && r.PeriodTo <= through) on a.RoundId equals r.Id
               join i in db.SurveyInstruments on r.InstrumentId equals i.Id
               join x in Keyed(scope, mode) on r.UnitId equals x.V.UnitId
               where x.V.ValidFrom <= r.PeriodTo && (x.V.ValidTo == null || x.V.ValidTo > r.PeriodTo)
                     && (i.NoOpinionValue == null || a.Value != i.NoOpinionValue)
               select new KeyedAnswer
               {
                   RoundId = r.Id,
                   Key = x.Key,
                   Satisfied = (i.Direction == ScaleDirection.LowerIsBetter ? a.Value <= i.SatisfiedThreshold : a.Value >= i.SatisfiedThreshold) ? 1 : 0,
               };
    }

    private async Task<List<(string? Raw, int Part, int Whole)>> SatisfactionAsync(Resolved scope, KeyMode mode, DateOnly day, CancellationToken ct)
    {
        var rows = await SurveyAnswersOf(scope, mode, day).GroupBy(x => x.Key)
            .Select(g => new { g.Key, Part = g.Sum(x => x.Satisfied), Whole = g.Count() })
            .ToListAsync(ct);
        return rows.Select(r => ((string?)r.Key, r.Part, r.Whole)).ToList();
    }

    // ---------------------------------------------------------------- feedback

    /// <summary>Midnight of a day in Vietnam, in UTC (Vietnam keeps UTC+7 all year).</summary>
    private static DateTime VietnamMidnightUtc(DateOnly day) => DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue).AddHours(-7), DateTimeKind.Utc);

    private sealed class KeyedFeedback
    {
        public required Feedback F { get; init; }
        public required string Key { get; init; }
        public required int OnTime { get; init; }
    }

    /// <summary>
    /// The feedback a share on a date reads: received in the 12 months up to the date (Vietnam time), due by the date, not
    /// rejected; on time when its reply's Vietnam date is not after the due day. Each unit read by its version on the due day.
    /// </summary>
    private IQueryable<KeyedFeedback> FeedbackOf(Resolved scope, KeyMode mode, DateOnly day)
    {
        var start = VietnamMidnightUtc(day.AddYears(-1).AddDays(1));
        var end = VietnamMidnightUtc(day.AddDays(1));
        return from f in db.Feedback.AsNoTracking()
               join x in Keyed(scope, mode) on f.UnitId equals x.V.UnitId
               where f.Status != FeedbackStatus.Rejected && f.DueOn <= day && f.ReceivedAt >= start && f.ReceivedAt < end
                     && x.V.ValidFrom <= f.DueOn && (x.V.ValidTo == null || x.V.ValidTo > f.DueOn)
               select new KeyedFeedback
               {
                   F = f,
                   Key = x.Key,
                   // The reply's day in Vietnam, compared as yyyymmdd: no provider-specific date conversion.
                   OnTime = f.RepliedAt != null
                       && f.RepliedAt.Value.AddHours(7).Year * 10000 + f.RepliedAt.Value.AddHours(7).Month * 100 + f.RepliedAt.Value.AddHours(7).Day
                          <= f.DueOn.Year * 10000 + f.DueOn.Month * 100 + f.DueOn.Day ? 1 : 0,
               };
    }

    private async Task<List<(string? Raw, int Part, int Whole)>> FeedbackAsync(Resolved scope, KeyMode mode, DateOnly day, CancellationToken ct)
    {
        var rows = await FeedbackOf(scope, mode, day).GroupBy(x => x.Key)
            .Select(g => new { g.Key, Part = g.Sum(x => x.OnTime), Whole = g.Count() })
            .ToListAsync(ct);
        return rows.Select(r => ((string?)r.Key, r.Part, r.Whole)).ToList();
    }

    // ---------------------------------------------------------------- inspection recommendations

    private sealed class KeyedRecommendation
    {
        public required InspectionRecommendation R { get; init; }
        public string? Key { get; init; }
        public required int Done { get; init; }
    }

    /// <summary>
    /// The recommendations due by the date that the caller sees (the query filters: the inspection's or the addressee's
    /// scope) and that the scope reaches: an inspected unit of the scope, or an addressee agency in its area and agency
    /// (not by sector or level, which agencies have not). Done by the date: a follow-up marked done dated by then, and not
    /// disputed. Keyed by the unit the finding names, as it is today; else by the addressee agency (and its area).
    /// </summary>
    private IQueryable<KeyedRecommendation> RecommendationsOf(Resolved scope, KeyMode mode, DateOnly day)
    {
        var recommendations = db.InspectionRecommendations.AsNoTracking().Where(r => r.Deadline <= day);
        if (scope.Empty)
        {
            recommendations = recommendations.Where(r => false);
        }
        else if (scope.AreaPrefix is not null || scope.AgencyPath is not null || scope.Sector is not null || scope.Level is not null)
        {
            var units = Scoped(scope).Where(v => v.ValidFrom <= day).Select(v => v.UnitId);
            var inspected = db.InspectionUnits.Where(iu => units.Contains(iu.UnitId)).Select(iu => iu.InspectionId);
            if (scope.Sector is null && scope.Level is null)
            {
                var agencies = db.Agencies.AsNoTracking();
                if (scope.AreaPrefix is { } prefix)
                {
                    agencies = agencies.Where(a => a.Area != null && a.Area.LineagePath.StartsWith(prefix));
                }

                if (scope.AgencyPath is { } path)
                {
                    agencies = agencies.Where(a => a.LineagePath.StartsWith(path));
                }

                var addressees = agencies.Select(a => a.Id);
                recommendations = recommendations.Where(r => inspected.Contains(r.InspectionId) || addressees.Contains(r.AddresseeAgencyId));
            }
            else
            {
                recommendations = recommendations.Where(r => inspected.Contains(r.InspectionId));
            }
        }

        var done = db.RecommendationFollowUps.Where(u => u.Done && u.Date <= day).Select(u => (int?)u.RecommendationId).Distinct();
        // Left joins: a finding or unit the caller does not see leaves the recommendation counted, keyed by its addressee.
        var joined = from r in recommendations
                     join f in db.InspectionFindings on r.FindingId equals f.Id into findings
                     from f in findings.DefaultIfEmpty()
                     join u in db.Units on f!.UnitId equals (int?)u.Id into units
                     from u in units.DefaultIfEmpty()
                     join d in done on (int?)r.Id equals d into reports
                     from d in reports.DefaultIfEmpty()
                     select new { R = r, U = u, Done = d != null && !r.Disputed ? 1 : 0 };
        return mode switch
        {
            KeyMode.Area => joined.Select(x => new KeyedRecommendation
            {
                R = x.R, Done = x.Done,
                Key = x.U != null ? x.U.AreaId.ToString() : x.R.AddresseeAgency!.AreaId != null ? x.R.AddresseeAgency.AreaId.Value.ToString() : null,
            }),
            KeyMode.Agency => joined.Select(x => new KeyedRecommendation
            {
                R = x.R, Done = x.Done, Key = x.U != null ? x.U.ManagingAgencyId.ToString() : x.R.AddresseeAgencyId.ToString(),
            }),
            _ => joined.Select(x => new KeyedRecommendation { R = x.R, Done = x.Done, Key = x.U != null ? x.U.SectorCode : null }),
        };
    }

    private async Task<List<(string? Raw, int Part, int Whole)>> RecommendationsAsync(Resolved scope, KeyMode mode, DateOnly day, CancellationToken ct)
    {
        var rows = await RecommendationsOf(scope, mode, day).GroupBy(x => x.Key)
            .Select(g => new { g.Key, Part = g.Sum(x => x.Done), Whole = g.Count() })
            .ToListAsync(ct);
        return rows.Select(r => (r.Key, r.Part, r.Whole)).ToList();
    }

    // ---------------------------------------------------------------- results

    private static decimal? OversightValue(Figures f, string code, DateOnly day, string key) =>
        f.Oversight.TryGetValue((code, day), out var byKey) && byKey.TryGetValue(key, out var r)
            ? (r.Whole == 0 ? null : r.Part * 100m / r.Whole)
            : null;

    private static IEnumerable<string> OversightNotes(Request r, Figures f)
    {
        var whole = f.Oversight.TryGetValue((r.Definition.Code, r.AsOf), out var byKey) && byKey.TryGetValue(Total, out var t) ? t.Whole : 0;
        if (whole > 0)
        {
            yield break;
        }

        var (after, _) = SurveyWindow(r.AsOf);
        yield return r.Definition.Code switch
        {
            IndicatorCatalog.QualityAssessedShare => $"Không có đơn vị nào đang hoạt động trong phạm vi ngày {Vi(r.AsOf)}: chưa đo được.",
            IndicatorCatalog.SurveySatisfaction => $"Không có câu trả lời có ý kiến của đợt khảo sát nào kết thúc từ {Vi(after.AddDays(1))} đến {Vi(r.AsOf)} trong phạm vi: chưa đo được.",
            IndicatorCatalog.FeedbackOnTimeShare => $"Không có phản ánh, kiến nghị nào nhận từ {Vi(after.AddDays(1))} đến {Vi(r.AsOf)} đã đến hạn trả lời trong phạm vi: chưa đo được.",
            _ => $"Không có kiến nghị thanh tra, kiểm tra nào đến hạn thực hiện đến ngày {Vi(r.AsOf)} trong phạm vi: chưa đo được.",
        };
    }

    // ---------------------------------------------------------------- drill-down

    /// <summary>The records behind a survey, feedback or recommendation figure on the as-of date, paged in SQL.</summary>
    private async Task<Paged<DrilldownRecord>> RecordsAsync(string code, Resolved scope, DateOnly asOf, long skip, int size, CancellationToken ct)
    {
        switch (code)
        {
            case IndicatorCatalog.SurveySatisfaction:
            {
                // The rounds with answers that count, each with its satisfied and opinion answers, grouped as the share is.
                var counts = SurveyAnswersOf(scope, KeyMode.Sector, asOf).GroupBy(x => x.RoundId)
                    .Select(g => new { RoundId = g.Key, Part = g.Sum(x => x.Satisfied), Whole = g.Count() });
                var rounds = from c in counts
                             join r in db.SurveyRounds.AsNoTracking() on c.RoundId equals r.Id
                             select new
                             {
                                 r.Id, r.PeriodTo, r.Label, Form = r.Instrument!.Code, r.UnitId, UnitCode = r.Unit!.Code, UnitName = r.Unit.Name,
                                 Agency = r.Unit.ManagingAgency!.Name, c.Part, c.Whole,
                             };
                var total = await rounds.CountAsync(ct);
                var items = skip >= total ? [] : await rounds.OrderByDescending(r => r.PeriodTo).ThenBy(r => r.Id).Skip((int)skip).Take(size).ToListAsync(ct);
                return new Paged<DrilldownRecord>(items.Select(r => new DrilldownRecord(SurveyRecord, r.Id, r.PeriodTo, $"{r.Label} (mẫu {r.Form})",
                    r.UnitId, r.UnitCode, r.UnitName, r.Agency, r.Part, r.Whole, $"{r.Part}/{r.Whole} câu trả lời hài lòng")).ToList(), total);
            }

            case IndicatorCatalog.FeedbackOnTimeShare:
            {
                var feedback = FeedbackOf(scope, KeyMode.Sector, asOf)
                    .Select(x => new { x.F.Id, x.F.DueOn, x.F.Topic, x.F.UnitId, UnitCode = x.F.Unit!.Code, UnitName = x.F.Unit.Name, x.F.RepliedAt, x.OnTime });
                var total = await feedback.CountAsync(ct);
                var items = skip >= total ? [] : await feedback.OrderByDescending(x => x.DueOn).ThenBy(x => x.Id).Skip((int)skip).Take(size).ToListAsync(ct);
                return new Paged<DrilldownRecord>(items.Select(x => new DrilldownRecord(FeedbackRecord, x.Id, x.DueOn, x.Topic, x.UnitId, x.UnitCode, x.UnitName,
                    null, x.OnTime, 1, x.RepliedAt is { } at ? $"Trả lời ngày {Vi(DateOnly.FromDateTime(VietnamTime.FromUtc(at)))}" : "Chưa trả lời")).ToList(), total);
            }

            case IndicatorCatalog.RecommendationsDoneShare:
            {
                var recommendations = RecommendationsOf(scope, KeyMode.Sector, asOf)
                    .Select(x => new
                    {
                        x.R.Id, x.R.Deadline, x.R.Content, x.R.Type, x.R.Disputed, Inspection = x.R.Inspection!.DecisionNumber,
                        Agency = x.R.AddresseeAgency!.Name, x.Done,
                    });
                var total = await recommendations.CountAsync(ct);
                var items = skip >= total ? [] : await recommendations.OrderByDescending(x => x.Deadline).ThenBy(x => x.Id).Skip((int)skip).Take(size).ToListAsync(ct);
                return new Paged<DrilldownRecord>(items.Select(x => new DrilldownRecord(RecommendationRecord, x.Id, x.Deadline,
                    string.IsNullOrWhiteSpace(x.Content) ? RecommendationTypeName(x.Type) : x.Content, null, null, null, x.Agency, x.Done, 1,
                    (x.Inspection is { Length: > 0 } number ? $"Quyết định thanh tra, kiểm tra số {number}. " : "")
                        + (x.Disputed ? "Đang khiếu nại, đề nghị xem xét lại." : x.Done == 1 ? "Đã thực hiện xong." : "Chưa thực hiện xong."))).ToList(), total);
            }

            default:
                return new Paged<DrilldownRecord>([], 0);
        }
    }

    private static string RecommendationTypeName(RecommendationType type) => type switch
    {
        RecommendationType.Recover => "Thu hồi",
        RecommendationType.Discipline => "Xử lý kỷ luật",
        RecommendationType.Fix => "Khắc phục, chấn chỉnh",
        _ => "Chuyển cơ quan có thẩm quyền",
    };

    /// <summary>The units of the quality share: those active on the date, 1 when an assessment is valid then, else 0.</summary>
    private IQueryable<VersionFigure> QualityUnits(Resolved scope, DateOnly day) =>
        from v in Scoped(scope).Where(v => v.ValidFrom <= day && (v.ValidTo == null || v.ValidTo > day))
        join a in AssessedUnits(day) on (int?)v.UnitId equals a into assessed
        from a in assessed.DefaultIfEmpty()
        select new VersionFigure { V = v, Figure = a != null ? 1 : 0 };
}
