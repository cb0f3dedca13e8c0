using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SuNghiep.Core.Entities;
using SuNghiep.Core.Reporting;

namespace SuNghiep.Core.Data;

internal sealed class ReportingRegimeConfiguration : IEntityTypeConfiguration<ReportingRegime>
{
    public void Configure(EntityTypeBuilder<ReportingRegime> b)
    {
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(400);
        b.Property(x => x.LegalBasis).HasMaxLength(1000);
        b.Property(x => x.Recipient).HasMaxLength(400);
        b.Property(x => x.ReporterLevels).HasMaxLength(200);
        b.Property(x => x.Annexes).HasMaxLength(100);
        b.Property(x => x.DeadlineDaysJson).HasMaxLength(400);
        b.HasIndex(x => x.Code).IsUnique();
        b.HasData(ReportingCatalog.Regimes);
    }
}

internal sealed class StatisticalFormConfiguration : IEntityTypeConfiguration<StatisticalForm>
{
    public void Configure(EntityTypeBuilder<StatisticalForm> b)
    {
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(400);
        b.Property(x => x.Period).HasMaxLength(50);
        b.Property(x => x.LegalBasis).HasMaxLength(400);
        b.Property(x => x.Reporter).HasMaxLength(200);
        b.Property(x => x.Receiver).HasMaxLength(200);
        b.Property(x => x.DueDate).HasMaxLength(100);
        b.Property(x => x.IndicatorCodes).HasMaxLength(400);
        b.HasIndex(x => x.Code).IsUnique();
        b.HasData(ReportingCatalog.Forms);
    }
}

internal sealed class ReportRequestConfiguration : IEntityTypeConfiguration<ReportRequest>
{
    public void Configure(EntityTypeBuilder<ReportRequest> b)
    {
        b.Property(x => x.PeriodCode).HasMaxLength(16);
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.Notes).HasMaxLength(2000);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasOne(x => x.Regime).WithMany().HasForeignKey(x => x.RegimeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.RequesterAgency).WithMany().HasForeignKey(x => x.RequesterAgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.RequesterAgencyId);
    }
}

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> b)
    {
        b.Property(x => x.SignerAuthority).HasMaxLength(200);
        b.Property(x => x.SignerCapacity).HasMaxLength(200);
        b.Property(x => x.SignerName).HasMaxLength(200);
        b.Property(x => x.SubmittedBy).HasMaxLength(256);
        b.Property(x => x.ReturnedBy).HasMaxLength(256);
        b.Property(x => x.AcceptedBy).HasMaxLength(256);
        b.Property(x => x.UpdatedBy).HasMaxLength(256);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.HasOne(x => x.Request).WithMany(r => r.Reports).HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.ReporterAgency).WithMany().HasForeignKey(x => x.ReporterAgencyId).OnDelete(DeleteBehavior.Restrict);
        // One report per reporter and request.
        b.HasIndex(x => new { x.RequestId, x.ReporterAgencyId }).IsUnique();
        b.HasIndex(x => x.ReporterAgencyId);
    }
}

internal sealed class ReportStepConfiguration : IEntityTypeConfiguration<ReportStep>
{
    public void Configure(EntityTypeBuilder<ReportStep> b)
    {
        b.Property(x => x.Action).HasMaxLength(32);
        b.Property(x => x.Comment).HasMaxLength(4000);
        b.Property(x => x.ActorName).HasMaxLength(256);
        b.HasOne(x => x.Report).WithMany(r => r.Steps).HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}
