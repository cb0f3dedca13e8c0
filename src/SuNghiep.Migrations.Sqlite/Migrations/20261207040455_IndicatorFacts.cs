using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SuNghiep.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IndicatorYearTotals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    ManagingAgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    SectorCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    LevelCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Active = table.Column<int>(type: "INTEGER", nullable: false),
                    Other = table.Column<int>(type: "INTEGER", nullable: false),
                    Group12 = table.Column<int>(type: "INTEGER", nullable: false),
                    Group13 = table.Column<int>(type: "INTEGER", nullable: false),
                    Plan = table.Column<int>(type: "INTEGER", nullable: false),
                    FinanceOnly = table.Column<int>(type: "INTEGER", nullable: false),
                    NoGroup = table.Column<int>(type: "INTEGER", nullable: false),
                    Listed = table.Column<int>(type: "INTEGER", nullable: false),
                    Staffed = table.Column<int>(type: "INTEGER", nullable: false),
                    Financed = table.Column<int>(type: "INTEGER", nullable: false),
                    BudgetPositions = table.Column<long>(type: "INTEGER", nullable: false),
                    StaffRows = table.Column<int>(type: "INTEGER", nullable: false),
                    DirectBudgetSpending = table.Column<long>(type: "INTEGER", nullable: false),
                    FinanceRows = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorYearTotals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorYearTotals_Agencies_ManagingAgencyId",
                        column: x => x.ManagingAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IndicatorYearTotals_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "UnitYearFacts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    ManagingAgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    SectorCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    LevelCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Other = table.Column<bool>(type: "INTEGER", nullable: false),
                    PlanGroup = table.Column<int>(type: "INTEGER", nullable: true),
                    FinanceGroup = table.Column<int>(type: "INTEGER", nullable: true),
                    ListedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Staffed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Financed = table.Column<bool>(type: "INTEGER", nullable: false),
                    YearEnd = table.Column<bool>(type: "INTEGER", nullable: false),
                    BudgetPositions = table.Column<int>(type: "INTEGER", nullable: true),
                    DirectBudgetSpending = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitYearFacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UnitYearFacts_Agencies_ManagingAgencyId",
                        column: x => x.ManagingAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_UnitYearFacts_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_UnitYearFacts_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorYearTotals_AreaId_ManagingAgencyId",
                table: "IndicatorYearTotals",
                columns: new[] { "AreaId", "ManagingAgencyId" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorYearTotals_ManagingAgencyId",
                table: "IndicatorYearTotals",
                column: "ManagingAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorYearTotals_Year",
                table: "IndicatorYearTotals",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_UnitYearFacts_AreaId_ManagingAgencyId",
                table: "UnitYearFacts",
                columns: new[] { "AreaId", "ManagingAgencyId" });

            migrationBuilder.CreateIndex(
                name: "IX_UnitYearFacts_ManagingAgencyId",
                table: "UnitYearFacts",
                column: "ManagingAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_UnitYearFacts_UnitId",
                table: "UnitYearFacts",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_UnitYearFacts_Year_YearEnd",
                table: "UnitYearFacts",
                columns: new[] { "Year", "YearEnd" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IndicatorYearTotals");

            migrationBuilder.DropTable(
                name: "UnitYearFacts");
        }
    }
}
