using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Text;

namespace SuNghiep.Core.Oversight;

/// <summary>
/// Satisfaction surveys: the forms, the rounds of a unit, their responses and results. Reads go through the caller's
/// scope (the query filter on the round's unit); results are computed from grouped counts with <see cref="SurveyRules"/>.
/// </summary>
public sealed class SurveyService(SuNghiepDbContext db, TimeProvider time)
{
    /// <summary>Responses saved per batch: a round may have thousands, each with dozens of answers.</summary>
    public const int Batch = 1000;

    public const string BulkName = "phiếu khảo sát";

    public const string NotYours = "Chỉ cán bộ của chính đơn vị, cơ quan quản lý đơn vị hoặc cấp trên trong phạm vi mới được ghi khảo sát của đơn vị.";

    private sealed record Head(
        int Id, string Label, int InstrumentId, string InstrumentCode, string InstrumentName, int UnitId, string UnitCode, string UnitName,
        string Sector, DateOnly PeriodFrom, DateOnly PeriodTo, string ScaleJson, ScaleDirection Direction, int Threshold, int? NoOpinion)
    {
        public SurveyScale Scale => SurveyRules.Scale(ScaleJson, Direction, Threshold, NoOpinion);
    }

    public async Task<IReadOnlyList<SurveyInstrumentRow>> InstrumentsAsync(CancellationToken ct = default) =>
        await db.SurveyInstruments.AsNoTracking().OrderBy(i => i.SectorCode).ThenBy(i => i.Code)
            .Select(i => new SurveyInstrumentRow(i.Id, i.Code, i.Name, i.DocumentNumber, i.DocumentDate, i.DocumentIssuer, i.SectorCode,
                i.RespondentType, i.ValidFrom, i.ValidTo, i.Items.Count))
            .ToListAsync(ct);

    public async Task<SurveyInstrumentView?> InstrumentAsync(int id, CancellationToken ct = default)
    {
        var i = await db.SurveyInstruments.AsNoTracking().Include(x => x.Items).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (i is null)
        {
            return null;
        }

        var row = new SurveyInstrumentRow(i.Id, i.Code, i.Name, i.DocumentNumber, i.DocumentDate, i.DocumentIssuer, i.SectorCode,
            i.RespondentType, i.ValidFrom, i.ValidTo, i.Items.Count);
        return new(row, ScaleView(SurveyRules.Scale(i)), i.Source,
            i.Items.OrderBy(x => x.Ordinal).Select(x => new SurveyInstrumentItem(x.SectionCode, x.SectionName, x.Code, x.Text, x.Ordinal)).ToList());
    }

    public static SurveyScaleView ScaleView(SurveyScale scale) =>
        new(scale.Direction == ScaleDirection.HigherIsBetter ? "higherIsBetter" : "lowerIsBetter", scale.SatisfiedThreshold, scale.NoOpinionValue, scale.Points);

    private IQueryable<SurveyRound> Filtered(SurveyFilter filter)
    {
        var q = db.SurveyRounds.AsNoTracking();
        if (filter.UnitId is { } unitId)
        {
            q = q.Where(r => r.UnitId == unitId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Sector))
        {
            q = q.Where(r => r.Unit!.SectorCode == filter.Sector);
        }

        if (filter.Year is { } year)
        {
            var first = new DateOnly(year, 1, 1);
            var last = new DateOnly(year, 12, 31);
            q = q.Where(r => r.PeriodFrom <= last && r.PeriodTo >= first);
        }

        if (filter.InstrumentId is { } instrumentId)
        {
            q = q.Where(r => r.InstrumentId == instrumentId);
        }

        if (!string.IsNullOrWhiteSpace(filter.InstrumentCode))
        {
            var code = filter.InstrumentCode.Trim();
            q = q.Where(r => r.Instrument!.Code == code);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var folded = VietnameseText.Fold(filter.Search);
            var text = filter.Search.Trim();
            q = q.Where(r => r.Unit!.SearchText.Contains(folded) || r.Label.Contains(text) || r.Instrument!.Code.Contains(text));
        }

        return q;
    }

    private static IQueryable<Head> Heads(IQueryable<SurveyRound> rounds) =>
        rounds.Select(r => new Head(r.Id, r.Label, r.InstrumentId, r.Instrument!.Code, r.Instrument.Name, r.UnitId, r.Unit!.Code, r.Unit.Name,
            r.Unit.SectorCode, r.PeriodFrom, r.PeriodTo, r.Instrument.ScaleJson, r.Instrument.Direction, r.Instrument.SatisfiedThreshold,
            r.Instrument.NoOpinionValue));

    public async Task<SurveyRoundList> ListAsync(SurveyFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        var q = Filtered(filter);
        var total = await q.CountAsync(ct);
        var heads = await Heads(q.OrderByDescending(r => r.PeriodFrom).ThenBy(r => r.Unit!.SortKey).ThenByDescending(r => r.Id)
            .Skip((Math.Max(1, page) - 1) * pageSize).Take(pageSize)).ToListAsync(ct);
        return new(await RowsAsync(heads, ct), total);
    }

    /// <summary>Every round of the filter, without paging (exports and comparisons).</summary>
    public async Task<IReadOnlyList<SurveyRoundRow>> AllAsync(SurveyFilter filter, CancellationToken ct = default)
    {
        var heads = await Heads(Filtered(filter).OrderByDescending(r => r.PeriodFrom).ThenBy(r => r.Unit!.SortKey).ThenByDescending(r => r.Id)).ToListAsync(ct);
        return await RowsAsync(heads, ct);
    }

    private async Task<IReadOnlyList<SurveyRoundRow>> RowsAsync(IReadOnlyList<Head> heads, CancellationToken ct)
    {
        var ids = heads.Select(h => h.Id).ToList();
        var responses = await db.SurveyResponses.Where(r => ids.Contains(r.RoundId)).GroupBy(r => r.RoundId)
            .Select(g => new { RoundId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.RoundId, x => x.Count, ct);
        var counts = (await db.SurveyAnswers.Where(a => ids.Contains(a.RoundId)).GroupBy(a => new { a.RoundId, a.Value })
            .Select(g => new { g.Key.RoundId, g.Key.Value, Count = g.LongCount() }).ToListAsync(ct))
            .ToLookup(x => x.RoundId, x => (x.Value, x.Count));
        return heads.Select(h => Row(h, responses.GetValueOrDefault(h.Id), SurveyRules.Summarize(h.Scale, counts[h.Id]))).ToList();
    }

    private static SurveyRoundRow Row(Head h, int responses, SurveySummary summary) =>
        new(h.Id, h.Label, h.InstrumentId, h.InstrumentCode, h.InstrumentName, h.UnitId, h.UnitCode, h.UnitName, h.Sector, h.PeriodFrom,
            h.PeriodTo, responses, SurveyFigures.Of(summary));

    /// <summary>A round's results per item and section, or null when the caller's scope does not reach it.</summary>
    public async Task<SurveyRoundView?> GetAsync(int id, CancellationToken ct = default)
    {
        var head = await Heads(db.SurveyRounds.AsNoTracking().Where(r => r.Id == id)).FirstOrDefaultAsync(ct);
        if (head is null)
        {
            return null;
        }

        var scale = head.Scale;
        var items = await db.SurveyItems.AsNoTracking().Where(i => i.InstrumentId == head.InstrumentId).OrderBy(i => i.Ordinal).ToListAsync(ct);
        var counts = (await db.SurveyAnswers.Where(a => a.RoundId == id).GroupBy(a => new { a.ItemId, a.Value })
            .Select(g => new { g.Key.ItemId, g.Key.Value, Count = g.LongCount() }).ToListAsync(ct))
            .ToLookup(x => x.ItemId, x => (x.Value, x.Count));
        var responses = await db.SurveyResponses.CountAsync(r => r.RoundId == id, ct);
        var sections = items.GroupBy(i => (i.SectionCode, i.SectionName))
            .Select(g => new SurveySectionResult(g.Key.SectionCode, g.Key.SectionName,
                SurveyFigures.Of(SurveyRules.Summarize(scale, g.SelectMany(i => counts[i.Id]))),
                g.Select(i => new SurveyItemResult(i.Code, i.Text, SurveyFigures.Of(SurveyRules.Summarize(scale, counts[i.Id])))).ToList()))
            .ToList();
        var overall = SurveyRules.Summarize(scale, items.SelectMany(i => counts[i.Id]));
        return new(Row(head, responses, overall), ScaleView(scale), SurveyFigures.Of(overall), sections,
            SurveyRules.ScoreFormula, SurveyRules.ShareFormula, await MayRecordAsync(head.UnitId, ct));
    }

    /// <summary>Units of a sector compared over the rounds of a year, each unit's answers pooled (the score compares across forms).</summary>
    public async Task<IReadOnlyList<SurveyComparisonRow>> CompareUnitsAsync(string? sector, int year, CancellationToken ct = default)
    {
        var heads = await Heads(Filtered(new SurveyFilter(Sector: sector, Year: year))).ToListAsync(ct);
        var pooled = await PooledAsync(heads, h => h.UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture), h => h.UnitName, ct);
        return pooled.OrderByDescending(r => r.Results.Score ?? -1).ThenBy(r => r.Label, StringComparer.Ordinal).ToList();
    }

    /// <summary>One unit across years: its rounds pooled by the year their period starts.</summary>
    public async Task<IReadOnlyList<SurveyComparisonRow>> CompareYearsAsync(int unitId, CancellationToken ct = default)
    {
        var heads = await Heads(Filtered(new SurveyFilter(UnitId: unitId))).ToListAsync(ct);
        var pooled = await PooledAsync(heads, h => h.PeriodFrom.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            h => h.PeriodFrom.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        return pooled.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
    }

    // The score is linear in the mean, so pooling rounds of different forms weights each round's score by its n; the
    // share pools satisfied answers over answers with an opinion.
    private async Task<IReadOnlyList<SurveyComparisonRow>> PooledAsync(
        IReadOnlyList<Head> heads, Func<Head, string> key, Func<Head, string> label, CancellationToken ct)
    {
        var rows = await RowsAsync(heads, ct);
        var summaries = new Dictionary<int, SurveySummary>();
        var ids = heads.Select(h => h.Id).ToList();
        var counts = (await db.SurveyAnswers.Where(a => ids.Contains(a.RoundId)).GroupBy(a => new { a.RoundId, a.Value })
            .Select(g => new { g.Key.RoundId, g.Key.Value, Count = g.LongCount() }).ToListAsync(ct)).ToLookup(x => x.RoundId, x => (x.Value, x.Count));
        foreach (var h in heads)
        {
            summaries[h.Id] = SurveyRules.Summarize(h.Scale, counts[h.Id]);
        }

        var responses = rows.ToDictionary(r => r.Id, r => r.Responses);
        return heads.GroupBy(key).Select(g =>
        {
            var n = g.Sum(h => summaries[h.Id].Answers);
            var satisfied = g.Sum(h => summaries[h.Id].Satisfied);
            var noOpinion = g.Sum(h => summaries[h.Id].NoOpinion);
            decimal? score = n > 0 ? g.Sum(h => (summaries[h.Id].Score ?? 0) * summaries[h.Id].Answers) / n : null;
            decimal? mean = g.Select(h => h.InstrumentId).Distinct().Count() == 1 && n > 0
                ? g.Sum(h => (summaries[h.Id].Mean ?? 0) * summaries[h.Id].Answers) / n
                : null;
            var pooled = new SurveySummary(n, noOpinion, satisfied, mean, score, n > 0 ? (decimal)satisfied / n : null);
            return new SurveyComparisonRow(g.Key, label(g.First()), g.Count(), g.Sum(h => responses[h.Id]), SurveyFigures.Of(pooled));
        }).ToList();
    }

    private async Task<bool> MayRecordAsync(int unitId, CancellationToken ct)
    {
        var place = await db.Units.AsNoTracking().Where(u => u.Id == unitId)
            .Select(u => new AgencyPlace(u.ManagingAgency!.LineagePath, u.ManagingAgency.Area != null ? u.ManagingAgency.Area.LineagePath : null))
            .FirstOrDefaultAsync(ct);
        return SurveyRules.MayRecord(db.Scope, unitId, place);
    }

    public async Task<SurveyOutcome<SurveyRoundRow>> CreateRoundAsync(SurveyRoundInput input, CancellationToken ct = default)
    {
        var errors = new List<RuleViolation>();
        SurveyInstrument? instrument = null;
        if (input.InstrumentId is { } instrumentId)
        {
            instrument = await db.SurveyInstruments.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instrumentId, ct);
            if (instrument is null)
            {
                errors.Add(new("instrumentId", $"Không có mẫu phiếu khảo sát id {instrumentId}."));
            }
        }
        else if (!string.IsNullOrWhiteSpace(input.InstrumentCode))
        {
            var code = input.InstrumentCode.Trim();
            instrument = await db.SurveyInstruments.AsNoTracking().FirstOrDefaultAsync(i => i.Code == code, ct);
            if (instrument is null)
            {
                errors.Add(new("instrumentCode", $"Không có mẫu phiếu khảo sát mã \"{code}\"."));
            }
        }
        else
        {
            errors.Add(new("instrumentId", "Vui lòng chọn mẫu phiếu khảo sát (instrumentId hoặc instrumentCode)."));
        }

        Unit? unit = null;
        if (input.UnitId is { } unitId)
        {
            unit = await db.Units.AsNoTracking().Include(u => u.ManagingAgency!).ThenInclude(a => a.Area).FirstOrDefaultAsync(u => u.Id == unitId, ct);
            if (unit is null)
            {
                errors.Add(new("unitId", "Không tìm thấy đơn vị trong phạm vi của tài khoản."));
            }
        }
        else
        {
            errors.Add(new("unitId", "Vui lòng chọn đơn vị được khảo sát."));
        }

        if (input.PeriodFrom is null)
        {
            errors.Add(new("periodFrom", "Vui lòng nhập ngày bắt đầu kỳ khảo sát."));
        }

        if (input.PeriodTo is null)
        {
            errors.Add(new("periodTo", "Vui lòng nhập ngày kết thúc kỳ khảo sát."));
        }
        else if (input.PeriodFrom is { } from && input.PeriodTo < from)
        {
            errors.Add(new("periodTo", "Ngày kết thúc kỳ khảo sát không được trước ngày bắt đầu."));
        }

        var label = input.Label?.Trim() ?? "";
        if (label.Length == 0)
        {
            errors.Add(new("label", "Vui lòng nhập tên đợt khảo sát, ví dụ Quý 2/2026."));
        }
        else if (label.Length > 100)
        {
            errors.Add(new("label", "Tên đợt khảo sát tối đa 100 ký tự."));
        }

        if (errors.Count > 0)
        {
            return SurveyOutcome.Invalid<SurveyRoundRow>(errors);
        }

        var place = new AgencyPlace(unit!.ManagingAgency!.LineagePath, unit.ManagingAgency.Area?.LineagePath);
        if (!SurveyRules.MayRecord(db.Scope, unit.Id, place))
        {
            return SurveyOutcome.Refused<SurveyRoundRow>(NotYours);
        }

        var round = new SurveyRound
        {
            InstrumentId = instrument!.Id,
            UnitId = unit.Id,
            PeriodFrom = input.PeriodFrom!.Value,
            PeriodTo = input.PeriodTo!.Value,
            Label = label,
            Status = SurveyRoundStatus.Open,
            CreatedBy = db.Actor.Name,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.SurveyRounds.Add(round);
        await db.SaveChangesAsync(ct);
        return new(new SurveyRoundRow(round.Id, round.Label, instrument.Id, instrument.Code, instrument.Name, unit.Id, unit.Code, unit.Name,
            unit.SectorCode, round.PeriodFrom, round.PeriodTo, 0, SurveyFigures.Of(SurveyRules.Summarize(SurveyRules.Scale(instrument), Array.Empty<int>()))), []);
    }

    /// <summary>The round's form as the checks need it, with the write permission; null when the scope does not reach the round.</summary>
    public async Task<(int UnitId, SurveyScale Scale, IReadOnlyDictionary<string, SurveyItem> Items, bool MayRecord)?> FormOfRoundAsync(int roundId, CancellationToken ct)
    {
        var round = await db.SurveyRounds.AsNoTracking().Include(r => r.Instrument!).ThenInclude(i => i.Items).FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null)
        {
            return null;
        }

        var items = round.Instrument!.Items.ToDictionary(i => i.Code, i => i, StringComparer.OrdinalIgnoreCase);
        return (round.UnitId, SurveyRules.Scale(round.Instrument), items, await MayRecordAsync(round.UnitId, ct));
    }

    /// <summary>Records responses to a round: all of them, or none and every bad item code and value named by its field.</summary>
    public async Task<SurveyOutcome<SurveyResponsesAdded>> AddResponsesAsync(int roundId, IReadOnlyList<SurveyResponseInput> responses, CancellationToken ct = default)
    {
        if (await FormOfRoundAsync(roundId, ct) is not { } form)
        {
            return SurveyOutcome.Missing<SurveyResponsesAdded>();
        }

        if (!form.MayRecord)
        {
            return SurveyOutcome.Refused<SurveyResponsesAdded>(NotYours);
        }

        var errors = new List<RuleViolation>();
        if (responses.Count == 0)
        {
            errors.Add(new("responses", "Không có phiếu trả lời nào."));
        }

        foreach (var response in responses)
        {
            errors.AddRange(Check(form.Scale, form.Items, response.Answers, response.Field));
            if (response.RespondedOn is { } on && !InputLimits.IsPlausible(on))
            {
                errors.Add(new(response.Field.Replace("answers", "respondedOn", StringComparison.Ordinal), InputLimits.DateMessage));
            }
        }

        if (errors.Count > 0)
        {
            return SurveyOutcome.Invalid<SurveyResponsesAdded>(errors);
        }

        var answers = await SaveAsync(roundId, responses.Select(r => (r.RespondedOn, (IReadOnlyList<(int ItemId, int Value)>)r.Answers
            .Select(a => (form.Items[a.Key.Trim()].Id, a.Value)).ToList())).ToList(), ct);
        return new(new SurveyResponsesAdded(responses.Count, answers), []);
    }

    /// <summary>The problems of one response's answers: an unknown item code, an item answered twice, a value outside the scale.</summary>
    public static IReadOnlyList<RuleViolation> Check(SurveyScale scale, IReadOnlyDictionary<string, SurveyItem> items, IReadOnlyList<KeyValuePair<string, int>> answers, string field)
    {
        var errors = new List<RuleViolation>();
        if (answers.Count == 0)
        {
            errors.Add(new(field, "Phiếu không có câu trả lời nào."));
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (code, value) in answers)
        {
            var key = $"{field}.{code}";
            if (!items.ContainsKey(code.Trim()))
            {
                errors.Add(new(key, $"Mẫu phiếu không có câu hỏi mã \"{code}\"."));
            }
            else if (!seen.Add(code.Trim()))
            {
                errors.Add(new(key, $"Câu hỏi \"{code}\" được trả lời hai lần trong một phiếu."));
            }
            else if (!SurveyRules.IsValid(scale, value))
            {
                errors.Add(new(key, $"Giá trị {value} không thuộc thang đo của mẫu phiếu ({string.Join(", ", scale.Points.Select(p => p.Value))})."));
            }
        }

        return errors;
    }

    /// <summary>
    /// Writes checked responses in batches inside one transaction. Responses and answers are audited as one summary row
    /// per entity type and batch (count, operation, actor), as bulk loads are: a round may bring thousands of forms.
    /// </summary>
    internal async Task<int> SaveAsync(int roundId, IReadOnlyList<(DateOnly? RespondedOn, IReadOnlyList<(int ItemId, int Value)> Answers)> responses, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var previous = db.BulkOperation;
        db.BulkOperation = BulkName;
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var answers = 0;
        try
        {
            foreach (var batch in responses.Chunk(Batch))
            {
                db.SurveyResponses.AddRange(batch.Select(r => new SurveyResponse
                {
                    RoundId = roundId,
                    RespondedOn = r.RespondedOn,
                    CreatedAt = now,
                    Answers = r.Answers.Select(a => new SurveyAnswer { RoundId = roundId, ItemId = a.ItemId, Value = a.Value }).ToList(),
                }));
                answers += batch.Sum(r => r.Answers.Count);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }

            if (own is not null)
            {
                await own.CommitAsync(ct);
            }
        }
        finally
        {
            db.BulkOperation = previous;
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }

        return answers;
    }
}
