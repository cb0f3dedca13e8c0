using SuNghiep.Core.Indicators;

namespace SuNghiep.Core.Tests.Indicators;

public sealed class BaselineTests
{
    // A target states its baseline as a date, a year or a period (domain 11).
    [Theory]
    //          text            from          to            kind      label                    api form
    [InlineData("2015-12-31",   "2015-12-31", "2015-12-31", "date",   "31/12/2015",            "2015-12-31")]
    [InlineData(" 2021 ",       "2021-01-01", "2021-12-31", "year",   "năm 2021",              "2021")]
    [InlineData("2016-2020",    "2016-01-01", "2020-12-31", "period", "giai đoạn 2016-2020",   "2016-2020")]
    [InlineData("2021-01-01",   "2021-01-01", "2021-01-01", "date",   "01/01/2021",            "2021-01-01")]
    public void Parse_TheThreeForms_GiveTheirDates(string text, string from, string to, string kind, string label, string api)
    {
        var baseline = Baseline.Parse(text, out var error);

        Assert.Null(error);
        Assert.NotNull(baseline);
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), baseline.From);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), baseline.To);
        Assert.Equal(kind, baseline.IsDate ? "date" : baseline.IsYear ? "year" : "period");
        Assert.Equal(label, baseline.Label);
        Assert.Equal(api, baseline.ToString());
    }

    [Theory]
    //          text              message starts with
    [InlineData("",               "Mốc so sánh phải là")]
    [InlineData("hai nghìn",      "Mốc so sánh phải là")]
    [InlineData("2015-02-30",     "Mốc so sánh phải là")]   // not a real day
    [InlineData("31/12/2015",     "Mốc so sánh phải là")]
    [InlineData("2020-2016",      "Giai đoạn mốc phải có năm đầu trước năm cuối")]
    [InlineData("2020-2020",      "Giai đoạn mốc phải có năm đầu trước năm cuối")]
    [InlineData("1800",           "Năm mốc phải từ 1945")]
    [InlineData("2016-9999",      "Các năm của giai đoạn mốc")]
    [InlineData("1899-12-31",     "Ngày mốc phải trong các năm")]
    [InlineData("+2021",          "Mốc so sánh phải là")]
    public void Parse_AnythingElse_IsAVietnameseError(string text, string message)
    {
        var baseline = Baseline.Parse(text, out var error);

        Assert.Null(baseline);
        Assert.StartsWith(message, error);
    }

    [Theory]
    //          year   period
    [InlineData(2016,  "2016-2020")]
    [InlineData(2020,  "2016-2020")]
    [InlineData(2021,  "2021-2025")]
    [InlineData(2025,  "2021-2025")]
    [InlineData(2026,  "2026-2030")]
    [InlineData(2015,  "2011-2015")]
    public void FiveYearPeriod_HoldsTheYear(int year, string period)
    {
        var (first, last) = IndicatorCatalog.FiveYearPeriod(year);

        Assert.Equal(period, $"{first}-{last}");
    }

    [Fact]
    public void Catalog_EveryIndicatorHasADefinitionAndADefaultBaseline()
    {
        Assert.Equal(12, IndicatorCatalog.All.Count);
        Assert.Equal("2025-12-31", IndicatorCatalog.DefaultBaseline("survey.satisfaction").ToString());
        Assert.All(IndicatorCatalog.All, d => Assert.False(string.IsNullOrWhiteSpace(d.Formula) || string.IsNullOrWhiteSpace(d.Source)));
        Assert.Equal("2015-12-31", IndicatorCatalog.DefaultBaseline("units.count").ToString());
        Assert.Equal("2021", IndicatorCatalog.DefaultBaseline("staff.budget").ToString());
        Assert.Equal("2016-2020", IndicatorCatalog.DefaultBaseline("budget.direct.avg").ToString());
        Assert.Equal("2021-12-31", IndicatorCatalog.DefaultBaseline("autonomy.selffinancing.share").ToString());
        Assert.Same(IndicatorCatalog.All[0], IndicatorCatalog.Find(" UNITS.COUNT "));
    }
}
