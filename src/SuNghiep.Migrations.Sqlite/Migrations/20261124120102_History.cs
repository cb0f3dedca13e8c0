using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SuNghiep.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class History : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Voided",
                table: "Units",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "LineagePath",
                table: "Areas",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "LineagePath",
                table: "Agencies",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "SuccessorId",
                table: "Agencies",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Reorganizations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    DecisionNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DecisionIssuer = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    EffectiveDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NewManagingAgencyId = table.Column<int>(type: "INTEGER", nullable: true),
                    NewName = table.Column<string>(type: "TEXT", maxLength: 250, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    VoidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    VoidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    VoidReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reorganizations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reorganizations_Agencies_NewManagingAgencyId",
                        column: x => x.NewManagingAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReorganizationParticipants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReorganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReorganizationParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReorganizationParticipants_Reorganizations_ReorganizationId",
                        column: x => x.ReorganizationId,
                        principalTable: "Reorganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReorganizationParticipants_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "UnitVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SortKey = table.Column<string>(type: "TEXT", maxLength: 800, nullable: false),
                    SectorCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RoleClassCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    LevelCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    ManagingAgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    AutonomyGroup = table.Column<int>(type: "INTEGER", nullable: true),
                    ReorganizationId = table.Column<int>(type: "INTEGER", nullable: true),
                    DecisionNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DecisionDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecisionIssuer = table.Column<string>(type: "TEXT", maxLength: 250, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UnitVersions_AdministrativeLevels_LevelCode",
                        column: x => x.LevelCode,
                        principalTable: "AdministrativeLevels",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_UnitVersions_Agencies_ManagingAgencyId",
                        column: x => x.ManagingAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_UnitVersions_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_UnitVersions_AutonomyGroups_AutonomyGroup",
                        column: x => x.AutonomyGroup,
                        principalTable: "AutonomyGroups",
                        principalColumn: "Number",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_UnitVersions_Reorganizations_ReorganizationId",
                        column: x => x.ReorganizationId,
                        principalTable: "Reorganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_UnitVersions_RoleClasses_RoleClassCode",
                        column: x => x.RoleClassCode,
                        principalTable: "RoleClasses",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_UnitVersions_Sectors_SectorCode",
                        column: x => x.SectorCode,
                        principalTable: "Sectors",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_UnitVersions_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Areas_LineagePath",
                table: "Areas",
                column: "LineagePath");

            migrationBuilder.CreateIndex(
                name: "IX_Agencies_LineagePath",
                table: "Agencies",
                column: "LineagePath");

            migrationBuilder.CreateIndex(
                name: "IX_Agencies_SuccessorId",
                table: "Agencies",
                column: "SuccessorId");

            migrationBuilder.CreateIndex(
                name: "IX_ReorganizationParticipants_ReorganizationId_UnitId_Role",
                table: "ReorganizationParticipants",
                columns: new[] { "ReorganizationId", "UnitId", "Role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReorganizationParticipants_UnitId",
                table: "ReorganizationParticipants",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Reorganizations_EffectiveDate",
                table: "Reorganizations",
                column: "EffectiveDate");

            migrationBuilder.CreateIndex(
                name: "IX_Reorganizations_NewManagingAgencyId",
                table: "Reorganizations",
                column: "NewManagingAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_UnitVersions_AreaId",
                table: "UnitVersions",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_UnitVersions_AutonomyGroup",
                table: "UnitVersions",
                column: "AutonomyGroup");

            migrationBuilder.CreateIndex(
                name: "IX_UnitVersions_LevelCode",
                table: "UnitVersions",
                column: "LevelCode");

            migrationBuilder.CreateIndex(
                name: "IX_UnitVersions_ManagingAgencyId",
                table: "UnitVersions",
                column: "ManagingAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_UnitVersions_ReorganizationId",
                table: "UnitVersions",
                column: "ReorganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_UnitVersions_RoleClassCode",
                table: "UnitVersions",
                column: "RoleClassCode");

            migrationBuilder.CreateIndex(
                name: "IX_UnitVersions_SectorCode",
                table: "UnitVersions",
                column: "SectorCode");

            migrationBuilder.CreateIndex(
                name: "IX_UnitVersions_UnitId_ValidFrom",
                table: "UnitVersions",
                columns: new[] { "UnitId", "ValidFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UnitVersions_ValidFrom_ValidTo",
                table: "UnitVersions",
                columns: new[] { "ValidFrom", "ValidTo" });

            migrationBuilder.AddForeignKey(
                name: "FK_Agencies_Agencies_SuccessorId",
                table: "Agencies",
                column: "SuccessorId",
                principalTable: "Agencies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Agencies_Agencies_SuccessorId",
                table: "Agencies");

            migrationBuilder.DropTable(
                name: "ReorganizationParticipants");

            migrationBuilder.DropTable(
                name: "UnitVersions");

            migrationBuilder.DropTable(
                name: "Reorganizations");

            migrationBuilder.DropIndex(
                name: "IX_Areas_LineagePath",
                table: "Areas");

            migrationBuilder.DropIndex(
                name: "IX_Agencies_LineagePath",
                table: "Agencies");

            migrationBuilder.DropIndex(
                name: "IX_Agencies_SuccessorId",
                table: "Agencies");

            migrationBuilder.DropColumn(
                name: "Voided",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "LineagePath",
                table: "Areas");

            migrationBuilder.DropColumn(
                name: "LineagePath",
                table: "Agencies");

            migrationBuilder.DropColumn(
                name: "SuccessorId",
                table: "Agencies");
        }
    }
}
