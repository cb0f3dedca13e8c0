using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Indicators;
using SuNghiep.Core.Reporting.Documents;
using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Reporting;

/// <summary>
/// Requests, reports and their workflow. Scope: a caller sees a request when its scope reaches the requesting agency or
/// one of the reporters, and a report when it reaches the reporter or the requester. The reporter's officers write and
/// submit; the requester's officers return and accept; both by <see cref="Permissions.MayActFor"/>.
/// </summary>
public sealed class ReportService(SuNghiepDbContext db, ReportAnnexes annexes, TimeProvider time)
{
    public const int MaxReporters = 5000;
    public const int MaxSectionText = 20_000;
    public const int MaxReason = 1000;

    private DateOnly Today => VietnamTime.Today(time);

    // ---- regimes and forms ----

    public async Task<IReadOnlyList<RegimeView>> RegimesAsync(CancellationToken ct = default) =>
        (await db.ReportingRegimes.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct)).Select(ToView).ToList();

    public async Task<IReadOnlyList<FormView>> FormsAsync(CancellationToken ct = default) =>
        (await db.StatisticalForms.AsNoTracking().OrderBy(f => f.Code).ToListAsync(ct))
            .Select(f => new FormView(f.Code, f.Name, f.Period, f.LegalBasis, f.Reporter, f.Receiver, f.DueDate, ReportingCatalog.List(f.IndicatorCodes)))
            .ToList();

    private static RegimeView ToView(ReportingRegime r) => new(
        r.Code, r.Name, r.LegalBasis, r.Frequency is { } f ? ReportingPeriods.FrequencyCode(f) : null,
        r.Frequency is { } g ? ReportingPeriods.FrequencyName(g) : "Đột xuất", r.Recipient, ReportingCatalog.List(r.ReporterLevels),
        ReportingCatalog.List(r.Annexes), ReportingCatalog.Outline(r.OutlineJson), ReportingCatalog.DeadlineDays(r.DeadlineDaysJson));

    /// <summary>The reporting level of an agency, as regimes name their deadlines.</summary>
    public static string LevelOf(AgencyKind kind) => kind switch
    {
        AgencyKind.Ministry => "central",
        AgencyKind.ProvincialPeoplesCommittee => "province",
        AgencyKind.DistrictPeoplesCommittee => "district",
        AgencyKind.CommunePeoplesCommittee => "commune",
        _ => "department",
    };

    // ---- scope ----

    /// <summary>The agencies the caller's scope reaches, as a subquery.</summary>
    private IQueryable<int> Reachable()
    {
        var s = db.Scope;
        var unrestricted = s.Unrestricted;
        var path = s.AgencyPath;
        var area = s.AreaPath;
        return db.Agencies.Where(a => unrestricted
                || (path != null && a.LineagePath.StartsWith(path))
                || (area != null && a.Area != null && a.Area.LineagePath.StartsWith(area)))
            .Select(a => a.Id);
    }

    private IQueryable<ReportRequest> VisibleRequests()
    {
        var reach = Reachable();
        return db.ReportRequests.Where(r => reach.Contains(r.RequesterAgencyId) || r.Reports.Any(p => reach.Contains(p.ReporterAgencyId)));
    }

    internal IQueryable<Report> VisibleReports()
    {
        var reach = Reachable();
        return db.Reports.Where(r => reach.Contains(r.ReporterAgencyId) || reach.Contains(r.Request!.RequesterAgencyId));
    }

    private Task<AgencyPlace?> PlaceAsync(int agencyId, CancellationToken ct) =>
        db.Agencies.AsNoTracking().Where(a => a.Id == agencyId)
            .Select(a => new AgencyPlace(a.LineagePath, a.Area != null ? a.Area.LineagePath : null)).FirstOrDefaultAsync(ct);

    private async Task<bool> MayActForAsync(int agencyId, CancellationToken ct) => Permissions.MayActFor(db.Scope, await PlaceAsync(agencyId, ct));

    private async Task<bool> ReachesAsync(int agencyId, CancellationToken ct) => await PlaceAsync(agencyId, ct) is { } place && Permissions.Contains(db.Scope, place);

    // ---- requests ----

    public async Task<IReadOnlyList<RequestListItem>> ListRequestsAsync(CancellationToken ct = default)
    {
        var reach = Reachable();
        var rows = await VisibleRequests().AsNoTracking()
            .OrderByDescending(r => r.Deadline).ThenByDescending(r => r.Id)
            .Select(r => new
            {
                r.Id, r.Regime!.Code, r.PeriodCode, r.Title, r.CutOff, r.Deadline, Requester = r.RequesterAgency!.Name, r.RequesterAgencyId,
                RequesterVisible = reach.Contains(r.RequesterAgencyId),
                Reporters = r.Reports.Count(),
                Submitted = r.Reports.Count(p => p.Status == ReportStatus.Submitted || p.Status == ReportStatus.Accepted),
                Accepted = r.Reports.Count(p => p.Status == ReportStatus.Accepted),
            })
            .Take(500)
            .ToListAsync(ct);
        var managed = new Dictionary<int, bool>();
        var items = new List<RequestListItem>();
        foreach (var r in rows)
        {
            if (!managed.TryGetValue(r.RequesterAgencyId, out var may))
            {
                managed[r.RequesterAgencyId] = may = await MayActForAsync(r.RequesterAgencyId, ct);
            }

            items.Add(new(r.Id, r.Code, r.PeriodCode, r.Title, r.CutOff, r.Deadline, r.Requester, r.Reporters, r.Submitted, r.Accepted, may));
        }

        return items;
    }

    public async Task<RequestView?> GetRequestAsync(int id, CancellationToken ct = default)
    {
        var r = await VisibleRequests().AsNoTracking().Where(x => x.Id == id)
            .Select(x => new
            {
                x.Id, x.Regime!.Code, RegimeName = x.Regime.Name, x.PeriodCode, x.Title, x.PeriodFrom, x.CutOff, x.Deadline, x.RequesterAgencyId,
                Requester = x.RequesterAgency!.Name, Reporters = x.Reports.OrderBy(p => p.ReporterAgencyId).Select(p => p.ReporterAgencyId).ToList(),
                x.Notes, x.CreatedBy, x.CreatedAt,
            })
            .FirstOrDefaultAsync(ct);
        return r is null ? null : new RequestView(
            r.Id, r.Code, r.RegimeName, r.PeriodCode, ReportingPeriods.Parse(r.PeriodCode)?.Name, r.Title, r.PeriodFrom, r.CutOff, r.Deadline,
            r.RequesterAgencyId, r.Requester, r.Reporters, r.Notes, r.CreatedBy, r.CreatedAt, await MayActForAsync(r.RequesterAgencyId, ct));
    }

    /// <summary>Issues a request and opens a draft report for each reporter; the deadline defaults to the regime's day for the reporters' level.</summary>
    public async Task<ReportOutcome> CreateRequestAsync(RequestInput input, CancellationToken ct = default)
    {
        var errors = new List<RuleViolation>();
        var regime = string.IsNullOrWhiteSpace(input.RegimeCode) ? null
            : await db.ReportingRegimes.AsNoTracking().FirstOrDefaultAsync(r => r.Code == input.RegimeCode.Trim(), ct);
        if (regime is null)
        {
            errors.Add(new("regimeCode", string.IsNullOrWhiteSpace(input.RegimeCode)
                ? "Chọn chế độ báo cáo." : $"Không có chế độ báo cáo mã \"{input.RegimeCode}\"."));
        }

        var requesterId = input.RequesterAgencyId ?? await OwnAgencyAsync(ct);
        var requester = requesterId is { } rid
            ? await db.Agencies.AsNoTracking().Where(a => a.Id == rid).Select(a => new { a.Id, a.Path, a.Name }).FirstOrDefaultAsync(ct)
            : null;
        if (requester is null)
        {
            errors.Add(new("requesterAgencyId", requesterId is null
                ? "Tài khoản không gắn với cơ quan nào: chọn cơ quan yêu cầu báo cáo." : "Cơ quan yêu cầu báo cáo không có trong sổ."));
        }
        else if (!await MayActForAsync(requester.Id, ct))
        {
            return ReportOutcome.Refused($"Tài khoản không được yêu cầu báo cáo nhân danh {requester.Name}.");
        }

        ReportingPeriod? period = null;
        if (regime is not null)
        {
            if (regime.Frequency is { } frequency)
            {
                period = ReportingPeriods.Parse(input.PeriodCode);
                if (period is null)
                {
                    errors.Add(new("periodCode", string.IsNullOrWhiteSpace(input.PeriodCode)
                        ? "Chọn kỳ báo cáo (ví dụ 2025, 2025-H1, 2025-Q3, 2025-M07)."
                        : $"Kỳ báo cáo \"{input.PeriodCode}\" không hợp lệ (ví dụ 2025, 2025-H1, 2025-Q3, 2025-M07, 2025-9M)."));
                }
                else if (period.Frequency != frequency)
                {
                    errors.Add(new("periodCode", $"Chế độ báo cáo này là {ReportingPeriods.FrequencyName(frequency).ToLowerInvariant()}: kỳ \"{period.Code}\" không phù hợp."));
                }
            }
            else
            {
                if (!string.IsNullOrWhiteSpace(input.PeriodCode))
                {
                    errors.Add(new("periodCode", "Báo cáo đột xuất không theo kỳ: bỏ trống kỳ báo cáo và ghi thời hạn."));
                }

                if (input.Deadline is null)
                {
                    errors.Add(new("deadline", "Báo cáo đột xuất cần thời hạn gửi báo cáo."));
                }
            }
        }

        var ids = (input.ReporterAgencyIds ?? []).Distinct().ToList();
        var reporters = new List<(int Id, AgencyKind Kind)>();
        if (ids.Count == 0)
        {
            errors.Add(new("reporterAgencyIds", "Chọn ít nhất một cơ quan báo cáo."));
        }
        else if (ids.Count > MaxReporters)
        {
            errors.Add(new("reporterAgencyIds", $"Một yêu cầu gửi tối đa {MaxReporters} cơ quan."));
        }
        else if (requester is not null)
        {
            var found = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id))
                .Select(a => new { a.Id, a.Path, a.Name, a.Kind, a.ValidTo }).ToListAsync(ct);
            foreach (var id in ids)
            {
                var a = found.FirstOrDefault(x => x.Id == id);
                if (a is null)
                {
                    errors.Add(new("reporterAgencyIds", $"Không có cơ quan mã số {id} trong sổ."));
                }
                else if (a.Id == requester.Id || !a.Path.StartsWith(requester.Path, StringComparison.Ordinal))
                {
                    errors.Add(new("reporterAgencyIds", $"{a.Name} không thuộc {requester.Name}: chỉ yêu cầu báo cáo các cơ quan cấp dưới."));
                }
                else if (a.ValidTo is { } end && end < Today)
                {
                    errors.Add(new("reporterAgencyIds", $"{a.Name} đã chấm dứt hoạt động từ {end:dd/MM/yyyy}."));
                }
                else
                {
                    reporters.Add((a.Id, a.Kind));
                }
            }
        }

        var title = input.Title?.Trim();
        if (title is { Length: > 500 })
        {
            errors.Add(new("title", "Tên báo cáo dài tối đa 500 ký tự."));
        }

        if (input.Notes is { Length: > 2000 })
        {
            errors.Add(new("notes", "Ghi chú dài tối đa 2.000 ký tự."));
        }

        if (errors.Count > 0)
        {
            return ReportOutcome.Bad(errors);
        }

        DateOnly deadline;
        if (input.Deadline is { } given)
        {
            deadline = given;
        }
        else
        {
            // The earliest day among the reporters' levels, so that no level is given a later day than its regime says.
            var days = ReportingCatalog.DeadlineDays(regime!.DeadlineDaysJson);
            var day = reporters.Select(r => ReportingPeriods.DeadlineDay(days, LevelOf(r.Kind)) ?? 25).Min();
            deadline = period!.DeadlineOn(day);
        }

        var cutOff = period?.To ?? input.CutOff ?? Today;
        if (input.Deadline is not null && deadline < cutOff)
        {
            return ReportOutcome.Bad(new RuleViolation("deadline", $"Thời hạn gửi báo cáo phải từ ngày chốt số liệu ({cutOff:dd/MM/yyyy}) trở đi."));
        }

        var now = time.GetUtcNow().UtcDateTime;
        var request = new ReportRequest
        {
            RegimeId = regime!.Id,
            PeriodCode = period?.Code,
            Title = string.IsNullOrEmpty(title) ? period is null ? regime.Name : $"{regime.Name} - {period.Name}" : title,
            PeriodFrom = period?.From ?? cutOff,
            CutOff = cutOff,
            Deadline = deadline,
            RequesterAgencyId = requester!.Id,
            Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim(),
            CreatedBy = db.Actor.Name,
            CreatedAt = now,
            Reports = reporters.Select(r => new Report { ReporterAgencyId = r.Id, Status = ReportStatus.Draft, UpdatedAt = now }).ToList(),
        };
        db.ReportRequests.Add(request);
        await db.SaveChangesAsync(ct);
        return ReportOutcome.Ok(request.Id);
    }

    private async Task<int?> OwnAgencyAsync(CancellationToken ct) =>
        db.Actor.Id is { } userId ? await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.ScopeAgencyId).FirstOrDefaultAsync(ct) : null;

    // ---- reports ----

    public async Task<(IReadOnlyList<ReportListItem> Items, int Total)> ListReportsAsync(
        int? requestId, ReportStatus? status, int page, int pageSize, CancellationToken ct = default)
    {
        var query = VisibleReports().AsNoTracking();
        if (requestId is { } rid)
        {
            query = query.Where(r => r.RequestId == rid);
        }

        if (status is { } s)
        {
            query = query.Where(r => r.Status == s);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(r => r.Request!.Deadline).ThenBy(r => r.ReporterAgency!.Name).ThenBy(r => r.Id)
            .Skip((Math.Max(page, 1) - 1) * pageSize).Take(pageSize)
            .Select(r => new
            {
                r.Id, r.RequestId, r.Request!.Title, r.Request.PeriodCode, r.ReporterAgencyId, Reporter = r.ReporterAgency!.Name, r.Status,
                r.Request.Deadline, r.SubmittedAt,
            })
            .ToListAsync(ct);
        var today = Today;
        return (rows.Select(r => new ReportListItem(
            r.Id, r.RequestId, r.Title, r.PeriodCode, r.ReporterAgencyId, r.Reporter, ReportRules.StatusCode(r.Status), ReportRules.StatusName(r.Status),
            r.Deadline, r.SubmittedAt, ReportRules.DaysLate(r.Status, r.Deadline, Date(r.SubmittedAt), today))).ToList(), total);
    }

    private static DateOnly? Date(DateTime? utc) => utc is { } t ? DateOnly.FromDateTime(VietnamTime.FromUtc(t)) : null;

    public async Task<ReportView?> GetReportAsync(int id, CancellationToken ct = default)
    {
        var r = await VisibleReports().AsNoTracking().Include(x => x.Request!).ThenInclude(q => q.Regime)
            .Include(x => x.Request!).ThenInclude(q => q.RequesterAgency)
            .Include(x => x.ReporterAgency).Include(x => x.Steps)
            .AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null)
        {
            return null;
        }

        var request = r.Request!;
        var corrections = Corrections(r.CorrectionsJson);
        var register = await annexes.BuildAsync(new IndicatorScope(AgencyId: r.ReporterAgencyId), request.CutOff, ct);
        var frozen = r.FrozenTablesJson is not null && !ReportRules.IsWithReporter(r.Status);
        var tables = frozen ? Tables(r.FrozenTablesJson!) : Apply(register, corrections);
        var returned = r.ReturnCommentsJson is null ? null : JsonSerializer.Deserialize<ReturnComments>(r.ReturnCommentsJson, ReportingCatalog.Json);
        var texts = Sections(r.SectionsJson);
        var sections = ReportingCatalog.Flatten(ReportingCatalog.Outline(request.Regime!.OutlineJson))
            .Select(e => new SectionView(e.Key, e.Depth, e.Section.Number, e.Section.Title, e.Section.Guidance, texts.GetValueOrDefault(e.Key),
                returned?.Sections.GetValueOrDefault(e.Key)))
            .ToList();
        var mayEdit = ReportRules.IsWithReporter(r.Status) && await MayActForAsync(r.ReporterAgencyId, ct);
        var mayReview = ReportRules.IsWithRequester(r.Status) && await MayActForAsync(request.RequesterAgencyId, ct);
        return new ReportView(
            r.Id, r.RequestId, request.Title, request.Regime.Code, request.Regime.Name, request.PeriodCode, ReportingPeriods.Parse(request.PeriodCode)?.Name,
            request.CutOff, request.Deadline, request.RequesterAgencyId, request.RequesterAgency!.Name, r.ReporterAgencyId, r.ReporterAgency!.Name,
            ReportRules.StatusCode(r.Status), ReportRules.StatusName(r.Status), frozen, tables, register, Differences(tables, register),
            corrections, sections, returned, r.Number, r.SignerAuthority, r.SignerCapacity, r.SignerName, r.SignedOn,
            r.SubmittedAt, r.SubmittedBy, r.ReturnedAt, r.ReturnedBy, r.AcceptedAt, r.AcceptedBy,
            ReportRules.DaysLate(r.Status, request.Deadline, Date(r.SubmittedAt), Today),
            r.Steps.OrderBy(s => s.At).ThenBy(s => s.Id).Select(s => new StepView(s.Action, StepName(s.Action), s.Comment, s.ActorName, s.At)).ToList(),
            r.Revision, mayEdit, mayReview);
    }

    public static string StepName(string action) => action switch
    {
        "submitted" => "Gửi báo cáo",
        "resubmitted" => "Gửi lại báo cáo",
        "returned" => "Trả lại để hoàn thiện",
        "accepted" => "Tiếp nhận",
        "reminded" => "Nhắc gửi báo cáo",
        "consolidated" => "Lấy số liệu tổng hợp từ cấp dưới",
        _ => action,
    };

    /// <summary>Saves the reporter's draft. Refused once submitted; stale when the revision read is not the current one.</summary>
    public async Task<ReportOutcome> SaveAsync(int id, ReportInput input, int expectedRevision, CancellationToken ct = default)
    {
        var (report, refusal) = await ForReporterAsync(id, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (report!.Revision != expectedRevision)
        {
            return new ReportOutcome(Outcome.Stale, id);
        }

        var errors = new List<RuleViolation>();
        var outline = ReportingCatalog.Flatten(ReportingCatalog.Outline(report.Request!.Regime!.OutlineJson)).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        if (input.Sections is { } sections)
        {
            var texts = Sections(report.SectionsJson).ToDictionary(StringComparer.Ordinal);
            foreach (var (key, text) in sections)
            {
                if (!outline.Contains(key))
                {
                    errors.Add(new($"sections.{key}", $"Đề cương không có mục \"{key}\"."));
                }
                else if (text is { Length: > MaxSectionText })
                {
                    errors.Add(new($"sections.{key}", $"Nội dung mục {key} dài tối đa {MaxSectionText:N0} ký tự.".Replace(",", ".", StringComparison.Ordinal)));
                }
                else if (string.IsNullOrWhiteSpace(text))
                {
                    texts.Remove(key);
                }
                else
                {
                    texts[key] = text.Trim();
                }
            }

            report.SectionsJson = JsonSerializer.Serialize(texts, ReportingCatalog.Json);
        }

        if (input.Corrections is { } corrections)
        {
            var register = await annexes.BuildAsync(new IndicatorScope(AgencyId: report.ReporterAgencyId), report.Request.CutOff, ct);
            errors.AddRange(CheckCorrections(corrections, register));
            report.CorrectionsJson = JsonSerializer.Serialize(corrections.Select(c => c with { Reason = c.Reason?.Trim() ?? "" }), ReportingCatalog.Json);
        }

        if (input.Number is { } number && number is < 1 or > 99999)
        {
            errors.Add(new("number", "Số báo cáo từ 1 đến 99999."));
        }

        foreach (var (field, value) in new[] { ("signerAuthority", input.SignerAuthority), ("signerCapacity", input.SignerCapacity), ("signerName", input.SignerName) })
        {
            if (value is { Length: > 200 })
            {
                errors.Add(new(field, "Dài tối đa 200 ký tự."));
            }
        }

        if (errors.Count > 0)
        {
            return ReportOutcome.Bad(errors);
        }

        report.Number = input.Number ?? report.Number;
        report.SignerAuthority = Trimmed(input.SignerAuthority) ?? report.SignerAuthority;
        report.SignerCapacity = Trimmed(input.SignerCapacity) ?? report.SignerCapacity;
        report.SignerName = Trimmed(input.SignerName) ?? report.SignerName;
        report.SignedOn = input.SignedOn ?? report.SignedOn;
        return await WriteAsync(report, null, ct);
    }

    /// <summary>
    /// The upper level's own report takes the consolidated tables of a request it issued: each figure where the accepted
    /// lower reports' sum differs from the register becomes a correction whose reason names the consolidation.
    /// </summary>
    public async Task<ReportOutcome> TakeConsolidatedAsync(int id, int? requestId, CancellationToken ct = default)
    {
        var (report, refusal) = await ForReporterAsync(id, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var consolidated = requestId is { } rid ? await ConsolidatedAsync(rid, 0, ct) : null;
        if (consolidated is null || consolidated.Request.RequesterAgencyId != report!.ReporterAgencyId)
        {
            return ReportOutcome.Bad(new RuleViolation("requestId", "Chọn một yêu cầu báo cáo do chính cơ quan này gửi cấp dưới."));
        }

        if (consolidated.Reporters.Count == 0)
        {
            return ReportOutcome.Bad(new RuleViolation("requestId", "Yêu cầu này chưa có báo cáo nào được tiếp nhận để tổng hợp."));
        }

        var register = await annexes.BuildAsync(new IndicatorScope(AgencyId: report.ReporterAgencyId), report.Request!.CutOff, ct);
        var reason = $"Tổng hợp từ {consolidated.Reporters.Count} báo cáo đã tiếp nhận (yêu cầu số {consolidated.Request.Id}).";
        var corrections = Corrections(report.CorrectionsJson);
        foreach (var annex in consolidated.Annexes)
        {
            var own = register.FirstOrDefault(a => a.Number == annex.Number);
            if (own is null)
            {
                continue;
            }

            for (var r = 0; r < annex.Summed.Rows.Count && r < own.Table.Rows.Count; r++)
            {
                for (var c = 0; c < own.Table.Columns.Count && c < annex.Summed.Rows[r].Cells.Count && c < own.Table.Rows[r].Cells.Count; c++)
                {
                    var sum = annex.Summed.Rows[r].Cells[c].Value;
                    if (!IsFigure(own.Table.Columns[c].Kind) || sum == own.Table.Rows[r].Cells[c].Value)
                    {
                        continue;
                    }

                    corrections.RemoveAll(x => x.Annex == annex.Number && x.Row == r && x.Column == c);
                    corrections.Add(new ReportCorrection(annex.Number, r, c, sum, reason));
                }
            }
        }

        report.CorrectionsJson = JsonSerializer.Serialize(corrections, ReportingCatalog.Json);
        return await WriteAsync(report, "consolidated", ct, reason);
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Submits (or resubmits) the report: its tables are read from the register as of the cut-off, corrected, and frozen.</summary>
    public async Task<ReportOutcome> SubmitAsync(int id, int? expectedRevision, CancellationToken ct = default)
    {
        var (report, refusal) = await ForReporterAsync(id, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (expectedRevision is { } revision && report!.Revision != revision)
        {
            return new ReportOutcome(Outcome.Stale, id);
        }

        var register = await annexes.BuildAsync(new IndicatorScope(AgencyId: report!.ReporterAgencyId), report.Request!.CutOff, ct);
        var corrections = Corrections(report.CorrectionsJson);
        if (CheckCorrections(corrections, register) is { Count: > 0 } errors)
        {
            // The register's tables changed shape since the correction was made: the reporter must look again.
            return ReportOutcome.Bad(errors);
        }

        var resubmission = report.Submissions > 0;
        report.FrozenTablesJson = JsonSerializer.Serialize(Apply(register, corrections), ReportingCatalog.Json);
        report.Status = ReportStatus.Submitted;
        report.SubmittedAt = time.GetUtcNow().UtcDateTime;
        report.SubmittedBy = db.Actor.Name;
        report.Submissions++;
        return await WriteAsync(report, resubmission ? "resubmitted" : "submitted", ct);
    }

    /// <summary>Returns a submitted report to its reporter with a comment, and comments by section key.</summary>
    public async Task<ReportOutcome> ReturnAsync(int id, string? comment, IReadOnlyDictionary<string, string>? sections, CancellationToken ct = default)
    {
        var (report, refusal) = await ForRequesterAsync(id, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var errors = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(comment))
        {
            errors.Add(new("comment", "Ghi ý kiến để cơ quan báo cáo biết cần hoàn thiện gì."));
        }
        else if (comment.Length > 4000)
        {
            errors.Add(new("comment", "Ý kiến dài tối đa 4.000 ký tự."));
        }

        var outline = ReportingCatalog.Flatten(ReportingCatalog.Outline(report!.Request!.Regime!.OutlineJson)).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, text) in sections ?? new Dictionary<string, string>())
        {
            if (!outline.Contains(key))
            {
                errors.Add(new($"sections.{key}", $"Đề cương không có mục \"{key}\"."));
            }
            else if (text is { Length: > 4000 })
            {
                errors.Add(new($"sections.{key}", "Ý kiến dài tối đa 4.000 ký tự."));
            }
        }

        if (errors.Count > 0)
        {
            return ReportOutcome.Bad(errors);
        }

        var bySection = (sections ?? new Dictionary<string, string>()).Where(s => !string.IsNullOrWhiteSpace(s.Value))
            .ToDictionary(s => s.Key, s => s.Value.Trim(), StringComparer.Ordinal);
        report.ReturnCommentsJson = JsonSerializer.Serialize(new ReturnComments(comment!.Trim(), bySection), ReportingCatalog.Json);
        report.Status = ReportStatus.Returned;
        report.ReturnedAt = time.GetUtcNow().UtcDateTime;
        report.ReturnedBy = db.Actor.Name;
        return await WriteAsync(report, "returned", ct, comment.Trim());
    }

    public async Task<ReportOutcome> AcceptAsync(int id, CancellationToken ct = default)
    {
        var (report, refusal) = await ForRequesterAsync(id, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        report!.Status = ReportStatus.Accepted;
        report.AcceptedAt = time.GetUtcNow().UtcDateTime;
        report.AcceptedBy = db.Actor.Name;
        return await WriteAsync(report, "accepted", ct);
    }

    internal async Task<(Report? Report, ReportOutcome? Refusal)> ForReporterAsync(int id, CancellationToken ct)
    {
        var report = await VisibleReports().Include(r => r.Request!).ThenInclude(q => q.Regime).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return (null, ReportOutcome.Missing);
        }

        if (!await MayActForAsync(report.ReporterAgencyId, ct))
        {
            return (null, ReportOutcome.Refused("Chỉ cơ quan báo cáo soạn và gửi báo cáo này."));
        }

        return ReportRules.IsWithReporter(report.Status) ? (report, null)
            : (null, new ReportOutcome(Outcome.WrongStatus, id, Detail:
                $"Báo cáo đang ở trạng thái \"{ReportRules.StatusName(report.Status)}\": chỉ sửa và gửi khi đang soạn hoặc bị trả lại."));
    }

    private async Task<(Report? Report, ReportOutcome? Refusal)> ForRequesterAsync(int id, CancellationToken ct)
    {
        var report = await VisibleReports().Include(r => r.Request!).ThenInclude(q => q.Regime).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return (null, ReportOutcome.Missing);
        }

        if (!await MayActForAsync(report.Request!.RequesterAgencyId, ct))
        {
            return (null, ReportOutcome.Refused("Chỉ cơ quan yêu cầu báo cáo trả lại hoặc tiếp nhận báo cáo."));
        }

        return ReportRules.IsWithRequester(report.Status) ? (report, null)
            : (null, new ReportOutcome(Outcome.WrongStatus, id, Detail:
                $"Báo cáo đang ở trạng thái \"{ReportRules.StatusName(report.Status)}\": chỉ trả lại hoặc tiếp nhận báo cáo đã gửi."));
    }

    private async Task<ReportOutcome> WriteAsync(Report report, string? step, CancellationToken ct, string? comment = null)
    {
        var now = time.GetUtcNow().UtcDateTime;
        report.UpdatedAt = now;
        report.UpdatedBy = db.Actor.Name;
        report.Revision++;
        if (step is not null)
        {
            db.ReportSteps.Add(new ReportStep { ReportId = report.Id, Action = step, Comment = comment, ActorName = db.Actor.Name, At = now });
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ReportOutcome(Outcome.Stale, report.Id);
        }

        return ReportOutcome.Ok(report.Id);
    }

    // ---- board, reminders, consolidation ----

    /// <summary>The requester's board: each reporter's status and lateness. Null unless the caller's scope reaches the requester.</summary>
    public async Task<BoardView?> BoardAsync(int requestId, CancellationToken ct = default)
    {
        var request = await GetRequestAsync(requestId, ct);
        if (request is null || !await ReachesAsync(request.RequesterAgencyId, ct))
        {
            return null;
        }

        var today = Today;
        var rows = await db.Reports.AsNoTracking().Where(r => r.RequestId == requestId)
            .OrderBy(r => r.ReporterAgency!.Code)
            .Select(r => new { r.Id, r.ReporterAgencyId, r.ReporterAgency!.Code, r.ReporterAgency.Name, r.Status, r.SubmittedAt, r.ReturnedAt, r.AcceptedAt, r.Submissions })
            .ToListAsync(ct);
        return new BoardView(request, today, rows.Select(r => new BoardRow(
            r.Id, r.ReporterAgencyId, r.Code, r.Name, ReportRules.StatusCode(r.Status), ReportRules.StatusName(r.Status), r.SubmittedAt,
            ReportRules.DaysLate(r.Status, request.Deadline, Date(r.SubmittedAt), today), r.ReturnedAt, r.AcceptedAt, r.Submissions)).ToList());
    }

    /// <summary>
    /// Reminds the users of every reporter that is late (still with it after the deadline): one notice per user and day.
    /// Returns the agencies reminded, or null when the caller does not manage the request.
    /// </summary>
    public async Task<ReportOutcome> RemindLateAsync(int requestId, CancellationToken ct = default)
    {
        var board = await BoardAsync(requestId, ct);
        if (board is null)
        {
            return ReportOutcome.Missing;
        }

        if (!board.Request.MayManage)
        {
            return ReportOutcome.Refused("Chỉ cơ quan yêu cầu báo cáo nhắc các cơ quan chậm gửi.");
        }

        var late = board.Rows.Where(r => r.DaysLate > 0 && r.Status is "draft" or "returned").ToList();
        var today = board.Today;
        var now = time.GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var row in late)
        {
            var message = $"Báo cáo \"{Short(board.Request.Title)}\" của {row.AgencyName} đã quá hạn {row.DaysLate} ngày (hạn ngày {board.Request.Deadline:dd/MM/yyyy}); "
                + $"{board.Request.RequesterAgencyName} đề nghị gửi ngay.";
            added += await ReportReminders.NotifyAsync(db, row.ReportId, row.AgencyId, NotificationKind.ReportReminder, today, message, now, ct);
            db.ReportSteps.Add(new ReportStep { ReportId = row.ReportId, Action = "reminded", ActorName = db.Actor.Name, At = now, Comment = $"Quá hạn {row.DaysLate} ngày" });
        }

        await db.SaveChangesAsync(ct);
        return new ReportOutcome(Outcome.Done, late.Count, Detail: added.ToString(CultureInfo.InvariantCulture));
    }

    private static string Short(string text) => text.Length <= 120 ? text : text[..117].TrimEnd() + "…";

    /// <summary>
    /// The accepted reports' frozen tables summed beside the register's figures for the requester's whole scope, each
    /// difference over the tolerance flagged; and their narrative gathered by section and reporter.
    /// </summary>
    public async Task<ConsolidatedView?> ConsolidatedAsync(int requestId, decimal tolerancePercent, CancellationToken ct = default)
    {
        var request = await GetRequestAsync(requestId, ct);
        if (request is null || !await ReachesAsync(request.RequesterAgencyId, ct))
        {
            return null;
        }

        var reports = await db.Reports.AsNoTracking().Where(r => r.RequestId == requestId)
            .OrderBy(r => r.ReporterAgency!.Code)
            .Select(r => new { r.Status, r.ReporterAgency!.Name, r.FrozenTablesJson, r.SectionsJson })
            .ToListAsync(ct);
        var accepted = reports.Where(r => r.Status == ReportStatus.Accepted && r.FrozenTablesJson is not null).ToList();
        var direct = await annexes.BuildAsync(new IndicatorScope(AgencyId: request.RequesterAgencyId), request.CutOff, ct);
        var consolidated = ReportConsolidation.Consolidate(
            accepted.Select(r => new ReporterTables(r.Name, Tables(r.FrozenTablesJson!))).ToList(), direct, tolerancePercent);

        var outline = await db.ReportingRegimes.AsNoTracking().Where(g => g.Code == request.RegimeCode).Select(g => g.OutlineJson).FirstAsync(ct);
        var texts = accepted.Select(r => (r.Name, Texts: Sections(r.SectionsJson))).ToList();
        var sections = ReportingCatalog.Flatten(ReportingCatalog.Outline(outline))
            .Select(e => new ConsolidatedSection(e.Key, e.Depth, e.Section.Number, e.Section.Title,
                texts.Where(t => t.Texts.ContainsKey(e.Key)).Select(t => new NarrativePoint(t.Name, t.Texts[e.Key])).ToList()))
            .ToList();
        return new ConsolidatedView(request, tolerancePercent, accepted.Select(r => r.Name).ToList(), reports.Count - accepted.Count, consolidated, sections);
    }

    // ---- output ----

    /// <summary>The report as an official document of Decree 30/2020, its annexes and a chart of the unit count over the years.</summary>
    public async Task<OfficialDocument?> DocumentAsync(int id, CancellationToken ct = default)
    {
        var view = await GetReportAsync(id, ct);
        if (view is null)
        {
            return null;
        }

        var agencies = await db.Agencies.AsNoTracking().Where(a => a.Id == view.ReporterAgencyId)
            .Select(a => new { a.Code, a.Kind, Parent = a.Parent != null ? a.Parent.Name : null, Area = a.Area != null ? a.Area.Name : null })
            .FirstAsync(ct);
        var chart = await annexes.ChartAsync(new IndicatorScope(AgencyId: view.ReporterAgencyId), 2015, view.CutOff.Year, ct);
        // The units alone: beside thousands of staff on one axis their line would lie flat; the staff are in annex II.
        chart = chart with { Series = chart.Series.Take(1).ToList(), ValueLabel = "đơn vị" };
        var sections = DocumentSections(view, chart);
        var capacity = (view.SignerCapacity ?? "").Split(['\n', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var party = IsPartyBody(view.ReporterAgencyName);
        return new OfficialDocument
        {
            // A Party committee reports in the Party's format (Guideline 36-HD/VPTW): its superior is the Party
            // organisation of its area, its symbol "BC/TU", its signing block on behalf of the standing committee.
            Style = party ? DocumentStyle.Party : DocumentStyle.State,
            ManagingBody = party ? (agencies.Parent is { } partyParent ? PartyIssuer(partyParent) : agencies.Area is { } area ? $"Đảng bộ {area}" : null)
                : agencies.Parent is { } parent ? ShortBodyName(parent) : null,
            IssuingBody = party ? PartyIssuer(view.ReporterAgencyName) : view.ReporterAgencyName,
            Number = view.Number,
            Symbol = party ? "BC/" + PartySymbol(agencies.Code) : "BC-" + Abbreviation(agencies.Code, agencies.Kind),
            Place = agencies.Area ?? "",
            Date = view.SignedOn,
            Year = view.SignedOn?.Year ?? view.CutOff.Year,
            TypeName = "BÁO CÁO",
            Title = Summary(view.Title),
            Addressees = [view.RequesterAgencyName],
            LeadIn = $"Thực hiện yêu cầu của {view.RequesterAgencyName} về {FirstLower(view.Title)}, {view.ReporterAgencyName} báo cáo như sau:",
            Sections = sections,
            Closing = $"Trên đây là báo cáo của {view.ReporterAgencyName}./.",
            Signer = new DocumentSigner(view.SignerAuthority ?? (party ? "T/M BAN THƯỜNG VỤ" : null),
                capacity.Length == 0 ? [party ? "BÍ THƯ" : "THỦ TRƯỞNG CƠ QUAN"] : capacity, view.SignerName ?? ""),
            Recipients = ["Như trên", "Lưu: VT"],
            Annexes = view.Tables,
        };
    }

    static readonly string[] PartyWords = ["Thành ủy", "Tỉnh ủy", "Đảng ủy", "Huyện ủy", "Đảng đoàn", "Ban cán sự đảng", "Ban Chấp hành Trung ương", "Bộ Chính trị", "Ban Bí thư"];

    /// <summary>A Party body by its name: a committee ("Thành ủy", "Tỉnh ủy", "Đảng ủy"), its boards, a Party group.</summary>
    public static bool IsPartyBody(string name) => PartyWords.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase));

    /// <summary>The standing committee issues in the committee's name: "Ban Thường vụ Thành ủy Cần Thơ" → "Thành ủy Cần Thơ".</summary>
    public static string PartyIssuer(string name) =>
        name.StartsWith("Ban Thường vụ ", StringComparison.Ordinal) ? name["Ban Thường vụ ".Length..] : name;

    /// <summary>The Party symbol's tail from the code's segments after the area, inner first: "92.TU" → "TU", "92.TU.BTC" → "BTCTU".</summary>
    public static string PartySymbol(string code)
    {
        var parts = code.Split('.').Skip(1).Reverse().Where(p => p.All(char.IsAsciiLetterUpper)).ToList();
        return parts.Count == 0 ? "TU" : string.Concat(parts);
    }

    /// <summary>A People's Committee as a header names it (Decree 30/2020's "UBND TỈNH X").</summary>
    public static string ShortBodyName(string name) =>
        name.StartsWith("Ủy ban nhân dân ", StringComparison.Ordinal) ? "UBND " + name["Ủy ban nhân dân ".Length..] : name;

    /// <summary>The summary line under "BÁO CÁO" does not say "Báo cáo" again: "Kết quả thực hiện ...".</summary>
    public static string Summary(string title) =>
        title.StartsWith("Báo cáo ", StringComparison.OrdinalIgnoreCase) && title.Length > 8
            ? char.ToUpper(title[8], System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) + title[9..]
            : title;

    /// <summary>The symbol's tail: the letters after the agency code's dot ("92.SYT" gives "SYT"), else by the agency's kind.</summary>
    public static string Abbreviation(string code, AgencyKind kind)
    {
        var tail = code[(code.LastIndexOf('.') + 1)..];
        return tail.Length is > 0 and <= 12 && tail.All(char.IsAsciiLetterUpper) ? tail
            : kind is AgencyKind.ProvincialPeoplesCommittee or AgencyKind.DistrictPeoplesCommittee or AgencyKind.CommunePeoplesCommittee ? "UBND" : "CQ";
    }

    private static string FirstLower(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];

    private static List<DocumentSection> DocumentSections(ReportView view, DocumentChart chart)
    {
        var byKey = view.Sections.ToDictionary(s => s.Key, StringComparer.Ordinal);
        List<DocumentSection> Build(string prefix, int depth)
        {
            var list = new List<DocumentSection>();
            foreach (var s in view.Sections.Where(s => s.Depth == depth && (depth == 0 || s.Key.StartsWith(prefix + ".", StringComparison.Ordinal))
                         && s.Key.Count(c => c == '.') == depth))
            {
                var blocks = (s.Text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(p => (DocumentBlock)new DocumentParagraph(p)).ToList();
                if (s.Key == "II.2")
                {
                    blocks.Add(new DocumentChartBlock(chart));
                }

                list.Add(new DocumentSection(depth == 0 ? s.Number + "." : s.Number + ".", depth == 0 ? s.Title.ToUpperInvariant() : s.Title, blocks, Build(s.Key, depth + 1)));
            }

            return list;
        }

        var sections = Build("", 0);
        if (!byKey.ContainsKey("II.2") && sections.Count > 0)
        {
            sections[0] = sections[0] with { Blocks = [.. sections[0].Blocks, new DocumentChartBlock(chart)] };
        }

        return sections;
    }

    // ---- tables ----

    public static IReadOnlyList<DocumentAnnex> Tables(string json) =>
        JsonSerializer.Deserialize<List<DocumentAnnex>>(json, ReportingCatalog.Json) ?? [];

    private static List<ReportCorrection> Corrections(string json) =>
        JsonSerializer.Deserialize<List<ReportCorrection>>(json, ReportingCatalog.Json) ?? [];

    private static Dictionary<string, string> Sections(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json, ReportingCatalog.Json) ?? [];

    private static bool IsFigure(CellKind kind) => kind is CellKind.Count or CellKind.Figure or CellKind.Percent;

    /// <summary>Each correction must name a figure cell of the tables and give a reason.</summary>
    public static List<RuleViolation> CheckCorrections(IReadOnlyList<ReportCorrection> corrections, IReadOnlyList<DocumentAnnex> tables)
    {
        var errors = new List<RuleViolation>();
        for (var i = 0; i < corrections.Count; i++)
        {
            var c = corrections[i];
            var field = $"corrections[{i}]";
            var annex = tables.FirstOrDefault(a => a.Number == c.Annex);
            if (annex is null)
            {
                errors.Add(new(field, $"Không có Phụ lục \"{c.Annex}\" trong báo cáo."));
            }
            else if (c.Row < 0 || c.Row >= annex.Table.Rows.Count || c.Column < 0 || c.Column >= annex.Table.Columns.Count)
            {
                errors.Add(new(field, $"Phụ lục {c.Annex} không có ô ở dòng {c.Row + 1}, cột {c.Column + 1}."));
            }
            else if (!IsFigure(annex.Table.Columns[c.Column].Kind))
            {
                errors.Add(new(field, $"Cột \"{annex.Table.Columns[c.Column].Header}\" của Phụ lục {c.Annex} không phải cột số liệu."));
            }
            else if (c.Value is { } v && (v < -1_000_000_000_000_000m || v > 1_000_000_000_000_000m))
            {
                errors.Add(new(field, "Số liệu vượt giới hạn."));
            }

            if (string.IsNullOrWhiteSpace(c.Reason))
            {
                errors.Add(new(field, "Ghi lý do điều chỉnh số liệu (cấp trên sẽ thấy lý do này)."));
            }
            else if (c.Reason.Length > MaxReason)
            {
                errors.Add(new(field, $"Lý do dài tối đa {MaxReason} ký tự."));
            }
        }

        if (corrections.GroupBy(c => (c.Annex, c.Row, c.Column)).Any(g => g.Count() > 1))
        {
            errors.Add(new("corrections", "Mỗi ô chỉ điều chỉnh một lần."));
        }

        return errors;
    }

    /// <summary>The tables with the corrected cells replaced.</summary>
    public static IReadOnlyList<DocumentAnnex> Apply(IReadOnlyList<DocumentAnnex> tables, IReadOnlyList<ReportCorrection> corrections)
    {
        if (corrections.Count == 0)
        {
            return tables;
        }

        return tables.Select(annex =>
        {
            var own = corrections.Where(c => c.Annex == annex.Number).ToList();
            if (own.Count == 0)
            {
                return annex;
            }

            var rows = annex.Table.Rows.Select((row, r) => row with
            {
                Cells = row.Cells.Select((cell, c) => own.FirstOrDefault(x => x.Row == r && x.Column == c) is { } fix && c < annex.Table.Columns.Count
                    ? DocumentCell.Of(fix.Value, annex.Table.Columns[c].Kind) : cell).ToList(),
            }).ToList();
            return annex with { Table = annex.Table with { Rows = rows } };
        }).ToList();
    }

    /// <summary>The figure cells where the report's tables and the register's differ.</summary>
    public static IReadOnlyList<FigureDifference> Differences(IReadOnlyList<DocumentAnnex> report, IReadOnlyList<DocumentAnnex> register)
    {
        var result = new List<FigureDifference>();
        foreach (var annex in report)
        {
            var other = register.FirstOrDefault(a => a.Number == annex.Number);
            if (other is null)
            {
                continue;
            }

            for (var r = 0; r < annex.Table.Rows.Count && r < other.Table.Rows.Count; r++)
            {
                for (var c = 0; c < annex.Table.Columns.Count && c < annex.Table.Rows[r].Cells.Count && c < other.Table.Rows[r].Cells.Count; c++)
                {
                    if (!IsFigure(annex.Table.Columns[c].Kind))
                    {
                        continue;
                    }

                    var mine = annex.Table.Rows[r].Cells[c].Value;
                    var theirs = other.Table.Rows[r].Cells[c].Value;
                    if (mine != theirs)
                    {
                        result.Add(new(annex.Number, r, c, annex.Table.Rows[r].Cells.ElementAtOrDefault(1)?.Text ?? "", annex.Table.Columns[c].Header, mine, theirs));
                    }
                }
            }
        }

        return result;
    }
}
