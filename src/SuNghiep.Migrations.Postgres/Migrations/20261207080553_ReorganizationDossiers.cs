using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SuNghiep.Migrations.Postgres.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ProposedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    CompetentAgencyId = table.Column<int>(type: "integer", nullable: true),
                    EventJson = table.Column<string>(type: "character varying(200000)", maxLength: 200000, nullable: false),
                    PlannedStaff = table.Column<int>(type: "integer", nullable: true),
                    PlannedBudgetPositions = table.Column<int>(type: "integer", nullable: true),
                    DissolutionGround = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SubmittedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AppraisalOpinion = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AppraisalResult = table.Column<int>(type: "integer", nullable: true),
                    AppraisedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Appraiser = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AppraisalWarningsJson = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReorganizationId = table.Column<int>(type: "integer", nullable: true),
                    DecisionWarningsJson = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    WithdrawnAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    WithdrawnBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    WithdrawReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
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
