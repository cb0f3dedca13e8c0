using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Indicators;
using SuNghiep.Core.Reporting;
using SuNghiep.Web.Tests.Pages.Resources;
using SuNghiep.Web.Api;
using static SuNghiep.Web.Tests.Indicators.IndicatorsClient;

namespace SuNghiep.Web.Tests.Indicators;

/// <summary>
/// The quality and oversight indicators (Conclusion 62-KL/TW item 2.5) on constructed cases: each test's units hang under
/// an agency of its own; a control unit under another agency, with records that would count, must not.
/// </summary>
public sealed class OversightIndicatorTests(AppHosts hosts)
{
    private static readonly DateOnly Start = new(2010, 1, 1);
    private static readonly DateTime Now = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static async Task<DrilldownResponse> RecordsAsync(HttpClient client, string code, string query)
    {
        var url = $"/api/v1/indicators/{code}/drilldown?{query}";
        using var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<DrilldownResponse>(text, UnitsClient.Json)!;
    }

    /// <summary>A control agency with one unit, for records outside the test's scope.</summary>
    private static async Task<int> ControlUnitAsync(SuNghiepApp app, HttpClient admin, string token)
    {
        var other = await AgencyAsync(app, token + "x");
        return (await admin.UnitAsync(token + "x", "Z", other, "213", Start)).Id;
    }

    // ---------------------------------------------------------------- quality.assessed.share

    private static QualityStandard Standard(string token, int? months) => new()
    {
        Code = $"TC-{token}-{months}", Name = $"Bộ tiêu chuẩn {token}", Issuer = "Bộ Nội vụ", DocumentNumber = "07/2023/TT-BNV",
        DocumentDate = new DateOnly(2023, 1, 1), Version = "1", ValidFrom = new DateOnly(2023, 1, 1), ScoreBasis = ScoreBasis.TotalPoints,
        BandsJson = """[{"level":"dat","label":"Đạt","min":50}]""", ValidityMonths = months, CreatedAt = Now,
    };

    private static QualityAssessment Assessment(int unit, QualityStandard standard, DateOnly assessedOn, DateOnly? validUntil) => new()
    {
        UnitId = unit, Standard = standard, Kind = AssessmentKind.External, PeriodFrom = assessedOn.AddYears(-1), PeriodTo = assessedOn,
        AssessedOn = assessedOn, ValidUntil = validUntil, Score = 80, Level = "dat", LevelLabel = "Đạt", CreatedAt = Now,
    };

    [Theory, DatabaseData]
    public async Task QualityAssessedShare_ValidityBoundaries_CountsAssessmentsInForceOnTheDate(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var agency = await AgencyAsync(app, token);
        var ids = new List<int>();
        foreach (var suffix in new[] { "A", "B", "C", "D", "E", "F", "G" })
        {
            ids.Add((await admin.UnitAsync(token, suffix, agency, "213", Start)).Id);
        }

        var control = await ControlUnitAsync(app, admin, token);
        await app.WithDbAsync(async (db, _) =>
        {
            var twelve = Standard(token, 12);
            var noTerm = Standard(token, null);
            db.QualityAssessments.AddRange(
                Assessment(ids[0], twelve, new DateOnly(2025, 1, 1), new DateOnly(2026, 6, 29)), // A: expired the day before
                Assessment(ids[1], twelve, new DateOnly(2025, 1, 1), new DateOnly(2026, 6, 30)), // B: valid through the day
                Assessment(ids[2], twelve, new DateOnly(2025, 6, 30), null),                     // C: 12 months end on the day
                Assessment(ids[3], twelve, new DateOnly(2025, 6, 29), null),                     // D: 12 months ended the day before
                Assessment(ids[4], noTerm, new DateOnly(2020, 1, 1), null),                      // E: the standard sets no term
                Assessment(ids[5], noTerm, new DateOnly(2026, 7, 1), null),                      // F: assessed after the date
                Assessment(control, noTerm, new DateOnly(2020, 1, 1), null));                    // outside the scope
            await db.SaveChangesAsync();
        });

        // 30/06/2026: B, C, E of 7 units; 29/06/2026: A, B, C, D, E.
        var result = await admin.IndicatorAsync("quality.assessed.share", $"asOf=2026-06-30&baseline=2026-06-29&agencyId={agency}");
        var drilldown = await RecordsAsync(admin, "quality.assessed.share", $"asOf=2026-06-30&agencyId={agency}&pageSize=50");

        Assert.Equal(Round(300m / 7), Round(result.Value));
        Assert.Equal(Round(500m / 7), Round(result.BaselineValue));
        Assert.Equal("%", result.Unit);
        Assert.Equal(7, drilldown.Units.Total);
        Assert.Equal(["B", "C", "E"], drilldown.Units.Items.Where(u => u.Figure == 1).Select(u => u.Name[^1..]).Order().ToArray());
        Assert.DoesNotContain(drilldown.Units.Items, u => u.UnitId == control);
    }

    [Theory, DatabaseData]
    public async Task QualityAssessedShare_MonthEnd_EndsOnTheLastDayOfTheShorterMonth(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var agency = await AgencyAsync(app, token);
        var unit = await admin.UnitAsync(token, "A", agency, "213", Start);
        await app.WithDbAsync(async (db, _) =>
        {
            db.QualityAssessments.Add(Assessment(unit.Id, Standard(token, 1), new DateOnly(2026, 1, 31), null));
            await db.SaveChangesAsync();
        });

        // 31/01/2026 + 1 month = 28/02/2026, as DateOnly.AddMonths reads it.
        var lastDay = await admin.IndicatorAsync("quality.assessed.share", $"asOf=2026-02-28&baseline=2026-03-01&agencyId={agency}");

        Assert.Equal(100m, lastDay.Value);
        Assert.Equal(0m, lastDay.BaselineValue);
    }

    // ---------------------------------------------------------------- survey.satisfaction

    private static SurveyInstrument Instrument(string token, string suffix, ScaleDirection direction, int threshold, int? noOpinion) => new()
    {
        Code = $"KS-{token}-{suffix}", Name = $"Phiếu khảo sát {suffix}", DocumentNumber = "3869/QĐ-BYT", DocumentDate = new DateOnly(2019, 8, 28),
        DocumentIssuer = "Bộ Y tế", SectorCode = "health", RespondentType = "Người bệnh nội trú", Direction = direction,
        SatisfiedThreshold = threshold, NoOpinionValue = noOpinion, ValidFrom = new DateOnly(2019, 8, 28), CreatedAt = Now,
        Items = [new SurveyItem { SectionCode = "A", SectionName = "Khả năng tiếp cận", Code = "A1", Text = "Câu hỏi", Ordinal = 1 }],
    };

    private static async Task AddRoundAsync(SuNghiepDbContext db, SurveyInstrument instrument, int unit, DateOnly periodTo, params int[] values)
    {
        var round = new SurveyRound
        {
            Instrument = instrument, UnitId = unit, PeriodFrom = periodTo.AddMonths(-3).AddDays(1), PeriodTo = periodTo,
            Label = $"Kỳ đến {periodTo:dd/MM/yyyy}", Status = SurveyRoundStatus.Closed, CreatedAt = Now,
        };
        db.SurveyRounds.Add(round);
        await db.SaveChangesAsync();
        // One respondent per value, each answering the form's one item; the answer keeps its round's id.
        foreach (var value in values)
        {
            var response = new SurveyResponse { Round = round, CreatedAt = Now };
            response.Answers.Add(new SurveyAnswer { Item = instrument.Items[0], Value = value, Response = response, RoundId = round.Id });
            db.SurveyResponses.Add(response);
        }

        await db.SaveChangesAsync();
    }

    [Theory, DatabaseData]
    public async Task SurveySatisfaction_BothScaleDirections_CountsSatisfiedAmongOpinionsInThe12Months(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var agency = await AgencyAsync(app, token);
        var school = await admin.UnitAsync(token, "A", agency, "213", Start);
        var hospital = await admin.UnitAsync(token, "B", agency, "213", Start, sector: "health");
        var control = await ControlUnitAsync(app, admin, token);
        await app.WithDbAsync(async (db, _) =>
        {
            var higher = Instrument(token, "1", ScaleDirection.HigherIsBetter, 4, null);
            var lower = Instrument(token, "2", ScaleDirection.LowerIsBetter, 2, 5);
            await AddRoundAsync(db, higher, school.Id, new DateOnly(2026, 3, 31), 5, 4, 3, 1);     // 2 of 4
            await AddRoundAsync(db, lower, hospital.Id, new DateOnly(2026, 6, 30), 1, 2, 3, 5, 5); // 5 is no opinion: 2 of 3
            await AddRoundAsync(db, higher, school.Id, new DateOnly(2025, 6, 30), 5, 5);          // ended a full year before: out
            await AddRoundAsync(db, higher, school.Id, new DateOnly(2026, 7, 1), 1, 1);           // ends after the date: out
            await AddRoundAsync(db, higher, control, new DateOnly(2026, 3, 31), 1, 1, 1);         // outside the scope
        });

        var all = await admin.IndicatorAsync("survey.satisfaction", $"asOf=2026-06-30&agencyId={agency}");
        var health = await admin.IndicatorAsync("survey.satisfaction", $"asOf=2026-06-30&agencyId={agency}&sector=health");
        var bySector = await admin.IndicatorAsync("survey.satisfaction", $"asOf=2026-06-30&agencyId={agency}&breakdown=sector");
        var drilldown = await RecordsAsync(admin, "survey.satisfaction", $"asOf=2026-06-30&agencyId={agency}");

        Assert.Equal(Round(400m / 7), Round(all.Value));
        Assert.Equal(Round(200m / 3), Round(health.Value));
        Assert.Equal(50m, bySector.Breakdown.Single(r => r.Key == "education").Value);
        Assert.Equal(Round(200m / 3), Round(bySector.Breakdown.Single(r => r.Key == "health").Value));
        Assert.Equal(2, drilldown.Records.Total);
        Assert.Equal([(2, 3), (2, 4)], drilldown.Records.Items.Select(r => (r.Part, r.Whole)).ToArray());
        Assert.All(drilldown.Records.Items, r => Assert.Equal("survey", r.Kind));
    }

    // ---------------------------------------------------------------- feedback.answered.ontime.share

    private static Feedback Item(int unit, DateTime receivedAt, DateOnly dueOn, DateTime? repliedAt, FeedbackStatus status = FeedbackStatus.Answered) => new()
    {
        UnitId = unit, Topic = "Thái độ phục vụ", Text = "Nội dung phản ánh", Status = status, ReceivedAt = receivedAt, DueOn = dueOn,
        RepliedAt = repliedAt, ReplyText = repliedAt is null ? null : "Trả lời", RejectedReason = status == FeedbackStatus.Rejected ? "Không liên quan" : null,
    };

    [Theory, DatabaseData]
    public async Task FeedbackOnTimeShare_ReplyOnTheDueDayInVietnam_IsOnTimeAndTheNextDayIsLate(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var agency = await AgencyAsync(app, token);
        var unit = (await admin.UnitAsync(token, "A", agency, "213", Start)).Id;
        var control = await ControlUnitAsync(app, admin, token);
        var received = new DateTime(2026, 6, 1, 2, 0, 0, DateTimeKind.Utc);
        var due = new DateOnly(2026, 6, 20);
        await app.WithDbAsync(async (db, _) =>
        {
            db.Feedback.AddRange(
                Item(unit, received, due, new DateTime(2026, 6, 20, 16, 30, 0, DateTimeKind.Utc)),           // 23:30 on the due day in Vietnam
                Item(unit, received, due, new DateTime(2026, 6, 20, 17, 30, 0, DateTimeKind.Utc)),           // 00:30 the day after
                Item(unit, received, due, null, FeedbackStatus.New),                                         // not answered
                Item(unit, received, due, null, FeedbackStatus.Rejected),                                    // rejected: out
                Item(unit, received, new DateOnly(2026, 7, 5), null, FeedbackStatus.New),                   // not due yet: out
                Item(unit, new DateTime(2025, 6, 1, 2, 0, 0, DateTimeKind.Utc), new DateOnly(2025, 6, 15), null, FeedbackStatus.New), // received over 12 months before
                Item(control, received, due, new DateTime(2026, 6, 2, 0, 0, 0, DateTimeKind.Utc)));          // outside the scope
            await db.SaveChangesAsync();
        });

        var result = await admin.IndicatorAsync("feedback.answered.ontime.share", $"asOf=2026-06-30&agencyId={agency}");
        var drilldown = await RecordsAsync(admin, "feedback.answered.ontime.share", $"asOf=2026-06-30&agencyId={agency}");
        var file = await admin.GetByteArrayAsync($"/api/v1/indicators/feedback.answered.ontime.share/drilldown.xlsx?asOf=2026-06-30&agencyId={agency}");
        using var stream = new MemoryStream(file);
        var sheet = stream.Query(useHeaderRow: true, sheetName: "Hồ sơ").Cast<IDictionary<string, object?>>().ToList();

        Assert.Equal(Round(100m / 3), Round(result.Value));
        Assert.Equal(3, drilldown.Records.Total);
        Assert.Equal(3, sheet.Count);
        Assert.Equal("20/06/2026", sheet[0]["Ngày"]);
        Assert.Equal(1, drilldown.Records.Items.Sum(r => r.Part));
        Assert.All(drilldown.Records.Items, r => Assert.Equal(unit, r.UnitId));
    }

    [Theory, DatabaseData]
    public async Task FeedbackOnTimeShare_DrilldownPage_ListsTheRecordsTheCallersScopeReaches(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var agency = await AgencyAsync(app, token);
        var unit = (await admin.UnitAsync(token, "A", agency, "213", Start)).Id;
        var control = await ControlUnitAsync(app, admin, token);
        var received = new DateTime(2026, 6, 1, 2, 0, 0, DateTimeKind.Utc);
        await app.WithDbAsync(async (db, _) =>
        {
            db.Feedback.AddRange(
                Item(unit, received, new DateOnly(2026, 6, 20), new DateTime(2026, 6, 2, 0, 0, 0, DateTimeKind.Utc)),
                Item(unit, received, new DateOnly(2026, 6, 20), null, FeedbackStatus.New),
                Item(control, received, new DateOnly(2026, 6, 20), null, FeedbackStatus.New));
            await db.SaveChangesAsync();
        });
        using var officer = await PageSession.SignInAsync(app, await app.CreateUserAsync(Roles.AgencyOfficer, agency: $"T.{token}"));

        // The officer's scope is the agency's: its two items, not the control's, whatever filter the page is given.
        var (response, page) = await officer.GetAsync("/indicators/feedback.answered.ontime.share/drilldown?asOf=30/06/2026");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2", page.QuerySelector("[data-testid=records-total]")!.TextContent);
        Assert.StartsWith("50", page.QuerySelector("[data-testid=indicator-value]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, page.QuerySelectorAll("[data-testid=records] tbody tr").Length);
        Assert.Null(page.QuerySelector("[data-testid=units]"));
    }

    // ---------------------------------------------------------------- inspection.recommendations.done.share

    [Theory, DatabaseData]
    public async Task RecommendationsDoneShare_DoneByTheDateAndNotDisputed_CountsInTheNumerator(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var agency = await AgencyAsync(app, token);
        var unit = (await admin.UnitAsync(token, "A", agency, "213", Start)).Id;
        var otherAgency = await AgencyAsync(app, token + "y");
        var control = (await admin.UnitAsync(token + "y", "Z", otherAgency, "213", Start)).Id;
        var due = new DateOnly(2026, 6, 1);
        await app.WithDbAsync(async (db, _) =>
        {
            InspectionRecommendation Recommendation(int addressee, DateOnly deadline, bool disputed, params (DateOnly Date, bool Done)[] reports) => new()
            {
                Type = RecommendationType.Fix, Content = "Khắc phục", AddresseeAgencyId = addressee, Deadline = deadline, Disputed = disputed,
                FollowUps = reports.Select(r => new RecommendationFollowUp { Date = r.Date, Text = "Báo cáo", Done = r.Done, CreatedAt = Now }).ToList(),
            };
            Inspection Inspection(int inspected, params InspectionRecommendation[] recommendations)
            {
                var inspection = new Inspection
                {
                    DecisionNumber = $"{token}/QĐ-TTr", DecisionDate = new DateOnly(2026, 1, 5), DecisionIssuer = "Thanh tra tỉnh", Body = "Thanh tra tỉnh",
                    Kind = InspectionKind.Planned, PeriodFrom = new DateOnly(2025, 1, 1), PeriodTo = new DateOnly(2025, 12, 31), CreatedAt = Now, UpdatedAt = Now,
                    Units = [new InspectionUnit { UnitId = inspected }],
                };
                var finding = new InspectionFinding { Inspection = inspection, UnitId = inspected, Category = "Tài chính", Ordinal = 1 };
                foreach (var r in recommendations)
                {
                    r.Inspection = inspection;
                    finding.Recommendations.Add(r);
                }

                inspection.Findings.Add(finding);
                return inspection;
            }

            db.Inspections.AddRange(
                Inspection(unit,
                    Recommendation(agency, due, false, (new DateOnly(2026, 6, 15), true)),                             // done before the date
                    Recommendation(agency, due, false, (new DateOnly(2026, 7, 1), true)),                              // done after the date
                    Recommendation(agency, due, true, (new DateOnly(2026, 5, 1), true)),                               // done but disputed
                    Recommendation(agency, new DateOnly(2026, 6, 30), false, (new DateOnly(2026, 6, 20), false)),       // due on the date, not done
                    Recommendation(agency, new DateOnly(2026, 7, 15), false, (new DateOnly(2026, 6, 20), true))),       // not due yet: out
                Inspection(control, Recommendation(otherAgency, due, false, (new DateOnly(2026, 6, 15), true))));      // outside the scope
            await db.SaveChangesAsync();
        });

        var result = await admin.IndicatorAsync("inspection.recommendations.done.share", $"asOf=2026-06-30&agencyId={agency}");
        var dayAfter = await admin.IndicatorAsync("inspection.recommendations.done.share", $"asOf=2026-07-01&agencyId={agency}");
        var drilldown = await RecordsAsync(admin, "inspection.recommendations.done.share", $"asOf=2026-06-30&agencyId={agency}");

        Assert.Equal(25m, result.Value);
        // The day after, the report of 1/7 counts: 2 of the 4 then due.
        Assert.Equal(50m, dayAfter.Value);
        Assert.Equal(4, drilldown.Records.Total);
        Assert.Equal(1, drilldown.Records.Items.Sum(r => r.Part));
        Assert.All(drilldown.Records.Items, r => Assert.Equal("recommendation", r.Kind));
    }

    // ---------------------------------------------------------------- not measurable

    [Theory, DatabaseData]
    public async Task OversightIndicators_EmptyScope_AreNotMeasurableWithANote(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var agency = await AgencyAsync(app, Unique.Token());

        foreach (var code in new[] { "quality.assessed.share", "survey.satisfaction", "feedback.answered.ontime.share", "inspection.recommendations.done.share" })
        {
            var result = await admin.IndicatorAsync(code, $"asOf=2026-06-30&agencyId={agency}");
            Assert.Null(result.Value);
            Assert.Null(result.BaselineValue);
            Assert.Contains("chưa đo được", Assert.Single(result.Notes));
        }
    }

    // ---------------------------------------------------------------- annex VII

    private static Task<int> ChildAsync(SuNghiepApp app, int parent, string token, string suffix) => app.WithDbAsync(async (db, _) =>
    {
        var agency = new Agency
        {
            Code = $"T.{token}.{suffix}", Name = $"Cơ quan thử nghiệm {Unique.Name(token)} {suffix}", Kind = AgencyKind.Department, LevelCode = "province",
            ParentId = parent,
        };
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        agency.Path = agency.LineagePath = $"/{parent}/{agency.Id}/";
        await db.SaveChangesAsync();
        return agency.Id;
    });

    [Theory, DatabaseData]
    public async Task ReportAnnexes_AnnexVII_PrintsTheFourIndicatorsBySectorAndConsolidates(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var admin = await app.AdminAsync();
        var token = Unique.Token();
        var parent = await AgencyAsync(app, token);
        var schools = await ChildAsync(app, parent, token, "GD");
        var hospitals = await ChildAsync(app, parent, token, "YT");
        var school = (await admin.UnitAsync(token, "A", schools, "213", Start)).Id;
        var hospital = (await admin.UnitAsync(token, "B", hospitals, "213", Start, sector: "health")).Id;
        var received = new DateTime(2026, 6, 1, 2, 0, 0, DateTimeKind.Utc);
        await app.WithDbAsync(async (db, _) =>
        {
            db.QualityAssessments.Add(Assessment(school, Standard(token, null), new DateOnly(2025, 1, 1), null));
            db.Feedback.AddRange(
                Item(hospital, received, new DateOnly(2026, 6, 20), new DateTime(2026, 6, 10, 2, 0, 0, DateTimeKind.Utc)),
                Item(hospital, received, new DateOnly(2026, 6, 20), null, FeedbackStatus.New));
            await db.SaveChangesAsync();
        });

        var cutOff = new DateOnly(2026, 6, 30);
        var (bySchools, byHospitals, direct) = await app.WithDbAsync(async (_, services) =>
        {
            var annexes = services.GetRequiredService<ReportAnnexes>();
            return (await annexes.BuildAsync(new IndicatorScope(AgencyId: schools), cutOff),
                await annexes.BuildAsync(new IndicatorScope(AgencyId: hospitals), cutOff),
                await annexes.BuildAsync(new IndicatorScope(AgencyId: parent), cutOff));
        });
        var annex = direct.Single(a => a.Number == "VII");
        List<decimal?> Figures(string label) => annex.Table.Rows.Single(r => r.Cells[1].Text == label).Cells.Skip(2).Select(c => c.Value).ToList();
        var consolidated = ReportConsolidation.Consolidate([new("Sở GD", bySchools), new("Sở YT", byHospitals)], direct, 1m).Single(a => a.Number == "VII");

        // Units, assessed, %; opinions, satisfied, %; feedback due, on time, %; recommendations due, done, %.
        Assert.Equal([2m, 1m, 50m, 0m, 0m, null, 2m, 1m, 50m, 0m, 0m, null], Figures("Tổng số"));
        Assert.Equal([1m, 1m, 100m, 0m, 0m, null, 0m, 0m, null, 0m, 0m, null], Figures(Catalog.SectorName("education")));
        Assert.Equal([1m, 0m, 0m, 0m, 0m, null, 2m, 1m, 50m, 0m, 0m, null], Figures(Catalog.SectorName("health")));
        Assert.Equal("12=11/10×100", annex.Table.Columns[^1].NumberLabel);
        Assert.Empty(consolidated.Differences);
        Assert.Equal(50m, consolidated.Summed.Rows[0].Cells[4].Value);
    }
}
