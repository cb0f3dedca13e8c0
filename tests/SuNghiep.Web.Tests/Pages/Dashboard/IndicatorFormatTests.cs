using SuNghiep.Core.Indicators;
using SuNghiep.Web.Pages.Indicators;

namespace SuNghiep.Web.Tests.Pages.Dashboard;

/// <summary>How the indicator pages write values and read baselines: Vietnamese numbers (1.234,5), shares with one or two decimals.</summary>
public sealed class IndicatorFormatTests
{
    [Theory]
    [InlineData("units.count",                  "1234",        "1.234 đơn vị")]
    [InlineData("units.count",                  "0",           "0 đơn vị")]
    [InlineData("staff.budget",                 "19686",       "19.686 người")]
    [InlineData("budget.direct.avg",            "4272697000",  "4.272.697.000 đồng")]
    [InlineData("budget.direct.avg",            "1234.56",     "1.234,6 đồng")]
    [InlineData("autonomy.selffinancing.share", "7.1038251366", "7,1%")]
    [InlineData("autonomy.any.share",           "49.3624",     "49,36%")]
    [InlineData("autonomy.any.share",           "49.3049",     "49,3%")]
    [InlineData("conversion.share",             "100",         "100,0%")]
    [InlineData("roles.other.share",            null,          "—")]
    public void Value_OfEachKind_IsWrittenTheVietnameseWay(string code, string? value, string expected) =>
        Assert.Equal(expected, IndicatorPages.Value(value is null ? null : decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), IndicatorCatalog.Find(code)!));

    [Theory]
    [InlineData("units.count",        "-185",  "\u2212185 đơn vị")]
    [InlineData("units.count",        "12",    "+12 đơn vị")]
    [InlineData("autonomy.any.share", "9.13",  "+9,13 điểm %")]
    [InlineData("autonomy.any.share", "-0.5",  "\u22120,5 điểm %")]
    [InlineData("autonomy.any.share", "0",     "0,0 điểm %")]
    public void Change_WithItsSign_IsInTheIndicatorsUnitOrInPoints(string code, string change, string expected) =>
        Assert.Equal(expected, IndicatorPages.Change(decimal.Parse(change, System.Globalization.CultureInfo.InvariantCulture), IndicatorCatalog.Find(code)!));

    [Theory]
    [InlineData("31/12/2015",  "2015-12-31")]
    [InlineData("2015-12-31",  "2015-12-31")]
    [InlineData(" 2021 ",      "2021")]
    [InlineData("2016-2020",   "2016-2020")]
    [InlineData("2016 – 2020", "2016-2020")]
    [InlineData("2020-2016",   null)]
    [InlineData("1900",        null)]
    [InlineData("31/02/2015",  null)]
    [InlineData("năm 2021",    null)]
    [InlineData("",            null)]
    public void ParseBaseline_DateYearOrPeriod_IsReadElseRefused(string text, string? expected) =>
        Assert.Equal(expected, IndicatorFilter.ParseBaseline(text)?.ToString());
}
