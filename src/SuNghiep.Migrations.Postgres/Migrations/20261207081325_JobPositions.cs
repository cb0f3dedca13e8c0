using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SuNghiep.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class JobPositions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "JobPositionLists",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    DecisionNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "date", nullable: false),
                    DecisionIssuer = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobPositionLists", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JobPositionLists_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "JobPositions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ListId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    Group = table.Column<int>(type: "integer", nullable: false),
                    TitleName = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: true),
                    TitleCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    People = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobPositions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JobPositions_JobPositionLists_ListId",
                        column: x => x.ListId,
                        principalTable: "JobPositionLists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_JobPositions_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_JobPositionLists_UnitId_DecisionDate",
                table: "JobPositionLists",
                columns: new[] { "UnitId", "DecisionDate" });

            migrationBuilder.CreateIndex(
                name: "IX_JobPositions_ListId_Ordinal",
                table: "JobPositions",
                columns: new[] { "ListId", "Ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JobPositions_UnitId",
                table: "JobPositions",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "JobPositions");

            migrationBuilder.DropTable(
                name: "JobPositionLists");
        }
    }
}
