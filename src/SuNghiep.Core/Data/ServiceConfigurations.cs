using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SuNghiep.Core.Entities;

namespace SuNghiep.Core.Data;

internal sealed class ServiceCatalogueConfiguration : IEntityTypeConfiguration<ServiceCatalogue>
{
    public void Configure(EntityTypeBuilder<ServiceCatalogue> b)
    {
        b.Property(x => x.Name).HasMaxLength(500);
        b.Property(x => x.AreaCode).HasMaxLength(16);
        b.Property(x => x.DecisionNumber).HasMaxLength(64);
        b.Property(x => x.DecisionIssuer).HasMaxLength(250);
        b.Property(x => x.Source).HasMaxLength(1000);
        b.Property(x => x.Notes).HasMaxLength(2000);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.Level, x.AreaCode, x.ValidFrom });
        b.HasOne(x => x.IssuerAgency).WithMany().HasForeignKey(x => x.IssuerAgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Supersedes).WithMany().HasForeignKey(x => x.SupersedesId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Items).WithOne(x => x.Catalogue).HasForeignKey(x => x.CatalogueId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ServiceItemConfiguration : IEntityTypeConfiguration<ServiceItem>
{
    public void Configure(EntityTypeBuilder<ServiceItem> b)
    {
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(1000);
        b.Property(x => x.SearchText).HasMaxLength(1100);
        b.Property(x => x.SortKey).HasMaxLength(800);
        b.Property(x => x.SectorCode).HasMaxLength(32);
        b.Property(x => x.OutputUnit).HasMaxLength(100);
        b.HasIndex(x => new { x.CatalogueId, x.Code }).IsUnique();
        b.HasIndex(x => x.SectorCode);
        b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Sector>().WithMany().HasForeignKey(x => x.SectorCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ServiceNormConfiguration : IEntityTypeConfiguration<ServiceNorm>
{
    public void Configure(EntityTypeBuilder<ServiceNorm> b)
    {
        b.Property(x => x.OutputUnit).HasMaxLength(100);
        b.Property(x => x.InputsJson).HasMaxLength(20000);
        b.Property(x => x.DecisionNumber).HasMaxLength(64);
        b.Property(x => x.DecisionIssuer).HasMaxLength(250);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.ItemId, x.ValidFrom });
        b.HasOne(x => x.Item).WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ServicePriceConfiguration : IEntityTypeConfiguration<ServicePrice>
{
    public void Configure(EntityTypeBuilder<ServicePrice> b)
    {
        b.Property(x => x.AreaCode).HasMaxLength(16);
        b.Property(x => x.Price).HasPrecision(20, 2);
        b.Property(x => x.Unit).HasMaxLength(100);
        b.Property(x => x.DecisionNumber).HasMaxLength(64);
        b.Property(x => x.DecisionIssuer).HasMaxLength(250);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.ItemId, x.AreaCode, x.ValidFrom });
        b.HasOne(x => x.Item).WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProviderConfiguration : IEntityTypeConfiguration<Provider>
{
    public void Configure(EntityTypeBuilder<Provider> b)
    {
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(250);
        b.Property(x => x.SearchText).HasMaxLength(300);
        b.Property(x => x.SortKey).HasMaxLength(800);
        b.Property(x => x.LegalForm).HasMaxLength(100);
        b.Property(x => x.Ownership).HasMaxLength(100);
        b.Property(x => x.SectorCode).HasMaxLength(32);
        b.Property(x => x.ProviderType).HasMaxLength(100);
        b.Property(x => x.Address).HasMaxLength(500);
        b.Property(x => x.LicenceNumber).HasMaxLength(64);
        b.Property(x => x.LicenceIssuer).HasMaxLength(250);
        b.Property(x => x.Notes).HasMaxLength(2000);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => x.SortKey);
        b.HasIndex(x => x.AreaId);
        b.HasOne(x => x.Area).WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.RecordedByAgency).WithMany().HasForeignKey(x => x.RecordedByAgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Sector>().WithMany().HasForeignKey(x => x.SectorCode).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Versions).WithOne(x => x.Provider).HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProviderVersionConfiguration : IEntityTypeConfiguration<ProviderVersion>
{
    public void Configure(EntityTypeBuilder<ProviderVersion> b)
    {
        b.Property(x => x.Name).HasMaxLength(250);
        b.Property(x => x.LegalForm).HasMaxLength(100);
        b.Property(x => x.Ownership).HasMaxLength(100);
        b.Property(x => x.SectorCode).HasMaxLength(32);
        b.Property(x => x.ProviderType).HasMaxLength(100);
        b.Property(x => x.Address).HasMaxLength(500);
        b.Property(x => x.LicenceNumber).HasMaxLength(64);
        b.Property(x => x.LicenceIssuer).HasMaxLength(250);
        b.HasIndex(x => new { x.ProviderId, x.ValidFrom });
        b.HasIndex(x => new { x.AreaId, x.SectorCode });
        b.HasOne(x => x.Area).WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ServiceOrderConfiguration : IEntityTypeConfiguration<ServiceOrder>
{
    public void Configure(EntityTypeBuilder<ServiceOrder> b)
    {
        b.Property(x => x.Quantity).HasPrecision(18, 2);
        b.Property(x => x.UnitPrice).HasPrecision(20, 2);
        b.Property(x => x.Value).HasPrecision(20, 0);
        b.Property(x => x.QualityRequirement).HasMaxLength(2000);
        b.Property(x => x.EstimateReference).HasMaxLength(250);
        b.Property(x => x.DecisionNumber).HasMaxLength(64);
        b.Property(x => x.DecisionIssuer).HasMaxLength(250);
        b.Property(x => x.Notes).HasMaxLength(2000);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.HasIndex(x => new { x.Year, x.OrdererAgencyId });
        b.HasIndex(x => new { x.ProviderUnitId, x.Year });
        b.HasIndex(x => x.ProviderId);
        b.HasIndex(x => x.ItemId);
        b.HasOne(x => x.OrdererAgency).WithMany().HasForeignKey(x => x.OrdererAgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.ProviderUnit).WithMany().HasForeignKey(x => x.ProviderUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Provider).WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Item).WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.PriceRow).WithMany().HasForeignKey(x => x.PriceId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Bids).WithOne(x => x.Order).HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Acceptances).WithOne(x => x.Order).HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Settlements).WithOne(x => x.Order).HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ServiceBidConfiguration : IEntityTypeConfiguration<ServiceBid>
{
    public void Configure(EntityTypeBuilder<ServiceBid> b)
    {
        b.Property(x => x.BidderName).HasMaxLength(250);
        b.Property(x => x.BidPrice).HasPrecision(20, 2);
        b.Property(x => x.Notes).HasMaxLength(2000);
        b.HasOne(x => x.ProviderUnit).WithMany().HasForeignKey(x => x.ProviderUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Provider).WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ServiceAcceptanceConfiguration : IEntityTypeConfiguration<ServiceAcceptance>
{
    public void Configure(EntityTypeBuilder<ServiceAcceptance> b)
    {
        b.Property(x => x.QuantityAccepted).HasPrecision(18, 2);
        b.Property(x => x.QualityScore).HasPrecision(9, 2);
        b.Property(x => x.QualityLevel).HasMaxLength(100);
        b.Property(x => x.Deduction).HasPrecision(20, 0);
        b.Property(x => x.AcceptedValue).HasPrecision(20, 0);
        b.Property(x => x.Minutes).HasMaxLength(500);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasIndex(x => x.OrderId);
    }
}

internal sealed class ServiceSettlementConfiguration : IEntityTypeConfiguration<ServiceSettlement>
{
    public void Configure(EntityTypeBuilder<ServiceSettlement> b)
    {
        b.Property(x => x.Amount).HasPrecision(20, 0);
        b.Property(x => x.DocumentNumber).HasMaxLength(64);
        b.Property(x => x.Notes).HasMaxLength(2000);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasIndex(x => x.OrderId);
    }
}

internal sealed class UnitCapacityConfiguration : IEntityTypeConfiguration<UnitCapacity>
{
    public void Configure(EntityTypeBuilder<UnitCapacity> b)
    {
        b.Property(x => x.Source).HasMaxLength(500);
        b.HasIndex(x => new { x.UnitId, x.CapacityUnit, x.ValidFrom });
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AreaPopulationConfiguration : IEntityTypeConfiguration<AreaPopulation>
{
    public void Configure(EntityTypeBuilder<AreaPopulation> b)
    {
        b.Property(x => x.Source).HasMaxLength(500);
        b.HasIndex(x => new { x.AreaId, x.Year }).IsUnique();
        b.HasOne(x => x.Area).WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NetworkNormConfiguration : IEntityTypeConfiguration<NetworkNorm>
{
    public void Configure(EntityTypeBuilder<NetworkNorm> b)
    {
        b.Property(x => x.SectorCode).HasMaxLength(32);
        b.Property(x => x.Value).HasPrecision(12, 2);
        b.Property(x => x.DocumentNumber).HasMaxLength(64);
        b.Property(x => x.Source).HasMaxLength(1000);
        b.HasIndex(x => new { x.SectorCode, x.ValidFrom });
        b.HasData(NetworkNorms.Shipped);
    }
}

/// <summary>The national norms shipped with the app: the health network plan's beds per 10,000 people.</summary>
public static class NetworkNorms
{
    private const string HealthPlan =
        "Quy hoạch mạng lưới cơ sở y tế thời kỳ 2021-2030, tầm nhìn 2050 (Quyết định của Thủ tướng Chính phủ ngày 27/02/2024; "
        + "số hiệu 201/QĐ-TTg cần đối chiếu): 33 giường bệnh/10.000 dân năm 2025, 35 năm 2030 (en.baochinhphu.vn)";

    public static readonly IReadOnlyList<NetworkNorm> Shipped =
    [
        new() { Id = 1, SectorCode = "health", CapacityUnit = CapacityUnit.Beds, Value = 33, PerPopulation = 10_000,
            ValidFrom = new DateOnly(2025, 1, 1), ValidTo = new DateOnly(2029, 12, 31), DocumentNumber = "201/QĐ-TTg", Source = HealthPlan },
        new() { Id = 2, SectorCode = "health", CapacityUnit = CapacityUnit.Beds, Value = 35, PerPopulation = 10_000,
            ValidFrom = new DateOnly(2030, 1, 1), DocumentNumber = "201/QĐ-TTg", Source = HealthPlan },
    ];
}

internal sealed class QualityStandardConfiguration : IEntityTypeConfiguration<QualityStandard>
{
    public void Configure(EntityTypeBuilder<QualityStandard> b)
    {
        b.Property(x => x.Code).HasMaxLength(64);
        b.Property(x => x.Name).HasMaxLength(500);
        b.Property(x => x.Issuer).HasMaxLength(250);
        b.Property(x => x.DocumentNumber).HasMaxLength(64);
        b.Property(x => x.SectorCode).HasMaxLength(32);
        b.Property(x => x.Version).HasMaxLength(32);
        b.Property(x => x.BandsJson).HasMaxLength(4000);
        b.Property(x => x.Source).HasMaxLength(1000);
        b.HasIndex(x => new { x.Code, x.Version }).IsUnique();
        b.HasOne(x => x.Item).WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Criteria).WithOne(x => x.Standard).HasForeignKey(x => x.StandardId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QualityCriterionConfiguration : IEntityTypeConfiguration<QualityCriterion>
{
    public void Configure(EntityTypeBuilder<QualityCriterion> b)
    {
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Group).HasMaxLength(250);
        b.Property(x => x.Name).HasMaxLength(1000);
        b.Property(x => x.MaxScore).HasPrecision(9, 2);
        b.HasIndex(x => new { x.StandardId, x.Code }).IsUnique();
    }
}

internal sealed class QualityAssessmentConfiguration : IEntityTypeConfiguration<QualityAssessment>
{
    public void Configure(EntityTypeBuilder<QualityAssessment> b)
    {
        b.Property(x => x.Score).HasPrecision(9, 2);
        b.Property(x => x.Level).HasMaxLength(32);
        b.Property(x => x.LevelLabel).HasMaxLength(100);
        b.Property(x => x.Team).HasMaxLength(2000);
        b.Property(x => x.DecisionNumber).HasMaxLength(64);
        b.Property(x => x.DecisionIssuer).HasMaxLength(250);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.UnitId, x.AssessedOn });
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Standard).WithMany().HasForeignKey(x => x.StandardId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Scores).WithOne(x => x.Assessment).HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QualityScoreConfiguration : IEntityTypeConfiguration<QualityScore>
{
    public void Configure(EntityTypeBuilder<QualityScore> b)
    {
        b.Property(x => x.Score).HasPrecision(9, 2);
        b.HasIndex(x => new { x.AssessmentId, x.CriterionId }).IsUnique();
        b.HasOne(x => x.Criterion).WithMany().HasForeignKey(x => x.CriterionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SurveyInstrumentConfiguration : IEntityTypeConfiguration<SurveyInstrument>
{
    public void Configure(EntityTypeBuilder<SurveyInstrument> b)
    {
        b.Property(x => x.Code).HasMaxLength(64);
        b.Property(x => x.Name).HasMaxLength(500);
        b.Property(x => x.DocumentNumber).HasMaxLength(64);
        b.Property(x => x.DocumentIssuer).HasMaxLength(250);
        b.Property(x => x.SectorCode).HasMaxLength(32);
        b.Property(x => x.RespondentType).HasMaxLength(200);
        b.Property(x => x.ScaleJson).HasMaxLength(4000);
        b.Property(x => x.Source).HasMaxLength(1000);
        b.HasIndex(x => x.Code).IsUnique();
        b.HasMany(x => x.Items).WithOne(x => x.Instrument).HasForeignKey(x => x.InstrumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyItemConfiguration : IEntityTypeConfiguration<SurveyItem>
{
    public void Configure(EntityTypeBuilder<SurveyItem> b)
    {
        b.Property(x => x.SectionCode).HasMaxLength(16);
        b.Property(x => x.SectionName).HasMaxLength(500);
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Text).HasMaxLength(1000);
        b.HasIndex(x => new { x.InstrumentId, x.Code }).IsUnique();
    }
}

internal sealed class SurveyRoundConfiguration : IEntityTypeConfiguration<SurveyRound>
{
    public void Configure(EntityTypeBuilder<SurveyRound> b)
    {
        b.Property(x => x.Label).HasMaxLength(100);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.UnitId, x.PeriodFrom });
        b.HasOne(x => x.Instrument).WithMany().HasForeignKey(x => x.InstrumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> b)
    {
        b.HasIndex(x => x.RoundId);
        b.HasOne(x => x.Round).WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Answers).WithOne(x => x.Response).HasForeignKey(x => x.ResponseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyAnswer> b)
    {
        b.HasIndex(x => new { x.RoundId, x.ItemId });
        b.HasIndex(x => new { x.ResponseId, x.ItemId }).IsUnique();
        b.HasOne<SurveyRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Item).WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FeedbackConfiguration : IEntityTypeConfiguration<Feedback>
{
    public void Configure(EntityTypeBuilder<Feedback> b)
    {
        b.ToTable("Feedback");
        b.Property(x => x.Topic).HasMaxLength(100);
        b.Property(x => x.Text).HasMaxLength(4000);
        b.Property(x => x.Contact).HasMaxLength(256);
        b.Property(x => x.WithdrawTokenHash).HasMaxLength(64);
        b.Property(x => x.ErasedReason).HasMaxLength(32);
        b.Property(x => x.ReplyText).HasMaxLength(4000);
        b.Property(x => x.RepliedBy).HasMaxLength(256);
        b.Property(x => x.PublicText).HasMaxLength(4000);
        b.Property(x => x.PublishedBy).HasMaxLength(256);
        b.Property(x => x.RejectedReason).HasMaxLength(1000);
        b.HasIndex(x => new { x.UnitId, x.Status });
        b.HasIndex(x => new { x.Status, x.DueOn });
        b.HasIndex(x => x.WithdrawTokenHash);
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InspectionConfiguration : IEntityTypeConfiguration<Inspection>
{
    public void Configure(EntityTypeBuilder<Inspection> b)
    {
        b.Property(x => x.DecisionNumber).HasMaxLength(64);
        b.Property(x => x.DecisionIssuer).HasMaxLength(250);
        b.Property(x => x.Body).HasMaxLength(250);
        b.Property(x => x.ConclusionNumber).HasMaxLength(64);
        b.Property(x => x.DirectiveNumber).HasMaxLength(64);
        b.Property(x => x.DirectiveText).HasMaxLength(4000);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasIndex(x => x.DecisionDate);
        b.HasOne(x => x.BodyAgency).WithMany().HasForeignKey(x => x.BodyAgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Units).WithOne(x => x.Inspection).HasForeignKey(x => x.InspectionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Findings).WithOne(x => x.Inspection).HasForeignKey(x => x.InspectionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InspectionUnitConfiguration : IEntityTypeConfiguration<InspectionUnit>
{
    public void Configure(EntityTypeBuilder<InspectionUnit> b)
    {
        b.HasKey(x => new { x.InspectionId, x.UnitId });
        b.HasIndex(x => x.UnitId);
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InspectionFindingConfiguration : IEntityTypeConfiguration<InspectionFinding>
{
    public void Configure(EntityTypeBuilder<InspectionFinding> b)
    {
        b.Property(x => x.Category).HasMaxLength(250);
        b.Property(x => x.Description).HasMaxLength(4000);
        b.Property(x => x.Amount).HasPrecision(20, 0);
        b.Property(x => x.Responsibility).HasMaxLength(1000);
        b.HasIndex(x => x.UnitId);
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Recommendations).WithOne(x => x.Finding).HasForeignKey(x => x.FindingId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InspectionRecommendationConfiguration : IEntityTypeConfiguration<InspectionRecommendation>
{
    public void Configure(EntityTypeBuilder<InspectionRecommendation> b)
    {
        b.Property(x => x.Content).HasMaxLength(4000);
        b.Property(x => x.Amount).HasPrecision(20, 0);
        b.Property(x => x.DisputeReason).HasMaxLength(2000);
        b.HasIndex(x => new { x.AddresseeAgencyId, x.Deadline });
        b.HasIndex(x => x.InspectionId);
        b.HasOne(x => x.Inspection).WithMany().HasForeignKey(x => x.InspectionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.AddresseeAgency).WithMany().HasForeignKey(x => x.AddresseeAgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.FollowUps).WithOne(x => x.Recommendation).HasForeignKey(x => x.RecommendationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RecommendationFollowUpConfiguration : IEntityTypeConfiguration<RecommendationFollowUp>
{
    public void Configure(EntityTypeBuilder<RecommendationFollowUp> b)
    {
        b.Property(x => x.Text).HasMaxLength(4000);
        b.Property(x => x.AmountRecovered).HasPrecision(20, 0);
        b.Property(x => x.ReportedBy).HasMaxLength(256);
        b.HasIndex(x => x.RecommendationId);
    }
}

internal sealed class MeritRecordConfiguration : IEntityTypeConfiguration<MeritRecord>
{
    public void Configure(EntityTypeBuilder<MeritRecord> b)
    {
        b.Property(x => x.Form).HasMaxLength(250);
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.Property(x => x.DecisionNumber).HasMaxLength(64);
        b.Property(x => x.DecisionIssuer).HasMaxLength(250);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasIndex(x => x.UnitId);
        b.HasIndex(x => x.AgencyId);
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Agency).WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Task).WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ModelUnitConfiguration : IEntityTypeConfiguration<ModelUnit>
{
    public void Configure(EntityTypeBuilder<ModelUnit> b)
    {
        b.Property(x => x.Note).HasMaxLength(1000);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.DocumentId, x.UnitId }).IsUnique();
        b.HasOne(x => x.Document).WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
