using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SuNghiep.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Resources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AutonomyPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    PeriodStart = table.Column<int>(type: "integer", nullable: false),
                    PeriodEnd = table.Column<int>(type: "integer", nullable: false),
                    ProposedGroup = table.Column<int>(type: "integer", nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ApprovedGroup = table.Column<int>(type: "integer", nullable: true),
                    DecisionNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DecisionDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DecisionIssuer = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: true),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AutonomyPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AutonomyPlans_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FinanceYears",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    OrderedServices = table.Column<decimal>(type: "numeric(20,0)", precision: 20, scale: 0, nullable: false),
                    ScienceTasks = table.Column<decimal>(type: "numeric(20,0)", precision: 20, scale: 0, nullable: false),
                    ServiceFees = table.Column<decimal>(type: "numeric(20,0)", precision: 20, scale: 0, nullable: false),
                    BusinessSurplus = table.Column<decimal>(type: "numeric(20,0)", precision: 20, scale: 0, nullable: false),
                    RetainedFees = table.Column<decimal>(type: "numeric(20,0)", precision: 20, scale: 0, nullable: false),
                    OtherRevenue = table.Column<decimal>(type: "numeric(20,0)", precision: 20, scale: 0, nullable: false),
                    RecurrentExpenditure = table.Column<decimal>(type: "numeric(20,0)", precision: 20, scale: 0, nullable: false),
                    InvestmentSelfFinancing = table.Column<decimal>(type: "numeric(20,0)", precision: 20, scale: 0, nullable: false),
                    Depreciation = table.Column<decimal>(type: "numeric(20,0)", precision: 20, scale: 0, nullable: false),
                    DirectBudgetSpending = table.Column<decimal>(type: "numeric(20,0)", precision: 20, scale: 0, nullable: false),
                    SelfFinancingLevel = table.Column<decimal>(type: "numeric(12,4)", precision: 12, scale: 4, nullable: true),
                    ComputedGroup = table.Column<int>(type: "integer", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FinanceYears", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FinanceYears_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StaffingAllocations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    BudgetPositions = table.Column<int>(type: "integer", nullable: false),
                    DecisionNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffingAllocations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffingAllocations_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StaffingYears",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    BudgetPositions = table.Column<int>(type: "integer", nullable: false),
                    RevenuePositions = table.Column<int>(type: "integer", nullable: false),
                    ActualStaff = table.Column<int>(type: "integer", nullable: false),
                    BudgetContractWorkers = table.Column<int>(type: "integer", nullable: false),
                    PositionsLeadership = table.Column<int>(type: "integer", nullable: false),
                    PositionsProfessional = table.Column<int>(type: "integer", nullable: false),
                    PositionsSharedProfessional = table.Column<int>(type: "integer", nullable: false),
                    PositionsSupport = table.Column<int>(type: "integer", nullable: false),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffingYears", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffingYears_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AutonomyPlans_UnitId_PeriodStart",
                table: "AutonomyPlans",
                columns: new[] { "UnitId", "PeriodStart" });

            migrationBuilder.CreateIndex(
                name: "IX_FinanceYears_UnitId_Year",
                table: "FinanceYears",
                columns: new[] { "UnitId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FinanceYears_Year",
                table: "FinanceYears",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_StaffingAllocations_AgencyId_Year",
                table: "StaffingAllocations",
                columns: new[] { "AgencyId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaffingYears_UnitId_Year",
                table: "StaffingYears",
                columns: new[] { "UnitId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaffingYears_Year",
                table: "StaffingYears",
                column: "Year");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AutonomyPlans");

            migrationBuilder.DropTable(
                name: "FinanceYears");

            migrationBuilder.DropTable(
                name: "StaffingAllocations");

            migrationBuilder.DropTable(
                name: "StaffingYears");
        }
    }
}
