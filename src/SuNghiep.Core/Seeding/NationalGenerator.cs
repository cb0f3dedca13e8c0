using System.Globalization;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;
using SuNghiep.Core.Text;

namespace SuNghiep.Core.Seeding;

/// <summary>
/// Makes the national register in memory (agencies, units, versions, events, plans) and streams the yearly staffing and
/// finance rows as they are written. Every count the published figures fix is planned per old province and period first
/// and the events drawn until each plan is met, so the figures hold exactly at any scale.
/// </summary>
internal sealed partial class NationalGenerator(
    NationalOptions options, int lastYear, DateTime now, List<Area> areas, List<Agency> existing, NationalKeys keys)
{
    private static readonly DateOnly Restructuring = ReferenceDataSeeder.Restructuring;
    private static readonly DateOnly ListedOn = new(2021, 8, 12);
    private const string ListedBy = "26/2021/QĐ-TTg";

    private readonly Random _random = new(options.Seed);
    private readonly double _scale = options.Scale;
    private readonly List<Agency> _agencies = [];
    private readonly Dictionary<string, Agency> _agencyByCode = existing.ToDictionary(a => a.Code, StringComparer.Ordinal);
    private readonly List<U> _units = [];
    private readonly List<Reorganization> _events = [];
    private readonly List<ReorganizationParticipant> _participants = [];
    private readonly Dictionary<int, List<Area>> _runs = [];
    private readonly Dictionary<int, Area> _areaById = areas.ToDictionary(a => a.Id);
    private readonly Dictionary<int, Agency> _agencyById = existing.ToDictionary(a => a.Id);
    private readonly Dictionary<int, Agency> _successorDepartment = [];
    private readonly Dictionary<int, Agency> _communeCommittees = [];
    private readonly Dictionary<int, Group> _newGroups = [];
    private readonly List<Group> _oldGroups = [];
    private Group _central = null!;
    private int _agencyKey = keys.Agency;
    private int _unitKey = keys.Unit;
    private int _eventKey = keys.Event;
    private int _code = 1_100_000;

    private IEnumerable<Area> Communes(Area province) => areas.Where(a => a.Level == AreaLevel.Commune && a.ParentId == province.Id);

    public void Generate()
    {
        Agencies();
        Register2015();
        Reorganize();
        Restructure();
        Afterwards();
        foreach (var u in _units)
        {
            var last = u.Last;
            Units.UnitService.Mirror(u.Unit, last);
        }

        Resources();
        Plans();
        Paths();
    }

    // ---- Agencies -------------------------------------------------------------------------------------------------

    private void Agencies()
    {
        var newProvinces = areas.Where(a => a.Level == AreaLevel.Province && a.ValidTo is null).OrderBy(a => a.Code, StringComparer.Ordinal).ToList();
        var oldProvinces = areas.Where(a => a.Level == AreaLevel.Province && a.ValidTo is not null).OrderBy(a => a.Code, StringComparer.Ordinal).ToList();
        var districts = areas.Where(a => a.Level == AreaLevel.District).ToList();

        // Each new province's communes are shared out over the old districts it took over, in runs of codes (an
        // approximation of the real map): a district's schools and centres move to the communes of its run.
        foreach (var p in newProvinces)
        {
            var members = oldProvinces.Where(o => o.SuccessorId == p.Id).Select(o => o.Id).ToHashSet();
            var its = districts.Where(d => d.ParentId is { } parent && members.Contains(parent))
                .OrderBy(d => _areaById[d.ParentId!.Value].Code, StringComparer.Ordinal).ThenBy(d => d.Code, StringComparer.Ordinal).ToList();
            var communes = Communes(p).OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
            for (var i = 0; i < its.Count; i++)
            {
                var start = i * communes.Count / its.Count;
                var end = (i + 1) * communes.Count / its.Count;
                _runs[its[i].Id] = communes.GetRange(start, Math.Max(1, end - start));
            }

            var committee = NewAgency($"{p.Code}.UBND", $"Ủy ban nhân dân {p.Type} {p.Name}", AgencyKind.ProvincialPeoplesCommittee, "province", p, null, Restructuring, null, null);
            var group = new Group($"{p.Type} {p.Name}", p) { Committee = committee, Communes = communes };
            foreach (var (key, name) in NationalCatalog.Departments)
            {
                group.Agencies[key] = NewAgency($"{p.Code}.{key}", $"{name} {p.Type} {p.Name}", AgencyKind.Department, "province", p, committee, Restructuring, null, null);
            }

            _newGroups[p.Id] = group;
        }

        _central = new Group("Trung ương", null) { Central = true };
        foreach (var (code, name) in NationalCatalog.Ministries)
        {
            _central.Agencies[code] = _agencyByCode.TryGetValue(code, out var present)
                ? present
                : NewAgency(code, name, AgencyKind.Ministry, "central", null, null, null, null, null);
        }

        // Central units stand in Hà Nội (most) and Hồ Chí Minh City.
        foreach (var (code, weight) in new[] { ("01", 6), ("79", 1) })
        {
            var old = oldProvinces.Single(o => o.Code == code);
            foreach (var d in districts.Where(d => d.ParentId == old.Id).OrderBy(d => d.Code, StringComparer.Ordinal))
            {
                for (var w = 0; w < weight; w++)
                {
                    _central.Districts.Add(new DistrictSlot(d, null, _runs[d.Id], $"{d.Type} {d.Name}"));
                }
            }
        }

        foreach (var o in oldProvinces)
        {
            var successor = _newGroups[o.SuccessorId!.Value];
            var prefix = $"O{o.Code}";
            var committee = NewAgency($"{prefix}.UBND", $"Ủy ban nhân dân {o.Type} {o.Name}", AgencyKind.ProvincialPeoplesCommittee, "province", o, null, null, ReferenceDataSeeder.LastDayBefore, successor.Committee);
            var group = new Group($"{o.Type} {o.Name}", o) { Committee = committee, Successor = successor };
            foreach (var (key, name, next) in NationalCatalog.OldDepartments)
            {
                var dept = NewAgency($"{prefix}.{key}", $"{name} {o.Type} {o.Name}", AgencyKind.Department, "province", o, committee, null, ReferenceDataSeeder.LastDayBefore, successor.Agencies[next]);
                group.Agencies[key] = dept;
                _successorDepartment[dept.Id] = successor.Agencies[next];
            }

            foreach (var d in districts.Where(d => d.ParentId == o.Id).OrderBy(d => d.Code, StringComparer.Ordinal))
            {
                var dc = NewAgency($"{prefix}.H{d.Code}", $"Ủy ban nhân dân {d.Type} {d.Name}", AgencyKind.DistrictPeoplesCommittee, "district", d, committee, null, ReferenceDataSeeder.LastDayBefore, null);
                group.Districts.Add(new DistrictSlot(d, dc, _runs[d.Id], $"{d.Type} {d.Name}"));
            }

            _oldGroups.Add(group);
        }
    }

    private Agency NewAgency(string code, string name, AgencyKind kind, string level, Area? area, Agency? parent, DateOnly? from, DateOnly? to, Agency? successor)
    {
        if (_agencyByCode.TryGetValue(code, out var present))
        {
            return present;
        }

        var agency = new Agency
        {
            Id = ++_agencyKey, Code = code, Name = name, Kind = kind, LevelCode = level, AreaId = area?.Id, ParentId = parent?.Id,
            Parent = parent, ValidFrom = from, ValidTo = to, SuccessorId = successor?.Id, Successor = successor,
            SearchText = VietnameseText.Fold(name + " " + code),
        };
        _agencies.Add(agency);
        _agencyByCode[code] = agency;
        _agencyById[agency.Id] = agency;
        return agency;
    }

    /// <summary>A commune's People's Committee, made when the first unit needs it (1/7/2025 or later).</summary>
    private Agency CommuneCommittee(Area commune)
    {
        if (!_communeCommittees.TryGetValue(commune.Id, out var agency))
        {
            var group = _newGroups[commune.ParentId!.Value];
            agency = NewAgency($"{group.Province!.Code}.X{commune.Code}", $"Ủy ban nhân dân {commune.Type} {commune.Name}",
                AgencyKind.CommunePeoplesCommittee, "commune", commune, group.Committee, Restructuring, null, null);
            _communeCommittees[commune.Id] = agency;
        }

        return agency;
    }

    /// <summary>Paths of ids once every agency has one; successors and parents first, so that lineage can build on them.</summary>
    private void Paths()
    {
        foreach (var a in _agencies.OrderBy(Rank))
        {
            a.Path = a.Parent is null ? $"/{a.Id}/" : $"{a.Parent.Path}{a.Id}/";
            a.LineagePath = a.Successor is not null ? $"{a.Successor.LineagePath}{a.Id}/"
                : a.Parent is not null && a.ValidTo is not null ? $"{a.Parent.LineagePath}{a.Id}/"
                : a.Parent is not null ? $"{a.Parent.LineagePath}{a.Id}/"
                : a.Path;
        }
    }

    // Parents before children and successors before those they replaced: the order the rows must be written in.
    private static int Rank(Agency a) =>
        a.ValidTo is null ? (a.Parent is null ? 0 : 1) : a.Parent is null ? 2 : a.Kind == AgencyKind.Department ? 3 : 4;

    // ---- The register of 2015 -------------------------------------------------------------------------------------

    private void Register2015()
    {
        var total = (int)Math.Round(NationalSeeder.Units2015 * _scale);
        var weights = new List<double> { 0.025 * total };
        // Old provinces by their number of districts: a rough stand-in for population.
        var districtTotal = _oldGroups.Sum(g => g.Districts.Count + 2.0);
        weights.AddRange(_oldGroups.Select(g => 0.975 * total * (g.Districts.Count + 2.0) / districtTotal));
        var counts = Allocate(total, weights);
        Fill(_central, counts[0]);
        for (var i = 0; i < _oldGroups.Count; i++)
        {
            Fill(_oldGroups[i], counts[i + 1]);
        }
    }

    private void Fill(Group g, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var established = Date(1960, 2015);
            if (g.Central)
            {
                NewUnit(g, Pick(NationalCatalog.Central), null, established, null);
            }
            else
            {
                // A fifth of a province's units are the departments', the rest the districts'.
                NewUnit(g, _random.Next(100) < 20 ? Pick(NationalCatalog.Province) : Pick(NationalCatalog.District), null, established, null);
            }
        }
    }

    private U NewUnit(Group g, UnitKind kind, U? like, DateOnly established, Reorganization? by, Area? commune = null)
    {
        var slot = like?.Slot ?? (g.Districts.Count > 0 ? g.Districts[_random.Next(g.Districts.Count)] : null);
        commune ??= slot is not null ? slot.Run[_random.Next(slot.Run.Count)] : g.Communes[_random.Next(g.Communes.Count)];
        Agency agency;
        string level;
        int areaId;
        if (like is not null)
        {
            (agency, level, areaId) = (AgencyById(like.Last.ManagingAgencyId), like.Last.LevelCode, like.Last.AreaId);
        }
        else if (g.Central)
        {
            (agency, level, areaId) = (g.Agencies[kind.Agency], "central", slot!.District.Id);
        }
        else if (g.Province is not null && g.Province.ValidTo is null)
        {
            // A province of today: commune centres under the commune's committee.
            (agency, level, areaId) = (CommuneCommittee(commune), "commune", commune.Id);
        }
        else if (kind.Agency == "H")
        {
            (agency, level, areaId) = (slot!.Committee!, "district", slot.District.Id);
        }
        else
        {
            (agency, level, areaId) = (g.Agencies[kind.Agency], "province", slot!.District.Id);
        }

        var name = Render(kind.Pattern, commune, slot?.Label ?? "", g.Label);
        _code += _random.Next(1, 7);
        var code = _code.ToString(CultureInfo.InvariantCulture);
        var unit = new Unit
        {
            Id = ++_unitKey, Code = code, Name = name, SectorCode = kind.Sector, RoleClassCode = kind.Role, LevelCode = level,
            EstablishedOn = established, Address = Address(commune), CreatedAt = now, UpdatedAt = now,
        };
        var group = like?.Last.AutonomyGroup ?? kind.Groups[_random.Next(kind.Groups.Length)];
        unit.Versions.Add(new UnitVersion
        {
            UnitId = unit.Id, ValidFrom = established, Name = name, SearchText = VietnameseText.Fold(name + " " + code),
            SortKey = VietnameseText.SortKey(name), SectorCode = kind.Sector, RoleClassCode = kind.Role, LevelCode = level,
            AreaId = areaId, ManagingAgencyId = agency.Id, AutonomyGroup = group, ReorganizationId = by?.Id,
        });
        var u = new U(unit, kind, commune, slot, Size: kind.Size * (0.6 + _random.NextDouble() * 0.8));
        _units.Add(u);
        g.Add(u);
        return u;
    }

    private Agency AgencyById(int id) => _agencyById[id];

    // Addresses are written in today's map: the commune and the province of today.
    private string Address(Area commune)
    {
        var province = _areaById[commune.ParentId!.Value];
        return $"{commune.Type} {commune.Name}, {province.Type} {province.Name}";
    }

    private static string Render(string pattern, Area commune, string district, string province) => pattern
        .Replace("{X}", commune.Name, StringComparison.Ordinal)
        .Replace("{C}", $"{commune.Type} {commune.Name}", StringComparison.Ordinal)
        .Replace("{D}", district, StringComparison.Ordinal)
        .Replace("{P}", province, StringComparison.Ordinal);

    private UnitKind Pick(UnitKind[] kinds)
    {
        var total = kinds.Sum(k => k.Weight);
        var r = _random.Next(total);
        foreach (var k in kinds)
        {
            if ((r -= k.Weight) < 0)
            {
                return k;
            }
        }

        return kinds[^1];
    }

    private DateOnly Date(int fromYear, int toYear) => Date(new DateOnly(fromYear, 1, 1), new DateOnly(toYear, 12, 31));

    private DateOnly Date(DateOnly from, DateOnly to) => from.AddDays(_random.Next(to.DayNumber - from.DayNumber + 1));

    /// <summary>Shares a total out in proportion to the weights, by largest remainders, so that the parts add up exactly.</summary>
    internal static int[] Allocate(int total, IReadOnlyList<double> weights)
    {
        var sum = weights.Sum();
        var exact = weights.Select(w => sum == 0 ? 0 : total * w / sum).ToArray();
        var parts = exact.Select(e => (int)Math.Floor(e)).ToArray();
        var left = total - parts.Sum();
        foreach (var i in Enumerable.Range(0, exact.Length).OrderByDescending(i => exact[i] - parts[i]).ThenBy(i => i).Take(left))
        {
            parts[i]++;
        }

        return parts;
    }

    private sealed record DistrictSlot(Area District, Agency? Committee, List<Area> Run, string Label);

    private sealed record U(Unit Unit, UnitKind Kind, Area Commune, DistrictSlot? Slot, double Size)
    {
        public int Index { get; set; } = -1;
        public Group? Group { get; set; }
        public bool Listed { get; set; }
        public UnitVersion Last => Unit.Versions[^1];
    }

    /// <summary>The units of an old province, of the centre, or of a province of today, with the agencies they may go to.</summary>
    private sealed class Group(string label, Area? province)
    {
        public string Label { get; } = label;
        public Area? Province { get; } = province;
        public bool Central { get; init; }
        public Agency? Committee { get; init; }
        public Group? Successor { get; init; }
        public List<Area> Communes { get; init; } = [];
        public Dictionary<string, Agency> Agencies { get; } = new(StringComparer.Ordinal);
        public List<DistrictSlot> Districts { get; } = [];
        public List<U> Active { get; } = [];
        public int Decision { get; set; } = 100;

        public void Add(U u)
        {
            u.Group = this;
            u.Index = Active.Count;
            Active.Add(u);
        }

        public void Remove(U u)
        {
            var last = Active[^1];
            Active[u.Index] = last;
            last.Index = u.Index;
            Active.RemoveAt(Active.Count - 1);
            u.Index = -1;
            u.Group = null;
        }
    }
}
