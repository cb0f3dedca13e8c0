using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using SuNghiep.Core.Auditing;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Indicators;

namespace SuNghiep.Core.Data;

public sealed class SuNghiepDbContext(DbContextOptions<SuNghiepDbContext> options, TimeProvider? time = null)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public DbSet<Area> Areas => Set<Area>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<UnitVersion> UnitVersions => Set<UnitVersion>();
    public DbSet<Reorganization> Reorganizations => Set<Reorganization>();
    public DbSet<ReorganizationParticipant> ReorganizationParticipants => Set<ReorganizationParticipant>();
    public DbSet<ReorganizationProposal> ReorganizationProposals => Set<ReorganizationProposal>();
    public DbSet<StaffingYear> StaffingYears => Set<StaffingYear>();
    public DbSet<StaffingAllocation> StaffingAllocations => Set<StaffingAllocation>();
    public DbSet<FinanceYear> FinanceYears => Set<FinanceYear>();
    public DbSet<AutonomyPlan> AutonomyPlans => Set<AutonomyPlan>();
    public DbSet<JobPositionList> JobPositionLists => Set<JobPositionList>();
    public DbSet<JobPosition> JobPositions => Set<JobPosition>();
    public DbSet<PlanDocument> Documents => Set<PlanDocument>();
    public DbSet<DocumentLink> DocumentLinks => Set<DocumentLink>();
    public DbSet<PlanTarget> Targets => Set<PlanTarget>();
    public DbSet<PlanTask> PlanTasks => Set<PlanTask>();
    public DbSet<PlanTaskCoordinator> TaskCoordinators => Set<PlanTaskCoordinator>();
    public DbSet<TaskProgress> TaskProgress => Set<TaskProgress>();
    public DbSet<TaskExplanationRequest> ExplanationRequests => Set<TaskExplanationRequest>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<Sector> Sectors => Set<Sector>();
    public DbSet<RoleClass> RoleClasses => Set<RoleClass>();
    public DbSet<AutonomyGroup> AutonomyGroups => Set<AutonomyGroup>();
    public DbSet<AdministrativeLevel> AdministrativeLevels => Set<AdministrativeLevel>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<SignInThrottle> SignInThrottles => Set<SignInThrottle>();
    public DbSet<Scenario> Scenarios => Set<Scenario>();
    public DbSet<UnitYearFact> UnitYearFacts => Set<UnitYearFact>();
    public DbSet<IndicatorYearTotal> IndicatorYearTotals => Set<IndicatorYearTotal>();
    public DbSet<ReportingRegime> ReportingRegimes => Set<ReportingRegime>();
    public DbSet<StatisticalForm> StatisticalForms => Set<StatisticalForm>();
    public DbSet<ReportRequest> ReportRequests => Set<ReportRequest>();
    public DbSet<Report> Reports => Set<Report>();
    public DbSet<ReportStep> ReportSteps => Set<ReportStep>();
    public DbSet<ServiceCatalogue> ServiceCatalogues => Set<ServiceCatalogue>();
    public DbSet<ServiceItem> ServiceItems => Set<ServiceItem>();
    public DbSet<ServiceNorm> ServiceNorms => Set<ServiceNorm>();
    public DbSet<ServicePrice> ServicePrices => Set<ServicePrice>();
    public DbSet<Provider> Providers => Set<Provider>();
    public DbSet<ProviderVersion> ProviderVersions => Set<ProviderVersion>();
    public DbSet<ServiceOrder> ServiceOrders => Set<ServiceOrder>();
    public DbSet<ServiceBid> ServiceBids => Set<ServiceBid>();
    public DbSet<ServiceAcceptance> ServiceAcceptances => Set<ServiceAcceptance>();
    public DbSet<ServiceSettlement> ServiceSettlements => Set<ServiceSettlement>();
    public DbSet<UnitCapacity> UnitCapacities => Set<UnitCapacity>();
    public DbSet<AreaPopulation> AreaPopulations => Set<AreaPopulation>();
    public DbSet<NetworkNorm> NetworkNorms => Set<NetworkNorm>();
    public DbSet<QualityStandard> QualityStandards => Set<QualityStandard>();
    public DbSet<QualityCriterion> QualityCriteria => Set<QualityCriterion>();
    public DbSet<QualityAssessment> QualityAssessments => Set<QualityAssessment>();
    public DbSet<QualityScore> QualityScores => Set<QualityScore>();
    public DbSet<SurveyInstrument> SurveyInstruments => Set<SurveyInstrument>();
    public DbSet<SurveyItem> SurveyItems => Set<SurveyItem>();
    public DbSet<SurveyRound> SurveyRounds => Set<SurveyRound>();
    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();
    public DbSet<SurveyAnswer> SurveyAnswers => Set<SurveyAnswer>();
    public DbSet<Feedback> Feedback => Set<Feedback>();
    public DbSet<Inspection> Inspections => Set<Inspection>();
    public DbSet<InspectionUnit> InspectionUnits => Set<InspectionUnit>();
    public DbSet<InspectionFinding> InspectionFindings => Set<InspectionFinding>();
    public DbSet<InspectionRecommendation> InspectionRecommendations => Set<InspectionRecommendation>();
    public DbSet<RecommendationFollowUp> RecommendationFollowUps => Set<RecommendationFollowUp>();
    public DbSet<MeritRecord> MeritRecords => Set<MeritRecord>();
    public DbSet<ModelUnit> ModelUnits => Set<ModelUnit>();

    // The caller's scope, read by the query filter on Units. A new context sees no unit until a scope is set.
    internal bool ScopeUnrestricted { get; private set; }
    internal string? ScopeAgencyPath { get; private set; }
    internal string? ScopeAreaPath { get; private set; }
    internal int? ScopeUnitId { get; private set; }

    public CallerScope Scope { get; private set; } = CallerScope.Nothing;

    /// <summary>Who is acting, for the audit trail.</summary>
    public Actor Actor { get; set; } = Actor.System;

    /// <summary>
    /// When set, a bulk load by the system (reference data, the demo province): the trail gets one row per entity type and
    /// action, with the count and this name, instead of one per row.
    /// </summary>
    internal string? BulkOperation { get; set; }

    /// <summary>Audits rows that a bulk load wrote past the change tracker, as SaveChanges does for tracked ones; saved with the next SaveChanges.</summary>
    internal void AuditBulkCreate(Type entity, int count) =>
        AuditEntries.Add(AuditTrail.Summary(entity.Name, "Create", count,
            BulkOperation ?? throw new InvalidOperationException("A bulk insert runs inside a named bulk operation."), Actor, _time.GetUtcNow().UtcDateTime));

    public void UseScope(CallerScope scope)
    {
        Scope = scope;
        ScopeUnrestricted = scope.Unrestricted;
        ScopeAgencyPath = scope.AgencyPath;
        ScopeAreaPath = scope.AreaPath;
        ScopeUnitId = scope.UnitId;
    }

    // Times are stored in UTC; SQLite returns them without a kind, so it is set on the way back.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcConverter>();
    }

    private sealed class UtcConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SuNghiepDbContext).Assembly);

        // Scope is enforced here, in every query on units and what hangs off them, not in the pages. A scope on today's
        // agency or area also covers the units of the agencies and areas it replaced (their lineage path).
        Expression<Func<Unit, bool>> visible = u => !u.Voided && (
            ScopeUnrestricted
            || (ScopeAgencyPath != null && u.ManagingAgency!.LineagePath.StartsWith(ScopeAgencyPath))
            || (ScopeAreaPath != null && u.Area!.LineagePath.StartsWith(ScopeAreaPath))
            || (ScopeUnitId != null && u.Id == ScopeUnitId));
        builder.Entity<Unit>().HasQueryFilter(visible);
        builder.Entity<UnitVersion>().HasQueryFilter(Through<UnitVersion>(v => v.Unit!, visible));
        builder.Entity<StaffingYear>().HasQueryFilter(Through<StaffingYear>(s => s.Unit!, visible));
        builder.Entity<FinanceYear>().HasQueryFilter(Through<FinanceYear>(f => f.Unit!, visible));
        builder.Entity<AutonomyPlan>().HasQueryFilter(Through<AutonomyPlan>(p => p.Unit!, visible));
        builder.Entity<JobPositionList>().HasQueryFilter(Through<JobPositionList>(l => l.Unit!, visible));
        builder.Entity<JobPosition>().HasQueryFilter(Through<JobPosition>(p => p.Unit!, visible));
        builder.Entity<UnitYearFact>().HasQueryFilter(Through<UnitYearFact>(f => f.Unit!, visible));

        // A proposal is seen within the scope of the agency that drafted it, as its documents are written for it.
        builder.Entity<ReorganizationProposal>().HasQueryFilter(p =>
            ScopeUnrestricted
            || (ScopeAgencyPath != null && p.Agency!.LineagePath.StartsWith(ScopeAgencyPath))
            || (ScopeAreaPath != null && p.Agency!.Area != null && p.Agency.Area.LineagePath.StartsWith(ScopeAreaPath)));

        // An order is seen by the orderer's scope and by the provider unit's; catalogues, prices, norms, providers (licensed
        // facilities) and populations are public information and are not filtered.
        Expression<Func<Agency, bool>> agencyReached = a =>
            ScopeUnrestricted
            || (ScopeAgencyPath != null && a.LineagePath.StartsWith(ScopeAgencyPath))
            || (ScopeAreaPath != null && a.Area != null && a.Area.LineagePath.StartsWith(ScopeAreaPath));
        var orderVisible = Or(Through<ServiceOrder, Agency>(o => o.OrdererAgency!, agencyReached),
            Through<ServiceOrder>(o => o.ProviderUnit!, visible));
        builder.Entity<ServiceOrder>().HasQueryFilter(orderVisible);
        builder.Entity<ServiceBid>().HasQueryFilter(Through<ServiceBid, ServiceOrder>(b => b.Order!, orderVisible));
        builder.Entity<ServiceAcceptance>().HasQueryFilter(Through<ServiceAcceptance, ServiceOrder>(a => a.Order!, orderVisible));
        builder.Entity<ServiceSettlement>().HasQueryFilter(Through<ServiceSettlement, ServiceOrder>(s => s.Order!, orderVisible));

        builder.Entity<UnitCapacity>().HasQueryFilter(Through<UnitCapacity>(c => c.Unit!, visible));

        // Quality, surveys and feedback belong to their unit. The public pages read what the law makes public with the
        // filters off, field by field.
        builder.Entity<QualityAssessment>().HasQueryFilter(Through<QualityAssessment>(a => a.Unit!, visible));
        builder.Entity<QualityScore>().HasQueryFilter(Through<QualityScore>(s => s.Assessment!.Unit!, visible));
        builder.Entity<SurveyRound>().HasQueryFilter(Through<SurveyRound>(r => r.Unit!, visible));
        builder.Entity<SurveyResponse>().HasQueryFilter(Through<SurveyResponse>(r => r.Round!.Unit!, visible));
        builder.Entity<SurveyAnswer>().HasQueryFilter(Through<SurveyAnswer>(a => a.Response!.Round!.Unit!, visible));
        builder.Entity<Feedback>().HasQueryFilter(Through<Feedback>(f => f.Unit!, visible));

        // An inspection is seen by the scope of the body that decided it and by that of any unit it inspected; a
        // recommendation also by its addressee's.
        Expression<Func<Inspection, bool>> inspectionVisible = Or(
            Through<Inspection, Agency>(i => i.BodyAgency!, agencyReached),
            i => i.Units.Any(iu => !iu.Unit!.Voided && (ScopeUnrestricted
                || (ScopeAgencyPath != null && iu.Unit.ManagingAgency!.LineagePath.StartsWith(ScopeAgencyPath))
                || (ScopeAreaPath != null && iu.Unit.Area!.LineagePath.StartsWith(ScopeAreaPath))
                || (ScopeUnitId != null && iu.UnitId == ScopeUnitId))));
        builder.Entity<Inspection>().HasQueryFilter(inspectionVisible);
        builder.Entity<InspectionFinding>().HasQueryFilter(Through<InspectionFinding, Inspection>(f => f.Inspection!, inspectionVisible));
        var recommendationVisible = Or(Through<InspectionRecommendation, Inspection>(r => r.Inspection!, inspectionVisible),
            Through<InspectionRecommendation, Agency>(r => r.AddresseeAgency!, agencyReached));
        builder.Entity<InspectionRecommendation>().HasQueryFilter(recommendationVisible);
        builder.Entity<RecommendationFollowUp>().HasQueryFilter(
            Through<RecommendationFollowUp, InspectionRecommendation>(f => f.Recommendation!, recommendationVisible));

        // Awards and discipline: the unit's or the agency's scope.
        builder.Entity<MeritRecord>().HasQueryFilter(m => ScopeUnrestricted
            || (m.UnitId != null && !m.Unit!.Voided && ((ScopeAgencyPath != null && m.Unit.ManagingAgency!.LineagePath.StartsWith(ScopeAgencyPath))
                || (ScopeAreaPath != null && m.Unit.Area!.LineagePath.StartsWith(ScopeAreaPath))
                || (ScopeUnitId != null && m.UnitId == ScopeUnitId)))
            || (m.AgencyId != null && ((ScopeAgencyPath != null && m.Agency!.LineagePath.StartsWith(ScopeAgencyPath))
                || (ScopeAreaPath != null && m.Agency!.Area != null && m.Agency.Area.LineagePath.StartsWith(ScopeAreaPath)))));

        // An agency sees the tasks it leads or coordinates and those of its subtree, and the tasks its own documents
        // assigned (so that the assigning level can follow what it asked); an area scope, those of the agencies in the
        // area. Documents and their targets are public acts and are not filtered.
        builder.Entity<PlanTask>().HasQueryFilter(t =>
            ScopeUnrestricted
            || (ScopeAgencyPath != null && (t.LeadAgency!.LineagePath.StartsWith(ScopeAgencyPath)
                || t.Coordinators.Any(c => c.Agency!.LineagePath.StartsWith(ScopeAgencyPath))
                || (t.Document!.IssuerAgency != null && t.Document.IssuerAgency.LineagePath.StartsWith(ScopeAgencyPath))))
            || (ScopeAreaPath != null && t.LeadAgency!.Area != null && t.LeadAgency.Area.LineagePath.StartsWith(ScopeAreaPath)));
    }

    // The unit's filter applied to an entity through its navigation to the unit.
    private static Expression<Func<T, bool>> Through<T>(Expression<Func<T, Unit>> unit, Expression<Func<Unit, bool>> filter) =>
        Through<T, Unit>(unit, filter);

    // A filter on TOwner applied to an entity through its navigation to it.
    private static Expression<Func<T, bool>> Through<T, TOwner>(Expression<Func<T, TOwner>> owner, Expression<Func<TOwner, bool>> filter)
    {
        var body = ReplacingExpressionVisitor.Replace(filter.Parameters[0], owner.Body, filter.Body);
        return Expression.Lambda<Func<T, bool>>(body, owner.Parameters);
    }

    private static Expression<Func<T, bool>> Or<T>(Expression<Func<T, bool>> a, Expression<Func<T, bool>> b)
    {
        var body = ReplacingExpressionVisitor.Replace(b.Parameters[0], a.Parameters[0], b.Body);
        return Expression.Lambda<Func<T, bool>>(Expression.OrElse(a.Body, body), a.Parameters);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var pending = AuditTrail.Capture(ChangeTracker, countOnly: BulkOperation is not null);
        var touched = BulkOperation is null ? TouchedUnits() : [];
        if (pending.Count == 0 && touched.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // Keys generated by the database are known only after the first save; the audit rows and the indicator facts of the
        // units written go in the same transaction.
        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (touched.Count > 0)
            {
                await IndicatorFacts.RefreshAsync(this, touched.Select(e => e.UnitId()).ToHashSet(), cancellationToken);
            }

            if (pending.Count > 0)
            {
                var now = _time.GetUtcNow().UtcDateTime;
                AuditEntries.AddRange(BulkOperation is { } operation
                    ? AuditTrail.Summarize(pending, operation, Actor, now)
                    : pending.Select(p => p.ToEntry(Actor, now)));
                await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }

            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return count;
        }
        catch when (ownTransaction is not null)
        {
            // The failure is what the caller must see: a rollback on a connection that broke (the database stopping
            // mid-write) may itself fail, and its error would hide the one that says the database is unavailable.
            try
            {
                await ownTransaction.DisposeAsync();
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
            }

            ownTransaction = null;
            throw;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// The written entities that the indicator facts derive from, each read for its unit's id after the save (a new unit's
    /// key is known only then). Bulk loads write past the tracker and rebuild the facts themselves.
    /// </summary>
    private List<TouchedUnit> TouchedUnits()
    {
        var touched = new List<TouchedUnit>();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Unit u:
                    touched.Add(new(() => u.Id));
                    break;
                case UnitVersion v:
                    touched.Add(new(() => v.UnitId));
                    break;
                case FinanceYear f:
                    touched.Add(new(() => f.UnitId));
                    break;
                case StaffingYear s:
                    touched.Add(new(() => s.UnitId));
                    break;
                case AutonomyPlan p:
                    touched.Add(new(() => p.UnitId));
                    break;
                case ReorganizationParticipant p:
                    touched.Add(new(() => p.UnitId));
                    break;
            }
        }

        return touched;
    }

    private sealed record TouchedUnit(Func<int> UnitId);
}

/// <summary>
/// What a caller may see (everything, an agency subtree, an area subtree, one unit, or nothing) and its role, which decides
/// what it may change there (Rules/Permissions). Without a role nothing may be changed.
/// </summary>
public sealed record CallerScope(bool Unrestricted, string? AgencyPath, string? AreaPath, int? UnitId, string Description)
{
    /// <summary>The system itself (command line, seeding) or an administrator.</summary>
    public static readonly CallerScope Everything = new(true, null, null, null, "Toàn quốc") { Role = Roles.SystemAdmin };
    public static readonly CallerScope Nothing = new(false, null, null, null, "Không có phạm vi");

    public string? Role { get; init; }
}

/// <summary>The person or process behind a change.</summary>
public sealed record Actor(string? Id, string Name, string? IpAddress)
{
    public static readonly Actor System = new(null, "system", null);
}
