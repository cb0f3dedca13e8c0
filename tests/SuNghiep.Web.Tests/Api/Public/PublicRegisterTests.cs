using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Oversight;

namespace SuNghiep.Web.Tests.Api.Public;

/// <summary>The public register shows only what the law makes public, to anyone, without signing in.</summary>
public sealed class PublicRegisterTests(AppHosts hosts)
{
    /// <summary>Every JSON key the public records can produce, built from the records themselves (camelCase).</summary>
    private static readonly HashSet<string> Whitelist = Keys(typeof(PublicUnit)).Concat(Keys(typeof(PublicUnitList))).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The unit's own fields that are public by law: its identity, address (a school's, a hospital's), dates, group, and
    /// its managing agency by name (a string, asserted below).
    /// </summary>
    private static readonly HashSet<string> PublicUnitFields = ["code", "name", "address", "establishedOn", "endedOn", "autonomyGroup", "managingAgency"];

    private static readonly int[] SurveyValues = [5, 4, 2, 6];

    private static IEnumerable<string> Keys(Type type)
    {
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            yield return JsonNamingPolicy.CamelCase.ConvertName(p.Name);
            var inner = p.PropertyType.IsGenericType ? p.PropertyType.GetGenericArguments()[0] : Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
            if (inner.Namespace == typeof(PublicUnit).Namespace && inner != type)
            {
                foreach (var k in Keys(inner))
                {
                    yield return k;
                }
            }
        }
    }

    private static IEnumerable<string> JsonKeys(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => JsonKeys(p.Value).Prepend(p.Key)),
        JsonArray a => a.SelectMany(JsonKeys),
        _ => [],
    };

    [Theory, DatabaseData]
    public async Task GetUnit_UnitWithNotesFinanceAndAContact_AnswersOnlyWhitelistedKeysAndNoSecret(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var token = Unique.Token();
        var unit = await PublicClient.CreateUnitAsync(app, token);
        var contact = $"{token}@nguoidan.vn";
        var anonymous = app.Client();
        var (feedbackId, _) = await anonymous.SubmitAsync(unit.Code, PublicClient.Feedback($"Câu hỏi về giờ tiếp dân {token}", contact, consent: true));
        using var admin = await app.AdminAsync();
        (await admin.PostJsonAsync($"/api/v1/feedback/{feedbackId}/reply", new JsonObject { ["text"] = $"Trạm mở cửa từ 7 giờ {token}" })).EnsureSuccessStatusCode();
        (await admin.PostJsonAsync($"/api/v1/feedback/{feedbackId}/publish", new JsonObject())).EnsureSuccessStatusCode();
        await app.WithDbAsync(async (db, _) =>
        {
            db.FinanceYears.Add(new FinanceYear { UnitId = unit.Id, Year = DateTime.UtcNow.Year, ComputedGroup = 3, UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });

        using var response = await anonymous.GetAsync($"/api/v1/public/units/{unit.Code}");
        var text = await response.Content.ReadAsStringAsync();
        var html = await anonymous.GetStringAsync($"/cong-khai/{unit.Code}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var keys = JsonKeys(JsonNode.Parse(text)).Distinct().ToList();
        Assert.All(keys, k => Assert.Contains(k, Whitelist));
        var registerFields = new[] { typeof(Unit), typeof(UnitVersion), typeof(FinanceYear), typeof(StaffingYear) }
            .SelectMany(t => t.GetProperties()).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
            .Where(n => !PublicUnitFields.Contains(n)).ToHashSet();
        Assert.Empty(keys.Intersect(registerFields));
        Assert.Contains($"Trạm mở cửa từ 7 giờ {token}", text);
        Assert.Contains($"Câu hỏi về giờ tiếp dân {token}", html);
        Assert.Equal(3, JsonNode.Parse(text)!["autonomyGroup"]!.GetValue<int>());
        Assert.StartsWith("Sở Y tế", JsonNode.Parse(text)!["managingAgency"]!.GetValue<string>(), StringComparison.Ordinal);
        foreach (var secret in new[] { contact, $"Ghi chú nội bộ {token}" })
        {
            Assert.DoesNotContain(secret, text);
            Assert.DoesNotContain(secret, html);
        }
    }

    [Theory, DatabaseData]
    public async Task GetUnit_UnknownOrVoidedCode_Returns404(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var token = Unique.Token();
        var unit = await PublicClient.CreateUnitAsync(app, token);
        var control = await PublicClient.CreateUnitAsync(app, token, "B");
        await app.WithDbAsync(async (db, _) =>
        {
            (await db.Units.SingleAsync(u => u.Id == unit.Id)).Voided = true;
            await db.SaveChangesAsync();
        });
        var anonymous = app.Client();

        using var voided = await anonymous.GetAsync($"/api/v1/public/units/{unit.Code}");
        using var unknown = await anonymous.GetAsync($"/api/v1/public/units/{token}-khong-co");
        using var page = await anonymous.GetAsync($"/cong-khai/{unit.Code}");
        using var shown = await anonymous.GetAsync($"/api/v1/public/units/{control.Code}");
        var list = await anonymous.GetFromJsonAsync<PublicUnitList>($"/api/v1/public/units?q={token}", UnitsClient.Json);

        Assert.Equal(HttpStatusCode.NotFound, voided.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal([control.Code], list!.Items.Select(i => i.Code));
    }

    [Theory, DatabaseData]
    public async Task GetUnit_EndedUnit_ShowsEndedWithItsSuccessor(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var token = Unique.Token();
        var ended = await PublicClient.CreateUnitAsync(app, token, "A");
        var successor = await PublicClient.CreateUnitAsync(app, token, "B");
        var end = new DateOnly(2024, 6, 30);
        await app.WithDbAsync(async (db, _) =>
        {
            var unit = await db.Units.Include(u => u.Versions).SingleAsync(u => u.Id == ended.Id);
            unit.EndedOn = end;
            unit.Versions.Single().ValidTo = end;
            db.Reorganizations.Add(new Reorganization
            {
                Type = ReorganizationType.Merger, DecisionNumber = $"{token}/QĐ", DecisionDate = end, DecisionIssuer = "UBND", EffectiveDate = end,
                CreatedAt = DateTime.UtcNow, CreatedBy = "test",
                Participants = [new() { UnitId = ended.Id, Role = ParticipantRole.Ended }, new() { UnitId = successor.Id, Role = ParticipantRole.Continuing }],
            });
            await db.SaveChangesAsync();
        });
        var anonymous = app.Client();

        var unit = await anonymous.GetFromJsonAsync<PublicUnit>($"/api/v1/public/units/{ended.Code}", UnitsClient.Json);
        var html = new HtmlParser().ParseDocument(await anonymous.GetStringAsync($"/cong-khai/{ended.Code}"));

        Assert.Equal(end, unit!.EndedOn);
        Assert.Equal([successor.Code], unit.Successors.Select(s => s.Code));
        var banner = html.QuerySelector("[data-testid=public-unit-ended]");
        Assert.NotNull(banner);
        Assert.Contains("30/06/2024", banner.TextContent);
        Assert.Equal($"/cong-khai/{successor.Code}", banner.QuerySelector("a")?.GetAttribute("href"));
    }

    [Theory, DatabaseData]
    public async Task Search_FoldedNameOrCommuneInAProvince_FindsTheUnitAndNotTheOneElsewhere(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var token = Unique.Token();
        var unit = await PublicClient.CreateUnitAsync(app, token);
        using var admin = await app.AdminAsync();
        var elsewhere = await admin.CreateUnitAsync(UnitsClient.Body(token, "C", await app.AgencyIdAsync("92.SYT")).With("sector", "health"));
        var anonymous = app.Client();

        var byName = await anonymous.GetFromJsonAsync<PublicUnitList>($"/api/v1/public/units?q=tram y te dong thap {token}", UnitsClient.Json);
        var inProvince = await anonymous.GetFromJsonAsync<PublicUnitList>($"/api/v1/public/units?q={token}&areaCode={PublicClient.OutsideProvince}", UnitsClient.Json);
        var byCommune = new List<PublicUnitListItem>();
        for (var page = 1; page <= 50 && !byCommune.Any(i => i.Code == unit.Code); page++)
        {
            var list = await anonymous.GetFromJsonAsync<PublicUnitList>($"/api/v1/public/units?q=phuong ba dinh&areaCode={PublicClient.OutsideProvince}&page={page}", UnitsClient.Json);
            byCommune.AddRange(list!.Items);
            if (list.Items.Count == 0)
            {
                break;
            }
        }

        Assert.Equal([unit.Code], byName!.Items.Select(i => i.Code));
        Assert.Equal([unit.Code], inProvince!.Items.Select(i => i.Code));
        var found = Assert.Single(byCommune, i => i.Code == unit.Code);
        Assert.Equal("Phường Ba Đình", found.Commune);
        Assert.Equal("Thành phố Hà Nội", found.Province);
        Assert.DoesNotContain(byCommune, i => i.Code == elsewhere.Code);
    }

    [Theory, DatabaseData]
    public async Task GetUnit_Twice_IsPubliclyCacheableAndAnswers304ToItsETag(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var unit = await PublicClient.CreateUnitAsync(app, Unique.Token());
        var anonymous = app.Client();

        using var first = await anonymous.GetAsync($"/api/v1/public/units/{unit.Code}");
        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/public/units/{unit.Code}");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await anonymous.SendAsync(again);
        using var list = await anonymous.GetAsync("/api/v1/public/units?q=tram");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(first.Headers.CacheControl?.Public, "public unit not publicly cacheable");
        Assert.Equal(TimeSpan.FromSeconds(300), first.Headers.CacheControl?.MaxAge);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.True(list.Headers.CacheControl?.Public, "public list not publicly cacheable");
    }

    [Theory, DatabaseData]
    public async Task GetUnit_OrdersPricesQualityAndSurvey_ShowsServicesWithTodaysPriceAndLatestResults(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        var token = Unique.Token();
        var unit = await PublicClient.CreateUnitAsync(app, token);
        var year = DateTime.UtcNow.Year;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await app.WithDbAsync(async (db, _) =>
        {
            // Not agency A of the scope-attack world, whose orders that test counts while it runs beside this one.
            var agency = await db.Agencies.Where(a => a.Code == "92.SNV").Select(a => a.Id).SingleAsync();
            var catalogue = new ServiceCatalogue
            {
                Name = $"Danh mục {token}", Level = CatalogueLevel.Province, AreaCode = PublicClient.OutsideProvince, DecisionNumber = $"{token}/QĐ",
                DecisionDate = new DateOnly(2024, 1, 1), DecisionIssuer = "UBND", ValidFrom = new DateOnly(2024, 1, 1),
            };
            var cancelledItem = new ServiceItem { Catalogue = catalogue, Code = $"{token}.2", Name = $"Dịch vụ bị hủy {token}", SectorCode = "health" };
            var item = new ServiceItem { Catalogue = catalogue, Code = $"{token}.1", Name = $"Tiêm chủng {token}", SectorCode = "health", OutputUnit = "lượt" };
            db.ServicePrices.AddRange(
                new ServicePrice { Item = item, AreaCode = null, Price = 90_000, Unit = "đồng/lượt", CostBasis = CostBasis.Full, DecisionNumber = "a", DecisionIssuer = "b", ValidFrom = new DateOnly(2024, 1, 1) },
                new ServicePrice { Item = item, AreaCode = PublicClient.OutsideProvince, Price = 120_000, Unit = "đồng/lượt", CostBasis = CostBasis.Full, DecisionNumber = "a", DecisionIssuer = "b", ValidFrom = new DateOnly(2024, 1, 1) },
                new ServicePrice { Item = item, AreaCode = PublicClient.OutsideProvince, Price = 999_000, Unit = "đồng/lượt", CostBasis = CostBasis.Full, DecisionNumber = "a", DecisionIssuer = "b", ValidFrom = today.AddDays(30) });
            ServiceOrder Order(ServiceItem i, ServiceOrderStatus status) => new()
            {
                Year = year, Method = ServiceMethod.Ordering, OrdererAgencyId = agency, ProviderUnitId = unit.Id, Item = i, Quantity = 10, UnitPrice = 1,
                Value = 10, StartOn = new DateOnly(year, 1, 1), EndOn = new DateOnly(year, 12, 31), DecisionNumber = token, DecisionIssuer = "x",
                DecisionDate = new DateOnly(year, 1, 1), Status = status,
            };
            db.ServiceOrders.AddRange(Order(item, ServiceOrderStatus.Issued), Order(cancelledItem, ServiceOrderStatus.Cancelled));
            var standard = new QualityStandard { Code = token, Name = $"Bộ tiêu chí {token}", Issuer = "BYT", DocumentNumber = "6858", Version = "1", ScoreBasis = ScoreBasis.MeanScore };
            db.QualityAssessments.AddRange(
                new QualityAssessment { UnitId = unit.Id, Standard = standard, Kind = AssessmentKind.External, AssessedOn = new DateOnly(2024, 5, 1), Level = "kha", LevelLabel = "Cũ" },
                new QualityAssessment { UnitId = unit.Id, Standard = standard, Kind = AssessmentKind.External, AssessedOn = new DateOnly(2025, 5, 1), Level = "tot", LevelLabel = "Tốt" });
            var instrument = new SurveyInstrument
            {
                Code = token, Name = "Phiếu", DocumentNumber = "3869", DocumentIssuer = "BYT", SectorCode = "health", RespondentType = "Người bệnh",
                Direction = ScaleDirection.HigherIsBetter, SatisfiedThreshold = 4, NoOpinionValue = 6,
            };
            var surveyItem = new SurveyItem { Code = "A1", Text = "Biển báo" };
            instrument.Items.Add(surveyItem);
            var closed = new SurveyRound { Instrument = instrument, UnitId = unit.Id, Label = "Quý 1/2025", PeriodTo = new DateOnly(2025, 3, 31), Status = SurveyRoundStatus.Closed };
            var open = new SurveyRound { Instrument = instrument, UnitId = unit.Id, Label = "Quý 2/2025", PeriodTo = new DateOnly(2025, 6, 30), Status = SurveyRoundStatus.Open };
            db.SurveyRounds.AddRange(closed, open);
            await db.SaveChangesAsync();
            // Four respondents: 5, 4, 2 and one without an opinion (6): two satisfied of three with an opinion.
            foreach (var value in SurveyValues)
            {
                db.SurveyResponses.Add(new SurveyResponse { RoundId = closed.Id, Answers = [new SurveyAnswer { RoundId = closed.Id, ItemId = surveyItem.Id, Value = value }] });
            }

            db.SurveyResponses.Add(new SurveyResponse { RoundId = open.Id, Answers = [new SurveyAnswer { RoundId = open.Id, ItemId = surveyItem.Id, Value = 1 }] });
            await db.SaveChangesAsync();
        });

        var shown = await app.Client().GetFromJsonAsync<PublicUnit>($"/api/v1/public/units/{unit.Code}", UnitsClient.Json);

        var service = Assert.Single(shown!.Services);
        Assert.Equal(($"Tiêm chủng {token}", 120_000m, "đồng/lượt"), (service.Name, service.Price!.Value, service.PriceUnit));
        Assert.Equal(("Tốt", new DateOnly(2025, 5, 1)), (shown.Quality!.Level, shown.Quality.AssessedOn));
        Assert.Equal(("Quý 1/2025", 66.7m, 4), (shown.Survey!.Round, shown.Survey.SatisfiedShare!.Value, shown.Survey.Respondents));
    }
}
