using SuNghiep.Core.Seeding;

namespace SuNghiep.Core.Tests.Seeding;

public sealed class ReferenceDataTests
{
    // Resolution 202/2025/QH15 left 34 provinces; the 2025 commune reorganisation left 3,321 communes.
    // Before 1/7/2025 there were 63 provinces and 696 districts.
    [Theory]
    [InlineData("provinces-2025.csv",    34)]
    [InlineData("communes-2025.csv",   3321)]
    [InlineData("provinces-pre2025.csv", 63)]
    [InlineData("districts-pre2025.csv", 696)]
    public void ReadCsv_EmbeddedFile_HasTheOfficialNumberOfRows(string file, int expected)
    {
        var rows = ReferenceDataSeeder.ReadCsv(file).ToList();

        Assert.Equal(expected, rows.Count);
        Assert.Equal(expected, rows.Select(r => r["code"]).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void ReadCsv_Communes_EachBelongsToOneOfThe34Provinces()
    {
        var provinces = ReferenceDataSeeder.ReadCsv("provinces-2025.csv").Select(r => r["code"]).ToHashSet(StringComparer.Ordinal);

        var orphans = ReferenceDataSeeder.ReadCsv("communes-2025.csv").Where(r => !provinces.Contains(r["province_code"])).ToList();

        Assert.Empty(orphans);
    }

    [Fact]
    public void ReadCsv_OldProvinces_EachHasASuccessorAmongThe34()
    {
        var provinces = ReferenceDataSeeder.ReadCsv("provinces-2025.csv").Select(r => r["code"]).ToHashSet(StringComparer.Ordinal);

        var lost = ReferenceDataSeeder.ReadCsv("provinces-pre2025.csv").Where(r => !provinces.Contains(r["successor_code"])).ToList();

        Assert.Empty(lost);
    }
}
