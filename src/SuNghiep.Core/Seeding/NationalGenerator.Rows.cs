using SuNghiep.Core.Entities;
using SuNghiep.Core.Rules;

namespace SuNghiep.Core.Seeding;

internal sealed partial class NationalGenerator
{
    private const int FirstYear = 2015;

    private double[] _budgetFactor = [];
    private int _yearRows;
    private readonly List<AutonomyPlan> _autonomyPlans = [];
    private readonly List<StaffingAllocation> _allocations = [];
    private readonly List<PlanDocument> _documents = [];
    private readonly List<DocumentLink> _links = [];
    private readonly List<PlanTarget> _targets = [];
    private readonly List<PlanTask> _tasks = [];
    private readonly List<PlanTaskCoordinator> _coordinators = [];
    private readonly List<TaskProgress> _progress = [];
    private int _documentNumber = 1_000;

    public long RowCount =>
        _agencies.Count + _units.Count + _events.Count + _units.Sum(u => (long)u.Unit.Versions.Count) + _participants.Count
        + 2L * _yearRows + _allocations.Count + _autonomyPlans.Count + _documents.Count + _links.Count + _targets.Count + _tasks.Count
        + _coordinators.Count + _progress.Count;

    /// <summary>
    /// Budget-paid staff: each unit's share comes from its size and autonomy group; the national total of each year is
    /// then set to the published path (1,789,585 in 2021, 11.67% less than 2015, about 2% a year less since), so that the
    /// rows, streamed later, add up to it.
    /// </summary>
    private void Resources()
    {
        var years = lastYear - FirstYear + 1;
        var raw = new double[years];
        foreach (var u in _units)
        {
            for (var y = FirstYear; y <= lastYear; y++)
            {
                if (InForce(u.Unit, new DateOnly(y, 12, 31)) is { } v)
                {
                    raw[y - FirstYear] += RawBudget(u, v, y);
                    _yearRows++;
                }
            }
        }

        var t2021 = NationalSeeder.BudgetStaff2021 * _scale;
        var t2015 = t2021 / (1 - NationalSeeder.BudgetStaffCut2015To2021);
        _budgetFactor = new double[years];
        for (var y = FirstYear; y <= lastYear; y++)
        {
            var target = y <= 2021 ? t2015 * Math.Pow(t2021 / t2015, (y - FirstYear) / 6.0) : t2021 * Math.Pow(0.98, y - 2021);
            _budgetFactor[y - FirstYear] = raw[y - FirstYear] == 0 ? 0 : target / raw[y - FirstYear];
        }

        // Allocations flow down: an agency gets about what its own units use plus what it passes to the agencies under it,
        // so that a province's committee or a ministry holds the total of the year.
        var used = new Dictionary<(int Agency, int Year), int>();
        foreach (var u in _units)
        {
            for (var y = FirstYear; y <= lastYear; y++)
            {
                if (InForce(u.Unit, new DateOnly(y, 12, 31)) is { } v)
                {
                    used[(v.ManagingAgencyId, y)] = used.GetValueOrDefault((v.ManagingAgencyId, y)) + Budget(u, v, y);
                }
            }
        }

        var allocated = new SortedDictionary<(int Agency, int Year), int>();
        foreach (var ((agencyId, year), positions) in used)
        {
            var share = (int)Math.Ceiling(positions * (1.0 + Noise(agencyId, year, 12) * 0.04));
            for (Agency? a = AgencyById(agencyId); a is not null; a = a.ParentId is { } parent ? _agencyById.GetValueOrDefault(parent) : null)
            {
                allocated[(a.Id, year)] = allocated.GetValueOrDefault((a.Id, year)) + share;
            }
        }

        var allocationKey = keys.Allocation;
        foreach (var ((agencyId, year), positions) in allocated)
        {
            _allocations.Add(new StaffingAllocation { Id = ++allocationKey, AgencyId = agencyId, Year = year, BudgetPositions = positions, UpdatedAt = now });
        }

        // Autonomy plans for the stable period 2021-2025 (Decree 60/2021, Art. 35), approved for about three units in five.
        var planKey = keys.Plan;
        var decision = 200;
        var end2021 = new DateOnly(2021, 12, 31);
        foreach (var u in _units)
        {
            if (u.Unit.EstablishedOn > new DateOnly(2021, 6, 30) || InForce(u.Unit, end2021) is not { } v || Noise(u.Unit.Id, 2021, 7) >= 0.6)
            {
                continue;
            }

            var submitted = new DateOnly(2021, 9, 1).AddDays((int)(Noise(u.Unit.Id, 2021, 8) * 90));
            var agency = AgencyById(v.ManagingAgencyId);
            var group = v.AutonomyGroup ?? 4;
            decision += 1 + (int)(Noise(u.Unit.Id, 2021, 9) * 5);
            _autonomyPlans.Add(new AutonomyPlan
            {
                Id = ++planKey, UnitId = u.Unit.Id, PeriodStart = 2021, PeriodEnd = 2025, ProposedGroup = group, SubmittedOn = submitted,
                Status = AutonomyPlanStatus.Approved, ApprovedGroup = group, DecisionNumber = $"{decision}/QĐ-{(agency.Kind == AgencyKind.Ministry ? agency.Code : "UBND")}",
                DecisionDate = submitted.AddDays(30 + (int)(Noise(u.Unit.Id, 2021, 10) * 60)),
                DecisionIssuer = agency.Kind == AgencyKind.Department ? agency.Parent?.Name ?? agency.Name : agency.Name, UpdatedAt = now,
            });
        }
    }

    private static UnitVersion? InForce(Unit unit, DateOnly date)
    {
        for (var i = unit.Versions.Count - 1; i >= 0; i--)
        {
            var v = unit.Versions[i];
            if (v.ValidFrom <= date)
            {
                return v.ValidTo is null || v.ValidTo > date ? v : null;
            }
        }

        return null;
    }

    // Groups 1-2 pay their staff from their own revenue (Decree 106/2020); group 3 pays part of them.
    private double RawBudget(U u, UnitVersion v, int year) => (v.AutonomyGroup ?? 4) switch
    {
        <= 2 => 0,
        3 => u.Size * 0.65 * (0.97 + 0.06 * Noise(u.Unit.Id, year, 3)),
        _ => u.Size * 0.95 * (0.97 + 0.06 * Noise(u.Unit.Id, year, 3)),
    };

    private int Budget(U u, UnitVersion v, int year) =>
        (v.AutonomyGroup ?? 4) <= 2 ? 0 : Math.Max(1, (int)Math.Round(RawBudget(u, v, year) * _budgetFactor[year - FirstYear]));

    /// <summary>A number in [0, 1) fixed by the seed, the unit, the year and what it is for, so that rows can be streamed in any order.</summary>
    private double Noise(int id, int year, int salt)
    {
        var x = (ulong)(uint)options.Seed * 0x9E3779B97F4A7C15UL ^ ((ulong)(uint)id << 21) ^ ((ulong)(uint)year << 5) ^ (ulong)(uint)salt;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return (x >> 11) * (1.0 / (1UL << 53));
    }

    // Budget figures are kept to the million VND, as budget reports write them.
    private static decimal Million(decimal value) => Math.Round(value / 1_000_000m) * 1_000_000m;

    /// <summary>The yearly rows of every unit for each year it was there at the year's end, made as they are written.</summary>
    private IEnumerable<(StaffingYear Staffing, FinanceYear Finance)> Years()
    {
        var staffingKey = keys.Staffing;
        var financeKey = keys.Finance;
        foreach (var u in _units)
        {
            var id = u.Unit.Id;
            var drift = 0.9 + 0.2 * Noise(id, 0, 1);
            for (var y = FirstYear; y <= lastYear; y++)
            {
                if (InForce(u.Unit, new DateOnly(y, 12, 31)) is not { } v)
                {
                    continue;
                }

                var group = v.AutonomyGroup ?? 4;
                var budget = Budget(u, v, y);
                var revenue = group <= 2 ? Math.Max(3, (int)Math.Round(u.Size * drift)) : (int)Math.Round(budget * (group == 3 ? 0.45 : 0.05));
                var people = budget + revenue;
                var leadership = Math.Max(1, people / 12);
                var support = Math.Max(1, people / 6);
                var shared = people / 8;
                var staffing = new StaffingYear
                {
                    Id = ++staffingKey, UnitId = id, Year = y, BudgetPositions = budget, RevenuePositions = revenue,
                    ActualStaff = Math.Max(1, people - (int)(Noise(id, y, 2) * Math.Max(2, people / 10))),
                    BudgetContractWorkers = group >= 3 ? (int)(Noise(id, y, 11) * (1 + people / 15)) : 0,
                    PositionsLeadership = leadership, PositionsSupport = support, PositionsSharedProfessional = shared,
                    PositionsProfessional = Math.Max(0, people - leadership - support - shared), UpdatedAt = now,
                };

                // Recurrent spending about 180 million VND a person a year, rising 4% a year; revenue by group, and one
                // year in twelve in another group than the approved one, as happens.
                var recurrent = Million((decimal)(people * 180_000_000.0 * Math.Pow(1.04, y - FirstYear) * (0.9 + 0.2 * Noise(id, y, 4))));
                var n = Noise(id, y, 5);
                var share = group switch
                {
                    1 => 1.05 + n * 0.25,
                    2 => 1.0 + n * 0.1,
                    3 => 0.12 + n * 0.8,
                    _ => n * 0.09,
                };
                if (Noise(id, y, 6) < 1.0 / 12)
                {
                    share = group >= 3 ? share + 0.35 : share - 0.3;
                }

                var income = Million(recurrent * (decimal)share);
                var ordered = u.Unit.SectorCode is "education" or "health" ? Million(income * 0.5m) : Million(income * 0.2m);
                var fees = Million(income * 0.3m);
                var depreciation = Million(recurrent * 0.05m);
                var finance = new FinanceYear
                {
                    // Entered figures with no order behind them (see the demo's rows).
                    Id = ++financeKey, UnitId = id, Year = y, OrderedServices = ordered, OrderedServicesByHand = ordered != 0, ServiceFees = fees,
                    BusinessSurplus = u.Unit.SectorCode == "economic" ? income - ordered - fees : 0,
                    RetainedFees = u.Unit.SectorCode == "economic" ? 0 : income - ordered - fees,
                    RecurrentExpenditure = recurrent, Depreciation = depreciation,
                    InvestmentSelfFinancing = group == 1 ? depreciation + Million(recurrent * 0.02m) : 0,
                    // Direct budget spending falls a few percent a year as units take on more of their costs.
                    DirectBudgetSpending = Math.Max(0, Million((recurrent - income) * (decimal)Math.Pow(0.94, y - FirstYear))),
                    UpdatedAt = now,
                };
                var assessment = SuNghiep.Core.Resources.ResourceService.Assess(finance);
                finance.SelfFinancingLevel = assessment.Level is { } level ? Math.Round(level, 4, MidpointRounding.ToZero) : null;
                finance.ComputedGroup = assessment.Group;
                yield return (staffing, finance);
            }
        }
    }

    /// <summary>
    /// The plans: each old province's plan for Resolution 19 (2018), some of its districts' (2018-2019), each province of
    /// today's plan for 2025-2030, and some communes' (late 2025), with targets on the indicators and tasks for agencies,
    /// and a progress report on most tasks already due.
    /// </summary>
    private void Plans()
    {
        var today = DateOnly.FromDateTime(now.AddHours(7));
        var oldPlans = new Dictionary<Group, PlanDocument>();
        foreach (var g in _oldGroups)
        {
            var code = g.Province!.Code;
            var doc = Document(Date(new DateOnly(2018, 2, 1), new DateOnly(2018, 6, 30)), g.Committee!,
                $"Kế hoạch thực hiện Nghị quyết số 19-NQ/TW ngày 25/10/2017 của Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII trên địa bàn {g.Label}");
            oldPlans[g] = doc;
            Target(doc, "units.count", "Giảm tối thiểu 10% số đơn vị sự nghiệp công lập so với năm 2015", code, g.Committee!, new(2015, 1, 1), new(2015, 12, 31), "decrease", 10, new(2021, 12, 31));
            Target(doc, "staff.budget", "Giảm tối thiểu 10% biên chế sự nghiệp hưởng lương từ ngân sách nhà nước so với năm 2015", code, g.Committee!, new(2015, 1, 1), new(2015, 12, 31), "decrease", 10, new(2021, 12, 31));
            Target(doc, "budget.direct.avg", "Giảm bình quân 10% chi trực tiếp từ ngân sách nhà nước cho đơn vị sự nghiệp công lập so với giai đoạn 2011-2015", code, g.Committee!, new(2015, 1, 1), new(2015, 12, 31), "decrease", 10, new(2021, 12, 31));
            var leads = g.Agencies.Values.Concat(g.Districts.Select(d => d.Committee!)).ToList();
            Tasks(doc, 30, leads, [g.Agencies["SNV"], g.Agencies["STC"]], new DateOnly(2018, 9, 30), new DateOnly(2021, 12, 31), today, null);
        }

        foreach (var (g, slot) in _oldGroups.SelectMany(g => g.Districts.Select(d => (g, d))).OrderBy(_ => _random.Next()).Take((int)Math.Round(696 * _scale)).ToList())
        {
            var doc = Document(Date(new DateOnly(2018, 4, 1), new DateOnly(2019, 6, 30)), slot.Committee!,
                $"Kế hoạch sắp xếp, tổ chức lại đơn vị sự nghiệp công lập trên địa bàn {slot.Label} giai đoạn 2018-2021");
            _links.Add(new DocumentLink { ChildId = doc.Id, ParentId = oldPlans[g].Id });
            Target(doc, "units.count", $"Giảm tối thiểu 10% số đơn vị sự nghiệp công lập thuộc {slot.Label} so với năm 2015", null, slot.Committee!, new(2015, 1, 1), new(2015, 12, 31), "decrease", 10, new(2021, 12, 31));
            Target(doc, "autonomy.any.share", "Tối thiểu 20% đơn vị sự nghiệp công lập tự chủ tài chính", null, slot.Committee!, null, null, "at-least", 20, new(2021, 12, 31));
            Tasks(doc, 15, [slot.Committee!], [g.Agencies["SNV"]], doc.IssuedOn.AddMonths(3), new DateOnly(2021, 12, 31), today, null);
        }

        var newPlans = new Dictionary<Group, PlanDocument>();
        foreach (var g in _newGroups.Values)
        {
            var code = g.Province!.Code;
            var doc = Document(Date(new DateOnly(2025, 8, 1), new DateOnly(2025, 10, 31)), g.Committee!,
                $"Kế hoạch sắp xếp, tổ chức lại đơn vị sự nghiệp công lập giai đoạn 2025-2030 trên địa bàn {g.Label}");
            newPlans[g] = doc;
            Target(doc, "units.count", "Giảm tối thiểu 10% số đơn vị sự nghiệp công lập so với năm 2021", code, g.Committee!, new(2021, 1, 1), new(2021, 12, 31), "decrease", 10, new(2026, 12, 31));
            Target(doc, "staff.budget", "Giảm tối thiểu 10% biên chế hưởng lương từ ngân sách nhà nước so với năm 2021", code, g.Committee!, new(2021, 1, 1), new(2021, 12, 31), "decrease", 10, new(2026, 12, 31));
            Target(doc, "autonomy.selffinancing.share", "Tối thiểu 10% đơn vị tự bảo đảm chi thường xuyên", code, g.Committee!, null, null, "at-least", 10, new(2025, 12, 31));
            Target(doc, "conversion.share", "Hoàn thành chuyển đổi các đơn vị đủ điều kiện thành công ty cổ phần", code, g.Committee!, null, null, "at-least", 100, new(2025, 12, 31));
            Target(doc, "budget.direct.avg", "Giảm bình quân 15% chi trực tiếp từ ngân sách nhà nước so với giai đoạn 2021-2025", code, g.Committee!, new(2021, 1, 1), new(2025, 12, 31), "decrease", 15, new(2030, 12, 31));
            Target(doc, "roles.other.share", "Không còn đơn vị sự nghiệp công lập ngoài ba loại phải giữ lại", code, g.Committee!, null, null, "at-most", 0, new(2030, 12, 31));
            var communes = _communeCommittees.Values.Where(c => c.ParentId == g.Committee!.Id).ToList();
            var leads = g.Agencies.Values.Concat(communes.Take(20)).ToList();
            Tasks(doc, 60, leads, [g.Agencies["SNV"], g.Agencies["STC"]], new DateOnly(2025, 12, 31), new DateOnly(2027, 12, 31), today, null);
        }

        var communePlans = _communeCommittees.Values.OrderBy(_ => _random.Next()).Take((int)Math.Round(1_200 * _scale)).ToList();
        foreach (var committee in communePlans)
        {
            var g = _newGroups[_areaById[committee.AreaId!.Value].ParentId!.Value];
            var doc = Document(Date(new DateOnly(2025, 9, 1), new DateOnly(2026, 3, 31)), committee,
                $"Kế hoạch sắp xếp, nâng cao hiệu quả hoạt động của đơn vị sự nghiệp công lập trên địa bàn {committee.Name["Ủy ban nhân dân ".Length..]}");
            _links.Add(new DocumentLink { ChildId = doc.Id, ParentId = newPlans[g].Id });
            Target(doc, "units.count", "Giảm tối thiểu 10% số đơn vị sự nghiệp công lập so với năm 2021", null, committee, new(2021, 1, 1), new(2021, 12, 31), "decrease", 10, new(2026, 12, 31));
            Target(doc, "autonomy.plan.share", "Tất cả đơn vị có phương án tự chủ tài chính được phê duyệt", null, committee, null, null, "at-least", 100, new(2026, 12, 31));
            Tasks(doc, 30, [committee], [g.Agencies["SNV"]], doc.IssuedOn.AddMonths(2), new DateOnly(2027, 6, 30), today, null);
        }
    }

    private PlanDocument Document(DateOnly issued, Agency issuer, string title)
    {
        _documentNumber += _random.Next(1, 9);
        var doc = new PlanDocument
        {
            Id = keys.Document + _documents.Count + 1, Type = DocumentType.Plan, Number = $"{_documentNumber}/KH-UBND", Issuer = issuer.Name,
            IssuedOn = issued, Title = title, IssuerAgencyId = issuer.Id, CreatedAt = now,
        };
        _documents.Add(doc);
        return doc;
    }

    private void Target(PlanDocument doc, string indicator, string text, string? area, Agency agency, DateOnly? from, DateOnly? to, string direction, decimal value, DateOnly deadline) =>
        _targets.Add(new PlanTarget
        {
            Id = keys.Target + _targets.Count + 1, DocumentId = doc.Id, IndicatorCode = indicator, Text = text, AreaCode = area, AgencyId = agency.Id,
            BaselineFrom = from, BaselineTo = to, Direction = direction, Value = value, ValueUnit = "percent", Deadline = deadline,
        });

    private void Tasks(PlanDocument doc, int count, List<Agency> leads, List<Agency> coordinators, DateOnly firstDeadline, DateOnly lastDeadline, DateOnly today, int? parent)
    {
        var texts = NationalCatalog.ProvinceTasks;
        for (var i = 0; i < count; i++)
        {
            var lead = leads[_random.Next(leads.Count)];
            var deadline = Date(firstDeadline, lastDeadline < firstDeadline ? firstDeadline : lastDeadline);
            var task = new PlanTask
            {
                Id = keys.Task + _tasks.Count + 1, DocumentId = doc.Id, Section = $"II.{i + 1}", Content = texts[(i + _random.Next(3)) % texts.Length],
                LeadAgencyId = lead.Id, Deadline = deadline, State = TaskState.NotStarted, AssignedOn = doc.IssuedOn, ParentTaskId = parent, CreatedAt = now,
            };
            _tasks.Add(task);
            foreach (var c in coordinators.Where(c => c.Id != lead.Id))
            {
                _coordinators.Add(new PlanTaskCoordinator { TaskId = task.Id, AgencyId = c.Id });
            }

            // Most tasks already due were reported done; some are still in progress, a few never reported (late).
            var r = _random.Next(100);
            var due = deadline <= today;
            var percent = due ? (r < 80 ? 100 : r < 92 ? 50 + _random.Next(40) : 0) : (r < 40 ? 10 + _random.Next(70) : 0);
            if (percent == 0)
            {
                continue;
            }

            var latest = today.AddDays(-1) < deadline ? today.AddDays(-1) : deadline;
            if (latest <= doc.IssuedOn)
            {
                continue;
            }

            var date = Date(doc.IssuedOn.AddDays(1), latest);
            _progress.Add(new TaskProgress
            {
                Id = keys.Progress + _progress.Count + 1, TaskId = task.Id, Date = date, Percent = percent, ReportedBy = lead.Name,
                Text = percent == 100 ? "Đã hoàn thành nhiệm vụ." : "Đang triển khai thực hiện.", CreatedAt = now,
            });
            task.State = percent == 100 ? TaskState.Done : TaskState.InProgress;
            task.LastPercent = percent;
            task.LastProgressOn = date;
        }
    }

    /// <summary>Writes every table in the order its keys are needed; returns the count of each for the audit.</summary>
    public async Task<List<(Type Type, int Count)>> WriteAsync(BulkCopy copy, CancellationToken ct)
    {
        var written = new List<(Type, int)>
        {
            (typeof(Agency), await copy.WriteAsync(_agencies.OrderBy(Rank).ThenBy(a => a.Id), ct)),
            (typeof(Unit), await copy.WriteAsync(_units.Select(u => u.Unit), ct)),
            (typeof(Reorganization), await copy.WriteAsync(_events, ct)),
        };
        var versionKey = keys.Version;
        written.Add((typeof(UnitVersion), await copy.WriteAsync(_units.SelectMany(u => u.Unit.Versions).Select(v =>
        {
            v.Id = ++versionKey;
            return v;
        }), ct)));
        var participantKey = keys.Participant;
        written.Add((typeof(ReorganizationParticipant), await copy.WriteAsync(_participants.Select(p =>
        {
            p.Id = ++participantKey;
            return p;
        }), ct)));
        written.Add((typeof(StaffingYear), await copy.WriteAsync(Years().Select(y => y.Staffing), ct)));
        written.Add((typeof(FinanceYear), await copy.WriteAsync(Years().Select(y => y.Finance), ct)));
        written.Add((typeof(StaffingAllocation), await copy.WriteAsync(_allocations, ct)));
        written.Add((typeof(AutonomyPlan), await copy.WriteAsync(_autonomyPlans, ct)));
        written.Add((typeof(PlanDocument), await copy.WriteAsync(_documents, ct)));
        written.Add((typeof(DocumentLink), await copy.WriteAsync(_links, ct)));
        written.Add((typeof(PlanTarget), await copy.WriteAsync(_targets, ct)));
        written.Add((typeof(PlanTask), await copy.WriteAsync(_tasks, ct)));
        written.Add((typeof(PlanTaskCoordinator), await copy.WriteAsync(_coordinators, ct)));
        written.Add((typeof(TaskProgress), await copy.WriteAsync(_progress, ct)));
        return written;
    }
}
