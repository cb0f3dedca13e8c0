using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Text;
using SuNghiep.Core.Units;

namespace SuNghiep.Core.Oversight;

// What the public pages and the public API show of a unit: these records are the whole whitelist. Nothing else of the
// register (staff, finance figures, notes, drafts, contacts) is ever read into them.

public sealed record PublicUnitListItem(string Code, string Name, string Sector, string SectorName, string? Commune, string? Province, bool Ended);

public sealed record PublicUnitList(IReadOnlyList<PublicUnitListItem> Items, int Total);

public sealed record PublicSuccessor(string Code, string Name);

public sealed record PublicService(string Code, string Name, string? OutputUnit, decimal? Price, string? PriceUnit, DateOnly? PriceFrom);

public sealed record PublicQuality(string Standard, string Level, DateOnly AssessedOn, DateOnly? ValidUntil);

public sealed record PublicSurvey(string Round, decimal? SatisfiedShare, int Respondents, DateOnly PeriodTo);

public sealed record PublicFeedback(string Topic, string Question, DateOnly ReceivedOn, string? Reply, DateOnly? RepliedOn);

public sealed record PublicUnit(
    string Code, string Name, string Sector, string SectorName, string? Address, string? Commune, string? Province, string ManagingAgency,
    DateOnly EstablishedOn, DateOnly? EndedOn, IReadOnlyList<PublicSuccessor> Successors, int AutonomyYear, int? AutonomyGroup, string? AutonomyGroupName,
    IReadOnlyList<PublicService> Services, PublicQuality? Quality, PublicSurvey? Survey, IReadOnlyList<PublicFeedback> Feedback);

/// <summary>A province of today's map, for the public search's filter.</summary>
public sealed record PublicProvince(string Code, string Name);

/// <summary>A commune's folded full name, for the accent-insensitive search by commune.</summary>
public sealed record AreaName(int Id, string Folded);

/// <summary>
/// The register as citizens see it, without signing in. Reads ignore the scope filters (there is no caller) but never a
/// voided unit, and project only the public records above.
/// </summary>
public static class PublicRegister
{
    public const int PageSize = 20;
    public const int MaxFeedbackShown = 30;

    public static Task<List<PublicProvince>> ProvincesAsync(SuNghiepDbContext db, DateOnly today, CancellationToken ct) =>
        db.Areas.AsNoTracking()
            .Where(a => a.Level == AreaLevel.Province && (a.ValidFrom == null || a.ValidFrom <= today) && (a.ValidTo == null || a.ValidTo >= today))
            .OrderBy(a => a.Name)
            .Select(a => new PublicProvince(a.Code, a.Type + " " + a.Name))
            .ToListAsync(ct);

    /// <summary>Every commune and ward of today's map with its folded name; small enough to match in memory and cache.</summary>
    public static async Task<List<AreaName>> CommuneNamesAsync(SuNghiepDbContext db, CancellationToken ct) =>
        (await db.Areas.AsNoTracking().Where(a => a.Level == AreaLevel.Commune && a.ValidTo == null)
            .Select(a => new { a.Id, a.Type, a.Name }).ToListAsync(ct))
        .Select(a => new AreaName(a.Id, VietnameseText.Fold(a.Type + " " + a.Name))).ToList();

    /// <summary>
    /// Units whose name or code holds every word of the search, or whose commune's name holds the whole search; active
    /// and ended alike (an ended unit says so), paged in SQL.
    /// </summary>
    public static async Task<PublicUnitList> SearchAsync(
        SuNghiepDbContext db, string? search, string? provinceCode, IReadOnlyList<AreaName> communes, DateOnly today, int page, CancellationToken ct)
    {
        var query = db.UnitVersions.IgnoreQueryFilters().AsNoTracking().Where(v => !v.Unit!.Voided).Where(UnitQueries.DescribesOn(today));
        var folded = VietnameseText.Fold(search);
        if (folded.Length > 0)
        {
            var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8).ToList();
            var inCommunes = communes.Where(c => c.Folded.Contains(folded, StringComparison.Ordinal)).Select(c => c.Id).Take(200).ToList();
            query = query.Where(NameOrCommune(words, inCommunes));
        }

        if (!string.IsNullOrWhiteSpace(provinceCode))
        {
            query = UnitQueries.WithinAreas(query, await UnitQueries.AreaPrefixesAsync(db, provinceCode, ct));
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(v => v.SortKey).ThenBy(v => v.UnitId)
            .Skip((Math.Max(page, 1) - 1) * PageSize).Take(PageSize)
            .Select(v => new { v.Unit!.Code, v.Name, v.SectorCode, v.AreaId, v.Unit.EndedOn })
            .ToListAsync(ct);
        var places = await PlacesAsync(db, rows.Select(r => r.AreaId).Distinct().ToList(), today, ct);
        return new PublicUnitList(
            rows.Select(r => new PublicUnitListItem(r.Code, r.Name, r.SectorCode, Catalog.SectorName(r.SectorCode),
                places[r.AreaId].Commune, places[r.AreaId].Province, r.EndedOn is { } ended && ended <= today)).ToList(),
            total);
    }

    // Every word in the name or code, or the unit in one of the communes: one OR that both databases translate.
    private static Expression<Func<UnitVersion, bool>> NameOrCommune(List<string> words, List<int> communeIds)
    {
        var v = Expression.Parameter(typeof(UnitVersion), "v");
        var searchText = Expression.Property(v, nameof(UnitVersion.SearchText));
        var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        Expression body = words.Select(w => (Expression)Expression.Call(searchText, contains, Expression.Constant(w)))
            .Aggregate(Expression.AndAlso);
        if (communeIds.Count > 0)
        {
            var inCommunes = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(int)],
                Expression.Constant(communeIds), Expression.Property(v, nameof(UnitVersion.AreaId)));
            body = Expression.OrElse(body, inCommunes);
        }

        return Expression.Lambda<Func<UnitVersion, bool>>(body, v);
    }

    /// <summary>The unit with the code, as of today; null for an unknown or voided code.</summary>
    public static async Task<PublicUnit?> GetAsync(SuNghiepDbContext db, string code, DateOnly today, CancellationToken ct)
    {
        var unit = await db.Units.IgnoreQueryFilters().AsNoTracking()
            .Where(u => u.Code == code.Trim() && !u.Voided)
            .Select(u => new { u.Id, u.Code, u.Address, u.EstablishedOn, u.EndedOn })
            .FirstOrDefaultAsync(ct);
        if (unit is null)
        {
            return null;
        }

        var versions = db.UnitVersions.IgnoreQueryFilters().AsNoTracking().Where(v => v.UnitId == unit.Id);
        var version = await versions.Where(UnitQueries.DescribesOn(today))
                          .Select(v => new { v.Name, v.SectorCode, v.AreaId, Agency = v.ManagingAgency!.Name }).FirstOrDefaultAsync(ct)
                      ?? await versions.OrderBy(v => v.ValidFrom)
                          .Select(v => new { v.Name, v.SectorCode, v.AreaId, Agency = v.ManagingAgency!.Name }).FirstOrDefaultAsync(ct);
        if (version is null)
        {
            return null;
        }

        var place = (await PlacesAsync(db, [version.AreaId], today, ct))[version.AreaId];
        var ended = unit.EndedOn is { } end && end <= today;
        var successors = ended ? await SuccessorsAsync(db, unit.Id, ct) : [];
        var year = today.Year;
        var group = await GroupAsync(db, unit.Id, year, ct);
        return new PublicUnit(
            unit.Code, version.Name, version.SectorCode, Catalog.SectorName(version.SectorCode), unit.Address, place.Commune, place.Province,
            version.Agency, unit.EstablishedOn, unit.EndedOn, successors, year, group,
            group is { } g ? Catalog.AutonomyGroups.FirstOrDefault(x => x.Number == g)?.Name : null,
            await ServicesAsync(db, unit.Id, place.ProvinceCode, today, ct),
            await QualityAsync(db, unit.Id, ct),
            await SurveyAsync(db, unit.Id, ct),
            await PublishedFeedbackAsync(db, unit.Id, ct));
    }

    private sealed record Place(string? Commune, string? Province, string? ProvinceCode);

    /// <summary>Commune and province as of today: an area that has ended is read through its successor.</summary>
    private static async Task<Dictionary<int, Place>> PlacesAsync(SuNghiepDbContext db, List<int> areaIds, DateOnly today, CancellationToken ct)
    {
        var areas = await db.Areas.AsNoTracking().Where(a => areaIds.Contains(a.Id))
            .Select(a => new AreaRow(a.Id, a.Code, a.Type, a.Name, a.Level, a.ValidTo, a.SuccessorId, a.ParentId))
            .ToListAsync(ct);
        var more = areas.Where(a => a.ValidTo is { } to && to < today && a.SuccessorId is not null).Select(a => a.SuccessorId!.Value).ToList();
        var known = areas.ToDictionary(a => a.Id);
        async Task LoadAsync(IEnumerable<int> ids)
        {
            var missing = ids.Where(id => !known.ContainsKey(id)).Distinct().ToList();
            if (missing.Count > 0)
            {
                foreach (var a in await db.Areas.AsNoTracking().Where(a => missing.Contains(a.Id))
                             .Select(a => new AreaRow(a.Id, a.Code, a.Type, a.Name, a.Level, a.ValidTo, a.SuccessorId, a.ParentId)).ToListAsync(ct))
                {
                    known[a.Id] = a;
                }
            }
        }

        await LoadAsync(more);
        AreaRow Today(AreaRow a) => a.ValidTo is { } to && to < today && a.SuccessorId is { } s && known.TryGetValue(s, out var next) ? next : a;
        await LoadAsync(areaIds.Select(id => Today(known[id])).Where(a => a.Level != AreaLevel.Province && a.ParentId is not null).Select(a => a.ParentId!.Value));
        await LoadAsync(known.Values.Where(a => a.ValidTo is { } to && to < today && a.SuccessorId is not null).Select(a => a.SuccessorId!.Value).ToList());

        var places = new Dictionary<int, Place>();
        foreach (var id in areaIds.Where(known.ContainsKey))
        {
            var area = Today(known[id]);
            var province = area.Level == AreaLevel.Province ? area
                : area.ParentId is { } p && known.TryGetValue(p, out var parent) ? Today(parent) : null;
            var commune = area.Level == AreaLevel.Commune ? Area.FullNameOf(area.Type, area.Name) : null;
            places[id] = new Place(commune, province is null ? null : Area.FullNameOf(province.Type, province.Name), province?.Code);
        }

        return places;
    }

    private sealed record AreaRow(int Id, string Code, string Type, string Name, AreaLevel Level, DateOnly? ValidTo, int? SuccessorId, int? ParentId);

    /// <summary>The units that carried on an ended unit: those created or continuing in the events that ended it.</summary>
    private static async Task<List<PublicSuccessor>> SuccessorsAsync(SuNghiepDbContext db, int unitId, CancellationToken ct)
    {
        var events = db.ReorganizationParticipants.AsNoTracking()
            .Where(p => p.UnitId == unitId && p.Role == ParticipantRole.Ended && p.Reorganization!.VoidedAt == null)
            .Select(p => p.ReorganizationId);
        return await db.ReorganizationParticipants.IgnoreQueryFilters().AsNoTracking()
            .Where(p => events.Contains(p.ReorganizationId) && p.UnitId != unitId && !p.Unit!.Voided
                        && (p.Role == ParticipantRole.Continuing || p.Role == ParticipantRole.Created))
            .Select(p => new PublicSuccessor(p.Unit!.Code, p.Unit.Name))
            .Distinct()
            .ToListAsync(ct);
    }

    /// <summary>The indicator engine's group of a year: the approved plan in force (latest decision), else the group computed from finance.</summary>
    private static async Task<int?> GroupAsync(SuNghiepDbContext db, int unitId, int year, CancellationToken ct) =>
        await db.AutonomyPlans.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.UnitId == unitId && p.Status == AutonomyPlanStatus.Approved && p.PeriodStart <= year && p.PeriodEnd >= year)
            .OrderByDescending(p => p.DecisionDate).Select(p => p.ApprovedGroup).FirstOrDefaultAsync(ct)
        ?? await db.FinanceYears.IgnoreQueryFilters().AsNoTracking()
            .Where(f => f.UnitId == unitId && f.Year == year).Select(f => f.ComputedGroup).FirstOrDefaultAsync(ct);

    /// <summary>The items of its orders of this year and last that were not cancelled, with the price in force today in its province.</summary>
    private static async Task<List<PublicService>> ServicesAsync(SuNghiepDbContext db, int unitId, string? provinceCode, DateOnly today, CancellationToken ct)
    {
        var items = await db.ServiceOrders.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.ProviderUnitId == unitId && o.Status != ServiceOrderStatus.Cancelled && (o.Year == today.Year || o.Year == today.Year - 1))
            .Select(o => new { o.Item!.Id, o.Item.Code, o.Item.Name, o.Item.OutputUnit, o.Item.SortKey })
            .Distinct()
            .ToListAsync(ct);
        var ids = items.Select(i => i.Id).ToList();
        var prices = (await db.ServicePrices.AsNoTracking().Where(p => ids.Contains(p.ItemId)).ToListAsync(ct)).ToLookup(p => p.ItemId);
        return items.OrderBy(i => i.SortKey, StringComparer.Ordinal).ThenBy(i => i.Code, StringComparer.Ordinal)
            .Select(i => ServiceRules.PriceInForce(prices[i.Id], provinceCode, today) is { } price
                ? new PublicService(i.Code, i.Name, i.OutputUnit, price.Price, price.Unit, price.ValidFrom)
                : new PublicService(i.Code, i.Name, i.OutputUnit, null, null, null))
            .ToList();
    }

    private static Task<PublicQuality?> QualityAsync(SuNghiepDbContext db, int unitId, CancellationToken ct) =>
        db.QualityAssessments.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.UnitId == unitId)
            .OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.Id)
            .Select(a => new PublicQuality(a.Standard!.Name, a.LevelLabel, a.AssessedOn, a.ValidUntil))
            .FirstOrDefaultAsync(ct);

    /// <summary>
    /// The latest closed round (an open one is still being entered): the share of answers at or past the form's satisfied
    /// threshold among those with an opinion, and how many responded.
    /// </summary>
    private static async Task<PublicSurvey?> SurveyAsync(SuNghiepDbContext db, int unitId, CancellationToken ct)
    {
        var round = await db.SurveyRounds.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.UnitId == unitId && r.Status == SurveyRoundStatus.Closed)
            .OrderByDescending(r => r.PeriodTo).ThenByDescending(r => r.Id)
            .Select(r => new { r.Id, r.Label, r.PeriodTo, r.Instrument!.Direction, r.Instrument.SatisfiedThreshold, r.Instrument.NoOpinionValue })
            .FirstOrDefaultAsync(ct);
        if (round is null)
        {
            return null;
        }

        var answers = db.SurveyAnswers.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.RoundId == round.Id && (round.NoOpinionValue == null || a.Value != round.NoOpinionValue));
        var counted = await answers.CountAsync(ct);
        var satisfied = round.Direction == ScaleDirection.HigherIsBetter
            ? await answers.CountAsync(a => a.Value >= round.SatisfiedThreshold, ct)
            : await answers.CountAsync(a => a.Value <= round.SatisfiedThreshold, ct);
        var respondents = await db.SurveyResponses.IgnoreQueryFilters().AsNoTracking().CountAsync(r => r.RoundId == round.Id, ct);
        return new PublicSurvey(round.Label, counted == 0 ? null : Math.Round(100m * satisfied / counted, 1), respondents, round.PeriodTo);
    }

    private static async Task<List<PublicFeedback>> PublishedFeedbackAsync(SuNghiepDbContext db, int unitId, CancellationToken ct) =>
        (await db.Feedback.IgnoreQueryFilters().AsNoTracking()
            .Where(f => f.UnitId == unitId && f.Status == FeedbackStatus.Published)
            .OrderByDescending(f => f.PublishedAt).ThenByDescending(f => f.Id)
            .Take(MaxFeedbackShown)
            .Select(f => new { f.Topic, Question = f.PublicText ?? f.Text, f.ReceivedAt, f.ReplyText, f.RepliedAt })
            .ToListAsync(ct))
        .Select(f => new PublicFeedback(f.Topic, f.Question, DateOnly.FromDateTime(VietnamTime.FromUtc(f.ReceivedAt)), f.ReplyText,
            f.RepliedAt is { } at ? DateOnly.FromDateTime(VietnamTime.FromUtc(at)) : null))
        .ToList();
}
