using System.Globalization;
using SuNghiep.Core.Plans;
using SuNghiep.Core.Seeding;

namespace SuNghiep.Core.Tests.Seeding;

/// <summary>
/// ReferenceData/documents.json against the source texts and against what the register accepts: each row of the tables
/// below is a fact read in a seed text, so that an edit of the file that changes one shows here.
/// </summary>
public sealed class DocumentDataTests
{
    private static readonly DocumentSeeder.DocumentFile File = DocumentSeeder.Read();

    private static DateOnly D(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DocumentSeeder.DocumentData Doc(string key) => File.Documents.Single(d => d.Key == key);

    // The header of each document, as its text (or the text that cites it) gives it.
    [Theory]
    //          key                    type               number             issued on      issuer                                        parents
    [InlineData("19-NQ/TW",            "resolution",      "19-NQ/TW",        "2017-10-25",  "Ban Chấp hành Trung ương Đảng khoá XII",     "")]
    [InlineData("62-KL/TW",            "conclusion",      "62-KL/TW",        "2023-10-02",  "Bộ Chính trị",                               "19-NQ/TW")]
    [InlineData("38/NQ-CP",            "resolution",      "38/NQ-CP",        "2024-04-02",  "Chính phủ",                                  "62-KL/TW")]
    [InlineData("103-KH/TU",           "plan",            "103-KH/TU",       "2023-11-10",  "Ban Thường vụ Tỉnh ủy",                      "62-KL/TW")]
    [InlineData("2182-KH/BCSĐ",        "plan",            "2182-KH/BCSĐ",    "2023-12-31",  "Ban cán sự đảng Ủy ban nhân dân tỉnh",       "103-KH/TU,62-KL/TW")]
    [InlineData("thanhuy-cantho-62",   "plan",            "(không rõ số)",   "2023-11-03",  "Ban Thường vụ Thành ủy Cần Thơ",             "62-KL/TW")]
    [InlineData("ubnd-tinh-38",        "plan",            "(không rõ số)",   "2024-04-02",  "Chủ tịch Ủy ban nhân dân tỉnh",              "38/NQ-CP,103-KH/TU,2182-KH/BCSĐ")]
    [InlineData("tinhuy-62",           "plan",            "(không rõ số)",   "2023-10-02",  "Ban Thường vụ Tỉnh ủy",                      "62-KL/TW")]
    [InlineData("234-KH/TU",           "plan",            "234-KH/TU",       "2024-03-01",  "Ban Thường vụ Tỉnh ủy",                      "62-KL/TW")]
    [InlineData("475-CV/VPHU",         "official-letter", "475-CV/VPHU",     "2024-04-05",  "Văn phòng Huyện ủy Tam Nông",                "62-KL/TW")]
    [InlineData("ubnd-tamnong-62",     "plan",            "…/KH-UBND",       "2024-04-05",  "Ủy ban nhân dân huyện Tam Nông",             "62-KL/TW,234-KH/TU,475-CV/VPHU")]
    public void Document_Header_AsTheTextGivesIt(string key, string type, string number, string issuedOn, string issuer, string parents)
    {
        var d = Doc(key);

        Assert.Equal((type, number, D(issuedOn), issuer), (d.Type, d.Number, d.IssuedOn, d.Issuer));
        Assert.Equal(parents.Split(',', StringSplitOptions.RemoveEmptyEntries), d.Parents);
    }

    [Fact]
    public void Documents_OnePerRowAbove_NumberAndDateUnique_ParentsFirstAndNotLater()
    {
        Assert.Equal(11, File.Documents.Count);
        Assert.Equal(File.Documents.Count, File.Documents.Select(d => (d.Number, d.IssuedOn)).Distinct().Count());
        Assert.Equal(File.Documents.Count, File.Documents.Select(d => d.Key).Distinct(StringComparer.Ordinal).Count());
        for (var i = 0; i < File.Documents.Count; i++)
        {
            var d = File.Documents[i];
            foreach (var parent in d.Parents)
            {
                var index = File.Documents.FindIndex(p => p.Key == parent);
                Assert.True(index >= 0 && index < i, $"{d.Key}: parent {parent} must come before it");
                Assert.True(File.Documents[index].IssuedOn <= d.IssuedOn, $"{d.Key} is issued before its parent {parent}");
            }
        }
    }

    [Fact]
    public void Documents_WithoutANumberInTheText_SayWhyInTheirNotes()
    {
        var unnumbered = File.Documents.Where(d => !char.IsAsciiDigit(d.Number[0])).ToList();

        Assert.Equal(4, unnumbered.Count);
        Assert.All(unnumbered, d => Assert.Contains("ngày sớm nhất có thể", d.Notes, StringComparison.Ordinal));
    }

    // The quantified targets: the national ones (62-KL/TW section 2.5; 38/NQ-CP as the Bắc Giang plan quotes it), the
    // Bắc Giang provincial plan (2025, 2030) and the Tam Nông district plan (2026, 2030).
    [Theory]
    //          document            indicator                       direction   value  baseline from  baseline to    deadline
    [InlineData("62-KL/TW",         "conversion.share",             "at-least", 100,   null,          null,          "2030-12-31")]
    [InlineData("38/NQ-CP",         "staff.budget",                 "decrease", 10,    "2021-01-01",  "2021-12-31",  "2026-12-31")]
    [InlineData("38/NQ-CP",         "autonomy.selffinancing.share", "at-least", 10,    null,          null,          "2025-12-31")]
    [InlineData("38/NQ-CP",         "conversion.share",             "at-least", 100,   null,          null,          "2025-12-31")]
    [InlineData("38/NQ-CP",         "budget.direct.avg",            "decrease", 10,    "2015-01-01",  "2020-12-31",  "2025-12-31")]
    [InlineData("38/NQ-CP",         "roles.other.share",            "at-most",  0,     null,          null,          "2030-12-31")]
    [InlineData("38/NQ-CP",         "staff.budget",                 "decrease", 10,    "2026-01-01",  "2026-12-31",  "2030-12-31")]
    [InlineData("38/NQ-CP",         "budget.direct.avg",            "decrease", 15,    "2021-01-01",  "2025-12-31",  "2030-12-31")]
    [InlineData("ubnd-tinh-38",     "units.count",                  "decrease", 20,    "2015-01-01",  "2015-12-31",  "2025-12-31")]
    [InlineData("ubnd-tinh-38",     "staff.budget",                 "decrease", 10,    "2021-01-01",  "2021-12-31",  "2026-12-31")]
    [InlineData("ubnd-tinh-38",     "autonomy.selffinancing.share", "at-least", 10,    null,          null,          "2025-12-31")]
    [InlineData("ubnd-tinh-38",     "conversion.share",             "at-least", 100,   null,          null,          "2025-12-31")]
    [InlineData("ubnd-tinh-38",     "budget.direct.avg",            "decrease", 10,    "2015-01-01",  "2020-12-31",  "2025-12-31")]
    [InlineData("ubnd-tinh-38",     "roles.other.share",            "at-most",  0,     null,          null,          "2030-12-31")]
    [InlineData("ubnd-tinh-38",     "staff.budget",                 "decrease", 10,    "2026-01-01",  "2026-12-31",  "2030-12-31")]
    [InlineData("ubnd-tinh-38",     "budget.direct.avg",            "decrease", 15,    "2021-01-01",  "2025-12-31",  "2030-12-31")]
    [InlineData("ubnd-tamnong-62",  "units.count",                  "decrease", 10,    "2021-01-01",  "2021-12-31",  "2026-12-31")]
    [InlineData("ubnd-tamnong-62",  "staff.budget",                 "decrease", 10,    "2021-01-01",  "2021-12-31",  "2026-12-31")]
    [InlineData("ubnd-tamnong-62",  "autonomy.any.share",           "at-least", 20,    null,          null,          "2026-12-31")]
    [InlineData("ubnd-tamnong-62",  "budget.direct.avg",            "decrease", 10,    "2016-01-01",  "2020-12-31",  "2026-12-31")]
    [InlineData("ubnd-tamnong-62",  "roles.other.share",            "at-most",  0,     null,          null,          "2030-12-31")]
    [InlineData("ubnd-tamnong-62",  "staff.budget",                 "decrease", 10,    "2026-01-01",  "2026-12-31",  "2030-12-31")]
    [InlineData("ubnd-tamnong-62",  "budget.direct.avg",            "decrease", 15,    "2022-01-01",  "2026-12-31",  "2030-12-31")]
    public void Target_AsTheTextSetsIt(string key, string indicator, string direction, int value, string? from, string? to, string deadline)
    {
        var matches = Doc(key).Targets.Where(t => t.Indicator == indicator && t.Deadline == D(deadline)).ToList();

        var t = Assert.Single(matches);
        Assert.Equal((direction, (decimal)value, "percent"), (t.Direction, t.Value, t.Unit));
        Assert.Equal((from is null ? null : D(from), to is null ? null : D(to)), (t.Baseline?.From, t.Baseline?.To));
    }

    [Fact]
    public void Targets_AllListedAbove_MeasurableAndWithinTheColumns()
    {
        var targets = File.Documents.SelectMany(d => d.Targets.Select(t => (Doc: d, Target: t))).ToList();

        Assert.Equal(23, targets.Count);
        Assert.All(targets, x =>
        {
            var t = x.Target;
            Assert.Contains(t.Indicator, PlanCatalog.Indicators.Select(i => i.Code));
            Assert.Contains(t.Direction, PlanCatalog.Directions);
            Assert.True(t.Value is not null && t.Deadline > x.Doc.IssuedOn, $"{x.Doc.Key} {t.Indicator}: a measurable target needs a value and a later deadline");
            Assert.True(t.Direction is not ("decrease" or "increase") || t.Baseline is { } b && b.From <= b.To, $"{x.Doc.Key} {t.Indicator}: a change needs a baseline");
            Assert.True(t.Text.Length + (t.Note?.Length ?? 0) + 10 <= 2000);
        });
        Assert.Contains("18,77%", Doc("ubnd-tinh-38").Targets.Single(t => t.Indicator == "units.count").Note, StringComparison.Ordinal);
        // National targets have neither area nor agency: they are measured in the reader's scope.
        Assert.All(Doc("62-KL/TW").Targets.Concat(Doc("38/NQ-CP").Targets), t => Assert.True(t.Area is null && t.Agency is null));
        Assert.All(Doc("38/NQ-CP").Targets, t => Assert.Contains("Nghị quyết số 38/NQ-CP", t.Note, StringComparison.Ordinal));
        Assert.DoesNotContain(Doc("38/NQ-CP").Targets, t => t.Indicator == "units.count");   // the 20% against 2015 is the province's own
    }

    // Seed 001 is Bắc Giang's plan (its signer chaired Bắc Giang's People's Committee; it implements 103-KH/TU of the
    // provincial party committee): its targets are on area 24 read on its date, and its bodies are Bắc Giang's.
    [Fact]
    public void ProvincialPlan_IsBacGiangs_TargetsOnArea24_BodiesOfItsDate()
    {
        var plan = Doc("ubnd-tinh-38");

        Assert.Equal("O24.UBND", plan.IssuerAgency);
        Assert.All(plan.Targets, t => Assert.Equal(("24", "O24.UBND"), (t.Area, t.Agency)));
        Assert.All(plan.Agencies.Values, code => Assert.StartsWith("O24.", code, StringComparison.Ordinal));
        Assert.Equal(("O24.TU", "O24.BCSD"), (Doc("103-KH/TU").IssuerAgency, Doc("2182-KH/BCSĐ").IssuerAgency));
        Assert.Contains("Lê Ánh Dương", plan.Signer, StringComparison.Ordinal);
    }

    // Bodies that ended in 2025 and the bodies that took over their work: the central party boards replaced on 3/2/2025,
    // the old provinces' bodies on 1/7/2025.
    [Theory]
    //          code            area  area read on   valid to       successor       successor's valid from
    [InlineData("TW.BKTTW",     null, null,          "2025-02-02",  "TW.BCSCL",     "2025-02-03")]
    [InlineData("TW.DDQH",      null, null,          "2025-02-02",  "TW.DUQH",      "2025-02-03")]
    [InlineData("TW.BCSDCP",    null, null,          "2025-02-02",  "TW.DUCP",      "2025-02-03")]
    [InlineData("O92.TU",       "92", "2025-06-30",  "2025-06-30",  "92.TU",        "2025-07-01")]
    [InlineData("O92.TU.BTGDV", "92", "2025-06-30",  "2025-06-30",  "92.TU.BTGDV",  "2025-07-01")]
    [InlineData("O92.TU.BTC",   "92", "2025-06-30",  "2025-06-30",  "92.TU.BTC",    "2025-07-01")]
    [InlineData("O24.UBND",   "24", "2025-06-30",  "2025-06-30",  "24.UBND",  "2025-07-01")]
    [InlineData("O24.SNV",    "24", "2025-06-30",  "2025-06-30",  "24.SNV",   "2025-07-01")]
    [InlineData("O24.TU",     "24", "2025-06-30",  "2025-06-30",  "24.TU",    "2025-07-01")]
    [InlineData("O24.BCSD",   "24", "2025-06-30",  "2025-06-30",  null,       null)]
    [InlineData("O92.UBND",  "92", "2025-06-30",  "2025-06-30",  "92.UBND",  "2025-07-01")]
    [InlineData("TN.UBND",   null, null,          "2025-06-30",  null,       null)]
    public void Agency_EndedOnTheRestructuring_WithItsSuccessor(string code, string? area, string? areaOn, string validTo, string? successor, string? successorFrom)
    {
        var index = File.Agencies.FindIndex(a => a.Code == code);
        var a = File.Agencies[index];

        Assert.Equal((area, areaOn is null ? null : D(areaOn), D(validTo), successor), (a.Area, a.Area is null ? null : a.AreaDate, a.ValidTo, a.Successor));
        if (successor is not null)
        {
            var next = File.Agencies.FindIndex(s => s.Code == successor);
            Assert.True(next >= 0 && next < index, $"{code}: its successor {successor} must come before it");
            Assert.Equal((D(successorFrom!), (DateOnly?)null, area), (File.Agencies[next].ValidFrom!.Value, File.Agencies[next].ValidTo, File.Agencies[next].Area));
        }
    }

    // Cần Thơ's propaganda board merged with the mass mobilisation board on 1/3/2025; that board went into the merged
    // city's on 1/7/2025.
    [Fact]
    public void PropagandaBoard_MergedOnThe1stOfMarch2025_ThenIntoTheMergedCitysBoard()
    {
        var agencies = File.Agencies.ToDictionary(a => a.Code);
        var old = agencies["O92.TU.BTG"];
        var merged = agencies[old.Successor!];

        Assert.Equal((D("2025-02-28"), "O92.TU.BTGDV"), (old.ValidTo, old.Successor));
        Assert.Equal((D("2025-03-01"), D("2025-06-30"), "92.TU.BTGDV"), (merged.ValidFrom, merged.ValidTo, merged.Successor));
    }

    // A task or target goes to a body that exists on the document's date: before 1/7/2025, Bắc Giang's, not Bắc Ninh's.
    [Fact]
    public void Documents_NameOnlyBodiesInForceOnTheirDate()
    {
        var agencies = File.Agencies.ToDictionary(a => a.Code);

        Assert.All(File.Documents, d => Assert.All(d.AgencyCodes(), code =>
        {
            var a = agencies[code];
            Assert.True((a.ValidFrom is null || a.ValidFrom <= d.IssuedOn) && (a.ValidTo is null || d.IssuedOn <= a.ValidTo),
                $"{d.Key} ({d.IssuedOn}) names {code}, which exists from {a.ValidFrom} to {a.ValidTo}");
        }));
    }

    [Fact]
    public void Agencies_CodesUnique_ParentsAndSuccessorsFirst()
    {
        Assert.Equal(File.Agencies.Count, File.Agencies.Select(a => a.Code).Distinct(StringComparer.Ordinal).Count());
        for (var i = 0; i < File.Agencies.Count; i++)
        {
            var a = File.Agencies[i];
            Assert.All(new[] { a.Parent, a.Successor }.OfType<string>(), c => Assert.InRange(File.Agencies.FindIndex(x => x.Code == c), 0, i - 1));
            Assert.True(a.Successor is null || a.ValidTo is not null, $"{a.Code}: only a body that ended has a successor");
        }
    }

    // Who leads what, as the texts assign it, and the agency of the register each name maps to.
    [Theory]
    //          document             section  lead as written                                                                code
    [InlineData("62-KL/TW",          "2.4",   "Các cấp ủy, tổ chức đảng, chính quyền",                                       "TW")]
    [InlineData("62-KL/TW",          "3",     "Ban Kinh tế Trung ương",                                                      "TW.BKTTW")]
    [InlineData("thanhuy-cantho-62", "II.1",  "Ban Tuyên giáo Thành ủy",                                                     "O92.TU.BTG")]
    [InlineData("thanhuy-cantho-62", "II.3",  "Ban cán sự đảng Ủy ban nhân dân thành phố",                                   "O92.UBND")]
    [InlineData("thanhuy-cantho-62", "III.1", "Các quận ủy, huyện ủy, đảng đoàn, ban cán sự đảng, đảng ủy trực thuộc Thành ủy", "O92.TU")]
    [InlineData("thanhuy-cantho-62", "III.4", "Ban Tổ chức Thành ủy",                                                        "O92.TU.BTC")]
    [InlineData("ubnd-tinh-38",      "IV.2",  "Sở Nội vụ",                                                                   "O24.SNV")]
    [InlineData("ubnd-tinh-38",      "II.4.a", "Các sở, ngành, địa phương",                                                  "O24.UBND")]
    [InlineData("ubnd-tamnong-62",   "IV.2",  "Phòng Giáo dục và Đào tạo",                                                   "TN.PGDDT")]
    [InlineData("ubnd-tamnong-62",   "IV.3",  "Phòng Văn hóa và thông tin",                                                  "TN.PVHTT")]
    [InlineData("ubnd-tamnong-62",   "IV.4",  "Phòng Tài chính - Kế hoạch",                                                  "TN.PTCKH")]
    [InlineData("ubnd-tamnong-62",   "IV.5",  "Phòng Nội vụ",                                                                "TN.PNV")]
    public void Task_LeadAsWrittenAndItsAgency(string key, string section, string lead, string code)
    {
        var d = Doc(key);

        Assert.Contains(d.Tasks, t => t.Section == section && t.Lead == lead);
        Assert.Equal(code, d.Agencies[lead]);
    }

    [Fact]
    public void Tasks_AllMapped_DeadlineOrRecurrence_WithinTheColumns()
    {
        // Every body a document names is in the file, so that the documents load without the demo.
        var defined = File.Agencies.Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
        var tasks = File.Documents.SelectMany(d => d.Tasks.Select(t => (Doc: d, Task: t))).ToList();

        Assert.Equal(43, tasks.Count);
        Assert.All(File.Documents.SelectMany(d => d.AgencyCodes()), code => Assert.Contains(code, defined));
        Assert.All(tasks, x =>
        {
            var (d, t) = x;
            Assert.True(d.Agencies.TryGetValue(t.Lead, out var lead) && lead is not null, $"{d.Key} {t.Section}: lead '{t.Lead}' maps to no agency");
            Assert.All(t.Coordinators, c => Assert.True(d.Agencies.ContainsKey(c), $"{d.Key} {t.Section}: coordinator '{c}' is not in the map"));
            Assert.False(t.Deadline is not null && t.Recurrence is not null, $"{d.Key} {t.Section}: a deadline or a recurrence, not both");
            Assert.True(t.Deadline is null || t.Deadline >= d.IssuedOn);
            Assert.True(t.Recurrence is null || (PlanCatalog.ParseRecurrence(t.Recurrence.Kind) is not null && t.Recurrence.Day is >= 1 and <= 31 && t.Recurrence.Month is >= 1 and <= 12));
            Assert.True(t.Content.Length <= 4000 && t.Section.Length <= 64 && (t.ExpectedOutput?.Length ?? 0) <= 1000);
        });
        Assert.All(File.Documents, d => Assert.True(d.Number.Length <= 64 && d.Issuer.Length <= 250 && d.Title.Length <= 1000 && (d.Notes?.Length ?? 0) <= 4000 && (d.Signer?.Length ?? 0) <= 200));
        Assert.All(File.Documents, d => Assert.NotNull(PlanCatalog.ParseType(d.Type)));
    }

    // "Định kỳ hằng năm ... báo cáo ... (qua Sở Nội vụ tổng hợp)" and the May 2024 deadline of the provincial plan.
    [Fact]
    public void ProvincialPlan_ReportingLineThroughHomeAffairs()
    {
        var plan = Doc("ubnd-tinh-38");

        var consolidation = plan.Tasks.Single(t => t.Lead == "Sở Nội vụ");
        var reports = plan.Tasks.Single(t => t.Section == "IV.1" && t.Recurrence is not null);

        Assert.Equal(("yearly", 20, 12), (consolidation.Recurrence!.Kind, consolidation.Recurrence.Day, consolidation.Recurrence.Month));
        Assert.Equal(["Sở Nội vụ"], reports.Coordinators);
        Assert.Equal(D("2024-05-31"), plan.Tasks.Single(t => t.Section == "IV.1" && t.Deadline is not null).Deadline);
    }
}
