using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SuNghiep.Core.Entities;

namespace SuNghiep.Core.Data;

internal sealed class SectorConfiguration : IEntityTypeConfiguration<Sector>
{
    public void Configure(EntityTypeBuilder<Sector> b)
    {
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(200);
        b.HasData(Catalog.Sectors);
    }
}

internal sealed class RoleClassConfiguration : IEntityTypeConfiguration<RoleClass>
{
    public void Configure(EntityTypeBuilder<RoleClass> b)
    {
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(200);
        b.HasData(Catalog.RoleClasses);
    }
}

internal sealed class AutonomyGroupConfiguration : IEntityTypeConfiguration<AutonomyGroup>
{
    public void Configure(EntityTypeBuilder<AutonomyGroup> b)
    {
        b.HasKey(x => x.Number);
        b.Property(x => x.Number).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Condition).HasMaxLength(400);
        b.HasData(Catalog.AutonomyGroups);
    }
}

internal sealed class AdministrativeLevelConfiguration : IEntityTypeConfiguration<AdministrativeLevel>
{
    public void Configure(EntityTypeBuilder<AdministrativeLevel> b)
    {
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(100);
        b.HasData(Catalog.Levels);
    }
}

internal sealed class AreaConfiguration : IEntityTypeConfiguration<Area>
{
    public void Configure(EntityTypeBuilder<Area> b)
    {
        b.Property(x => x.Code).HasMaxLength(16);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Type).HasMaxLength(32);
        b.Property(x => x.Path).HasMaxLength(200);
        b.Property(x => x.LineagePath).HasMaxLength(200);
        b.HasIndex(x => x.LineagePath);
        b.HasIndex(x => new { x.Code, x.ValidFrom }).IsUnique();
        b.HasIndex(x => x.Path);
        b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Successor).WithMany().HasForeignKey(x => x.SuccessorId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.FullName);
    }
}

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> b)
    {
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(250);
        b.Property(x => x.LevelCode).HasMaxLength(32);
        b.Property(x => x.Path).HasMaxLength(200);
        b.Property(x => x.SearchText).HasMaxLength(300);
        b.Property(x => x.LineagePath).HasMaxLength(200);
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => x.Path);
        b.HasIndex(x => x.LineagePath);
        b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Successor).WithMany().HasForeignKey(x => x.SuccessorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Area).WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AdministrativeLevel>().WithMany().HasForeignKey(x => x.LevelCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(250);
        b.Property(x => x.SearchText).HasMaxLength(300);
        b.Property(x => x.SortKey).HasMaxLength(800);
        b.Property(x => x.SectorCode).HasMaxLength(32);
        b.Property(x => x.RoleClassCode).HasMaxLength(32);
        b.Property(x => x.LevelCode).HasMaxLength(32);
        b.Property(x => x.Address).HasMaxLength(500);
        b.Property(x => x.Notes).HasMaxLength(4000);
        b.Property(x => x.ConversionListedBy).HasMaxLength(250);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => x.SortKey);
        b.HasIndex(x => x.SectorCode);
        b.HasIndex(x => x.ManagingAgencyId);
        b.HasIndex(x => x.AreaId);
        b.HasOne(x => x.Area).WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.ManagingAgency).WithMany().HasForeignKey(x => x.ManagingAgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Sector>().WithMany().HasForeignKey(x => x.SectorCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RoleClass>().WithMany().HasForeignKey(x => x.RoleClassCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AdministrativeLevel>().WithMany().HasForeignKey(x => x.LevelCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AutonomyGroup>().WithMany().HasForeignKey(x => x.AutonomyGroup).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(x => x.ActorId).HasMaxLength(64);
        b.Property(x => x.ActorName).HasMaxLength(256);
        b.Property(x => x.IpAddress).HasMaxLength(64);
        b.Property(x => x.Action).HasMaxLength(16);
        b.Property(x => x.EntityType).HasMaxLength(64);
        b.Property(x => x.EntityId).HasMaxLength(128);
        b.HasIndex(x => x.At);
        b.HasIndex(x => new { x.EntityType, x.EntityId });
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(x => x.FullName).HasMaxLength(200);
        b.HasOne(x => x.ScopeAgency).WithMany().HasForeignKey(x => x.ScopeAgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.ScopeArea).WithMany().HasForeignKey(x => x.ScopeAreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.ScopeUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReorganizationConfiguration : IEntityTypeConfiguration<Reorganization>
{
    public void Configure(EntityTypeBuilder<Reorganization> b)
    {
        b.Property(x => x.DecisionNumber).HasMaxLength(64);
        b.Property(x => x.DecisionIssuer).HasMaxLength(250);
        b.Property(x => x.NewName).HasMaxLength(250);
        b.Property(x => x.Notes).HasMaxLength(4000);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.VoidedBy).HasMaxLength(256);
        b.Property(x => x.VoidReason).HasMaxLength(2000);
        b.HasIndex(x => x.EffectiveDate);
        b.HasOne(x => x.NewManagingAgency).WithMany().HasForeignKey(x => x.NewManagingAgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Participants).WithOne(x => x.Reorganization).HasForeignKey(x => x.ReorganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReorganizationProposalConfiguration : IEntityTypeConfiguration<ReorganizationProposal>
{
    public void Configure(EntityTypeBuilder<ReorganizationProposal> b)
    {
        b.Property(x => x.Number).HasMaxLength(64);
        b.Property(x => x.Summary).HasMaxLength(2000);
        b.Property(x => x.EventJson).HasMaxLength(200_000);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.SubmittedBy).HasMaxLength(256);
        b.Property(x => x.AppraisalOpinion).HasMaxLength(4000);
        b.Property(x => x.Appraiser).HasMaxLength(256);
        b.Property(x => x.AppraisalWarningsJson).HasMaxLength(20_000);
        b.Property(x => x.DecidedBy).HasMaxLength(256);
        b.Property(x => x.DecisionWarningsJson).HasMaxLength(20_000);
        b.Property(x => x.WithdrawnBy).HasMaxLength(256);
        b.Property(x => x.WithdrawReason).HasMaxLength(2000);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.HasIndex(x => new { x.Status, x.ProposedOn });
        b.HasIndex(x => x.AgencyId);
        b.HasIndex(x => x.ReorganizationId);
        b.HasOne(x => x.Agency).WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.CompetentAgency).WithMany().HasForeignKey(x => x.CompetentAgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Reorganization).WithMany().HasForeignKey(x => x.ReorganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReorganizationParticipantConfiguration : IEntityTypeConfiguration<ReorganizationParticipant>
{
    public void Configure(EntityTypeBuilder<ReorganizationParticipant> b)
    {
        b.HasIndex(x => new { x.ReorganizationId, x.UnitId, x.Role }).IsUnique();
        b.HasIndex(x => x.UnitId);
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class UnitVersionConfiguration : IEntityTypeConfiguration<UnitVersion>
{
    public void Configure(EntityTypeBuilder<UnitVersion> b)
    {
        b.Property(x => x.Name).HasMaxLength(250);
        b.Property(x => x.SearchText).HasMaxLength(300);
        b.Property(x => x.SortKey).HasMaxLength(800);
        b.Property(x => x.SectorCode).HasMaxLength(32);
        b.Property(x => x.RoleClassCode).HasMaxLength(32);
        b.Property(x => x.LevelCode).HasMaxLength(32);
        b.Property(x => x.DecisionNumber).HasMaxLength(64);
        b.Property(x => x.DecisionIssuer).HasMaxLength(250);
        b.HasIndex(x => new { x.UnitId, x.ValidFrom }).IsUnique();
        // At most one open version per unit, whatever writes race: a second one would count the unit twice.
        b.HasIndex(x => x.UnitId, "IX_UnitVersions_UnitId_Open").IsUnique().HasFilter("\"ValidTo\" IS NULL");
        b.HasIndex(x => new { x.ValidFrom, x.ValidTo });
        b.HasOne(x => x.Unit).WithMany(x => x.Versions).HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Area).WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.ManagingAgency).WithMany().HasForeignKey(x => x.ManagingAgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Reorganization).WithMany().HasForeignKey(x => x.ReorganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Sector>().WithMany().HasForeignKey(x => x.SectorCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RoleClass>().WithMany().HasForeignKey(x => x.RoleClassCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AdministrativeLevel>().WithMany().HasForeignKey(x => x.LevelCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AutonomyGroup>().WithMany().HasForeignKey(x => x.AutonomyGroup).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StaffingYearConfiguration : IEntityTypeConfiguration<StaffingYear>
{
    public void Configure(EntityTypeBuilder<StaffingYear> b)
    {
        b.HasIndex(x => new { x.UnitId, x.Year }).IsUnique();
        b.HasIndex(x => x.Year);
        b.Property(x => x.Notes).HasMaxLength(2000);
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StaffingAllocationConfiguration : IEntityTypeConfiguration<StaffingAllocation>
{
    public void Configure(EntityTypeBuilder<StaffingAllocation> b)
    {
        b.HasIndex(x => new { x.AgencyId, x.Year }).IsUnique();
        b.Property(x => x.DecisionNumber).HasMaxLength(64);
        b.HasOne(x => x.Agency).WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FinanceYearConfiguration : IEntityTypeConfiguration<FinanceYear>
{
    public void Configure(EntityTypeBuilder<FinanceYear> b)
    {
        b.HasIndex(x => new { x.UnitId, x.Year }).IsUnique();
        b.HasIndex(x => x.Year);
        foreach (var p in new[] { nameof(FinanceYear.OrderedServices), nameof(FinanceYear.ScienceTasks), nameof(FinanceYear.ServiceFees),
                     nameof(FinanceYear.BusinessSurplus), nameof(FinanceYear.RetainedFees), nameof(FinanceYear.OtherRevenue),
                     nameof(FinanceYear.RecurrentExpenditure), nameof(FinanceYear.InvestmentSelfFinancing),
                     nameof(FinanceYear.Depreciation), nameof(FinanceYear.DirectBudgetSpending) })
        {
            b.Property<decimal>(p).HasPrecision(20, 0);
        }

        b.Property(x => x.SelfFinancingLevel).HasPrecision(12, 4);
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AutonomyPlanConfiguration : IEntityTypeConfiguration<AutonomyPlan>
{
    public void Configure(EntityTypeBuilder<AutonomyPlan> b)
    {
        b.HasIndex(x => new { x.UnitId, x.PeriodStart });
        b.Property(x => x.DecisionNumber).HasMaxLength(64);
        b.Property(x => x.DecisionIssuer).HasMaxLength(250);
        b.Property(x => x.Notes).HasMaxLength(2000);
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class JobPositionListConfiguration : IEntityTypeConfiguration<JobPositionList>
{
    public void Configure(EntityTypeBuilder<JobPositionList> b)
    {
        b.HasIndex(x => new { x.UnitId, x.DecisionDate });
        b.Property(x => x.DecisionNumber).HasMaxLength(64);
        b.Property(x => x.DecisionIssuer).HasMaxLength(250);
        b.Property(x => x.Notes).HasMaxLength(2000);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Positions).WithOne(x => x.List).HasForeignKey(x => x.ListId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class JobPositionConfiguration : IEntityTypeConfiguration<JobPosition>
{
    public void Configure(EntityTypeBuilder<JobPosition> b)
    {
        b.HasIndex(x => new { x.ListId, x.Ordinal }).IsUnique();
        b.HasIndex(x => x.UnitId);
        b.Property(x => x.Name).HasMaxLength(250);
        b.Property(x => x.TitleName).HasMaxLength(250);
        b.Property(x => x.TitleCode).HasMaxLength(32);
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlanDocumentConfiguration : IEntityTypeConfiguration<PlanDocument>
{
    public void Configure(EntityTypeBuilder<PlanDocument> b)
    {
        b.Property(x => x.Number).HasMaxLength(64);
        b.Property(x => x.Issuer).HasMaxLength(250);
        b.Property(x => x.Title).HasMaxLength(1000);
        b.Property(x => x.Signer).HasMaxLength(200);
        b.Property(x => x.Notes).HasMaxLength(4000);
        b.HasIndex(x => new { x.Number, x.IssuedOn }).IsUnique();
        b.HasOne(x => x.IssuerAgency).WithMany().HasForeignKey(x => x.IssuerAgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Parents).WithOne(x => x.Child).HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Targets).WithOne(x => x.Document).HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Tasks).WithOne(x => x.Document).HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DocumentLinkConfiguration : IEntityTypeConfiguration<DocumentLink>
{
    public void Configure(EntityTypeBuilder<DocumentLink> b)
    {
        b.HasKey(x => new { x.ChildId, x.ParentId });
        b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlanTargetConfiguration : IEntityTypeConfiguration<PlanTarget>
{
    public void Configure(EntityTypeBuilder<PlanTarget> b)
    {
        b.Property(x => x.IndicatorCode).HasMaxLength(64);
        b.Property(x => x.Text).HasMaxLength(2000);
        b.Property(x => x.AreaCode).HasMaxLength(16);
        b.Property(x => x.Direction).HasMaxLength(16);
        b.Property(x => x.ValueUnit).HasMaxLength(16);
        b.Property(x => x.Value).HasPrecision(18, 4);
    }
}

internal sealed class PlanTaskConfiguration : IEntityTypeConfiguration<PlanTask>
{
    public void Configure(EntityTypeBuilder<PlanTask> b)
    {
        b.Property(x => x.Section).HasMaxLength(64);
        b.Property(x => x.Content).HasMaxLength(4000);
        b.Property(x => x.ExpectedOutput).HasMaxLength(1000);
        b.HasIndex(x => x.LeadAgencyId);
        b.HasIndex(x => x.Deadline);
        b.HasOne(x => x.LeadAgency).WithMany().HasForeignKey(x => x.LeadAgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.ParentTask).WithMany().HasForeignKey(x => x.ParentTaskId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Coordinators).WithOne(x => x.Task).HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Progress).WithOne(x => x.Task).HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.Recurrence);
    }
}

internal sealed class PlanTaskCoordinatorConfiguration : IEntityTypeConfiguration<PlanTaskCoordinator>
{
    public void Configure(EntityTypeBuilder<PlanTaskCoordinator> b)
    {
        b.HasKey(x => new { x.TaskId, x.AgencyId });
        b.HasOne(x => x.Agency).WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TaskProgressConfiguration : IEntityTypeConfiguration<TaskProgress>
{
    public void Configure(EntityTypeBuilder<TaskProgress> b)
    {
        b.Property(x => x.Text).HasMaxLength(4000);
        b.Property(x => x.ReportedBy).HasMaxLength(256);
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.HasIndex(x => new { x.TaskId, x.Date });
    }
}

internal sealed class TaskExplanationRequestConfiguration : IEntityTypeConfiguration<TaskExplanationRequest>
{
    public void Configure(EntityTypeBuilder<TaskExplanationRequest> b)
    {
        b.Property(x => x.Message).HasMaxLength(2000);
        b.Property(x => x.Answer).HasMaxLength(4000);
        b.Property(x => x.RequestedBy).HasMaxLength(256);
        b.Property(x => x.AnsweredBy).HasMaxLength(256);
        b.HasOne(x => x.Task).WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.RequestedByAgency).WithMany().HasForeignKey(x => x.RequestedByAgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.TaskId);
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> b)
    {
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.ContentType).HasMaxLength(128);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.UploadedBy).HasMaxLength(256);
        b.HasOne(x => x.Document).WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Progress).WithMany().HasForeignKey(x => x.ProgressId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.DocumentId);
        b.HasIndex(x => x.ProgressId);
        b.HasOne(x => x.Report).WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ReportId);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(x => x.Message).HasMaxLength(1000);
        b.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Task).WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.UserId, x.TaskId, x.Kind, x.DueOn }).IsUnique();
        b.HasOne(x => x.Report).WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.UserId, x.ReportId, x.Kind, x.DueOn }).IsUnique();
        b.HasOne(x => x.Feedback).WithMany().HasForeignKey(x => x.FeedbackId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.UserId, x.FeedbackId, x.Kind, x.DueOn }).IsUnique();
        b.HasOne(x => x.Recommendation).WithMany().HasForeignKey(x => x.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.UserId, x.RecommendationId, x.Kind, x.DueOn }).IsUnique();
        b.HasIndex(x => new { x.UserId, x.ReadAt });
    }
}

internal sealed class SignInThrottleConfiguration : IEntityTypeConfiguration<SignInThrottle>
{
    public void Configure(EntityTypeBuilder<SignInThrottle> b)
    {
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(64);
        b.HasIndex(x => x.LastFailureAt);
    }
}

internal sealed class ScenarioConfiguration : IEntityTypeConfiguration<Scenario>
{
    public void Configure(EntityTypeBuilder<Scenario> b)
    {
        b.Property(x => x.Name).HasMaxLength(250);
        b.Property(x => x.AuthorId).HasMaxLength(450);
        b.Property(x => x.AuthorName).HasMaxLength(256);
        b.Property(x => x.ScopeAgencyPath).HasMaxLength(400);
        b.Property(x => x.ScopeAreaPath).HasMaxLength(400);
        b.Property(x => x.AppliedBy).HasMaxLength(256);
        b.Property(x => x.AppliedReorganizationIds).HasMaxLength(4000);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.HasIndex(x => x.AuthorId);
    }
}

internal sealed class UnitYearFactConfiguration : IEntityTypeConfiguration<UnitYearFact>
{
    public void Configure(EntityTypeBuilder<UnitYearFact> b)
    {
        b.Property(x => x.SectorCode).HasMaxLength(32);
        b.Property(x => x.LevelCode).HasMaxLength(32);
        // A snapshot reads one year's rows, the yearly sums its year-end rows; maintenance replaces a unit's rows.
        b.HasIndex(x => new { x.Year, x.YearEnd });
        b.HasIndex(x => x.UnitId);
        // The year totals of one area and agency are summed again from here when a unit of theirs changes.
        b.HasIndex(x => new { x.AreaId, x.ManagingAgencyId });
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Area).WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.ManagingAgency).WithMany().HasForeignKey(x => x.ManagingAgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IndicatorYearTotalConfiguration : IEntityTypeConfiguration<IndicatorYearTotal>
{
    public void Configure(EntityTypeBuilder<IndicatorYearTotal> b)
    {
        b.Property(x => x.SectorCode).HasMaxLength(32);
        b.Property(x => x.LevelCode).HasMaxLength(32);
        b.HasIndex(x => x.Year);
        b.HasIndex(x => new { x.AreaId, x.ManagingAgencyId });
        b.HasOne(x => x.Area).WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.ManagingAgency).WithMany().HasForeignKey(x => x.ManagingAgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
