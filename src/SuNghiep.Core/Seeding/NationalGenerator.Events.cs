using SuNghiep.Core.Entities;
using SuNghiep.Core.Text;

namespace SuNghiep.Core.Seeding;

internal sealed partial class NationalGenerator
{
    // How many units a merger absorbs, and how many a consolidation joins: mostly the fewest.
    private static readonly int[] MergerSizes = [1, 1, 1, 1, 2, 3];
    private static readonly int[] ConsolidationSizes = [2, 2, 2, 3, 3, 4];

    /// <summary>
    /// 2016-2025: per old province and period, a count to reach (the national figures shared out, old Bắc Giang held to
    /// its own), then events drawn until it is reached: mostly mergers, consolidations and dissolutions, with
    /// establishments, divisions, separations, conversions, transfers and renamings among them.
    /// </summary>
    private void Reorganize()
    {
        List<Group> groups = [_central, .. _oldGroups];
        var bacGiang = groups.FindIndex(g => !g.Central && g.Province!.Code == NationalSeeder.BacGiangCode);
        var n21 = (int)Math.Round(NationalSeeder.Units2021 * _scale);
        var n23 = (int)Math.Round((NationalSeeder.Units2021 - NationalSeeder.Cut2022To2023) * _scale);
        // No published figure for mid-2025; the count keeps falling at about the pace of 2022-2023 and a little faster.
        var n25 = (int)Math.Round(n23 * 0.965);
        // Old Bắc Giang reaches its 2023 figure along the national path: the same share of its cut falls by 2021.
        var path = (1 - (double)NationalSeeder.Units2021 / NationalSeeder.Units2015)
            / (1 - (double)(NationalSeeder.Units2021 - NationalSeeder.Cut2022To2023) / NationalSeeder.Units2015);
        var bg15 = groups[bacGiang].Active.Count;
        var bg21 = (int)Math.Round(bg15 * (1 - NationalSeeder.BacGiangCut2015To2023 * path));
        var bg23 = (int)Math.Round(bg15 * (1 - NationalSeeder.BacGiangCut2015To2023));
        var bg25 = (int)Math.Round(bg23 * 0.965);

        var t21 = Targets(groups, n21, bacGiang, bg21);
        for (var i = 0; i < groups.Count; i++)
        {
            Period(groups[i], t21[i], new DateOnly(2016, 1, 1), new DateOnly(2021, 12, 31), preferListed: false, extraEstablishments: 0);
        }

        // Decision 26/2021/QĐ-TTg lists the units to be converted into joint-stock companies: part of the economic units
        // of the "other" role that were there on its date.
        foreach (var g in groups)
        {
            foreach (var u in g.Active.Where(u => u.Unit.SectorCode == "economic" && u.Unit.EstablishedOn < ListedOn && u.Kind.Role == "other"))
            {
                if (_random.Next(100) < 40)
                {
                    u.Listed = true;
                    u.Unit.ConversionListedBy = ListedBy;
                    u.Unit.ConversionListedOn = ListedOn;
                }
            }
        }

        var t23 = Targets(groups, n23, bacGiang, bg23);
        for (var i = 0; i < groups.Count; i++)
        {
            Period(groups[i], t23[i], new DateOnly(2022, 1, 1), new DateOnly(2023, 12, 31), preferListed: true, extraEstablishments: 0);
        }

        var t25 = Targets(groups, n25, bacGiang, bg25);
        for (var i = 0; i < groups.Count; i++)
        {
            Period(groups[i], t25[i], new DateOnly(2024, 1, 1), ReferenceDataSeeder.LastDayBefore, preferListed: true, extraEstablishments: 0);
        }
    }

    // Each group's count for the end of a period: the national count shared out in proportion to the groups' counts now,
    // a little unevenly, with old Bắc Giang's set apart.
    private int[] Targets(List<Group> groups, int total, int fixedIndex, int fixedTarget)
    {
        var weights = groups.Select((g, i) => i == fixedIndex ? 0 : g.Active.Count * (0.96 + _random.NextDouble() * 0.08)).ToList();
        var parts = Allocate(total - fixedTarget, weights);
        parts[fixedIndex] = fixedTarget;
        return parts;
    }

    /// <summary>
    /// 1/7/2025: the district level ends. District culture centres and radio stations are dissolved; every other unit of an
    /// old province is transferred, by one event per receiving agency, to the commune it stands in, to the Department of
    /// Education (vocational centres) or to the department that succeeded its own. Central units stay with their
    /// ministries and get a version in today's communes under the Resolution on the new map.
    /// </summary>
    private void Restructure()
    {
        foreach (var p in _newGroups.Values)
        {
            var transfers = new Dictionary<Agency, List<U>>();
            foreach (var g in _oldGroups.Where(g => g.Successor == p))
            {
                var dissolved = g.Active.Where(u => u.Kind.Move == Move.Dissolve).ToList();
                if (dissolved.Count > 0)
                {
                    var e = Event(g, ReorganizationType.Dissolution, Restructuring, g.Committee!.Name, "QĐ-UBND");
                    dissolved.ForEach(u => Join(e, u, ParticipantRole.Ended));
                }

                foreach (var u in g.Active.ToList())
                {
                    var to = u.Kind.Move switch
                    {
                        Move.ToEducation => p.Agencies["SGDDT"],
                        Move.ToDepartment => _successorDepartment[u.Last.ManagingAgencyId],
                        _ => CommuneCommittee(u.Commune),
                    };
                    if (!transfers.TryGetValue(to, out var list))
                    {
                        transfers[to] = list = [];
                    }

                    list.Add(u);
                    g.Remove(u);
                }
            }

            foreach (var (to, list) in transfers)
            {
                var e = Event(p, ReorganizationType.Transfer, Restructuring, p.Committee!.Name, "QĐ-UBND");
                e.NewManagingAgencyId = to.Id;
                foreach (var u in list)
                {
                    NewVersion(u, Restructuring, e, v =>
                    {
                        v.ManagingAgencyId = to.Id;
                        v.LevelCode = to.LevelCode;
                        v.AreaId = u.Commune.Id;
                    });
                    Join(e, u, ParticipantRole.Transferred);
                    p.Add(u);
                }
            }
        }

        foreach (var u in _central.Active)
        {
            NewVersion(u, Restructuring, null, v =>
            {
                v.AreaId = u.Commune.Id;
                v.DecisionNumber = "202/2025/QH15";
                v.DecisionDate = new DateOnly(2025, 6, 12);
                v.DecisionIssuer = "Quốc hội";
            });
        }
    }

    /// <summary>
    /// From 2/7/2025 to mid-2026: the provinces of today go on cutting (about 2%), and a fifth of the communes get a
    /// public service centre (Decree 283/2025).
    /// </summary>
    private void Afterwards()
    {
        foreach (var g in _newGroups.Values.Append(_central))
        {
            var extra = g.Central ? 0 : (int)Math.Round(g.Communes.Count * 0.2 * _scale);
            Period(g, (int)Math.Round(g.Active.Count * 0.98), new DateOnly(2025, 7, 2), new DateOnly(2026, 6, 30), preferListed: true, extra);
        }
    }

    private void Period(Group g, int target, DateOnly from, DateOnly to, bool preferListed, int extraEstablishments)
    {
        var need = target - g.Active.Count;
        var shapes = new List<(ReorganizationType Type, int Size)>();
        for (var i = 0; i < extraEstablishments; i++)
        {
            shapes.Add((ReorganizationType.Establishment, 1));
            need--;
        }

        while (need != 0)
        {
            if (need > 0)
            {
                shapes.Add((ReorganizationType.Establishment, 1));
                need--;
                continue;
            }

            var cut = -need;
            var r = _random.NextDouble();
            switch (r)
            {
                case < 0.14:
                    shapes.Add((ReorganizationType.Rename, 0));
                    break;
                case < 0.22:
                    shapes.Add((ReorganizationType.Transfer, 0));
                    break;
                case < 0.30 when cut > 3:
                    shapes.Add((ReorganizationType.Establishment, 1));
                    need++;
                    break;
                case < 0.32 when cut > 3:
                    shapes.Add((ReorganizationType.Division, 2));
                    need++;
                    break;
                case < 0.35 when cut > 3:
                    shapes.Add((ReorganizationType.Separation, 1));
                    need++;
                    break;
                case < 0.38:
                    shapes.Add((ReorganizationType.Conversion, 1));
                    need++;
                    break;
                case < 0.65:
                {
                    var k = Math.Min(cut, MergerSizes[_random.Next(MergerSizes.Length)]);
                    shapes.Add((ReorganizationType.Merger, k));
                    need += k;
                    break;
                }

                case < 0.77 when cut >= 1:
                {
                    var n = Math.Min(cut + 1, ConsolidationSizes[_random.Next(ConsolidationSizes.Length)]);
                    shapes.Add((ReorganizationType.Consolidation, n));
                    need += n - 1;
                    break;
                }

                default:
                    shapes.Add((ReorganizationType.Dissolution, 1));
                    need++;
                    break;
            }
        }

        var dates = shapes.Select(_ => Date(from, to)).Order().ToList();
        for (var i = 0; i < shapes.Count; i++)
        {
            Bind(g, shapes[i].Type, shapes[i].Size, dates[i], preferListed);
        }

        // A drawn event that found no unit to take part leaves the count off; the last day of the period settles it.
        while (g.Active.Count > target && Find(g, to) is { } extra)
        {
            var e = Event(g, ReorganizationType.Dissolution, to, Issuer(g, extra), Suffix(extra));
            Join(e, extra, ParticipantRole.Ended);
        }

        while (g.Active.Count < target)
        {
            Establish(g, to);
        }
    }

    private void Bind(Group g, ReorganizationType type, int size, DateOnly on, bool preferListed)
    {
        switch (type)
        {
            case ReorganizationType.Rename:
            {
                if (Find(g, on, u => u.Kind.HasPlace) is not { } u)
                {
                    return;
                }

                var name = Render(u.Kind.Pattern, OtherPlace(g, u), u.Slot?.Label ?? "", g.Label);
                if (name == u.Last.Name)
                {
                    return;
                }

                var e = Event(g, type, on, Issuer(g, u), Suffix(u));
                e.NewName = name;
                NewVersion(u, on, e, v => v.Name = name);
                Join(e, u, ParticipantRole.Renamed);
                return;
            }

            case ReorganizationType.Transfer:
            {
                // Between departments of a province or between ministries: vocational schools to education, and the like.
                if (Find(g, on, u => u.Last.LevelCode is "province" or "central") is not { } u)
                {
                    return;
                }

                var options = g.Agencies.Values.Where(a => a.Id != u.Last.ManagingAgencyId).ToList();
                if (options.Count == 0)
                {
                    return;
                }

                var to = options[_random.Next(options.Count)];
                var e = Event(g, type, on, Issuer(g, u), Suffix(u));
                e.NewManagingAgencyId = to.Id;
                NewVersion(u, on, e, v => v.ManagingAgencyId = to.Id);
                Join(e, u, ParticipantRole.Transferred);
                return;
            }

            case ReorganizationType.Establishment:
                Establish(g, on);
                return;

            case ReorganizationType.Division:
            {
                if (Find(g, on) is not { } u)
                {
                    return;
                }

                var e = Event(g, type, on, Issuer(g, u), Suffix(u));
                var first = NewUnit(g, u.Kind, u, on, e, u.Commune);
                var second = NewUnit(g, u.Kind, u, on, e, OtherPlace(g, u));
                Join(e, u, ParticipantRole.Ended);
                Join(e, first, ParticipantRole.Created);
                Join(e, second, ParticipantRole.Created);
                return;
            }

            case ReorganizationType.Separation:
            {
                if (Find(g, on) is not { } u)
                {
                    return;
                }

                var e = Event(g, type, on, Issuer(g, u), Suffix(u));
                var created = NewUnit(g, u.Kind, u, on, e, OtherPlace(g, u));
                Join(e, u, ParticipantRole.Continuing);
                Join(e, created, ParticipantRole.Created);
                return;
            }

            case ReorganizationType.Conversion:
            {
                var u = (preferListed ? Find(g, on, x => x.Listed) : null)
                    ?? Find(g, on, x => x.Unit.SectorCode == "economic" && x.Kind.Role == "other")
                    ?? Find(g, on);
                if (u is null)
                {
                    return;
                }

                // Only an economic unit becomes a company; where there is none left, the unit is dissolved instead.
                var converted = u.Unit.SectorCode == "economic";
                var e = Event(g, converted ? type : ReorganizationType.Dissolution, on, Issuer(g, u), Suffix(u));
                Join(e, u, ParticipantRole.Ended);
                return;
            }

            case ReorganizationType.Merger:
            case ReorganizationType.Consolidation:
            {
                if (Find(g, on) is not { } anchor)
                {
                    return;
                }

                var others = new List<U>();
                var wanted = type == ReorganizationType.Merger ? size : size - 1;
                for (var i = 0; i < wanted; i++)
                {
                    var agency = anchor.Last.ManagingAgencyId;
                    var partner = Find(g, on, x => x != anchor && !others.Contains(x) && x.Last.ManagingAgencyId == agency && x.Unit.SectorCode == anchor.Unit.SectorCode)
                        ?? Find(g, on, x => x != anchor && !others.Contains(x) && x.Last.ManagingAgencyId == agency)
                        ?? Find(g, on, x => x != anchor && !others.Contains(x));
                    if (partner is not null)
                    {
                        others.Add(partner);
                    }
                }

                if (others.Count == 0)
                {
                    return;
                }

                var e = Event(g, type, on, Issuer(g, anchor), Suffix(anchor));
                if (type == ReorganizationType.Merger)
                {
                    Join(e, anchor, ParticipantRole.Continuing);
                    others.ForEach(o => Join(e, o, ParticipantRole.Ended));
                    return;
                }

                // The consolidated unit keeps the best autonomy group of its members (Decree 120/2020, Art. 5.2).
                var created = NewUnit(g, anchor.Kind, anchor, on, e, anchor.Commune);
                created.Last.AutonomyGroup = others.Append(anchor).Min(o => o.Last.AutonomyGroup ?? 4);
                Join(e, anchor, ParticipantRole.Ended);
                others.ForEach(o => Join(e, o, ParticipantRole.Ended));
                Join(e, created, ParticipantRole.Created);
                return;
            }

            default:
            {
                if (Find(g, on) is not { } u)
                {
                    return;
                }

                var e = Event(g, ReorganizationType.Dissolution, on, Issuer(g, u), Suffix(u));
                Join(e, u, ParticipantRole.Ended);
                return;
            }
        }
    }

    private void Establish(Group g, DateOnly on)
    {
        var kind = g.Central ? Pick(NationalCatalog.Central)
            : g.Province!.ValidTo is null ? NationalCatalog.Commune[0]
            : _random.Next(100) < 20 ? Pick(NationalCatalog.Province) : Pick(NationalCatalog.District);
        // The event is numbered first, so that the unit's first version points at it.
        var e = Event(g, ReorganizationType.Establishment, on, "", "QĐ-UBND");
        var u = NewUnit(g, kind, null, on, e);
        e.DecisionIssuer = Issuer(g, u);
        e.DecisionNumber = $"{g.Decision}/{Suffix(u)}";
        Join(e, u, ParticipantRole.Created);
    }

    /// <summary>An active unit of the group that may take part in an event on the date (its last version starts before it).</summary>
    private U? Find(Group g, DateOnly on, Func<U, bool>? fit = null)
    {
        var active = g.Active;
        if (active.Count == 0)
        {
            return null;
        }

        for (var tries = 0; tries < 24; tries++)
        {
            var u = active[_random.Next(active.Count)];
            if (u.Last.ValidFrom < on && (fit is null || fit(u)))
            {
                return u;
            }
        }

        var start = _random.Next(active.Count);
        for (var i = 0; i < active.Count; i++)
        {
            var u = active[(start + i) % active.Count];
            if (u.Last.ValidFrom < on && (fit is null || fit(u)))
            {
                return u;
            }
        }

        return null;
    }

    private Area OtherPlace(Group g, U u)
    {
        var pool = u.Slot?.Run ?? (g.Communes.Count > 0 ? g.Communes : [u.Commune]);
        return pool[_random.Next(pool.Count)];
    }

    // Who decides: the committee of the district or commune for its own units, the province's for the departments',
    // the minister for the ministry's.
    private string Issuer(Group g, U u)
    {
        var agency = AgencyById(u.Last.ManagingAgencyId);
        return agency.Kind is AgencyKind.Ministry or AgencyKind.DistrictPeoplesCommittee or AgencyKind.CommunePeoplesCommittee
            ? agency.Name
            : g.Committee?.Name ?? agency.Name;
    }

    private string Suffix(U u)
    {
        var agency = AgencyById(u.Last.ManagingAgencyId);
        return agency.Kind == AgencyKind.Ministry ? $"QĐ-{agency.Code}" : "QĐ-UBND";
    }

    private Reorganization Event(Group g, ReorganizationType type, DateOnly on, string issuer, string suffix)
    {
        g.Decision += _random.Next(1, 12);
        var e = new Reorganization
        {
            Id = ++_eventKey, Type = type, DecisionNumber = $"{g.Decision}/{suffix}", DecisionDate = on.AddDays(-_random.Next(5, 45)),
            DecisionIssuer = issuer, EffectiveDate = on, CreatedAt = now, CreatedBy = NationalSeeder.CreatedBy,
        };
        _events.Add(e);
        return e;
    }

    private void Join(Reorganization e, U u, ParticipantRole role)
    {
        _participants.Add(new ReorganizationParticipant { ReorganizationId = e.Id, UnitId = u.Unit.Id, Role = role });
        if (role == ParticipantRole.Ended)
        {
            u.Unit.EndedOn = e.EffectiveDate;
            u.Last.ValidTo = e.EffectiveDate;
            u.Group?.Remove(u);
        }
    }

    private void NewVersion(U u, DateOnly from, Reorganization? by, Action<UnitVersion> change)
    {
        var last = u.Last;
        var next = new UnitVersion
        {
            UnitId = u.Unit.Id, ValidFrom = from, ValidTo = last.ValidTo, Name = last.Name, SectorCode = last.SectorCode,
            RoleClassCode = last.RoleClassCode, LevelCode = last.LevelCode, AreaId = last.AreaId, ManagingAgencyId = last.ManagingAgencyId,
            AutonomyGroup = last.AutonomyGroup, ReorganizationId = by?.Id,
        };
        change(next);
        next.SearchText = VietnameseText.Fold(next.Name + " " + u.Unit.Code);
        next.SortKey = VietnameseText.SortKey(next.Name);
        last.ValidTo = from;
        u.Unit.Versions.Add(next);
    }
}
