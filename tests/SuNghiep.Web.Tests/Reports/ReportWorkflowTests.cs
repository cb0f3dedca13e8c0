using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Reporting;
using SuNghiep.Web.Api;
using SuNghiep.Web.Tests.Indicators;
using static SuNghiep.Web.Tests.Reports.ReportsClient;

namespace SuNghiep.Web.Tests.Reports;

/// <summary>
/// The round of a periodic report (Decree 09/2019): the upper level requests, each lower level fills a report whose tables
/// come from the register as of the cut-off, submits it (the tables freeze), is returned with comments, resubmits, and is
/// accepted; the upper level consolidates the accepted reports beside its own register figures.
/// </summary>
public sealed class ReportWorkflowTests(AppHosts hosts)
{
    private static readonly DateOnly CutOff2025 = new(2025, 12, 14);

    [Theory, DatabaseData]
    public async Task Request_AnnualForDepartments_DeadlineOfTheDepartmentLevelAndADraftEach(DatabaseProvider provider)
    {
        var w = await ReportWorld.CreateAsync(await hosts.GetAsync(provider));

        var request = await w.RequestAsync();

        // The regime gives departments the 15th of the period's last month: 15/12/2025 is a Monday.
        Assert.Equal(("2025", new DateOnly(2024, 12, 15), CutOff2025, new DateOnly(2025, 12, 15)), (request.PeriodCode, request.PeriodFrom, request.CutOff, request.Deadline));
        Assert.Equal([w.First, w.Second], request.ReporterAgencyIds.Order().ToArray());
        Assert.Contains("Năm 2025", request.Title, StringComparison.Ordinal);
        var own = await w.ReportOfAsync(w.FirstOfficer, request.Id);
        Assert.Equal(("draft", false, true), (own.Status, own.Frozen, own.MayEdit));
        Assert.Equal(2m, UnitsAtCutOff(own.Tables, request.CutOff));
        Assert.Equal(["I", "II", "II.1", "II.2"], own.Sections.Take(4).Select(s => s.Key).ToArray());
        // The inbox: each reporter sees the request; only the requester manages it.
        var inbox = await w.SecondOfficer.ReadAsync<RequestListResponse>("/api/v1/report-requests");
        Assert.False(Assert.Single(inbox.Items, i => i.Id == request.Id).MayManage);
        Assert.True(Assert.Single((await w.ParentOfficer.ReadAsync<RequestListResponse>("/api/v1/report-requests")).Items, i => i.Id == request.Id).MayManage);
    }

    [Theory, DatabaseData]
    public async Task Request_BadInput_VietnameseProblemsByField(DatabaseProvider provider)
    {
        var w = await ReportWorld.CreateAsync(await hosts.GetAsync(provider));
        var outsideSubtree = await w.App.AgencyIdAsync("92.SGDDT");

        async Task<IReadOnlyDictionary<string, string[]>> ErrorsAsync(JsonObject body)
        {
            using var response = await w.ParentOfficer.PostAsync("/api/v1/report-requests", UnitsClient.Content(body.ToJsonString()));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return await response.ValidationErrorsAsync();
        }

        Assert.Contains("periodCode", (await ErrorsAsync(w.AnnualRequest("2025-Q5"))).Keys);
        Assert.Contains("không phù hợp", (await ErrorsAsync(w.AnnualRequest("2025-Q3")))["periodCode"][0], StringComparison.Ordinal);
        Assert.Contains("không thuộc", (await ErrorsAsync(w.AnnualRequest().With("reporterAgencyIds", new JsonArray(outsideSubtree))))["reporterAgencyIds"][0], StringComparison.Ordinal);
        Assert.Contains("regimeCode", (await ErrorsAsync(w.AnnualRequest().With("regimeCode", "KHONG-CO"))).Keys);
        Assert.Contains("deadline", (await ErrorsAsync(w.AnnualRequest().With("regimeCode", ReportingCatalog.AdHocCode).With("periodCode", null))).Keys);
        // A department does not request reports in its parent's name.
        using var refused = await w.FirstOfficer.PostAsync("/api/v1/report-requests", UnitsClient.Content(w.AnnualRequest().ToJsonString()));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task Workflow_SubmitReturnResubmitAccept_EachStepWithWhoAndWhen(DatabaseProvider provider)
    {
        var w = await ReportWorld.CreateAsync(await hosts.GetAsync(provider));
        var request = await w.RequestAsync();
        var draft = await w.ReportOfAsync(w.FirstOfficer, request.Id);

        using var saved = await w.FirstOfficer.PutReportAsync(draft.Id, new JsonObject
        {
            ["sections"] = new JsonObject { ["I"] = $"Đã ban hành kế hoạch {w.Token}.", ["II.2"] = "Giảm 2 đơn vị so với năm 2015." },
            ["signerCapacity"] = "KT. GIÁM ĐỐC|PHÓ GIÁM ĐỐC", ["signerName"] = "Nguyễn Văn A",
        }, ETag(draft));
        var afterSave = await saved.BodyAsync<ReportResponse>();
        Assert.Equal($"Đã ban hành kế hoạch {w.Token}.", afterSave.Sections.Single(s => s.Key == "I").Text);

        var submitted = await w.FirstOfficer.StepOkAsync(draft.Id, "submit");
        Assert.Equal(("submitted", true, false), (submitted.Status, submitted.Frozen, submitted.MayEdit));
        Assert.Equal(HttpStatusCode.Conflict, await w.FirstOfficer.PutReportAsync(draft.Id, new JsonObject { ["sections"] = new JsonObject() }, ETag(submitted)).StatusOfAsync());
        // The reporter does not judge its own report; the requester does.
        Assert.Equal(HttpStatusCode.Forbidden, await w.FirstOfficer.StepAsync(draft.Id, "accept").StatusOfAsync());
        Assert.True((await w.ParentOfficer.ReadAsync<ReportResponse>($"/api/v1/reports/{draft.Id}")).MayReview);

        using (var noComment = await w.ParentOfficer.StepAsync(draft.Id, "return", new JsonObject { ["comment"] = " " }))
        {
            Assert.Contains("comment", (await noComment.ValidationErrorsAsync()).Keys);
        }

        var returned = await w.ParentOfficer.StepOkAsync(draft.Id, "return", new JsonObject
        {
            ["comment"] = "Bổ sung số liệu", ["sections"] = new JsonObject { ["II.2"] = "Nêu rõ tỷ lệ giảm so với năm 2021." },
        });
        Assert.Equal("returned", returned.Status);
        var seenByReporter = await w.FirstOfficer.ReadAsync<ReportResponse>($"/api/v1/reports/{draft.Id}");
        Assert.Equal(("Bổ sung số liệu", "Nêu rõ tỷ lệ giảm so với năm 2021.", true),
            (seenByReporter.Returned!.Comment, seenByReporter.Sections.Single(s => s.Key == "II.2").Comment, seenByReporter.MayEdit));

        var resubmitted = await w.FirstOfficer.StepOkAsync(draft.Id, "submit");
        var accepted = await w.ParentOfficer.StepOkAsync(draft.Id, "accept");

        Assert.Equal("submitted", resubmitted.Status);
        Assert.Equal("accepted", accepted.Status);
        Assert.Equal(["submitted", "returned", "resubmitted", "accepted"], accepted.Steps.Select(s => s.Action).ToArray());
        Assert.All(accepted.Steps, s => Assert.False(string.IsNullOrEmpty(s.ActorName)));
        Assert.Equal(HttpStatusCode.Conflict, await w.ParentOfficer.StepAsync(draft.Id, "return", new JsonObject { ["comment"] = "Muộn" }).StatusOfAsync());
        var audited = await w.App.WithDbAsync((db, _) => db.AuditEntries.CountAsync(a => a.EntityType == "Report" && a.EntityId == draft.Id.ToString()));
        Assert.True(audited >= 5, $"{audited} audit rows for the report");
    }

    [Theory, DatabaseData]
    public async Task Save_TwoEditorsOfOneDraft_TheSecondIsRefusedWith412(DatabaseProvider provider)
    {
        var w = await ReportWorld.CreateAsync(await hosts.GetAsync(provider));
        var request = await w.RequestAsync();
        var (colleague, _) = await w.App.SignInAsNewUserAsync(Core.Entities.Roles.AgencyOfficer,
            agency: await w.App.WithDbAsync((db, _) => db.Agencies.Where(a => a.Id == w.First).Select(a => a.Code).SingleAsync()));
        var read = await w.ReportOfAsync(w.FirstOfficer, request.Id);
        var readByColleague = await w.ReportOfAsync(colleague, request.Id);

        using var first = await w.FirstOfficer.PutReportAsync(read.Id, new JsonObject { ["sections"] = new JsonObject { ["IV"] = "Bản thứ nhất" } }, ETag(read));
        using var second = await colleague.PutReportAsync(read.Id, new JsonObject { ["sections"] = new JsonObject { ["IV"] = "Bản thứ hai" } }, ETag(readByColleague));
        using var byRevision = await colleague.PutReportAsync(read.Id, new JsonObject { ["sections"] = new JsonObject { ["IV"] = "Bản thứ ba" }, ["revision"] = readByColleague.Revision }, null);
        using var unguarded = await colleague.PutReportAsync(read.Id, new JsonObject { ["sections"] = new JsonObject { ["IV"] = "Bản thứ tư" } }, null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal((HttpStatusCode.PreconditionFailed, HttpStatusCode.PreconditionFailed, (HttpStatusCode)428),
            (second.StatusCode, byRevision.StatusCode, unguarded.StatusCode));
        Assert.Equal("Dữ liệu đã được người khác thay đổi", await second.ProblemTitleAsync());
        Assert.Equal("Bản thứ nhất", (await w.ReportOfAsync(colleague, request.Id)).Sections.Single(s => s.Key == "IV").Text);
    }

    [Theory, DatabaseData]
    public async Task Submit_ThenTheRegisterChanges_TheReportKeepsItsFiguresAndShowsTheDifference(DatabaseProvider provider)
    {
        var w = await ReportWorld.CreateAsync(await hosts.GetAsync(provider));
        var request = await w.RequestAsync();
        var draft = await w.ReportOfAsync(w.FirstOfficer, request.Id);
        await w.FirstOfficer.StepOkAsync(draft.Id, "submit");

        await w.Admin.UnitAsync(w.Token, "A3", w.First, "213", new DateOnly(2020, 5, 1));
        var after = await w.ParentOfficer.ReadAsync<ReportResponse>($"/api/v1/reports/{draft.Id}");

        Assert.Equal((2m, 3m), (UnitsAtCutOff(after.Tables, request.CutOff), UnitsAtCutOff(after.Register, request.CutOff)));
        var (row, column) = CutOffCell(after.Tables, request.CutOff);
        var difference = Assert.Single(after.Differences, d => d.Annex == "I" && d.Row == row && d.Column == column);
        Assert.Equal((2m, 3m), (difference.Report, difference.Register));
        // A draft follows the register.
        var other = await w.ReportOfAsync(w.SecondOfficer, request.Id);
        Assert.Empty(other.Differences);
    }

    [Theory, DatabaseData]
    public async Task Consolidated_AWrongLowerReport_IsFlaggedBesideTheRegister(DatabaseProvider provider)
    {
        var w = await ReportWorld.CreateAsync(await hosts.GetAsync(provider));
        var request = await w.RequestAsync();
        var first = await w.ReportOfAsync(w.FirstOfficer, request.Id);
        var second = await w.ReportOfAsync(w.SecondOfficer, request.Id);
        var (row, column) = CutOffCell(second.Tables, request.CutOff);
        using (var corrected = await w.SecondOfficer.PutReportAsync(second.Id, new JsonObject
        {
            ["corrections"] = new JsonArray(new JsonObject { ["annex"] = "I", ["row"] = row, ["column"] = column, ["value"] = 5, ["reason"] = "Tính cả 4 điểm trường" }),
            ["sections"] = new JsonObject { ["III.1"] = $"Ưu điểm của B {w.Token}" },
        }, ETag(second)))
        {
            Assert.Equal(5m, UnitsAtCutOff((await corrected.BodyAsync<ReportResponse>()).Tables, request.CutOff));
        }

        using (var unexplained = await w.FirstOfficer.PutReportAsync(first.Id, new JsonObject
        {
            ["corrections"] = new JsonArray(new JsonObject { ["annex"] = "I", ["row"] = row, ["column"] = column, ["value"] = 9, ["reason"] = "" }),
        }, ETag(first)))
        {
            Assert.Contains("corrections[0]", (await unexplained.ValidationErrorsAsync()).Keys);
        }

        await w.FirstOfficer.StepOkAsync(first.Id, "submit");
        await w.SecondOfficer.StepOkAsync(second.Id, "submit");
        await w.ParentOfficer.StepOkAsync(first.Id, "accept");
        var acceptedSecond = await w.ParentOfficer.StepOkAsync(second.Id, "accept");
        var consolidated = await w.ParentOfficer.ReadAsync<ConsolidatedResponse>($"/api/v1/report-requests/{request.Id}/consolidated?tolerance=1");

        // The correction and its reason reach the upper level.
        Assert.Equal("Tính cả 4 điểm trường", Assert.Single(acceptedSecond.Corrections).Reason);
        var annex = consolidated.Annexes.Single(a => a.Number == "I");
        Assert.Equal(7m, annex.Summed.Rows[row].Cells[column].Value);
        var flagged = Assert.Single(annex.Differences, d => d.Row == row && d.Column == column);
        Assert.Equal((7m, 3m, true), (flagged.Summed, flagged.Direct, flagged.OverTolerance));
        Assert.True(consolidated.Flagged >= 1);
        Assert.Equal(2, consolidated.Reporters.Count);
        Assert.Contains(consolidated.Sections.Single(s => s.Key == "III.1").Points, p => p.Text == $"Ưu điểm của B {w.Token}");

        // P's own report to the level above takes the consolidated figures, each with the consolidation as its reason.
        using var upward = await w.Admin.PostAsync("/api/v1/report-requests", UnitsClient.Content(new JsonObject
        {
            ["regimeCode"] = ReportingCatalog.AdHocCode, ["deadline"] = "2026-01-15", ["cutOff"] = "2025-12-14",
            ["requesterAgencyId"] = w.Top, ["reporterAgencyIds"] = new JsonArray(w.Parent),
        }.ToJsonString()));
        var own = await w.ReportOfAsync(w.ParentOfficer, (await upward.BodyAsync<RequestView>(HttpStatusCode.Created)).Id);
        using (var wrong = await w.ParentOfficer.PostAsync($"/api/v1/reports/{own.Id}/take-consolidated", UnitsClient.Content($$"""{"requestId":{{own.RequestId}}}""")))
        {
            Assert.Contains("requestId", (await wrong.ValidationErrorsAsync()).Keys);
        }

        using var taken = await w.ParentOfficer.PostAsync($"/api/v1/reports/{own.Id}/take-consolidated", UnitsClient.Content($$"""{"requestId":{{request.Id}}}"""));
        var withSums = await taken.BodyAsync<ReportResponse>();
        Assert.Equal((7m, 3m), (UnitsAtCutOff(withSums.Tables, request.CutOff), UnitsAtCutOff(withSums.Register, request.CutOff)));
        Assert.Contains($"yêu cầu số {request.Id}", Assert.Single(withSums.Corrections, c => c.Row == row && c.Column == column).Reason, StringComparison.Ordinal);
        Assert.Equal("consolidated", Assert.Single(withSums.Steps).Action);
    }

    [Theory, DatabaseData]
    public async Task Scope_AnotherDepartment_SeesNoneOfIt_AndASiblingNotTheOthersReport(DatabaseProvider provider)
    {
        var w = await ReportWorld.CreateAsync(await hosts.GetAsync(provider));
        var request = await w.RequestAsync();
        var first = await w.ReportOfAsync(w.FirstOfficer, request.Id);

        foreach (var url in new[]
                 {
                     $"/api/v1/report-requests/{request.Id}", $"/api/v1/report-requests/{request.Id}/board", $"/api/v1/report-requests/{request.Id}/consolidated",
                     $"/api/v1/reports/{first.Id}", $"/api/v1/reports/{first.Id}/document.docx", $"/api/v1/reports/{first.Id}/tables.xlsx",
                 })
        {
            Assert.Equal(HttpStatusCode.NotFound, await w.Outsider.GetAsync(url).StatusOfAsync());
        }

        Assert.Equal(HttpStatusCode.NotFound, await w.SecondOfficer.GetAsync($"/api/v1/reports/{first.Id}").StatusOfAsync());
        Assert.Equal(HttpStatusCode.NotFound, await w.Outsider.StepAsync(first.Id, "submit").StatusOfAsync());
        Assert.Equal(0, (await w.Outsider.ReadAsync<ReportListResponse>($"/api/v1/reports?requestId={request.Id}")).Total);
        Assert.DoesNotContain((await w.Outsider.ReadAsync<RequestListResponse>("/api/v1/report-requests")).Items, i => i.Id == request.Id);
        Assert.Equal(1, (await w.SecondOfficer.ReadAsync<ReportListResponse>($"/api/v1/reports?requestId={request.Id}")).Total);
        Assert.Equal(2, (await w.ParentOfficer.ReadAsync<ReportListResponse>($"/api/v1/reports?requestId={request.Id}")).Total);
        // The board is the requester's.
        Assert.Equal(HttpStatusCode.NotFound, await w.SecondOfficer.GetAsync($"/api/v1/report-requests/{request.Id}/board").StatusOfAsync());
    }

    [Theory, DatabaseData]
    public async Task Board_AdHocRequestPastItsDeadline_LateByDays_AndOneClickReminds(DatabaseProvider provider)
    {
        var w = await ReportWorld.CreateAsync(await hosts.GetAsync(provider));
        var deadline = new DateOnly(2025, 2, 3);
        var request = await w.RequestAsync(new JsonObject
        {
            ["regimeCode"] = ReportingCatalog.AdHocCode, ["deadline"] = "2025-02-03", ["cutOff"] = "2025-01-31", ["title"] = $"Báo cáo nhanh {w.Token}",
            ["requesterAgencyId"] = w.Parent, ["reporterAgencyIds"] = new JsonArray(w.First, w.Second),
        });
        var second = await w.ReportOfAsync(w.SecondOfficer, request.Id);
        await w.SecondOfficer.StepOkAsync(second.Id, "submit");

        var board = await w.ParentOfficer.ReadAsync<BoardView>($"/api/v1/report-requests/{request.Id}/board");
        using var remind = await w.ParentOfficer.PostAsync($"/api/v1/report-requests/{request.Id}/remind", null);
        var reminded = await remind.BodyAsync<RemindResponse>();

        var today = board.Today;
        var late = board.Rows.Single(r => r.AgencyId == w.First);
        Assert.Equal(("draft", today.DayNumber - deadline.DayNumber), (late.Status, late.DaysLate));
        Assert.True(board.Rows.Single(r => r.AgencyId == w.Second).DaysLate > 0, "submitted after the deadline stays late");
        Assert.Equal((1, 1), (reminded.Late, reminded.Notices));
        var notices = await w.FirstOfficer.ReadAsync<Web.Api.NotificationListResponse>("/api/v1/notifications");
        Assert.Contains(notices.Items, n => n.Kind == "report_reminder" && n.Message.Contains(w.Token, StringComparison.Ordinal));
        Assert.DoesNotContain((await w.SecondOfficer.ReadAsync<Web.Api.NotificationListResponse>("/api/v1/notifications")).Items, n => n.Kind == "report_reminder");
        // Reminding twice on one day adds nothing; a reporter may not remind.
        using var again = await w.ParentOfficer.PostAsync($"/api/v1/report-requests/{request.Id}/remind", null);
        Assert.Equal(0, (await again.BodyAsync<RemindResponse>()).Notices);
        Assert.Equal(HttpStatusCode.NotFound, await w.FirstOfficer.PostAsync($"/api/v1/report-requests/{request.Id}/remind", null).StatusOfAsync());
    }

    [Theory, DatabaseData]
    public async Task Output_DocxAndXlsx_AreOfficeFilesWithTheReportInThem(DatabaseProvider provider)
    {
        var w = await ReportWorld.CreateAsync(await hosts.GetAsync(provider));
        var request = await w.RequestAsync();
        var draft = await w.ReportOfAsync(w.FirstOfficer, request.Id);
        using (await w.FirstOfficer.PutReportAsync(draft.Id, new JsonObject { ["sections"] = new JsonObject { ["II.1"] = $"Thể chế {w.Token}" } }, ETag(draft)))
        {
        }

        using var docx = await w.ParentOfficer.GetAsync($"/api/v1/reports/{draft.Id}/document.docx");
        using var xlsx = await w.ParentOfficer.GetAsync($"/api/v1/reports/{draft.Id}/tables.xlsx");

        Assert.Equal(ReportsApi.DocxType, docx.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ReorganizationsApi.XlsxType, xlsx.Content.Headers.ContentType?.MediaType);
        var body = await docx.Content.ReadAsByteArrayAsync();
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(body));
        using var reader = new StreamReader(archive.GetEntry("word/document.xml")!.Open());
        var xml = await reader.ReadToEndAsync();
        Assert.Contains($"Thể chế {w.Token}", xml, StringComparison.Ordinal);
        Assert.Contains(draft.ReporterAgencyName, xml, StringComparison.Ordinal);
        Assert.Equal((byte)'P', (await xlsx.Content.ReadAsByteArrayAsync())[0]);
    }

    [Theory, DatabaseData]
    public async Task Periods_QuarterOf2025ForACommune_AndBadParameters(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);
        using var client = await app.AdminAsync();

        var quarters = await client.ReadAsync<PeriodListResponse>("/api/v1/reporting-periods?frequency=quarter&year=2025&level=commune");
        using var raw = await client.GetAsync("/api/v1/reporting-periods?frequency=half&year=2025");
        using var bad = await client.GetAsync("/api/v1/reporting-periods?frequency=week&year=abc&level=x");
        var ministry = await client.ReadAsync<PeriodListResponse>("/api/v1/reporting-periods?frequency=month&year=2025&level=ministry");

        Assert.Equal(["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"], quarters.Items.Select(p => p.Code).ToArray());
        Assert.Equal((new DateOnly(2025, 6, 15), new DateOnly(2025, 9, 14), new DateOnly(2025, 9, 10), "Quý III năm 2025"),
            (quarters.Items[2].From, quarters.Items[2].To, quarters.Items[2].Deadline, quarters.Items[2].Name));
        Assert.Contains("\"from\":\"2024-12-15\",\"to\":\"2025-06-14\",\"deadline\":\"2025-06-25\"", await raw.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // January 2025's 25th is a Saturday: a ministry's deadline moves to Monday the 27th.
        Assert.Equal(new DateOnly(2025, 1, 27), ministry.Items[0].Deadline);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["frequency", "level", "year"], (await bad.ValidationErrorsAsync()).Keys.Order().ToArray());
        var regimes = await client.ReadAsync<RegimeListResponse>("/api/v1/reporting-regimes");
        var kl62 = regimes.Items.Single(r => r.Code == ReportingCatalog.Conclusion62Code);
        Assert.Equal(["I", "II", "III", "IV", "V", "VI", "VII", "VIII"], kl62.Annexes);
        Assert.Equal(9, kl62.Outline.Single(s => s.Number == "II").Items.Count);
        Assert.Contains(regimes.Forms, f => f.Code == "0101.N/BNV-TCHC");
    }
}
