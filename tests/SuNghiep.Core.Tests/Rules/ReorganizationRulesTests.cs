using System.Globalization;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Tests.Rules;

/// <summary>
/// The forms of reorganization of Decree 120/2020/NĐ-CP as amended by Decree 283/2025/NĐ-CP and their effect on the
/// register (domain 3.1): which units end, go on or start on the effective date, and the conditions of Art. 4-5.
/// </summary>
public sealed class ReorganizationRulesTests
{
    private static readonly DateOnly Effective = new(2024, 7, 1);
    private const int Agency = 10;
    private const int OtherAgency = 20;

    // The units the requests name. 1-5 are plain active units; the others break one condition each on 2024-07-01.
    private static readonly Dictionary<int, ReorganizationUnit> Units = new[]
    {
        Unit(1), Unit(2), Unit(3), Unit(4), Unit(5),
        Unit(6, established: "2024-07-01"),                              // established on the effective date
        Unit(7, established: "2024-08-01"),                              // established after it
        Unit(8, ended: "2020-01-01"),                                    // ended long before
        Unit(9, ended: "2024-07-01"),                                    // ended on the effective date
        Unit(10, ended: "2025-01-01"),                                   // an end already decided for later
        Unit(11, lastChange: "2024-07-01"),                              // a version opened on the effective date
        Unit(12, lastChange: "2025-01-01"),                              // a version opened after it
        Unit(13, established: "2024-06-30"),                             // established the day before: may take part
    }.ToDictionary(u => u.Id);

    private static ReorganizationUnit Unit(int id, string established = "2010-01-01", string? ended = null, string? lastChange = null) =>
        new(id, $"DV{id:00}", D(established), ended is null ? null : D(ended), D(lastChange ?? established), Agency, $"Đơn vị {id}");

    private static DateOnly D(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static int[] Ids(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).ToArray();

    private static string List(IEnumerable<int> ids) => string.Join(",", ids.Order());

    private static string Fields(IEnumerable<RuleViolation> errors) => string.Join(",", errors.Select(e => e.Field));

    private static ReorganizationRequest Request(
        ReorganizationType? type, string sources = "", int? continuing = null, int newUnits = 0, int? agency = null, string? name = null) =>
        new(type, "12/QĐ-UBND", new DateOnly(2024, 6, 15), "Ủy ban nhân dân thành phố Cần Thơ", Effective, Ids(sources), continuing,
            newUnits, agency, name);

    // A valid request of each form and what it does; CountChange is the change in the number of active units (domain 3.1).
    [Theory]
    //          type                                 sources    cont  new  agency  newName     ending     continuing  creating  transferring  renaming  countChange
    [InlineData(ReorganizationType.Establishment,    "",        null, 1,   null,   null,       "",        "",         1,        "",           "",        1)]  // thành lập: +n
    [InlineData(ReorganizationType.Establishment,    "",        null, 3,   null,   null,       "",        "",         3,        "",           "",        3)]
    [InlineData(ReorganizationType.Consolidation,    "1,2",     null, 1,   null,   null,       "1,2",     "",         1,        "",           "",       -1)]  // hợp nhất: -(n-1)
    [InlineData(ReorganizationType.Consolidation,    "1,2,13",  null, 1,   null,   null,       "1,2,13",  "",         1,        "",           "",       -2)]  // 13 established the day before
    [InlineData(ReorganizationType.Merger,           "2",       1,    0,   null,   null,       "2",       "1",        0,        "",           "",       -1)]  // sáp nhập: -k
    [InlineData(ReorganizationType.Merger,           "2,3,4",   1,    0,   null,   null,       "2,3,4",   "1",        0,        "",           "",       -3)]
    [InlineData(ReorganizationType.Merger,           "1,2,3",   1,    0,   null,   null,       "2,3",     "1",        0,        "",           "",       -2)]  // continuing listed among sources
    [InlineData(ReorganizationType.Division,         "1",       null, 2,   null,   null,       "1",       "",         2,        "",           "",        1)]  // chia: +(m-1)
    [InlineData(ReorganizationType.Division,         "1",       null, 4,   null,   null,       "1",       "",         4,        "",           "",        3)]
    [InlineData(ReorganizationType.Separation,       "",        1,    1,   null,   null,       "",        "1",        1,        "",           "",        1)]  // tách: +m
    [InlineData(ReorganizationType.Separation,       "1",       1,    2,   null,   null,       "",        "1",        2,        "",           "",        2)]  // continuing listed as source
    [InlineData(ReorganizationType.Separation,       "1",       null, 3,   null,   null,       "",        "1",        3,        "",           "",        3)]  // the one source is the continuing unit
    [InlineData(ReorganizationType.Dissolution,      "1",       null, 0,   null,   null,       "1",       "",         0,        "",           "",       -1)]  // giải thể: -n
    [InlineData(ReorganizationType.Dissolution,      "1,2,3",   null, 0,   null,   null,       "1,2,3",   "",         0,        "",           "",       -3)]
    [InlineData(ReorganizationType.Conversion,       "1",       null, 0,   null,   null,       "1",       "",         0,        "",           "",       -1)]  // chuyển đổi thành công ty cổ phần: -n
    [InlineData(ReorganizationType.Conversion,       "1,2",     null, 0,   null,   null,       "1,2",     "",         0,        "",           "",       -2)]
    [InlineData(ReorganizationType.Transfer,         "1",       null, 0,   20,     null,       "",        "",         0,        "1",          "",        0)]  // chuyển giao: 0
    [InlineData(ReorganizationType.Transfer,         "1,2,3",   null, 0,   20,     null,       "",        "",         0,        "1,2,3",      "",        0)]
    [InlineData(ReorganizationType.Rename,           "1",       null, 0,   null,   "Tên mới",  "",        "",         0,        "",           "1",       0)]  // đổi tên: 0
    public void Plan_ValidRequest_SaysWhatEndsContinuesStartsAndTheCountChange(
        ReorganizationType type, string sources, int? continuing, int newUnits, int? agency, string? newName,
        string ending, string continues, int creating, string transferring, string renaming, int countChange)
    {
        var (plan, errors) = ReorganizationRules.Plan(Request(type, sources, continuing, newUnits, agency, newName), Units);

        Assert.Equal("", Fields(errors));
        Assert.NotNull(plan);
        Assert.Equal(
            (ending, continues, creating, transferring, renaming, countChange),
            (List(plan.Ending), List(plan.Continuing), plan.Creating, List(plan.Transferring), List(plan.Renaming), plan.CountChange));
    }

    // Each form's conditions on the number of units, the continuing unit, the agency and the name; and that every named
    // unit exists in scope, is active on the effective date (established strictly before it) and has no change on or after it.
    [Theory]
    //          type                                 sources    cont  new  agency  newName      expected fields
    [InlineData(ReorganizationType.Establishment,    "1",       null, 1,   null,   null,        "sourceUnitIds")]                     // no sources
    [InlineData(ReorganizationType.Establishment,    "",        1,    1,   null,   null,        "sourceUnitIds")]                     // nor a continuing unit
    [InlineData(ReorganizationType.Establishment,    "",        null, 0,   null,   null,        "newUnits")]                          // at least one new unit
    [InlineData(ReorganizationType.Consolidation,    "1",       null, 1,   null,   null,        "sourceUnitIds")]                     // at least two units
    [InlineData(ReorganizationType.Consolidation,    "1,2",     null, 0,   null,   null,        "newUnits")]                          // exactly one new unit
    [InlineData(ReorganizationType.Consolidation,    "1,2",     null, 2,   null,   null,        "newUnits")]
    [InlineData(ReorganizationType.Consolidation,    "1,2",     3,    1,   null,   null,        "continuingUnitId")]                  // every unit ends
    [InlineData(ReorganizationType.Consolidation,    "1,6",     null, 1,   null,   null,        "sourceUnitIds")]                     // 6 established on the date
    [InlineData(ReorganizationType.Consolidation,    "1,1,2",   null, 1,   null,   null,        "sourceUnitIds")]                     // a unit named twice
    [InlineData(ReorganizationType.Merger,           "1,2",     null, 0,   null,   null,        "continuingUnitId")]                  // the absorbing unit is required
    [InlineData(ReorganizationType.Merger,           "1",       1,    0,   null,   null,        "sourceUnitIds")]                     // at least one absorbed unit
    [InlineData(ReorganizationType.Merger,           "",        1,    0,   null,   null,        "sourceUnitIds")]
    [InlineData(ReorganizationType.Merger,           "2",       1,    1,   null,   null,        "newUnits")]                          // no new unit
    [InlineData(ReorganizationType.Merger,           "2",       8,    0,   null,   null,        "continuingUnitId")]                  // the absorbing unit has ended
    [InlineData(ReorganizationType.Merger,           "2,99",    1,    0,   null,   null,        "sourceUnitIds")]                     // 99 not found (or out of scope)
    [InlineData(ReorganizationType.Merger,           "2",       99,   0,   null,   null,        "continuingUnitId")]
    [InlineData(ReorganizationType.Division,         "1",       null, 1,   null,   null,        "newUnits")]                          // at least two new units
    [InlineData(ReorganizationType.Division,         "1,2",     null, 2,   null,   null,        "sourceUnitIds")]                     // exactly one unit
    [InlineData(ReorganizationType.Division,         "1",       1,    2,   null,   null,        "sourceUnitIds")]                     // which ends: no continuing unit
    [InlineData(ReorganizationType.Division,         "7",       null, 2,   null,   null,        "sourceUnitIds")]                     // established after the date
    [InlineData(ReorganizationType.Separation,       "",        null, 1,   null,   null,        "continuingUnitId,sourceUnitIds")]    // no unit to separate from
    [InlineData(ReorganizationType.Separation,       "1,2",     null, 1,   null,   null,        "continuingUnitId,sourceUnitIds")]
    [InlineData(ReorganizationType.Separation,       "2",       1,    1,   null,   null,        "sourceUnitIds")]                     // one unit only
    [InlineData(ReorganizationType.Separation,       "",        1,    0,   null,   null,        "newUnits")]                          // at least one new unit
    [InlineData(ReorganizationType.Separation,       "",        10,   1,   null,   null,        "continuingUnitId")]                  // its end is already decided
    [InlineData(ReorganizationType.Dissolution,      "",        null, 0,   null,   null,        "sourceUnitIds")]
    [InlineData(ReorganizationType.Dissolution,      "2",       1,    0,   null,   null,        "sourceUnitIds")]                     // nothing continues
    [InlineData(ReorganizationType.Dissolution,      "1",       null, 1,   null,   null,        "newUnits")]
    [InlineData(ReorganizationType.Dissolution,      "8",       null, 0,   null,   null,        "sourceUnitIds")]                     // already ended
    [InlineData(ReorganizationType.Dissolution,      "9",       null, 0,   null,   null,        "sourceUnitIds")]                     // ended on the date
    [InlineData(ReorganizationType.Dissolution,      "10",      null, 0,   null,   null,        "sourceUnitIds")]                     // ends later by another decision
    [InlineData(ReorganizationType.Dissolution,      "11",      null, 0,   null,   null,        "sourceUnitIds")]                     // changed on the date
    [InlineData(ReorganizationType.Dissolution,      "12",      null, 0,   null,   null,        "sourceUnitIds")]                     // changed after the date
    [InlineData(ReorganizationType.Dissolution,      "1,2,1",   null, 0,   null,   null,        "sourceUnitIds")]
    [InlineData(ReorganizationType.Conversion,       "",        null, 0,   null,   null,        "sourceUnitIds")]
    [InlineData(ReorganizationType.Conversion,       "1",       null, 1,   null,   null,        "newUnits")]
    [InlineData(ReorganizationType.Conversion,       "6",       null, 0,   null,   null,        "sourceUnitIds")]
    [InlineData(ReorganizationType.Conversion,       "12",      null, 0,   null,   null,        "sourceUnitIds")]
    [InlineData(ReorganizationType.Transfer,         "1",       null, 0,   null,   null,        "newManagingAgencyId")]               // the new agency is required
    [InlineData(ReorganizationType.Transfer,         "1",       null, 0,   10,     null,        "newManagingAgencyId")]               // and must be another agency
    [InlineData(ReorganizationType.Transfer,         "",        null, 0,   20,     null,        "sourceUnitIds")]
    [InlineData(ReorganizationType.Transfer,         "1",       2,    0,   20,     null,        "sourceUnitIds")]
    [InlineData(ReorganizationType.Transfer,         "1",       null, 1,   20,     null,        "newUnits")]
    [InlineData(ReorganizationType.Transfer,         "8",       null, 0,   20,     null,        "sourceUnitIds")]
    [InlineData(ReorganizationType.Rename,           "1",       null, 0,   null,   null,        "newName")]                           // the new name is required
    [InlineData(ReorganizationType.Rename,           "1",       null, 0,   null,   "   ",       "newName")]
    [InlineData(ReorganizationType.Rename,           "1",       null, 0,   null,   " Đơn vị 1 ", "newName")]                          // the same name, once trimmed
    [InlineData(ReorganizationType.Rename,           "1,2",     null, 0,   null,   "Tên mới",   "sourceUnitIds")]                     // one unit only
    [InlineData(ReorganizationType.Rename,           "1",       null, 1,   null,   "Tên mới",   "newUnits")]
    [InlineData(ReorganizationType.Rename,           "7",       null, 0,   null,   "Tên mới",   "sourceUnitIds")]
    public void Plan_InvalidRequest_ReportsTheBrokenConditionsAndNoPlan(
        ReorganizationType type, string sources, int? continuing, int newUnits, int? agency, string? newName, string expected)
    {
        var (plan, errors) = ReorganizationRules.Plan(Request(type, sources, continuing, newUnits, agency, newName), Units);

        Assert.Null(plan);
        Assert.Equal(expected, Fields(errors));
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    // The decision (number, date, issuer) and the effective date are required of every form.
    [Theory]
    //          type        number        date          issuer     effective     expected fields
    [InlineData("merger",   null,         "2024-06-15", "UBND",    "2024-07-01", "decision.number")]
    [InlineData("merger",   "  ",         "2024-06-15", "UBND",    "2024-07-01", "decision.number")]
    [InlineData("merger",   "12/QĐ",      null,         "UBND",    "2024-07-01", "decision.date")]
    [InlineData("merger",   "12/QĐ",      "1945-09-01", "UBND",    "2024-07-01", "decision.date")]               // before 2/9/1945
    [InlineData("merger",   "12/QĐ",      "2024-06-15", null,      "2024-07-01", "decision.issuer")]
    [InlineData("merger",   "12/QĐ",      "2024-06-15", " ",       "2024-07-01", "decision.issuer")]
    [InlineData("merger",   "12/QĐ",      "2024-06-15", "UBND",    null,         "effectiveDate")]
    [InlineData("merger",   "12/QĐ",      "2024-06-15", "UBND",    "1945-09-01", "effectiveDate,sourceUnitIds,continuingUnitId")] // and the units are not yet established
    [InlineData(null,       "12/QĐ",      "2024-06-15", "UBND",    "2024-07-01", "type")]
    [InlineData(null,       null,         null,         null,      null,         "type,decision.number,decision.date,decision.issuer,effectiveDate")]
    public void Plan_MissingDecisionFields_ReportsEachField(string? type, string? number, string? date, string? issuer, string? effective, string expected)
    {
        var request = new ReorganizationRequest(
            ReorganizationRules.Parse(type), number, date is null ? null : D(date), issuer, effective is null ? null : D(effective),
            [2], 1, 0, null, null);

        var (plan, errors) = ReorganizationRules.Plan(request, Units);

        Assert.Null(plan);
        Assert.Equal(expected, Fields(errors));
    }

    [Fact]
    public void Plan_UnitNotActive_MessageNamesTheUnitAndTheDate()
    {
        var (_, errors) = ReorganizationRules.Plan(Request(ReorganizationType.Dissolution, "8"), Units);

        var error = Assert.Single(errors);
        Assert.Contains("DV08", error.Message, StringComparison.Ordinal);
        Assert.Contains("01/01/2020", error.Message, StringComparison.Ordinal);
    }

    // The API names each type by its code; numbers, names in Vietnamese and lists of types are not types.
    [Theory]
    //          code                              expected
    [InlineData("establishment",                  ReorganizationType.Establishment)]
    [InlineData("consolidation",                  ReorganizationType.Consolidation)]
    [InlineData("merger",                         ReorganizationType.Merger)]
    [InlineData("division",                       ReorganizationType.Division)]
    [InlineData("separation",                     ReorganizationType.Separation)]
    [InlineData("dissolution",                    ReorganizationType.Dissolution)]
    [InlineData("transfer",                       ReorganizationType.Transfer)]
    [InlineData("conversion",                     ReorganizationType.Conversion)]
    [InlineData("rename",                         ReorganizationType.Rename)]
    [InlineData("MERGER",                         ReorganizationType.Merger)]         // case does not matter
    [InlineData("Merger",                         ReorganizationType.Merger)]
    [InlineData("  rename  ",                     ReorganizationType.Rename)]         // nor surrounding spaces
    [InlineData("3",                              null)]                              // numbers are rejected
    [InlineData(" 3 ",                            null)]
    [InlineData("0",                              null)]
    [InlineData("-1",                             null)]
    [InlineData("99",                             null)]
    [InlineData("establishment,consolidation",    null)]                              // not a combination of flags (1|2 = 3)
    [InlineData("merger, rename",                 null)]
    [InlineData("Sáp nhập",                       null)]                              // Vietnamese names are for the import only
    [InlineData("fusion",                         null)]
    [InlineData("",                               null)]
    [InlineData("   ",                            null)]
    [InlineData(null,                             null)]
    public void Parse_Code_ReturnsTheTypeOrNull(string? code, ReorganizationType? expected)
    {
        Assert.Equal(expected, ReorganizationRules.Parse(code));
    }

    [Fact]
    public void Parse_CodeOfEveryType_RoundTrips()
    {
        Assert.All(Enum.GetValues<ReorganizationType>(), type => Assert.Equal(type, ReorganizationRules.Parse(ReorganizationRules.Code(type))));
    }

    // Decree 120/2020, Art. 5 khoản 1: a new unit is in autonomy group 1 unless it provides basic, essential services;
    // Art. 4: units reorganized together must not end up with a lower autonomy level (a higher group number).
    [Theory]
    //          type                                 source groups  new units (role:group)                  expected warnings
    [InlineData(ReorganizationType.Establishment,    "",            "other:1",                              "")]
    [InlineData(ReorganizationType.Establishment,    "",            "basic-service:4",                      "")]                       // basic service: any group
    [InlineData(ReorganizationType.Establishment,    "",            "other:2",                              "newUnits[0].autonomyGroup")]
    [InlineData(ReorganizationType.Establishment,    "",            "political:-",                          "newUnits[0].autonomyGroup")] // no group is not group 1
    [InlineData(ReorganizationType.Establishment,    "",            "basic-service:3;state-management:3",   "newUnits[1].autonomyGroup")]
    [InlineData(ReorganizationType.Consolidation,    "2,3",         "basic-service:2",                      "")]                       // keeps the best level
    [InlineData(ReorganizationType.Consolidation,    "2,3",         "basic-service:3",                      "newUnits[0].autonomyGroup")]
    [InlineData(ReorganizationType.Consolidation,    "2,3",         "other:1",                              "")]                       // only establishment needs group 1
    [InlineData(ReorganizationType.Consolidation,    "-,-",         "basic-service:4",                      "")]                       // no level known before
    [InlineData(ReorganizationType.Division,         "3",           "basic-service:3;basic-service:4",      "newUnits[1].autonomyGroup")]
    [InlineData(ReorganizationType.Separation,       "2",           "other:-",                              "")]
    [InlineData(ReorganizationType.Merger,           "1,4",         "",                                     "")]                       // no new unit, nothing to compare
    public void Warnings_Table_ReportsBrokenConditions(ReorganizationType type, string sourceGroups, string newUnits, string expected)
    {
        static int? Group(string value) => value == "-" ? null : int.Parse(value, CultureInfo.InvariantCulture);
        var sources = sourceGroups.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Group).ToList();
        var created = newUnits.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(u => u.Split(':')).Select(p => (p[0], Group(p[1]))).ToList();

        var warnings = ReorganizationRules.Warnings(type, sources, created);

        Assert.Equal(expected, Fields(warnings));
        Assert.All(warnings, w => Assert.Contains("Nghị định 120/2020/NĐ-CP", w.Message, StringComparison.Ordinal));
    }

    // Counting (domain 3.1): a unit is active on d iff EstablishedOn <= d < EndedOn, so over (d0, d1] the count moves by
    // the units that started minus those that ended, whatever happened in between.
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    [InlineData(2015)]
    [InlineData(20251101)]
    public void IsActiveOn_RandomLifetimes_CountMovesByStartsMinusEnds(int seed)
    {
        var random = new Random(seed);
        var origin = new DateOnly(2010, 1, 1);
        var units = Enumerable.Range(0, 300).Select(_ =>
        {
            var start = origin.AddDays(random.Next(3650));
            DateOnly? end = random.Next(3) == 0 ? null : start.AddDays(random.Next(1, 2000));
            return (Start: start, End: end);
        }).ToList();
        // Dates drawn both at random and on the starts and ends themselves, where an off-by-one would show.
        var edges = units.SelectMany(u => u.End is { } e ? new[] { u.Start, e } : [u.Start]).ToList();
        DateOnly Pick() => random.Next(2) == 0 ? origin.AddDays(random.Next(-30, 5700)) : edges[random.Next(edges.Count)].AddDays(random.Next(-1, 2));
        int Active(DateOnly d) => units.Count(u => UnitRules.IsActiveOn(u.Start, u.End, d));

        for (var i = 0; i < 200; i++)
        {
            var (a, b) = (Pick(), Pick());
            var (d0, d1) = a <= b ? (a, b) : (b, a);
            var started = units.Count(u => u.Start > d0 && u.Start <= d1);
            var ended = units.Count(u => u.End is { } e && e > d0 && e <= d1);

            Assert.True(Active(d1) == Active(d0) + started - ended, $"seed {seed}: {d0} to {d1}, {started} started, {ended} ended");
        }
    }

    // The count change a plan announces is what applying it does to the count: on the effective date its ending units stop
    // counting and its new units start, every other unit is untouched.
    [Theory]
    [InlineData(3)]
    [InlineData(11)]
    [InlineData(120)]
    public void Plan_RandomValidRequests_CountChangeIsTheChangeInActiveUnits(int seed)
    {
        var random = new Random(seed);
        var types = Enum.GetValues<ReorganizationType>();
        for (var i = 0; i < 200; i++)
        {
            var lifetimes = Enumerable.Range(1, 8).ToDictionary(id => id, _ => (Start: new DateOnly(2010, 1, 1), End: (DateOnly?)null));
            var type = types[random.Next(types.Length)];
            var ids = Enumerable.Range(1, 5).OrderBy(_ => random.Next()).ToList();
            var request = type switch
            {
                ReorganizationType.Establishment => Request(type, newUnits: random.Next(1, 4)),
                ReorganizationType.Consolidation => Request(type, string.Join(",", ids.Take(random.Next(2, 6))), newUnits: 1),
                ReorganizationType.Merger => Request(type, string.Join(",", ids.Skip(1).Take(random.Next(1, 5))), continuing: ids[0]),
                ReorganizationType.Division => Request(type, ids[0].ToString(CultureInfo.InvariantCulture), newUnits: random.Next(2, 5)),
                ReorganizationType.Separation => Request(type, continuing: ids[0], newUnits: random.Next(1, 4)),
                ReorganizationType.Transfer or ReorganizationType.ReceiveFromMinistry or ReorganizationType.MergeIntoAgency
                    => Request(type, string.Join(",", ids.Take(random.Next(1, 6))), agency: OtherAgency),
                ReorganizationType.Rename => Request(type, ids[0].ToString(CultureInfo.InvariantCulture), name: "Tên mới"),
                _ => Request(type, string.Join(",", ids.Take(random.Next(1, 6)))),
            };

            var (plan, errors) = ReorganizationRules.Plan(request, Units);

            Assert.True(plan is not null, $"seed {seed}, {type}: {Fields(errors)}");
            foreach (var id in plan.Ending)
            {
                lifetimes[id] = (lifetimes[id].Start, Effective);
            }

            for (var n = 0; n < plan.Creating; n++)
            {
                lifetimes[100 + n] = (Effective, null);
            }

            int Active(DateOnly d) => lifetimes.Values.Count(u => UnitRules.IsActiveOn(u.Start, u.End, d));
            Assert.Equal(plan.CountChange, Active(Effective) - Active(Effective.AddDays(-1)));
            Assert.Equal(Active(Effective), Active(Effective.AddDays(1)));
        }
    }
}
