using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Text;

namespace SuNghiep.Core.Seeding;

/// <summary>
/// The demo province: the new Cần Thơ city (since 1/7/2025 the merger of Cần Thơ, Hậu Giang and Sóc Trăng) with its
/// real communes and districts, its agencies before and after the merger, and a register from 2015 as big as the real
/// one, made by a seeded generator: the schools the city counted in 2025 (329 kindergartens, 483 primary, 238 lower and
/// 92 upper secondary schools) spread over the old communes, the old communes' health stations, the centres of the 28
/// old districts, the province units, colleges and university of the three old provinces, and the staff each needs by
/// its sector's norm. Events: the consolidations, mergers, divisions, separations, dissolutions, conversions and renamings
/// of 2015-2025, the departments merged on 1/3/2025 (social protection to Health), the transfers of 1/7/2025 to the new
/// departments and communes with one health station a commune, the commune centres of late 2025, and each old
/// province's 2021 list of units to convert into joint-stock companies. Every decision is issued by a body of its date.
/// The same run gives the same register. Which old district and how many old communes each new commune takes over is an
/// approximation (contiguous runs of codes, two or three old communes each).
/// </summary>
public static class DemoSeeder
{
    public const string ProvinceCode = "92";
    public const string RootAgencyCode = "92.UBND";

    // The documents (ReferenceData/documents.json) create 92.UBND and CT.UBND without the demo; only the demo makes the
    // Hậu Giang committee, so it says whether the demo is loaded.
    private const string LoadedAgencyCode = "HG.UBND";

    private static readonly DateOnly Merger2025 = ReferenceDataSeeder.Restructuring;
    private static readonly DateOnly LastDayBefore = ReferenceDataSeeder.LastDayBefore;

    private static readonly (string Key, string Name)[] Departments =
    [
        ("SNV", "Sở Nội vụ"), ("STC", "Sở Tài chính"), ("SGDDT", "Sở Giáo dục và Đào tạo"), ("SYT", "Sở Y tế"),
        ("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch"), ("SKHCN", "Sở Khoa học và Công nghệ"),
        ("SNNMT", "Sở Nông nghiệp và Môi trường"), ("SXD", "Sở Xây dựng"), ("SCT", "Sở Công Thương"), ("STP", "Sở Tư pháp"),
        ("SDTTG", "Sở Dân tộc và Tôn giáo"),
    ];

    // Resolution 176/2025/QH15 and the Government's decrees on departments: from 1/3/2025 each old province merged some
    // departments into others (Labour into Home Affairs, Planning and Investment into Finance, Information into Science,
    // Transport into Construction, Agriculture and Natural Resources into a new Agriculture and Environment, the
    // Ethnic Committee into a new Ethnicity and Religion); on 1/7/2025 the departments of the three provinces went into
    // the new city's. MergedInto names the old province's department that took over on 1/3/2025.
    private static readonly DateOnly Merger2025March = new(2025, 3, 1);

    private static readonly (string Key, string Name, string? MergedInto, string? Successor, bool FromMarch)[] OldDepartments =
    [
        ("SNV", "Sở Nội vụ", null, "SNV", false), ("STC", "Sở Tài chính", null, "STC", false),
        ("SGDDT", "Sở Giáo dục và Đào tạo", null, "SGDDT", false), ("SYT", "Sở Y tế", null, "SYT", false),
        ("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", null, "SVHTTDL", false), ("SKHCN", "Sở Khoa học và Công nghệ", null, "SKHCN", false),
        ("SXD", "Sở Xây dựng", null, "SXD", false), ("SCT", "Sở Công Thương", null, "SCT", false), ("STP", "Sở Tư pháp", null, "STP", false),
        ("SNNMT", "Sở Nông nghiệp và Môi trường", null, "SNNMT", true), ("SDTTG", "Sở Dân tộc và Tôn giáo", null, "SDTTG", true),
        ("SLDTBXH", "Sở Lao động - Thương binh và Xã hội", "SNV", null, false), ("SKHDT", "Sở Kế hoạch và Đầu tư", "STC", null, false),
        ("STTTT", "Sở Thông tin và Truyền thông", "SKHCN", null, false), ("SNNPTNT", "Sở Nông nghiệp và Phát triển nông thôn", "SNNMT", null, false),
        ("STNMT", "Sở Tài nguyên và Môi trường", "SNNMT", null, false), ("SGTVT", "Sở Giao thông vận tải", "SXD", null, false),
        ("BDT", "Ban Dân tộc", "SDTTG", null, false),
    ];

    // Units that did not follow their department on 1/3/2025: social protection went from Labour to Health, as it did
    // between the ministries; the others follow the department that absorbed theirs.
    private static readonly Dictionary<string, string> MarchTransfers = new(StringComparer.Ordinal)
    {
        ["Trung tâm Bảo trợ xã hội {P}"] = "SYT",
    };

    private sealed record OldProvince(string Code, string Prefix, string Name, string Label);

    private static readonly OldProvince[] OldProvinces =
    [
        new("92", "CT", "Cần Thơ", "thành phố Cần Thơ"),
        new("93", "HG", "Hậu Giang", "tỉnh Hậu Giang"),
        new("94", "ST", "Sóc Trăng", "tỉnh Sóc Trăng"),
    ];

    // Province units of each old province: department, name (with {P} for the province label, {N} for its name), sector,
    // role class, autonomy groups to draw from.
    private static readonly (string Dept, string Name, string Sector, string Role, int[] Groups)[] ProvinceUnits =
    [
        ("SYT", "Bệnh viện Đa khoa {P}", "health", "basic-service", [2, 3]),
        ("SYT", "Bệnh viện Y học cổ truyền {P}", "health", "basic-service", [3]),
        ("SYT", "Bệnh viện Lao và Bệnh phổi {P}", "health", "basic-service", [3, 4]),
        ("SYT", "Bệnh viện Tâm thần {P}", "health", "basic-service", [3, 4]),
        ("SYT", "Trung tâm Y tế dự phòng {P}", "health", "basic-service", [4]),
        ("SYT", "Trung tâm Phòng, chống HIV/AIDS {P}", "health", "basic-service", [4]),
        ("SYT", "Trung tâm Chăm sóc sức khỏe sinh sản {P}", "health", "basic-service", [4]),
        ("SYT", "Trung tâm Pháp y {P}", "health", "state-management", [4]),
        ("SGDDT", "Trường Cao đẳng Y tế {N}", "vocational", "basic-service", [3]),
        ("SLDTBXH", "Trường Cao đẳng Nghề {N}", "vocational", "basic-service", [3, 4]),
        ("SGDDT", "Trường Phổ thông Dân tộc nội trú {P}", "education", "basic-service", [4]),
        ("SGDDT", "Trung tâm Hỗ trợ phát triển giáo dục hòa nhập {P}", "education", "basic-service", [4]),
        ("SVHTTDL", "Thư viện {P}", "culture", "basic-service", [4]),
        ("SVHTTDL", "Bảo tàng {P}", "culture", "political", [4]),
        ("SVHTTDL", "Trung tâm Văn hóa - Thể thao và Du lịch {P}", "culture", "political", [4]),
        ("SVHTTDL", "Trung tâm Huấn luyện và Thi đấu thể dục thể thao {P}", "culture", "basic-service", [3, 4]),
        ("STTTT", "Trung tâm Công nghệ thông tin và Truyền thông {N}", "information", "state-management", [3]),
        ("SKHCN", "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ {N}", "science", "other", [2, 3]),
        ("SKHCN", "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng {N}", "science", "state-management", [2]),
        ("SNNPTNT", "Trung tâm Khuyến nông {N}", "economic", "basic-service", [4]),
        ("SNNPTNT", "Trung tâm Nước sạch và Vệ sinh môi trường nông thôn {N}", "economic", "other", [1, 2]),
        ("STNMT", "Văn phòng Đăng ký đất đai {N}", "economic", "state-management", [2]),
        ("STNMT", "Trung tâm Phát triển quỹ đất {N}", "economic", "state-management", [2, 3]),
        ("STNMT", "Trung tâm Quan trắc tài nguyên và môi trường {N}", "economic", "state-management", [3]),
        ("SGTVT", "Trung tâm Đăng kiểm xe cơ giới {N}", "economic", "other", [1]),
        ("SXD", "Trung tâm Quy hoạch và Kiểm định xây dựng {N}", "economic", "other", [1, 2]),
        ("SCT", "Trung tâm Khuyến công và Tư vấn phát triển công nghiệp {N}", "economic", "basic-service", [3]),
        ("SKHDT", "Trung tâm Xúc tiến Đầu tư {N}", "economic", "state-management", [4]),
        ("STP", "Trung tâm Trợ giúp pháp lý nhà nước {P}", "economic", "basic-service", [4]),
        ("STP", "Trung tâm Dịch vụ đấu giá tài sản {P}", "economic", "other", [1, 2]),
        ("SNV", "Trung tâm Lưu trữ lịch sử {P}", "economic", "state-management", [4]),
        ("SLDTBXH", "Trung tâm Dịch vụ việc làm {N}", "economic", "basic-service", [3]),
        ("SLDTBXH", "Trung tâm Bảo trợ xã hội {P}", "economic", "basic-service", [4]),
        ("BDT", "Trung tâm Nghiên cứu văn hóa các dân tộc {N}", "science", "political", [4]),
    ];

    private enum Norm { Other, Kindergarten, Primary, LowerSecondary, UpperSecondary, Station, HealthCentre, Hospital }

    // Schools of each kind the new city counted in 2025 (school year 2025-2026), the small ones of that kind that merged
    // into them between 2016 and 2024, and the range of their classes.
    private sealed record SchoolKind(Norm Norm, string Name, string SmallName, int Count, int Small, int[] Groups, int MinClasses, int ClassSpread);

    private static readonly SchoolKind[] SchoolKinds =
    [
        new(Norm.Kindergarten, "Trường Mầm non", "Trường Mẫu giáo", 329, 40, [4, 4, 3], 7, 9),
        new(Norm.Primary, "Trường Tiểu học", "Trường Tiểu học số 2", 483, 65, [4, 4, 4, 3], 10, 13),
        new(Norm.LowerSecondary, "Trường Trung học cơ sở", "Trường Trung học cơ sở số 2", 238, 10, [4, 4, 3], 7, 12),
        new(Norm.UpperSecondary, "Trường Trung học phổ thông", "", 92, 0, [4, 3, 3], 20, 22),
    ];

    // Colleges and the university of one old province besides those of ProvinceUnits; no department means the
    // province's People's Committee runs it.
    private static readonly (string Prefix, string? Dept, string Name, string Sector, int[] Groups)[] ProvinceSchools =
    [
        ("CT", "SGDDT", "Trường Cao đẳng Kinh tế - Kỹ thuật Cần Thơ", "vocational", [3]),
        ("CT", "SVHTTDL", "Trường Cao đẳng Văn hóa Nghệ thuật Cần Thơ", "vocational", [3, 4]),
        ("CT", null, "Trường Đại học Kỹ thuật - Công nghệ Cần Thơ", "education", [3]),
        ("HG", "SGDDT", "Trường Cao đẳng Cộng đồng Hậu Giang", "vocational", [3, 4]),
        ("ST", "SGDDT", "Trường Cao đẳng Cộng đồng Sóc Trăng", "vocational", [3]),
        ("ST", "SGDDT", "Trường Cao đẳng Sư phạm Sóc Trăng", "vocational", [3, 4]),
    ];

    private static readonly string[] Streets =
    [
        "Trần Hưng Đạo", "Nguyễn Trãi", "Hòa Bình", "Lê Lợi", "Ngô Quyền", "Lý Tự Trọng", "Hùng Vương", "30 Tháng 4",
        "Mậu Thân", "Nguyễn Văn Cừ", "Trần Phú", "Phan Đình Phùng", "Lê Duẩn", "Võ Văn Kiệt", "Cách Mạng Tháng 8",
    ];

    /// <summary>Loads the demo province; staffing and finance run from 2015 to lastYear.</summary>
    public static async Task SeedAsync(SuNghiepDbContext db, int lastYear, CancellationToken ct = default)
    {
        if (await db.Agencies.AnyAsync(a => a.Code == LoadedAgencyCode, ct))
        {
            return;
        }

        var province = await db.Areas.SingleAsync(a => a.Code == ProvinceCode && a.ValidTo == null, ct);
        var communes = (await db.Areas.Where(a => a.ParentId == province.Id).ToListAsync(ct)).OrderBy(a => a.Code, StringComparer.Ordinal).ToList();
        var oldProvinceAreas = await db.Areas.Where(a => a.SuccessorId == province.Id).ToListAsync(ct);
        var oldProvinceIds = oldProvinceAreas.Select(a => a.Id).ToList();
        var districts = (await db.Areas.Where(a => a.ParentId != null && oldProvinceIds.Contains(a.ParentId.Value)).ToListAsync(ct))
            .OrderBy(a => a.Code, StringComparer.Ordinal).ToList();

        // The caller may hold the transaction of a larger load (the demo with its documents).
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var g = new Generator(db, province, communes, districts, oldProvinceAreas);
        await g.AgenciesAsync(ct);
        g.Register();
        await g.SaveRegisterAsync(ct);
        g.Resources(lastYear);
        await g.SaveYearsAsync(ct);
        await db.SaveChangesAsync(ct);
        await DemoSurveys.SeedAsync(db, lastYear, ct);
        await DemoQuality.SeedAsync(db, lastYear, ct);
        await DemoInspections.SeedAsync(db, lastYear, ct);
        await DemoFeedback.SeedAsync(db, ct);
        await DemoNetwork.SeedAsync(db, communes, ct);
        await DemoServices.SeedAsync(db, lastYear, ct);
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }

        db.ChangeTracker.Clear();
    }

    private sealed class Generator(SuNghiepDbContext db, Area province, List<Area> communes, List<Area> districts, List<Area> oldProvinceAreas)
    {
        private readonly Random _random = new(19_2017);
        private readonly DateTime _now = DateTime.UtcNow;
        private int _code = 1_062_000;
        private int _decision = 100;
        private Agency _root = null!;
        private readonly Dictionary<string, Agency> _departments = [];
        private readonly Dictionary<(string Prefix, string Key), Agency> _oldDepartments = [];
        private readonly Dictionary<int, Agency> _districtCommittees = [];
        private readonly Dictionary<int, Agency> _oldCommittees = [];
        private readonly Dictionary<int, Agency> _communeCommittees = [];
        private readonly List<Unit> _units = [];
        private readonly List<Agency> _agencies = [];
        private Dictionary<string, Agency> _existing = [];

        public async Task AgenciesAsync(CancellationToken ct)
        {
            // Bodies the documents already created (92.UBND; O92.UBND, their and the national data set's code of the old
            // city's committee, which the demo calls CT.UBND) are the demo's own, not made twice.
            _existing = await db.Agencies.Where(a => a.Code.StartsWith("92.") || a.Code.StartsWith("CT.") || a.Code.StartsWith("HG.") || a.Code.StartsWith("ST.")
                    || a.Code.StartsWith("O92.") || a.Code.StartsWith("O93.") || a.Code.StartsWith("O94."))
                .ToDictionaryAsync(a => a.Code, StringComparer.Ordinal, ct);
            _root = Agency(RootAgencyCode, "Ủy ban nhân dân thành phố Cần Thơ", AgencyKind.ProvincialPeoplesCommittee, "province", province, null, Merger2025, null);
            foreach (var (key, name) in Departments)
            {
                _departments[key] = Agency($"92.{key}", $"{name} thành phố Cần Thơ", AgencyKind.Department, "province", province, _root, Merger2025, null);
            }

            foreach (var c in communes)
            {
                _communeCommittees[c.Id] = Agency($"92.X{c.Code}", $"Ủy ban nhân dân {c.Type} {c.Name}", AgencyKind.CommunePeoplesCommittee, "commune", c, _root, Merger2025, null);
            }

            foreach (var p in OldProvinces)
            {
                var area = oldProvinceAreas.Single(a => a.Code == p.Code);
                var committee = Agency($"{p.Prefix}.UBND", $"Ủy ban nhân dân {p.Label}", AgencyKind.ProvincialPeoplesCommittee, "province", area, null, null, LastDayBefore);
                committee.Successor = _root;
                _oldCommittees[area.Id] = committee;
                foreach (var (key, name, _, successor, fromMarch) in OldDepartments)
                {
                    var dept = Agency($"{p.Prefix}.{key}", $"{name} {p.Label}", AgencyKind.Department, "province", area, committee,
                        fromMarch ? Merger2025March : null, successor is null ? Merger2025March.AddDays(-1) : LastDayBefore);
                    _oldDepartments[(p.Prefix, key)] = dept;
                }

                foreach (var (key, _, mergedInto, successor, _) in OldDepartments)
                {
                    _oldDepartments[(p.Prefix, key)].Successor = mergedInto is null ? _departments[successor!] : _oldDepartments[(p.Prefix, mergedInto)];
                }

                foreach (var d in districts.Where(d => d.ParentId == area.Id))
                {
                    _districtCommittees[d.Id] = Agency($"{p.Prefix}.H{d.Code}", $"Ủy ban nhân dân {d.Type} {d.Name}", AgencyKind.DistrictPeoplesCommittee, "district", d, committee, null, LastDayBefore);
                }
            }

            await db.SaveChangesAsync(ct);
            var all = _agencies;
            foreach (var a in all)
            {
                a.Path = a.Parent is null ? $"/{a.Id}/" : $"/{a.Parent.Id}/{a.Id}/";
                a.SearchText = VietnameseText.Fold(a.Name + " " + a.Code);
            }

            // An old agency sits under its successor in today's map (a department merged on 1/3/2025 under the one that
            // absorbed it, itself under the city's), so successors and parents get their paths first.
            string Lineage(Agency a) => a.LineagePath = a.LineagePath.Length > 0 ? a.LineagePath
                : a.Successor is not null ? $"{Lineage(a.Successor)}{a.Id}/"
                : a.Parent is not null && a.ValidTo is not null ? $"{Lineage(a.Parent)}{a.Id}/"
                : a.Path;
            all.ForEach(a => a.LineagePath = "");
            all.ForEach(a => Lineage(a));

            await db.SaveChangesAsync(ct);
        }

        private Agency Agency(string code, string name, AgencyKind kind, string level, Area area, Agency? parent, DateOnly? from, DateOnly? to)
        {
            var old = OldProvinces.FirstOrDefault(p => code.StartsWith(p.Prefix + ".", StringComparison.Ordinal));
            if (_existing.Remove(code, out var agency) || (old is not null && _existing.Remove($"O{old.Code}{code[old.Prefix.Length..]}", out agency)))
            {
                (agency.Name, agency.Kind, agency.LevelCode, agency.Area, agency.Parent, agency.ValidFrom, agency.ValidTo) = (name, kind, level, area, parent, from, to);
            }
            else
            {
                agency = new Agency { Code = code, Name = name, Kind = kind, LevelCode = level, Area = area, Parent = parent, ValidFrom = from, ValidTo = to };
                db.Agencies.Add(agency);
            }

            _agencies.Add(agency);
            return agency;
        }

        public void Register()
        {
            // Each old district takes over a contiguous run of the new communes (an approximation of the real map).
            var runs = new Dictionary<int, List<Area>>();
            for (var i = 0; i < districts.Count; i++)
            {
                var start = i * communes.Count / districts.Count;
                var end = (i + 1) * communes.Count / districts.Count;
                runs[districts[i].Id] = communes.GetRange(start, end - start);
            }

            var transfers = new Dictionary<Agency, List<(Unit Unit, Area Area)>>();
            void TransferLater(Unit unit, Agency to, Area area)
            {
                if (!transfers.TryGetValue(to, out var list))
                {
                    transfers[to] = list = [];
                }

                list.Add((unit, area));
            }

            // The old communes (about 268 in the three provinces before 2025): each new commune took over two or three.
            // The schools of 2025 are spread over them evenly, kind by kind, with the small schools that merged into them.
            var oldCommunes = communes.SelectMany((c, i) => Enumerable.Repeat(c, i % 5 < 3 ? 3 : 2)).ToList();
            var schoolsOf = new Dictionary<(int Commune, Norm Norm), (int Count, int Small)>();
            foreach (var kind in SchoolKinds)
            {
                var counts = Spread(kind.Count, oldCommunes.Count);
                var small = Spread(kind.Small, oldCommunes.Count);
                for (var i = 0; i < oldCommunes.Count; i++)
                {
                    var (n, m) = schoolsOf.GetValueOrDefault((oldCommunes[i].Id, kind.Norm));
                    schoolsOf[(oldCommunes[i].Id, kind.Norm)] = (n + counts[i], m + small[(i + oldCommunes.Count / 2) % oldCommunes.Count]);
                }
            }

            var stationsOf = new Dictionary<Area, List<Unit>>();
            var dissolveIn2025 = new Dictionary<OldProvince, List<Unit>>();
            foreach (var p in OldProvinces)
            {
                var pArea = oldProvinceAreas.Single(a => a.Code == p.Code);
                var pCommittee = _oldCommittees[pArea.Id];
                dissolveIn2025[p] = [];
                foreach (var d in districts.Where(d => d.ParentId == pArea.Id))
                {
                    var run = runs[d.Id];
                    var dc = _districtCommittees[d.Id];
                    var dLabel = $"{d.Type} {d.Name}";
                    var seat = run[0];
                    var schoolMergers = new List<(Unit Main, Unit Extra)>();
                    foreach (var c in run)
                    {
                        foreach (var kind in SchoolKinds)
                        {
                            // Upper secondary schools belong to the department, the others to the district until 2025.
                            var upper = kind.Norm == Norm.UpperSecondary;
                            var agency = upper ? _oldDepartments[(p.Prefix, "SGDDT")] : dc;
                            var (count, small) = schoolsOf.GetValueOrDefault((c.Id, kind.Norm));
                            var mains = new List<Unit>();
                            for (var i = 0; i < count; i++)
                            {
                                var unit = Unit(Numbered(kind.Name, c.Name, i, count), "education", "basic-service", upper ? "province" : "district", d, agency,
                                    Pick(kind.Groups), Date(1976, 2012), Address(c));
                                _profiles[unit] = (kind.Norm, kind.MinClasses + _random.Next(kind.ClassSpread + 1));
                                TransferLater(unit, upper ? _departments["SGDDT"] : _communeCommittees[c.Id], c);
                                mains.Add(unit);
                            }

                            for (var i = 0; i < small && mains.Count > 0; i++)
                            {
                                var unit = Unit(Numbered(kind.SmallName, c.Name, i, small), "education", "basic-service", upper ? "province" : "district", d, agency,
                                    4, Date(1976, 2010), Address(c));
                                _profiles[unit] = (kind.Norm, kind.MinClasses / 2 + _random.Next(3));
                                schoolMergers.Add((mains[i % mains.Count], unit));
                            }
                        }

                        // The health stations of the old communes, under the department of health until 2025.
                        var stations = oldCommunes.Count(o => o == c);
                        stationsOf[c] = [];
                        for (var i = 0; i < stations; i++)
                        {
                            var station = Unit(Numbered("Trạm Y tế", c.Name, i, stations), "health", "basic-service", "district", d,
                                _oldDepartments[(p.Prefix, "SYT")], 4, Date(1976, 2005), Address(c));
                            _profiles[station] = (Norm.Station, 5 + _random.Next(4));
                            stationsOf[c].Add(station);
                        }
                    }

                    // Small schools absorbed by the main school of their commune (Decree 120/2020, sáp nhập).
                    foreach (var (main, extra) in schoolMergers)
                    {
                        Event(ReorganizationType.Merger, Date(2016, 2024), $"Ủy ban nhân dân {dLabel}", [(extra, ParticipantRole.Ended), (main, ParticipantRole.Continuing)]);
                    }

                    // Culture centre and radio station consolidated into one centre, which ended with the district.
                    var culture = Unit($"Trung tâm Văn hóa - Thể thao {dLabel}", "culture", "political", "district", d, dc, 4, Date(1980, 2005), Address(seat));
                    var radio = Unit($"Đài Truyền thanh {dLabel}", "information", "political", "district", d, dc, 4, Date(1980, 2005), Address(seat));
                    var merged = Consolidate([culture, radio], $"Trung tâm Văn hóa, Thông tin và Thể thao {dLabel}", "culture", "political", "district", d, dc, 4, Date(2019, 2021), $"Ủy ban nhân dân {dLabel}", seat);
                    dissolveIn2025[p].Add(merged);

                    // Vocational training and continuing education centres consolidated (2017-2018), then moved to the department.
                    var vocational = Unit($"Trung tâm Dạy nghề {dLabel}", "vocational", "basic-service", "district", d, dc, 4, Date(1995, 2010), Address(seat));
                    var continuing = Unit($"Trung tâm Giáo dục thường xuyên {dLabel}", "education", "basic-service", "district", d, dc, 4, Date(1985, 2005), Address(seat));
                    var gdnn = Consolidate([vocational, continuing], $"Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên {dLabel}", "vocational", "basic-service", "district", d, dc, Pick([3, 4]), Date(2017, 2018), $"Ủy ban nhân dân {dLabel}", seat);
                    TransferLater(gdnn, _departments["SGDDT"], seat);

                    var projects = Unit($"Ban Quản lý dự án đầu tư xây dựng {dLabel}", "economic", "state-management", "district", d, dc, Pick([2, 3]), Date(2005, 2014), Address(seat));
                    TransferLater(projects, _communeCommittees[seat.Id], seat);

                    var agriculture = Unit($"Trung tâm Dịch vụ nông nghiệp {dLabel}", "economic", "other", "district", d, dc, Pick([3, 4]), Date(2000, 2012), Address(seat));
                    if (_random.Next(10) < 7)
                    {
                        Event(ReorganizationType.Dissolution, Date(2018, 2023), $"Ủy ban nhân dân {dLabel}", [(agriculture, ParticipantRole.Ended)]);
                    }
                    else
                    {
                        TransferLater(agriculture, _communeCommittees[seat.Id], seat);
                    }

                    var health = Unit($"Trung tâm Y tế {dLabel}", "health", "basic-service", "province", d, _oldDepartments[(p.Prefix, "SYT")], Pick([3, 3, 4]), Date(1990, 2010), Address(seat));
                    _profiles[health] = (Norm.HealthCentre, 90 + _random.Next(130));
                    TransferLater(health, _departments["SYT"], seat);
                }

                // Province units, located in the old province's first district.
                var pDistricts = districts.Where(d => d.ParentId == pArea.Id).ToList();
                var home = pDistricts[0];
                var homeCommune = runs[home.Id][0];
                var issuer = $"Ủy ban nhân dân {p.Label}";
                var byName = new Dictionary<string, Unit>();
                foreach (var (dept, template, sector, role, groups) in ProvinceUnits)
                {
                    var name = template.Replace("{P}", p.Label, StringComparison.Ordinal).Replace("{N}", p.Name, StringComparison.Ordinal);
                    var unit = Unit(name, sector, role, "province", home, _oldDepartments[(p.Prefix, dept)], Pick(groups), Date(1976, 2012), Address(homeCommune));
                    byName[template] = unit;
                }

                // The colleges and the university of each old province besides those above.
                foreach (var (dept, name, sector, groups) in ProvinceSchools.Where(x => x.Prefix == p.Prefix).Select(x => (x.Dept, x.Name, x.Sector, x.Groups)))
                {
                    var unit = Unit(name, sector, "basic-service", "province", home, dept is null ? pCommittee : _oldDepartments[(p.Prefix, dept)],
                        Pick(groups), Date(1976, 2013), Address(homeCommune));
                    if (dept is null)
                    {
                        TransferLater(unit, _root, homeCommune);
                    }
                }

                // 2018: disease control centre by consolidating the preventive medicine centres (Circular 26/2017/TT-BYT).
                Consolidate(
                    [byName["Trung tâm Y tế dự phòng {P}"], byName["Trung tâm Phòng, chống HIV/AIDS {P}"], byName["Trung tâm Chăm sóc sức khỏe sinh sản {P}"]],
                    $"Trung tâm Kiểm soát bệnh tật {p.Label}", "health", "basic-service", "province", home, _oldDepartments[(p.Prefix, "SYT")], 4,
                    new DateOnly(2018, 1, 1).AddDays(_random.Next(300)), issuer, homeCommune);

                // 2019-2020: the medical and the vocational college consolidated into one college.
                Consolidate(
                    [byName["Trường Cao đẳng Y tế {N}"], byName["Trường Cao đẳng Nghề {N}"]],
                    $"Trường Cao đẳng {p.Name}", "vocational", "basic-service", "province", home, _oldDepartments[(p.Prefix, "SGDDT")], 3,
                    Date(2019, 2020), issuer, homeCommune);

                // 2018: the culture, sport and tourism centre divided in two.
                var centre = byName["Trung tâm Văn hóa - Thể thao và Du lịch {P}"];
                var divisionDate = Date(2018, 2018);
                var culture2 = Unit($"Trung tâm Văn hóa {p.Label}", "culture", "political", "province", home, _oldDepartments[(p.Prefix, "SVHTTDL")], 4, divisionDate, Address(homeCommune));
                var tourism = Unit($"Trung tâm Xúc tiến Du lịch {p.Name}", "culture", "other", "province", home, _oldDepartments[(p.Prefix, "SVHTTDL")], 3, divisionDate, Address(homeCommune));
                Event(ReorganizationType.Division, divisionDate, issuer, [(centre, ParticipantRole.Ended), (culture2, ParticipantRole.Created), (tourism, ParticipantRole.Created)]);

                // 2016: an oncology hospital separated from the general hospital.
                var general = byName["Bệnh viện Đa khoa {P}"];
                var separationDate = Date(2016, 2016);
                var oncology = Unit($"Bệnh viện Ung bướu {p.Label}", "health", "basic-service", "province", home, _oldDepartments[(p.Prefix, "SYT")], 3, separationDate, Address(homeCommune));
                Event(ReorganizationType.Separation, separationDate, issuer, [(general, ParticipantRole.Continuing), (oncology, ParticipantRole.Created)]);

                // 2019: vehicle inspection converted into a joint-stock company (Decision 26/2021/QĐ-TTg lists it as eligible).
                var inspection = byName["Trung tâm Đăng kiểm xe cơ giới {N}"];
                Event(ReorganizationType.Conversion, Date(2019, 2022), issuer, [(inspection, ParticipantRole.Ended)]);

                // 2020-2022: the investment promotion centre dissolved; 2021-2023: the land fund centre merged into the land registry.
                Event(ReorganizationType.Dissolution, Date(2020, 2022), issuer, [(byName["Trung tâm Xúc tiến Đầu tư {N}"], ParticipantRole.Ended)]);
                var landFund = byName["Trung tâm Phát triển quỹ đất {N}"];
                var registry = byName["Văn phòng Đăng ký đất đai {N}"];
                Event(ReorganizationType.Merger, Date(2021, 2023), issuer, [(landFund, ParticipantRole.Ended), (registry, ParticipantRole.Continuing)]);

                // 2023: renaming of the IT centre.
                var it = byName["Trung tâm Công nghệ thông tin và Truyền thông {N}"];
                Rename(it, $"Trung tâm Chuyển đổi số {p.Name}", Date(2023, 2023), issuer);

                // 2022: an establishment.
                var testing = Unit($"Trung tâm Kiểm nghiệm thuốc, mỹ phẩm, thực phẩm {p.Label}", "health", "state-management", "province", home, _oldDepartments[(p.Prefix, "SYT")], 3, Date(2022, 2022), Address(homeCommune));
                Event(ReorganizationType.Establishment, testing.EstablishedOn, issuer, [(testing, ParticipantRole.Created)]);

                // 1/3/2025: the units of the departments merged that day go, by the old province's decision, to the
                // department that absorbed theirs (social protection to Health).
                var templates = byName.ToDictionary(x => x.Value, x => x.Key);
                var march = _units.Where(u => u.EndedOn is null && Latest(u).ManagingAgency is { } a && a.Parent == pCommittee && a.ValidTo == Merger2025March.AddDays(-1))
                    .GroupBy(u => templates.TryGetValue(u, out var t) && MarchTransfers.TryGetValue(t, out var key)
                        ? _oldDepartments[(p.Prefix, key)] : Latest(u).ManagingAgency!.Successor!)
                    .ToList();
                foreach (var group in march)
                {
                    foreach (var unit in group)
                    {
                        NewVersion(unit, Merger2025March, v => v.ManagingAgency = group.Key);
                    }

                    Event(ReorganizationType.Transfer, Merger2025March, issuer, [.. group.Select(u => (u, ParticipantRole.Transferred))]).NewManagingAgency = group.Key;
                }

                // Every other unit of the old departments goes to the new department that succeeded its own; the commune
                // health stations are consolidated instead.
                var moving = transfers.Values.SelectMany(l => l.Select(x => x.Unit)).Concat(stationsOf.Values.SelectMany(s => s)).ToHashSet();
                foreach (var unit in _units.Where(u => u.EndedOn is null && !moving.Contains(u)
                             && Latest(u).ManagingAgency!.Parent == pCommittee && Latest(u).ManagingAgency!.Kind == AgencyKind.Department).ToList())
                {
                    TransferLater(unit, Latest(unit).ManagingAgency!.Successor!, homeCommune);
                }
            }

            // 1/7/2025: the district level ends. Each old province decided in June to dissolve its district culture centres
            // from that day; the new city, on its first day, transferred everything else and made one health station of
            // each new commune from those of its old communes.
            foreach (var (p, ending) in dissolveIn2025)
            {
                Event(ReorganizationType.Dissolution, Merger2025, $"Ủy ban nhân dân {p.Label}", [.. ending.Select(u => (u, ParticipantRole.Ended))],
                    new DateOnly(2025, 6, 2).AddDays(_random.Next(25)));
            }

            foreach (var (agency, list) in transfers)
            {
                var moving = list.Where(x => x.Unit.EndedOn is null).ToList();
                foreach (var (unit, area) in moving)
                {
                    NewVersion(unit, Merger2025, v =>
                    {
                        v.ManagingAgency = agency;
                        v.LevelCode = agency.LevelCode;
                        v.Area = area;
                    });
                }

                var e = Event(ReorganizationType.Transfer, Merger2025, "Ủy ban nhân dân thành phố Cần Thơ", moving.Select(x => (x.Unit, ParticipantRole.Transferred)).ToList(), Merger2025);
                e.NewManagingAgency = agency;
            }

            foreach (var (c, stations) in stationsOf)
            {
                var station = Consolidate(stations, $"Trạm Y tế {c.Type} {c.Name}", "health", "basic-service", "commune", c, _communeCommittees[c.Id], 4,
                    Merger2025, "Ủy ban nhân dân thành phố Cần Thơ", c, Merger2025);
                // Commune stations of 2025 keep the staff of those they replace, with a doctor or two from the health centre.
                _profiles[station] = (Norm.Station, stations.Sum(s => _profiles[s].Scale) + _random.Next(3));
            }

            // Late 2025: commune public service centres (Decree 283/2025) in a fifth of the communes.
            foreach (var c in communes.Where((_, i) => i % 5 == 2))
            {
                var opened = new DateOnly(2025, 11, 3).AddDays(_random.Next(40));
                var centre = Unit($"Trung tâm Dịch vụ tổng hợp {c.Type} {c.Name}", "economic", "basic-service", "commune", c, _communeCommittees[c.Id], Pick([3, 4]), opened, Address(c));
                Event(ReorganizationType.Establishment, opened, $"Ủy ban nhân dân {c.Type} {c.Name}", [(centre, ParticipantRole.Created)]);
            }

            // 2026: small primary and lower secondary schools of a commune consolidated into one two-level school.
            foreach (var c in communes.Where((_, i) => i % 9 == 4))
            {
                var pair = _units.Where(u => u.EndedOn is null && Latest(u).Area == c
                    && (u.Name == $"Trường Tiểu học {c.Name}" || u.Name == $"Trường Trung học cơ sở {c.Name}")).ToList();
                if (pair.Count == 2)
                {
                    Consolidate(pair, $"Trường Tiểu học và Trung học cơ sở {c.Name}", "education", "basic-service", "commune", c,
                        _communeCommittees[c.Id], 4, new DateOnly(2026, 8, 15).AddDays(_random.Next(20)), $"Ủy ban nhân dân {c.Type} {c.Name}", c);
                }
            }

            foreach (var unit in _units)
            {
                var last = Latest(unit);
                Units.UnitService.Mirror(unit, last);
                unit.Area = last.Area;
                unit.ManagingAgency = last.ManagingAgency;
            }
        }

        private readonly List<Reorganization> _events = [];

        // Units of the kinds Decision 26/2021/QĐ-TTg lists for conversion into joint-stock companies (water supply,
        // vehicle inspection, construction inspection), as each old province's list names those still public then.
        private static readonly string[] ConversionKinds =
            ["Trung tâm Nước sạch và Vệ sinh môi trường nông thôn", "Trung tâm Đăng kiểm xe cơ giới", "Trung tâm Quy hoạch và Kiểm định xây dựng"];

        private void ListForConversion()
        {
            for (var i = 0; i < OldProvinces.Length; i++)
            {
                var p = OldProvinces[i];
                var on = new DateOnly(2021, 11, 15).AddDays(7 * i);
                foreach (var unit in _units.Where(u => ConversionKinds.Any(k => u.Name.StartsWith(k, StringComparison.Ordinal))
                             && u.Name.EndsWith(p.Name, StringComparison.Ordinal) && Rules.UnitRules.IsActiveOn(u.EstablishedOn, u.EndedOn, on)))
                {
                    unit.ConversionListedBy = $"{2150 + i}/QĐ-UBND của Ủy ban nhân dân {p.Label}";
                    unit.ConversionListedOn = on;
                }
            }
        }

        /// <summary>
        /// The register (units, their versions, the events and their participants) goes in by bulk insert, a table at a
        /// time, audited as SaveChanges would audit it in a bulk operation. The keys later rows need are read back: the
        /// units' by their unique codes, the events' by their decision numbers (unique in the demo).
        /// </summary>
        public async Task SaveRegisterAsync(CancellationToken ct)
        {
            ListForConversion();
            foreach (var unit in _units)
            {
                unit.AreaId = unit.Area!.Id;
                unit.ManagingAgencyId = unit.ManagingAgency!.Id;
            }

            await BulkInsert.InsertAsync(db, _units, ct);
            var codes = _units.Select(u => u.Code).ToList();
            var unitIds = await db.Units.IgnoreQueryFilters().AsNoTracking().Where(u => codes.Contains(u.Code))
                .ToDictionaryAsync(u => u.Code, u => u.Id, StringComparer.Ordinal, ct);
            _units.ForEach(u => u.Id = unitIds[u.Code]);

            // Events already in the register (a demo loaded into a register that has units) keep their ids below this one.
            var before = await db.Reorganizations.MaxAsync(r => (int?)r.Id, ct) ?? 0;
            _events.ForEach(e => e.NewManagingAgencyId = e.NewManagingAgency?.Id);
            await BulkInsert.InsertAsync(db, _events, ct);
            var eventIds = await db.Reorganizations.AsNoTracking().Where(r => r.Id > before && r.CreatedBy == Auditing.SystemActors.Demo)
                .ToDictionaryAsync(r => r.DecisionNumber, r => r.Id, StringComparer.Ordinal, ct);
            _events.ForEach(e => e.Id = eventIds[e.DecisionNumber]);

            var versions = _units.SelectMany(u => u.Versions).ToList();
            foreach (var v in versions)
            {
                v.UnitId = v.Unit!.Id;
                v.AreaId = v.Area!.Id;
                v.ManagingAgencyId = v.ManagingAgency!.Id;
                v.ReorganizationId = v.Reorganization?.Id;
            }

            var participants = new List<ReorganizationParticipant>();
            foreach (var e in _events)
            {
                foreach (var p in e.Participants)
                {
                    p.ReorganizationId = e.Id;
                    p.UnitId = p.Unit!.Id;
                    participants.Add(p);
                }
            }

            await BulkInsert.InsertAsync(db, versions, ct);
            await BulkInsert.InsertAsync(db, participants, ct);
            // In the order SaveChanges wrote these summaries before.
            db.AuditBulkCreate(typeof(UnitVersion), versions.Count);
            db.AuditBulkCreate(typeof(ReorganizationParticipant), participants.Count);
            db.AuditBulkCreate(typeof(Unit), _units.Count);
            db.AuditBulkCreate(typeof(Reorganization), _events.Count);
            await db.SaveChangesAsync(ct);
        }

        /// <summary>
        /// Staffing, finance, allocations and autonomy plans for every unit and year from 2015: sizes by sector and level,
        /// revenue by the unit's autonomy group (so most computed groups match the approved one, a few do not), budget-paid
        /// staff falling about 2% a year from 2021 and direct budget spending about 3% a year, as the reform goes.
        /// </summary>
        public void Resources(int lastYear)
        {
            var staffing = new List<StaffingYear>();
            var finance = new List<FinanceYear>();
            foreach (var unit in _units)
            {
                var (norm, size) = _profiles.TryGetValue(unit, out var profile) ? profile : Profile(unit.Name);
                var first = Math.Max(2015, unit.EstablishedOn.Year);
                var last = Math.Min(lastYear, unit.EndedOn is { } e ? (e.Month == 1 && e.Day == 1 ? e.Year - 1 : e.Year) : lastYear);
                var drift = 0.9 + _random.NextDouble() * 0.2;
                for (var year = first; year <= last; year++)
                {
                    var version = unit.Versions.Where(v => v.ValidFrom <= new DateOnly(year, 12, 31)).OrderBy(v => v.ValidFrom).Last();
                    var group = version.AutonomyGroup ?? 4;
                    // Budget-paid staff shrink from 2021 (Resolution 19: -10% by 2026); groups 1-2 pay all their staff themselves.
                    var trend = year <= 2021 ? 1.0 : Math.Pow(0.98, year - 2021);
                    var people = People(norm, size, year, drift);
                    var budget = group <= 2 ? 0 : (int)Math.Round(people * (group == 3 ? 0.7 : 0.95) * trend);
                    var revenue = Math.Max(0, people - budget);
                    var actual = Math.Max(1, people - _random.Next(0, Math.Max(2, people / 10)));
                    var leadership = Math.Max(1, people / 12);
                    var support = Math.Max(1, people / 6);
                    var shared = Math.Max(0, people / 8);
                    staffing.Add(new StaffingYear
                    {
                        Unit = unit, Year = year, BudgetPositions = budget, RevenuePositions = revenue, ActualStaff = actual,
                        BudgetContractWorkers = group >= 3 ? _random.Next(0, 1 + people / 15) : 0,
                        PositionsLeadership = leadership, PositionsSharedProfessional = shared, PositionsSupport = support,
                        PositionsProfessional = Math.Max(0, people - leadership - support - shared), UpdatedAt = _now,
                    });

                    // Recurrent spending about 180 million VND a person a year, rising 4% a year; revenue by group.
                    var recurrent = Million((decimal)(people * 180_000_000.0 * Math.Pow(1.04, year - 2015) * (0.9 + _random.NextDouble() * 0.2)));
                    var share = group switch
                    {
                        1 => 1.05 + _random.NextDouble() * 0.25,
                        2 => 1.0 + _random.NextDouble() * 0.1,
                        3 => 0.12 + _random.NextDouble() * 0.8,
                        _ => _random.NextDouble() * 0.09,
                    };
                    // One year in twelve the figures land in another group than the one approved, as happens.
                    if (_random.Next(12) == 0)
                    {
                        share = group >= 3 ? share + 0.35 : share - 0.3;
                    }

                    var income = Million(recurrent * (decimal)share);
                    var ordered = unit.SectorCode is "education" or "health" ? Million(income * 0.5m) : Million(income * 0.2m);
                    var fees = Million(income * 0.3m);
                    var depreciation = Million(recurrent * 0.05m);
                    var row = new FinanceYear
                    {
                        // Figures as officers entered them: no order backs them, so they do not follow the accepted orders.
                        Unit = unit, Year = year, OrderedServices = ordered, OrderedServicesByHand = ordered != 0, ServiceFees = fees,
                        BusinessSurplus = unit.SectorCode == "economic" ? income - ordered - fees : 0,
                        RetainedFees = unit.SectorCode == "economic" ? 0 : income - ordered - fees,
                        RecurrentExpenditure = recurrent, Depreciation = depreciation,
                        InvestmentSelfFinancing = group == 1 ? depreciation + Million(recurrent * 0.02m) : 0,
                        DirectBudgetSpending = Math.Max(0, Million((recurrent - income) * (decimal)Math.Pow(0.97, Math.Max(0, year - 2020)))),
                        UpdatedAt = _now,
                    };
                    var assessment = SuNghiep.Core.Resources.ResourceService.Assess(row);
                    row.SelfFinancingLevel = assessment.Level is { } level ? Math.Round(level, 4, MidpointRounding.ToZero) : null;
                    row.ComputedGroup = assessment.Group;
                    finance.Add(row);
                }

                if (unit.EstablishedOn.Year <= 2021 && (unit.EndedOn is null || unit.EndedOn.Value.Year >= 2022))
                {
                    var version = unit.Versions.Where(v => v.ValidFrom <= new DateOnly(2021, 12, 31)).OrderBy(v => v.ValidFrom).Last();
                    if (version.AutonomyGroup is { } approved)
                    {
                        var submitted = new DateOnly(2021, 9, 1).AddDays(_random.Next(90));
                        _plans.Add(new AutonomyPlan
                        {
                            Unit = unit, PeriodStart = 2021, PeriodEnd = 2025, ProposedGroup = approved, SubmittedOn = submitted,
                            Status = AutonomyPlanStatus.Approved, ApprovedGroup = approved, DecisionNumber = $"{_decision += 3}/QĐ-UBND",
                            DecisionDate = submitted.AddDays(30 + _random.Next(60)), DecisionIssuer = Approver(version.ManagingAgency!).Name, UpdatedAt = _now,
                        });
                    }
                }
            }

            _staffing = staffing;
            _finance = finance;

            // Allocations flow down: an agency gets about what its own units use plus what it passes to the agencies under
            // it, so the province's committee holds the total of the year.
            foreach (var year in Enumerable.Range(2015, lastYear - 2014))
            {
                var used = staffing.Where(s => s.Year == year)
                    .GroupBy(s => s.Unit!.Versions.Where(v => v.ValidFrom <= new DateOnly(year, 12, 31)).OrderBy(v => v.ValidFrom).Last().ManagingAgency!)
                    .ToDictionary(g => g.Key, g => g.Sum(s => s.BudgetPositions));
                var allocated = new Dictionary<Agency, int>();
                foreach (var (agency, positions) in used)
                {
                    var share = (int)Math.Ceiling(positions * (1.0 + _random.NextDouble() * 0.04));
                    for (var a = agency; a is not null; a = a.Parent)
                    {
                        allocated[a] = allocated.GetValueOrDefault(a) + share;
                    }
                }

                foreach (var (agency, positions) in allocated)
                {
                    _allocations.Add(new StaffingAllocation { Agency = agency, Year = year, BudgetPositions = positions, UpdatedAt = _now });
                }
            }
        }

        private List<StaffingYear> _staffing = [];
        private List<FinanceYear> _finance = [];
        private readonly List<AutonomyPlan> _plans = [];
        private readonly List<StaffingAllocation> _allocations = [];

        /// <summary>
        /// The yearly figures (most of the demo's rows), the autonomy plans and the allocations go in by bulk insert,
        /// audited as SaveChanges would audit them in a bulk operation; their units are saved by now, so they point at the
        /// units' ids.
        /// </summary>
        public async Task SaveYearsAsync(CancellationToken ct)
        {
            _staffing.ForEach(s => s.UnitId = s.Unit!.Id);
            _finance.ForEach(f => f.UnitId = f.Unit!.Id);
            _plans.ForEach(p => p.UnitId = p.Unit!.Id);
            _allocations.ForEach(a => a.AgencyId = a.Agency!.Id);
            await BulkInsert.InsertAsync(db, _staffing, ct);
            await BulkInsert.InsertAsync(db, _finance, ct);
            await BulkInsert.InsertAsync(db, _plans, ct);
            await BulkInsert.InsertAsync(db, _allocations, ct);
            db.AuditBulkCreate(typeof(StaffingYear), _staffing.Count);
            db.AuditBulkCreate(typeof(FinanceYear), _finance.Count);
            db.AuditBulkCreate(typeof(StaffingAllocation), _allocations.Count);
            db.AuditBulkCreate(typeof(AutonomyPlan), _plans.Count);
        }

        // Budget figures are kept to the million VND, as budget reports write them.
        private static decimal Million(decimal value) => Math.Round(value / 1_000_000m) * 1_000_000m;

        // A department's units have their autonomy approved by the province's People's Committee of the time, a
        // district's or a commune's by that committee.
        private static Agency Approver(Agency agency) => agency.Kind == AgencyKind.Department ? agency.Parent! : agency;

        // Units the generator did not size by a norm: beds for hospitals, people for the rest.
        private static (Norm Norm, int Scale) Profile(string name) => name switch
        {
            var n when n.StartsWith("Bệnh viện Đa khoa", StringComparison.Ordinal) => (Norm.Hospital, 700),
            var n when n.StartsWith("Bệnh viện", StringComparison.Ordinal) => (Norm.Hospital, 170),
            var n when n.StartsWith("Trung tâm Kiểm soát bệnh tật", StringComparison.Ordinal) => (Norm.Other, 150),
            var n when n.StartsWith("Trường Đại học", StringComparison.Ordinal) => (Norm.Other, 430),
            var n when n.StartsWith("Trường Cao đẳng", StringComparison.Ordinal) => (Norm.Other, 190),
            var n when n.StartsWith("Trường Phổ thông Dân tộc nội trú", StringComparison.Ordinal) => (Norm.Other, 65),
            var n when n.StartsWith("Trung tâm Giáo dục nghề nghiệp", StringComparison.Ordinal) => (Norm.Other, 32),
            _ => (Norm.Other, 24),
        };

        /// <summary>
        /// People a unit needs in a year by its sector's norm: teachers per class by level (Circular 19/2023/TT-BGDĐT for
        /// kindergartens, 2.2 a class; Circular 20/2023/TT-BGDĐT for schools, 1.5 a class in primary schools teaching two
        /// sessions a day, 1.9 in lower and 2.25 in upper secondary) with the principal, deputies and support staff; health
        /// staff by beds (about 1.3 a bed in a district health centre with its prevention work, 1.4 in a provincial hospital) or by
        /// station; others by their size. Classes follow the pupils: fewer children in kindergartens as births fall, more
        /// in secondary schools as the larger cohorts reach them.
        /// </summary>
        private static int People(Norm norm, int scale, int year, double drift)
        {
            int School(double perClass, double enrolment, int support)
            {
                var classes = Math.Max(1, (int)Math.Round(scale * enrolment));
                return (int)Math.Ceiling(classes * perClass) + (classes >= 28 ? 3 : 2) + support;
            }

            return norm switch
            {
                Norm.Kindergarten => School(2.2, Math.Pow(0.988, year - 2024), 3),
                Norm.Primary => School(1.5, year <= 2020 ? 0.93 + 0.012 * (year - 2015) : 1.0 - 0.004 * (year - 2024), 4),
                Norm.LowerSecondary => School(1.9, Math.Min(1.02, 0.89 + 0.0125 * (year - 2015)), 5),
                Norm.UpperSecondary => School(2.25, 0.92 + 0.009 * (year - 2015), 6),
                Norm.Station => scale,
                Norm.HealthCentre => (int)Math.Round(scale * 1.3 * Math.Pow(1.01, year - 2015) * drift) + 40,
                Norm.Hospital => (int)Math.Round(scale * 1.4 * Math.Pow(1.01, year - 2015) * drift),
                _ => Math.Max(3, (int)Math.Round(scale * drift * (year <= 2021 ? 1.0 : Math.Pow(0.995, year - 2021)))),
            };
        }

        private readonly Dictionary<Unit, (Norm Norm, int Scale)> _profiles = [];

        // Even shares of a total over n places: the first place gets the rounding, and the shares add up to the total.
        private static int[] Spread(int total, int n) =>
            [.. Enumerable.Range(0, n).Select(i => (int)((long)(i + 1) * total / n - (long)i * total / n))];

        private static string Numbered(string kind, string place, int i, int count) => count == 1 ? $"{kind} {place}" : $"{kind} {place} {i + 1}";

        private static UnitVersion Latest(Unit u) => u.Versions.OrderBy(v => v.ValidFrom).Last();

        private Unit Unit(string name, string sector, string role, string level, Area area, Agency agency, int? group, DateOnly established, string address)
        {
            _code += _random.Next(1, 40);
            var code = _code.ToString(CultureInfo.InvariantCulture);
            var unit = new Unit
            {
                Code = code, Name = name, SectorCode = sector, RoleClassCode = role, LevelCode = level, EstablishedOn = established,
                Address = address, CreatedAt = _now, UpdatedAt = _now,
            };
            unit.Versions.Add(new UnitVersion
            {
                Unit = unit, ValidFrom = established, Name = name, SearchText = VietnameseText.Fold(name + " " + code),
                SortKey = VietnameseText.SortKey(name), SectorCode = sector, RoleClassCode = role, LevelCode = level,
                Area = area, ManagingAgency = agency, AutonomyGroup = group,
            });
            _units.Add(unit);
            return unit;
        }

        private void End(Unit unit, DateOnly on)
        {
            unit.EndedOn = on;
            unit.Versions.OrderBy(v => v.ValidFrom).Last().ValidTo = on;
        }

        private UnitVersion NewVersion(Unit unit, DateOnly from, Action<UnitVersion> change)
        {
            var last = unit.Versions.OrderBy(v => v.ValidFrom).Last();
            var next = new UnitVersion
            {
                Unit = unit, ValidFrom = from, ValidTo = last.ValidTo, Name = last.Name, SectorCode = last.SectorCode,
                RoleClassCode = last.RoleClassCode, LevelCode = last.LevelCode, Area = last.Area, ManagingAgency = last.ManagingAgency,
                AutonomyGroup = last.AutonomyGroup,
            };
            change(next);
            next.SearchText = VietnameseText.Fold(next.Name + " " + unit.Code);
            next.SortKey = VietnameseText.SortKey(next.Name);
            last.ValidTo = from;
            unit.Versions.Add(next);
            return next;
        }

        private Unit Consolidate(List<Unit> sources, string name, string sector, string role, string level, Area area, Agency agency, int group, DateOnly on, string issuer, Area place, DateOnly? decided = null)
        {
            var unit = Unit(name, sector, role, level, area, agency, group, on, Address(place));
            Event(ReorganizationType.Consolidation, on, issuer, [.. sources.Select(s => (s, ParticipantRole.Ended)), (unit, ParticipantRole.Created)], decided);
            return unit;
        }

        private void Rename(Unit unit, string name, DateOnly on, string issuer)
        {
            var e = Event(ReorganizationType.Rename, on, issuer, [(unit, ParticipantRole.Renamed)]);
            e.NewName = name;
            NewVersion(unit, on, v => v.Name = name).Reorganization = e;
        }

        // The decision is dated some weeks before it takes effect unless the caller says when it was made (a body that
        // takes effect that day cannot have decided earlier).
        private Reorganization Event(ReorganizationType type, DateOnly on, string issuer, List<(Unit Unit, ParticipantRole Role)> units, DateOnly? decided = null)
        {
            _decision += _random.Next(1, 30);
            var e = new Reorganization
            {
                Type = type, DecisionNumber = $"{_decision}/QĐ-UBND", DecisionDate = decided ?? on.AddDays(-_random.Next(5, 45)), DecisionIssuer = issuer,
                EffectiveDate = on, CreatedAt = _now, CreatedBy = Auditing.SystemActors.Demo,
            };
            foreach (var (unit, role) in units)
            {
                e.Participants.Add(new ReorganizationParticipant { Unit = unit, Role = role });
                if (role == ParticipantRole.Ended && unit.EndedOn is null)
                {
                    End(unit, on);
                }

                var opened = unit.Versions.FirstOrDefault(v => v.ValidFrom == on);
                if (opened is not null && role is ParticipantRole.Created or ParticipantRole.Transferred or ParticipantRole.Renamed)
                {
                    opened.Reorganization = e;
                }
            }

            _events.Add(e);
            return e;
        }

        private string Address(Area commune) =>
            $"Số {_random.Next(1, 400)} đường {Streets[_random.Next(Streets.Length)]}, {commune.Type} {commune.Name}, thành phố Cần Thơ";

        private DateOnly Date(int fromYear, int toYear) =>
            new DateOnly(fromYear, 1, 1).AddDays(_random.Next(new DateOnly(toYear, 12, 31).DayNumber - new DateOnly(fromYear, 1, 1).DayNumber + 1));

        private int Pick(int[] options) => options[_random.Next(options.Length)];
    }
}
