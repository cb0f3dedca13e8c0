using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Tests.Rules;

/// <summary>
/// Decree 32/2019/NĐ-CP Appendix I (methods by sector), the price in force on a date, an order's value and its funding
/// class under Decree 60/2021 Art. 11.
/// </summary>
public sealed class ServiceRulesTests
{
    private const ServiceMethods AssignOrOrder = ServiceMethods.Assignment | ServiceMethods.Ordering;
    private const ServiceMethods Any = ServiceMethods.Assignment | ServiceMethods.Ordering | ServiceMethods.Bidding;

    [Theory]
    //          sector          allowed
    [InlineData("education",    AssignOrOrder)]   // preschool, general and higher education: Table 01
    [InlineData("vocational",   AssignOrOrder)]   // vocational training
    [InlineData("health",       AssignOrOrder)]   // preventive health and primary care
    [InlineData("culture",      Any)]             // "other services": also bidding
    [InlineData("information",  Any)]
    [InlineData("science",      Any)]
    [InlineData("economic",     Any)]
    public void AllowedBySector_Decree32AppendixI(string sector, ServiceMethods allowed) =>
        Assert.Equal(allowed, ServiceRules.AllowedBySector(sector));

    [Theory]
    //          item methods                 sector        method                   allowed
    [InlineData(Any,                         "education",  ServiceMethod.Bidding,    false)]   // the sector forbids it even if the item names it
    [InlineData(AssignOrOrder,               "education",  ServiceMethod.Ordering,   true)]
    [InlineData(ServiceMethods.Assignment,   "culture",    ServiceMethod.Bidding,    false)]   // the catalogue does not name it
    [InlineData(Any,                         "culture",    ServiceMethod.Bidding,    true)]
    public void MethodAllowed_CatalogueAndSectorBoth(ServiceMethods itemMethods, string sector, ServiceMethod method, bool allowed) =>
        Assert.Equal(allowed, ServiceRules.MethodAllowed(itemMethods, sector, method));

    private static ServicePrice P(int id, string? area, decimal price, DateOnly from, DateOnly? to = null) =>
        new() { Id = id, AreaCode = area, Price = price, ValidFrom = from, ValidTo = to };

    private static readonly ServicePrice[] Prices =
    [
        P(1, null, 100, new(2021, 1, 1), new(2023, 8, 31)),
        P(2, null, 110, new(2023, 9, 1)),
        P(3, "92", 125, new(2022, 1, 1)),
    ];

    [Theory]
    //          on              area    price
    [InlineData("2020-12-31",   null,   null)]   // before any price holds
    [InlineData("2021-01-01",   null,   100)]    // its first day
    [InlineData("2023-08-31",   null,   100)]    // its last day
    [InlineData("2023-09-01",   null,   110)]    // the day a newer one starts
    [InlineData("2023-09-01",   "01",   110)]    // another area takes the national price
    [InlineData("2021-06-01",   "92",   100)]    // the area's own price has not started yet
    [InlineData("2022-01-01",   "92",   125)]    // the area's own price over the national one
    [InlineData("2024-01-01",   "92",   125)]
    public void PriceInForce_ByDateAndArea(string on, string? area, int? price) =>
        Assert.Equal(price, (int?)ServiceRules.PriceInForce(Prices, area, DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture))?.Price);

    [Theory]
    //          quantity   unit price    value
    [InlineData("3",       "1000.5",     "3002")]    // 3001.5 rounds away from zero
    [InlineData("2.5",     "999",        "2498")]    // 2497.5
    [InlineData("1",       "1000.49",    "1000")]
    [InlineData("120",     "1250000",    "150000000")]
    [InlineData("0",       "1000",       "0")]
    public void Value_RoundedToTheDong(string quantity, string unitPrice, string value) =>
        Assert.Equal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture),
            ServiceRules.Value(decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(unitPrice, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    //          method                    has price  funding
    [InlineData(ServiceMethod.Assignment, false,     FundingClass.NonAutonomy)]        // Art. 11.1c
    [InlineData(ServiceMethod.Assignment, true,      FundingClass.AutonomyAssigned)]   // Art. 11.1a
    [InlineData(ServiceMethod.Ordering,   false,     FundingClass.AutonomyAssigned)]
    [InlineData(ServiceMethod.Ordering,   true,      FundingClass.AutonomyAssigned)]
    [InlineData(ServiceMethod.Bidding,    true,      FundingClass.AutonomyAssigned)]
    public void Funding_Decree60Article11(ServiceMethod method, bool hasPrice, FundingClass funding) =>
        Assert.Equal(funding, ServiceRules.Funding(method, hasPrice));

    [Theory]
    //          quantity  price   deduction  accepted
    [InlineData(10,       100,    50,        950)]
    [InlineData(1,        100,    500,       0)]     // never below zero
    public void AcceptedValue_LessDeduction(int quantity, int price, int deduction, int accepted) =>
        Assert.Equal(accepted, ServiceRules.AcceptedValue(quantity, price, deduction));
}
