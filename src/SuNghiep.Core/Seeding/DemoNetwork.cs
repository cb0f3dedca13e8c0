using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Data;
using SuNghiep.Core.Text;

namespace SuNghiep.Core.Seeding;

/// <summary>
/// The demo province's network: an illustrative population for each of its communes (2025, marked as demo figures, not the
/// statistics office's), the beds of its public hospitals that sit in a commune, and a few licensed non-public providers.
/// </summary>
internal static class DemoNetwork
{
    public const string PopulationSource = "Số liệu minh họa của bản demo, không phải số liệu thống kê chính thức";

    private static readonly (string Code, string Name, string Type, string Sector, CapacityUnit Unit, int Capacity, string Legal, string Ownership)[] Providers =
    [
        ("CT-NCL-001", "Bệnh viện Đa khoa tư nhân Phương Châu Cần Thơ", "Bệnh viện đa khoa", "health", CapacityUnit.Beds, 150, "Công ty cổ phần", "Tư nhân"),
        ("CT-NCL-002", "Phòng khám Đa khoa Tâm Đức", "Phòng khám đa khoa", "health", CapacityUnit.Beds, 12, "Công ty TNHH", "Tư nhân"),
        ("CT-NCL-003", "Trường Tiểu học, THCS và THPT tư thục Ánh Sao", "Trường phổ thông nhiều cấp học", "education", CapacityUnit.Pupils, 1_200, "Công ty TNHH", "Tư thục"),
        ("CT-NCL-004", "Trường Mầm non tư thục Hoa Mai", "Trường mầm non", "education", CapacityUnit.Pupils, 240, "Hộ kinh doanh", "Tư thục"),
        ("CT-NCL-005", "Trung tâm Dưỡng lão An Bình", "Cơ sở chăm sóc người cao tuổi", "health", CapacityUnit.Places, 80, "Tổ chức", "Dân lập"),
    ];

    public static async Task SeedAsync(SuNghiepDbContext db, IReadOnlyList<Area> communes, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        var onMap = communes.Where(c => c.Level == AreaLevel.Commune).ToList();
        // A plausible spread for the new communes and wards (about 20,000 to 60,000 people each), the same on every start.
        db.AreaPopulations.AddRange(onMap.Select((c, i) => new AreaPopulation
        {
            AreaId = c.Id, Year = 2025, Population = 20_000 + (i * 7_919 % 40_000), Source = PopulationSource, UpdatedAt = now,
        }));

        var hospitals = await db.UnitVersions.IgnoreQueryFilters()
            .Where(v => v.SectorCode == "health" && v.ValidTo == null && v.Area!.Level == AreaLevel.Commune && v.Area.LineagePath.StartsWith("/p" + DemoSeeder.ProvinceCode + "/"))
            .Select(v => new { v.UnitId, v.Unit!.EstablishedOn, v.Name }).ToListAsync(ct);
        db.UnitCapacities.AddRange(hospitals.Select((h, i) => new UnitCapacity
        {
            UnitId = h.UnitId, CapacityUnit = CapacityUnit.Beds, Capacity = h.Name.Contains("Bệnh viện", StringComparison.Ordinal) ? 200 + i * 37 % 300 : 10 + i % 20,
            ValidFrom = h.EstablishedOn > new DateOnly(2025, 7, 1) ? h.EstablishedOn : new DateOnly(2025, 7, 1), Source = PopulationSource, UpdatedAt = now,
        }));

        var started = new DateOnly(2025, 8, 1);
        for (var i = 0; i < Providers.Length && onMap.Count > 0; i++)
        {
            var p = Providers[i];
            var commune = onMap[i * 7 % onMap.Count];
            var version = new ProviderVersion
            {
                ValidFrom = started, Name = p.Name, LegalForm = p.Legal, Ownership = p.Ownership, SectorCode = p.Sector, ProviderType = p.Type,
                AreaId = commune.Id, Capacity = p.Capacity, CapacityUnit = p.Unit, LicenceNumber = $"{100 + i}/GP-DEMO", LicenceDate = started.AddDays(-20),
                LicenceIssuer = p.Sector == "health" ? "Sở Y tế thành phố Cần Thơ" : "Sở Giáo dục và Đào tạo thành phố Cần Thơ",
                Address = $"{commune.Type} {commune.Name}, thành phố Cần Thơ",
            };
            db.Providers.Add(new Provider
            {
                Code = p.Code, Name = p.Name, SearchText = VietnameseText.Fold(p.Code + " " + p.Name), SortKey = VietnameseText.SortKey(p.Name),
                LegalForm = p.Legal, Ownership = p.Ownership, SectorCode = p.Sector, ProviderType = p.Type, Address = version.Address, AreaId = commune.Id,
                Capacity = p.Capacity, CapacityUnit = p.Unit, LicenceNumber = version.LicenceNumber, LicenceDate = version.LicenceDate,
                LicenceIssuer = version.LicenceIssuer, StartedOn = started, Notes = "Cơ sở minh họa của bản demo.", CreatedAt = now, UpdatedAt = now,
                Revision = 1, Versions = [version],
            });
        }

        await db.SaveChangesAsync(ct);
    }
}
