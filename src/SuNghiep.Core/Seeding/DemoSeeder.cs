using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Text;

namespace SuNghiep.Core.Seeding;

/// <summary>
/// The demo province: the new Cần Thơ city (since 1/7/2025 the merger of Cần Thơ, Hậu Giang and Sóc Trăng), with its
/// real communes, its departments and commune People's Committees as agencies, and several hundred units made by a
/// seeded generator, so that every run gives the same register.
/// </summary>
public static class DemoSeeder
{
    public const string ProvinceCode = "92";
    public const string RootAgencyCode = "92.UBND";

    private sealed record Department(string Key, string Name);

    private static readonly Department[] Departments =
    [
        new("SNV", "Sở Nội vụ"),
        new("STC", "Sở Tài chính"),
        new("SGDDT", "Sở Giáo dục và Đào tạo"),
        new("SYT", "Sở Y tế"),
        new("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch"),
        new("SKHCN", "Sở Khoa học và Công nghệ"),
        new("SNNMT", "Sở Nông nghiệp và Môi trường"),
        new("SXD", "Sở Xây dựng"),
        new("SCT", "Sở Công Thương"),
        new("STP", "Sở Tư pháp"),
        new("SDTTG", "Sở Dân tộc và Tôn giáo"),
    ];

    // Province-level units per department: name, sector, role class, likely autonomy groups.
    private static readonly (string Dept, string Name, string Sector, string Role, int[] Groups)[] ProvinceUnits =
    [
        ("SYT", "Bệnh viện Đa khoa thành phố Cần Thơ", "health", "basic-service", [2, 3]),
        ("SYT", "Bệnh viện Nhi đồng thành phố Cần Thơ", "health", "basic-service", [2, 3]),
        ("SYT", "Bệnh viện Phụ sản thành phố Cần Thơ", "health", "basic-service", [2]),
        ("SYT", "Bệnh viện Y học cổ truyền thành phố Cần Thơ", "health", "basic-service", [3]),
        ("SYT", "Bệnh viện Ung bướu thành phố Cần Thơ", "health", "basic-service", [2, 3]),
        ("SYT", "Bệnh viện Lao và Bệnh phổi thành phố Cần Thơ", "health", "basic-service", [3]),
        ("SYT", "Bệnh viện Tâm thần thành phố Cần Thơ", "health", "basic-service", [3, 4]),
        ("SYT", "Bệnh viện Da liễu thành phố Cần Thơ", "health", "basic-service", [3]),
        ("SYT", "Bệnh viện Mắt - Răng Hàm Mặt thành phố Cần Thơ", "health", "basic-service", [2]),
        ("SYT", "Bệnh viện Đa khoa khu vực Sóc Trăng", "health", "basic-service", [2, 3]),
        ("SYT", "Bệnh viện Đa khoa khu vực Hậu Giang", "health", "basic-service", [3]),
        ("SYT", "Bệnh viện Chuyên khoa Sản - Nhi Sóc Trăng", "health", "basic-service", [3]),
        ("SYT", "Trung tâm Kiểm soát bệnh tật thành phố Cần Thơ", "health", "basic-service", [4]),
        ("SYT", "Trung tâm Pháp y thành phố Cần Thơ", "health", "state-management", [4]),
        ("SYT", "Trung tâm Kiểm nghiệm thuốc, mỹ phẩm, thực phẩm", "health", "state-management", [3]),
        ("SYT", "Trung tâm Cấp cứu 115", "health", "basic-service", [4]),
        ("SGDDT", "Trường Cao đẳng Cần Thơ", "vocational", "basic-service", [3]),
        ("SGDDT", "Trường Cao đẳng Kinh tế - Kỹ thuật Cần Thơ", "vocational", "basic-service", [3]),
        ("SGDDT", "Trường Cao đẳng Sóc Trăng", "vocational", "basic-service", [3]),
        ("SGDDT", "Trường Cao đẳng Cộng đồng Hậu Giang", "vocational", "basic-service", [3, 4]),
        ("SGDDT", "Trường Trung học phổ thông chuyên Lý Tự Trọng", "education", "basic-service", [4]),
        ("SGDDT", "Trường Trung học phổ thông chuyên Nguyễn Thị Minh Khai", "education", "basic-service", [4]),
        ("SGDDT", "Trường Phổ thông Dân tộc nội trú thành phố Cần Thơ", "education", "basic-service", [4]),
        ("SVHTTDL", "Thư viện thành phố Cần Thơ", "culture", "basic-service", [4]),
        ("SVHTTDL", "Bảo tàng thành phố Cần Thơ", "culture", "political", [4]),
        ("SVHTTDL", "Trung tâm Văn hóa thành phố Cần Thơ", "culture", "political", [4]),
        ("SVHTTDL", "Nhà hát Tây Đô", "culture", "political", [3]),
        ("SVHTTDL", "Đoàn Nghệ thuật Khmer Sóc Trăng", "culture", "political", [4]),
        ("SVHTTDL", "Trung tâm Huấn luyện và Thi đấu thể dục thể thao", "culture", "basic-service", [3, 4]),
        ("SVHTTDL", "Trung tâm Xúc tiến Du lịch thành phố Cần Thơ", "culture", "other", [3]),
        ("SKHCN", "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ", "science", "other", [2, 3]),
        ("SKHCN", "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng", "science", "state-management", [2]),
        ("SKHCN", "Trung tâm Chuyển đổi số thành phố Cần Thơ", "information", "state-management", [3]),
        ("SKHCN", "Trung tâm Thông tin và Thống kê khoa học và công nghệ", "science", "state-management", [4]),
        ("SNNMT", "Trung tâm Khuyến nông thành phố Cần Thơ", "economic", "basic-service", [4]),
        ("SNNMT", "Trung tâm Nước sạch và Vệ sinh môi trường nông thôn", "economic", "other", [1, 2]),
        ("SNNMT", "Trung tâm Quan trắc tài nguyên và môi trường", "economic", "state-management", [3]),
        ("SNNMT", "Văn phòng Đăng ký đất đai thành phố Cần Thơ", "economic", "state-management", [2]),
        ("SNNMT", "Trung tâm Phát triển quỹ đất thành phố Cần Thơ", "economic", "state-management", [2, 3]),
        ("SNNMT", "Trung tâm Giống nông nghiệp Cần Thơ", "economic", "other", [2]),
        ("SXD", "Trung tâm Đăng kiểm xe cơ giới Cần Thơ", "economic", "other", [1]),
        ("SXD", "Trung tâm Đăng kiểm phương tiện thủy bộ Sóc Trăng", "economic", "other", [1]),
        ("SXD", "Trung tâm Quy hoạch và Kiểm định xây dựng", "economic", "other", [1, 2]),
        ("SCT", "Trung tâm Khuyến công và Tư vấn phát triển công nghiệp", "economic", "basic-service", [3]),
        ("SCT", "Trung tâm Xúc tiến Thương mại thành phố Cần Thơ", "economic", "other", [3]),
        ("STP", "Trung tâm Trợ giúp pháp lý nhà nước thành phố Cần Thơ", "economic", "basic-service", [4]),
        ("STP", "Trung tâm Dịch vụ đấu giá tài sản thành phố Cần Thơ", "economic", "other", [1, 2]),
        ("SNV", "Trung tâm Lưu trữ lịch sử thành phố Cần Thơ", "economic", "state-management", [4]),
        ("SNV", "Trung tâm Dịch vụ việc làm thành phố Cần Thơ", "economic", "basic-service", [3]),
        ("SNV", "Trung tâm Công tác xã hội thành phố Cần Thơ", "economic", "basic-service", [4]),
        ("SNV", "Cơ sở Cai nghiện ma túy thành phố Cần Thơ", "health", "basic-service", [4]),
        ("SDTTG", "Trung tâm Nghiên cứu văn hóa các dân tộc Sóc Trăng", "science", "political", [4]),
        ("UBND", "Đài Phát thanh và Truyền hình thành phố Cần Thơ", "information", "political", [2, 3]),
        ("UBND", "Ban Quản lý dự án đầu tư xây dựng thành phố Cần Thơ", "economic", "state-management", [2]),
        ("UBND", "Trung tâm Xúc tiến Đầu tư thành phố Cần Thơ", "economic", "state-management", [4]),
        ("UBND", "Viện Kinh tế - Xã hội thành phố Cần Thơ", "science", "state-management", [3, 4]),
        ("STC", "Trung tâm Thông tin và Dịch vụ tài chính công", "economic", "state-management", [3]),
    ];

    private static readonly string[] Streets =
    [
        "Trần Hưng Đạo", "Nguyễn Trãi", "Hòa Bình", "Lê Lợi", "Ngô Quyền", "Lý Tự Trọng", "Hùng Vương", "30 Tháng 4",
        "Mậu Thân", "Nguyễn Văn Cừ", "Trần Phú", "Phan Đình Phùng", "Lê Duẩn", "Võ Văn Kiệt", "Cách Mạng Tháng 8",
    ];

    public static async Task SeedAsync(SuNghiepDbContext db, CancellationToken ct = default)
    {
        if (await db.Agencies.AnyAsync(a => a.Code == RootAgencyCode, ct))
        {
            return;
        }

        var province = await db.Areas.SingleAsync(a => a.Code == ProvinceCode && a.ValidTo == null, ct);
        var communes = (await db.Areas.Where(a => a.ParentId == province.Id).ToListAsync(ct)).OrderBy(a => a.Code, StringComparer.Ordinal).ToList();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var root = new Agency
        {
            Code = RootAgencyCode, Name = "Ủy ban nhân dân thành phố Cần Thơ", Kind = AgencyKind.ProvincialPeoplesCommittee,
            LevelCode = "province", AreaId = province.Id, ValidFrom = ReferenceDataSeeder.Restructuring,
        };
        db.Agencies.Add(root);
        await db.SaveChangesAsync(ct);
        root.Path = $"/{root.Id}/";

        var departments = Departments.ToDictionary(d => d.Key, d => new Agency
        {
            Code = $"92.{d.Key}", Name = $"{d.Name} thành phố Cần Thơ", Kind = AgencyKind.Department, LevelCode = "province",
            AreaId = province.Id, Parent = root, ValidFrom = ReferenceDataSeeder.Restructuring,
        });
        departments["UBND"] = root;
        var communeAgencies = communes.ToDictionary(c => c.Id, c => new Agency
        {
            Code = $"92.X{c.Code}", Name = $"Ủy ban nhân dân {c.Type} {c.Name}", Kind = AgencyKind.CommunePeoplesCommittee,
            LevelCode = "commune", AreaId = c.Id, Parent = root, ValidFrom = ReferenceDataSeeder.Restructuring,
        });
        db.Agencies.AddRange(departments.Values.Where(a => a != root));
        db.Agencies.AddRange(communeAgencies.Values);
        await db.SaveChangesAsync(ct);
        foreach (var agency in db.Agencies.Local)
        {
            agency.Path = agency.Parent is null ? $"/{agency.Id}/" : $"/{agency.Parent.Id}/{agency.Id}/";
            agency.SearchText = VietnameseText.Fold(agency.Name + " " + agency.Code);
        }

        await db.SaveChangesAsync(ct);

        var random = new Random(19_2017);
        var code = 1_062_000;
        var now = DateTime.UtcNow;
        var units = new List<Unit>();

        Unit Make(string name, string sector, string role, string level, Area area, Agency agency, int? group, DateOnly established, string? address)
        {
            code += random.Next(1, 40);
            return new Unit
            {
                Code = code.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Name = name, SearchText = VietnameseText.Fold(name + " " + code), SortKey = VietnameseText.SortKey(name),
                SectorCode = sector, RoleClassCode = role, LevelCode = level, Area = area, ManagingAgency = agency,
                AutonomyGroup = group, EstablishedOn = established, Address = address, CreatedAt = now, UpdatedAt = now,
            };
        }

        string Address(Area commune) =>
            $"Số {random.Next(1, 400)} đường {Streets[random.Next(Streets.Length)]}, {commune.Type} {commune.Name}, thành phố Cần Thơ";

        DateOnly Date(int fromYear, int toYear) =>
            new DateOnly(fromYear, 1, 1).AddDays(random.Next((new DateOnly(toYear, 12, 31).DayNumber - new DateOnly(fromYear, 1, 1).DayNumber) + 1));

        int Pick(params int[] options) => options[random.Next(options.Length)];

        foreach (var commune in communes)
        {
            var pc = communeAgencies[commune.Id];
            units.Add(Make($"Trường Mầm non {commune.Name}", "education", "basic-service", "commune", commune, pc,
                Pick(4, 4, 3), Date(1976, 2012), Address(commune)));
            units.Add(Make($"Trường Tiểu học {commune.Name}", "education", "basic-service", "commune", commune, pc,
                Pick(4, 4, 4, 3), Date(1976, 2010), Address(commune)));
            units.Add(Make($"Trường Trung học cơ sở {commune.Name}", "education", "basic-service", "commune", commune, pc,
                Pick(4, 4, 3), Date(1978, 2012), Address(commune)));
            if (random.Next(3) == 0)
            {
                units.Add(Make($"Trường Mầm non Hoa Sen {commune.Name}", "education", "basic-service", "commune", commune, pc,
                    Pick(4, 3), Date(1995, 2018), Address(commune)));
            }

            if (random.Next(2) == 0)
            {
                // Commune public service centres, allowed from 1/11/2025 (Decree 283/2025).
                units.Add(Make($"Trung tâm Dịch vụ tổng hợp {commune.Type} {commune.Name}",
                    "economic", "basic-service", "commune", commune, pc, Pick(3, 4), new DateOnly(2025, 11, 1).AddDays(random.Next(20)), Address(commune)));
            }
        }

        // Upper secondary schools and regional medical centres sit in a third of the communes.
        foreach (var commune in communes.Where((_, i) => i % 3 == 0))
        {
            units.Add(Make($"Trường Trung học phổ thông {commune.Name}", "education", "basic-service", "province", commune,
                departments["SGDDT"], Pick(4, 3, 3), Date(1976, 2008), Address(commune)));
        }

        foreach (var commune in communes.Where((_, i) => i % 5 == 1))
        {
            units.Add(Make($"Trung tâm Y tế khu vực {commune.Name}", "health", "basic-service", "province", commune,
                departments["SYT"], Pick(3, 3, 4), Date(1990, 2015), Address(commune)));
        }

        foreach (var commune in communes.Where((_, i) => i % 9 == 4))
        {
            units.Add(Make($"Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên khu vực {commune.Name}", "vocational",
                "basic-service", "province", commune, departments["SGDDT"], Pick(3, 4), Date(2000, 2018), Address(commune)));
        }

        var urban = communes.Where(c => c.Type == "phường").ToList();
        foreach (var (dept, name, sector, role, groups) in ProvinceUnits)
        {
            var place = urban[random.Next(urban.Count)];
            units.Add(Make(name, sector, role, "province", place, departments[dept], groups[random.Next(groups.Length)],
                Date(1976, 2016), Address(place)));
        }

        // A few units already ended, so that the register shows history.
        foreach (var unit in units.Where(u => u.LevelCode == "commune" && u.SectorCode == "education").Where((_, i) => i % 37 == 5))
        {
            unit.EndedOn = Date(2018, 2024);
            unit.Notes = "Đã sáp nhập vào trường khác trên cùng địa bàn.";
        }

        db.Units.AddRange(units);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }
}
