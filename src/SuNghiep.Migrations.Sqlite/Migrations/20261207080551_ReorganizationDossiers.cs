using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SuNghiep.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReorganizationDossiers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReorganizationProposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ProposedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    CompetentAgencyId = table.Column<int>(type: "INTEGER", nullable: true),
                    EventJson = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: false),
                    PlannedStaff = table.Column<int>(type: "INTEGER", nullable: true),
                    PlannedBudgetPositions = table.Column<int>(type: "INTEGER", nullable: true),
                    DissolutionGround = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AppraisalOpinion = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AppraisalResult = table.Column<int>(type: "INTEGER", nullable: true),
                    AppraisedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Appraiser = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AppraisalWarningsJson = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReorganizationId = table.Column<int>(type: "INTEGER", nullable: true),
                    DecisionWarningsJson = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    WithdrawnAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WithdrawnBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    WithdrawReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReorganizationProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReorganizationProposals_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReorganizationProposals_Agencies_CompetentAgencyId",
                        column: x => x.CompetentAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReorganizationProposals_Reorganizations_ReorganizationId",
                        column: x => x.ReorganizationId,
                        principalTable: "Reorganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReorganizationProposals_AgencyId",
                table: "ReorganizationProposals",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_ReorganizationProposals_CompetentAgencyId",
                table: "ReorganizationProposals",
                column: "CompetentAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_ReorganizationProposals_ReorganizationId",
                table: "ReorganizationProposals",
                column: "ReorganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ReorganizationProposals_Status_ProposedOn",
                table: "ReorganizationProposals",
                columns: new[] { "Status", "ProposedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReorganizationProposals");
        }
    }
}
