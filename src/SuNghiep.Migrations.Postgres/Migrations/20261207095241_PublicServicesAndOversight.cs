using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace SuNghiep.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PublicServicesAndOversight : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FeedbackId",
                table: "Notifications",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RecommendationId",
                table: "Notifications",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "OrderedServicesByHand",
                table: "FinanceYears",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "AreaPopulations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AreaId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Population = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AreaPopulations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AreaPopulations_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Feedback",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Topic = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Contact = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Consent = table.Column<bool>(type: "boolean", nullable: false),
                    ConsentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    WithdrawTokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ContactErasedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ErasedReason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReplyText = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RepliedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RepliedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    PublicText = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    RejectedReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Feedback", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Feedback_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Inspections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DecisionNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "date", nullable: false),
                    DecisionIssuer = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    Body = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    BodyAgencyId = table.Column<int>(type: "integer", nullable: true),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: false),
                    ResultsReportOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DraftAssignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ConclusionNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ConclusionDate = table.Column<DateOnly>(type: "date", nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DirectiveNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DirectiveDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DirectiveText = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Inspections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Inspections_Agencies_BodyAgencyId",
                        column: x => x.BodyAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MeritRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: true),
                    AgencyId = table.Column<int>(type: "integer", nullable: true),
                    TaskId = table.Column<int>(type: "integer", nullable: true),
                    Form = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DecisionNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "date", nullable: false),
                    DecisionIssuer = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeritRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeritRecords_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MeritRecords_PlanTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "PlanTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MeritRecords_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ModelUnits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DocumentId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelUnits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModelUnits_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ModelUnits_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NetworkNorms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SectorCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CapacityUnit = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    PerPopulation = table.Column<int>(type: "integer", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    DocumentNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Source = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkNorms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Providers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    SearchText = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SortKey = table.Column<string>(type: "character varying(800)", maxLength: 800, nullable: false),
                    LegalForm = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Ownership = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SectorCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ProviderType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AreaId = table.Column<int>(type: "integer", nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    CapacityUnit = table.Column<int>(type: "integer", nullable: false),
                    LicenceNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    LicenceDate = table.Column<DateOnly>(type: "date", nullable: true),
                    LicenceIssuer = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: true),
                    RecordedByAgencyId = table.Column<int>(type: "integer", nullable: true),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Providers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Providers_Agencies_RecordedByAgencyId",
                        column: x => x.RecordedByAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Providers_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Providers_Sectors_SectorCode",
                        column: x => x.SectorCode,
                        principalTable: "Sectors",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ServiceCatalogues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    IssuerAgencyId = table.Column<int>(type: "integer", nullable: true),
                    DecisionNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "date", nullable: false),
                    DecisionIssuer = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    SupersedesId = table.Column<int>(type: "integer", nullable: true),
                    Source = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceCatalogues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceCatalogues_Agencies_IssuerAgencyId",
                        column: x => x.IssuerAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceCatalogues_ServiceCatalogues_SupersedesId",
                        column: x => x.SupersedesId,
                        principalTable: "ServiceCatalogues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SurveyInstruments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    DocumentNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DocumentDate = table.Column<DateOnly>(type: "date", nullable: false),
                    DocumentIssuer = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    SectorCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RespondentType = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ScaleJson = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Direction = table.Column<int>(type: "integer", nullable: false),
                    SatisfiedThreshold = table.Column<int>(type: "integer", nullable: false),
                    NoOpinionValue = table.Column<int>(type: "integer", nullable: true),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Source = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyInstruments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UnitCapacities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    CapacityUnit = table.Column<int>(type: "integer", nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitCapacities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UnitCapacities_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InspectionFindings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InspectionId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: true),
                    Category = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Amount = table.Column<decimal>(type: "numeric(20,0)", precision: 20, scale: 0, nullable: true),
                    Responsibility = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Ordinal = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionFindings_Inspections_InspectionId",
                        column: x => x.InspectionId,
                        principalTable: "Inspections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InspectionFindings_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InspectionUnits",
                columns: table => new
                {
                    InspectionId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionUnits", x => new { x.InspectionId, x.UnitId });
                    table.ForeignKey(
                        name: "FK_InspectionUnits_Inspections_InspectionId",
                        column: x => x.InspectionId,
                        principalTable: "Inspections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InspectionUnits_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProviderVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProviderId = table.Column<int>(type: "integer", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Name = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    LegalForm = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Ownership = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SectorCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ProviderType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AreaId = table.Column<int>(type: "integer", nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    CapacityUnit = table.Column<int>(type: "integer", nullable: false),
                    LicenceNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    LicenceDate = table.Column<DateOnly>(type: "date", nullable: true),
                    LicenceIssuer = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProviderVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProviderVersions_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProviderVersions_Providers_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ServiceItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CatalogueId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    SearchText = table.Column<string>(type: "character varying(1100)", maxLength: 1100, nullable: false),
                    SortKey = table.Column<string>(type: "character varying(800)", maxLength: 800, nullable: false),
                    SectorCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    Methods = table.Column<int>(type: "integer", nullable: false),
                    Essential = table.Column<bool>(type: "boolean", nullable: false),
                    FeeBased = table.Column<bool>(type: "boolean", nullable: false),
                    OutputUnit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Ordinal = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceItems_Sectors_SectorCode",
                        column: x => x.SectorCode,
                        principalTable: "Sectors",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceItems_ServiceCatalogues_CatalogueId",
                        column: x => x.CatalogueId,
                        principalTable: "ServiceCatalogues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceItems_ServiceItems_ParentId",
                        column: x => x.ParentId,
                        principalTable: "ServiceItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SurveyItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstrumentId = table.Column<int>(type: "integer", nullable: false),
                    SectionCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SectionName = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyItems_SurveyInstruments_InstrumentId",
                        column: x => x.InstrumentId,
                        principalTable: "SurveyInstruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstrumentId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: false),
                    Label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyRounds_SurveyInstruments_InstrumentId",
                        column: x => x.InstrumentId,
                        principalTable: "SurveyInstruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveyRounds_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InspectionRecommendations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FindingId = table.Column<int>(type: "integer", nullable: false),
                    InspectionId = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    Content = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Amount = table.Column<decimal>(type: "numeric(20,0)", precision: 20, scale: 0, nullable: true),
                    AddresseeAgencyId = table.Column<int>(type: "integer", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    Disputed = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionRecommendations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionRecommendations_Agencies_AddresseeAgencyId",
                        column: x => x.AddresseeAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InspectionRecommendations_InspectionFindings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "InspectionFindings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InspectionRecommendations_Inspections_InspectionId",
                        column: x => x.InspectionId,
                        principalTable: "Inspections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QualityStandards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Issuer = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    DocumentNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DocumentDate = table.Column<DateOnly>(type: "date", nullable: false),
                    SectorCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ItemId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    ScoreBasis = table.Column<int>(type: "integer", nullable: false),
                    BandsJson = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ValidityMonths = table.Column<int>(type: "integer", nullable: true),
                    Source = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QualityStandards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QualityStandards_ServiceItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "ServiceItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ServiceNorms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ItemId = table.Column<int>(type: "integer", nullable: false),
                    OutputUnit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    InputsJson = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    DecisionNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "date", nullable: false),
                    DecisionIssuer = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceNorms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceNorms_ServiceItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "ServiceItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ServicePrices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ItemId = table.Column<int>(type: "integer", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Price = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: false),
                    Unit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CostBasis = table.Column<int>(type: "integer", nullable: false),
                    DecisionNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "date", nullable: false),
                    DecisionIssuer = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServicePrices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServicePrices_ServiceItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "ServiceItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SurveyResponses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    RespondedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyResponses_SurveyRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "SurveyRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RecommendationFollowUps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RecommendationId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Done = table.Column<bool>(type: "boolean", nullable: false),
                    AmountRecovered = table.Column<decimal>(type: "numeric(20,0)", precision: 20, scale: 0, nullable: true),
                    ReportedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecommendationFollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecommendationFollowUps_InspectionRecommendations_Recommend~",
                        column: x => x.RecommendationId,
                        principalTable: "InspectionRecommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QualityAssessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    StandardId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: false),
                    AssessedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    Score = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    Level = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    LevelLabel = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Team = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DecisionNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DecisionDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DecisionIssuer = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QualityAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QualityAssessments_QualityStandards_StandardId",
                        column: x => x.StandardId,
                        principalTable: "QualityStandards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QualityAssessments_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QualityCriteria",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StandardId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Group = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    Name = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    MaxScore = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QualityCriteria", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QualityCriteria_QualityStandards_StandardId",
                        column: x => x.StandardId,
                        principalTable: "QualityStandards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ServiceOrders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Method = table.Column<int>(type: "integer", nullable: false),
                    OrdererAgencyId = table.Column<int>(type: "integer", nullable: false),
                    ProviderUnitId = table.Column<int>(type: "integer", nullable: true),
                    ProviderId = table.Column<int>(type: "integer", nullable: true),
                    ItemId = table.Column<int>(type: "integer", nullable: false),
                    PriceId = table.Column<int>(type: "integer", nullable: true),
                    Quantity = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    UnitPrice = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: false),
                    Value = table.Column<decimal>(type: "numeric(20,0)", precision: 20, scale: 0, nullable: false),
                    FundingClass = table.Column<int>(type: "integer", nullable: false),
                    QualityRequirement = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    EstimateReference = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: true),
                    StartOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DecisionNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "date", nullable: false),
                    DecisionIssuer = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceOrders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceOrders_Agencies_OrdererAgencyId",
                        column: x => x.OrdererAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceOrders_Providers_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceOrders_ServiceItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "ServiceItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceOrders_ServicePrices_PriceId",
                        column: x => x.PriceId,
                        principalTable: "ServicePrices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceOrders_Units_ProviderUnitId",
                        column: x => x.ProviderUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SurveyAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ResponseId = table.Column<int>(type: "integer", nullable: false),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    ItemId = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyAnswers_SurveyItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "SurveyItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveyAnswers_SurveyResponses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "SurveyResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SurveyAnswers_SurveyRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "SurveyRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QualityScores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AssessmentId = table.Column<int>(type: "integer", nullable: false),
                    CriterionId = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QualityScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QualityScores_QualityAssessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "QualityAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_QualityScores_QualityCriteria_CriterionId",
                        column: x => x.CriterionId,
                        principalTable: "QualityCriteria",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ServiceAcceptances",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrderId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    QuantityAccepted = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    QualityScore = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    QualityLevel = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Deduction = table.Column<decimal>(type: "numeric(20,0)", precision: 20, scale: 0, nullable: false),
                    AcceptedValue = table.Column<decimal>(type: "numeric(20,0)", precision: 20, scale: 0, nullable: false),
                    Minutes = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceAcceptances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceAcceptances_ServiceOrders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "ServiceOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ServiceBids",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrderId = table.Column<int>(type: "integer", nullable: false),
                    BidderName = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    ProviderUnitId = table.Column<int>(type: "integer", nullable: true),
                    ProviderId = table.Column<int>(type: "integer", nullable: true),
                    BidPrice = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: false),
                    Awarded = table.Column<bool>(type: "boolean", nullable: false),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceBids", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceBids_Providers_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceBids_ServiceOrders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "ServiceOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ServiceBids_Units_ProviderUnitId",
                        column: x => x.ProviderUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ServiceSettlements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrderId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(20,0)", precision: 20, scale: 0, nullable: false),
                    DocumentNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceSettlements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceSettlements_ServiceOrders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "ServiceOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "NetworkNorms",
                columns: new[] { "Id", "CapacityUnit", "DocumentNumber", "PerPopulation", "SectorCode", "Source", "ValidFrom", "ValidTo", "Value" },
                values: new object[,]
                {
                    { 1, 1, "201/QĐ-TTg", 10000, "health", "Quy hoạch mạng lưới cơ sở y tế thời kỳ 2021-2030, tầm nhìn 2050 (Quyết định của Thủ tướng Chính phủ ngày 27/02/2024; số hiệu 201/QĐ-TTg cần đối chiếu): 33 giường bệnh/10.000 dân năm 2025, 35 năm 2030 (en.baochinhphu.vn)", new DateOnly(2025, 1, 1), new DateOnly(2029, 12, 31), 33m },
                    { 2, 1, "201/QĐ-TTg", 10000, "health", "Quy hoạch mạng lưới cơ sở y tế thời kỳ 2021-2030, tầm nhìn 2050 (Quyết định của Thủ tướng Chính phủ ngày 27/02/2024; số hiệu 201/QĐ-TTg cần đối chiếu): 33 giường bệnh/10.000 dân năm 2025, 35 năm 2030 (en.baochinhphu.vn)", new DateOnly(2030, 1, 1), null, 35m }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_FeedbackId",
                table: "Notifications",
                column: "FeedbackId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_RecommendationId",
                table: "Notifications",
                column: "RecommendationId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_FeedbackId_Kind_DueOn",
                table: "Notifications",
                columns: new[] { "UserId", "FeedbackId", "Kind", "DueOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_RecommendationId_Kind_DueOn",
                table: "Notifications",
                columns: new[] { "UserId", "RecommendationId", "Kind", "DueOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AreaPopulations_AreaId_Year",
                table: "AreaPopulations",
                columns: new[] { "AreaId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_Status_DueOn",
                table: "Feedback",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_UnitId_Status",
                table: "Feedback",
                columns: new[] { "UnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_WithdrawTokenHash",
                table: "Feedback",
                column: "WithdrawTokenHash");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionFindings_InspectionId",
                table: "InspectionFindings",
                column: "InspectionId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionFindings_UnitId",
                table: "InspectionFindings",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionRecommendations_AddresseeAgencyId_Deadline",
                table: "InspectionRecommendations",
                columns: new[] { "AddresseeAgencyId", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionRecommendations_FindingId",
                table: "InspectionRecommendations",
                column: "FindingId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionRecommendations_InspectionId",
                table: "InspectionRecommendations",
                column: "InspectionId");

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_BodyAgencyId",
                table: "Inspections",
                column: "BodyAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_DecisionDate",
                table: "Inspections",
                column: "DecisionDate");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionUnits_UnitId",
                table: "InspectionUnits",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_MeritRecords_AgencyId",
                table: "MeritRecords",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_MeritRecords_TaskId",
                table: "MeritRecords",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_MeritRecords_UnitId",
                table: "MeritRecords",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ModelUnits_DocumentId_UnitId",
                table: "ModelUnits",
                columns: new[] { "DocumentId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ModelUnits_UnitId",
                table: "ModelUnits",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkNorms_SectorCode_ValidFrom",
                table: "NetworkNorms",
                columns: new[] { "SectorCode", "ValidFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_Providers_AreaId",
                table: "Providers",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_Providers_Code",
                table: "Providers",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Providers_RecordedByAgencyId",
                table: "Providers",
                column: "RecordedByAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Providers_SectorCode",
                table: "Providers",
                column: "SectorCode");

            migrationBuilder.CreateIndex(
                name: "IX_Providers_SortKey",
                table: "Providers",
                column: "SortKey");

            migrationBuilder.CreateIndex(
                name: "IX_ProviderVersions_AreaId_SectorCode",
                table: "ProviderVersions",
                columns: new[] { "AreaId", "SectorCode" });

            migrationBuilder.CreateIndex(
                name: "IX_ProviderVersions_ProviderId_ValidFrom",
                table: "ProviderVersions",
                columns: new[] { "ProviderId", "ValidFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_QualityAssessments_StandardId",
                table: "QualityAssessments",
                column: "StandardId");

            migrationBuilder.CreateIndex(
                name: "IX_QualityAssessments_UnitId_AssessedOn",
                table: "QualityAssessments",
                columns: new[] { "UnitId", "AssessedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_QualityCriteria_StandardId_Code",
                table: "QualityCriteria",
                columns: new[] { "StandardId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QualityScores_AssessmentId_CriterionId",
                table: "QualityScores",
                columns: new[] { "AssessmentId", "CriterionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QualityScores_CriterionId",
                table: "QualityScores",
                column: "CriterionId");

            migrationBuilder.CreateIndex(
                name: "IX_QualityStandards_Code_Version",
                table: "QualityStandards",
                columns: new[] { "Code", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QualityStandards_ItemId",
                table: "QualityStandards",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_RecommendationFollowUps_RecommendationId",
                table: "RecommendationFollowUps",
                column: "RecommendationId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceAcceptances_OrderId",
                table: "ServiceAcceptances",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceBids_OrderId",
                table: "ServiceBids",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceBids_ProviderId",
                table: "ServiceBids",
                column: "ProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceBids_ProviderUnitId",
                table: "ServiceBids",
                column: "ProviderUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceCatalogues_IssuerAgencyId",
                table: "ServiceCatalogues",
                column: "IssuerAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceCatalogues_Level_AreaCode_ValidFrom",
                table: "ServiceCatalogues",
                columns: new[] { "Level", "AreaCode", "ValidFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceCatalogues_SupersedesId",
                table: "ServiceCatalogues",
                column: "SupersedesId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceItems_CatalogueId_Code",
                table: "ServiceItems",
                columns: new[] { "CatalogueId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceItems_ParentId",
                table: "ServiceItems",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceItems_SectorCode",
                table: "ServiceItems",
                column: "SectorCode");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceNorms_ItemId_ValidFrom",
                table: "ServiceNorms",
                columns: new[] { "ItemId", "ValidFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceOrders_ItemId",
                table: "ServiceOrders",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceOrders_OrdererAgencyId",
                table: "ServiceOrders",
                column: "OrdererAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceOrders_PriceId",
                table: "ServiceOrders",
                column: "PriceId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceOrders_ProviderId",
                table: "ServiceOrders",
                column: "ProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceOrders_ProviderUnitId_Year",
                table: "ServiceOrders",
                columns: new[] { "ProviderUnitId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceOrders_Year_OrdererAgencyId",
                table: "ServiceOrders",
                columns: new[] { "Year", "OrdererAgencyId" });

            migrationBuilder.CreateIndex(
                name: "IX_ServicePrices_ItemId_AreaCode_ValidFrom",
                table: "ServicePrices",
                columns: new[] { "ItemId", "AreaCode", "ValidFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceSettlements_OrderId",
                table: "ServiceSettlements",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswers_ItemId",
                table: "SurveyAnswers",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswers_ResponseId_ItemId",
                table: "SurveyAnswers",
                columns: new[] { "ResponseId", "ItemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswers_RoundId_ItemId",
                table: "SurveyAnswers",
                columns: new[] { "RoundId", "ItemId" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyInstruments_Code",
                table: "SurveyInstruments",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyItems_InstrumentId_Code",
                table: "SurveyItems",
                columns: new[] { "InstrumentId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_RoundId",
                table: "SurveyResponses",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyRounds_InstrumentId",
                table: "SurveyRounds",
                column: "InstrumentId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyRounds_UnitId_PeriodFrom",
                table: "SurveyRounds",
                columns: new[] { "UnitId", "PeriodFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_UnitCapacities_UnitId_CapacityUnit_ValidFrom",
                table: "UnitCapacities",
                columns: new[] { "UnitId", "CapacityUnit", "ValidFrom" });

            migrationBuilder.AddForeignKey(
                name: "FK_Notifications_Feedback_FeedbackId",
                table: "Notifications",
                column: "FeedbackId",
                principalTable: "Feedback",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Notifications_InspectionRecommendations_RecommendationId",
                table: "Notifications",
                column: "RecommendationId",
                principalTable: "InspectionRecommendations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Notifications_Feedback_FeedbackId",
                table: "Notifications");

            migrationBuilder.DropForeignKey(
                name: "FK_Notifications_InspectionRecommendations_RecommendationId",
                table: "Notifications");

            migrationBuilder.DropTable(
                name: "AreaPopulations");

            migrationBuilder.DropTable(
                name: "Feedback");

            migrationBuilder.DropTable(
                name: "InspectionUnits");

            migrationBuilder.DropTable(
                name: "MeritRecords");

            migrationBuilder.DropTable(
                name: "ModelUnits");

            migrationBuilder.DropTable(
                name: "NetworkNorms");

            migrationBuilder.DropTable(
                name: "ProviderVersions");

            migrationBuilder.DropTable(
                name: "QualityScores");

            migrationBuilder.DropTable(
                name: "RecommendationFollowUps");

            migrationBuilder.DropTable(
                name: "ServiceAcceptances");

            migrationBuilder.DropTable(
                name: "ServiceBids");

            migrationBuilder.DropTable(
                name: "ServiceNorms");

            migrationBuilder.DropTable(
                name: "ServiceSettlements");

            migrationBuilder.DropTable(
                name: "SurveyAnswers");

            migrationBuilder.DropTable(
                name: "UnitCapacities");

            migrationBuilder.DropTable(
                name: "QualityAssessments");

            migrationBuilder.DropTable(
                name: "QualityCriteria");

            migrationBuilder.DropTable(
                name: "InspectionRecommendations");

            migrationBuilder.DropTable(
                name: "ServiceOrders");

            migrationBuilder.DropTable(
                name: "SurveyItems");

            migrationBuilder.DropTable(
                name: "SurveyResponses");

            migrationBuilder.DropTable(
                name: "QualityStandards");

            migrationBuilder.DropTable(
                name: "InspectionFindings");

            migrationBuilder.DropTable(
                name: "Providers");

            migrationBuilder.DropTable(
                name: "ServicePrices");

            migrationBuilder.DropTable(
                name: "SurveyRounds");

            migrationBuilder.DropTable(
                name: "Inspections");

            migrationBuilder.DropTable(
                name: "ServiceItems");

            migrationBuilder.DropTable(
                name: "SurveyInstruments");

            migrationBuilder.DropTable(
                name: "ServiceCatalogues");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_FeedbackId",
                table: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_RecommendationId",
                table: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_UserId_FeedbackId_Kind_DueOn",
                table: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_UserId_RecommendationId_Kind_DueOn",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "FeedbackId",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "RecommendationId",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "OrderedServicesByHand",
                table: "FinanceYears");
        }
    }
}
