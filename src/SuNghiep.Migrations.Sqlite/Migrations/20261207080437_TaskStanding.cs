using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SuNghiep.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TaskStanding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "TaskProgress",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CompletedOn",
                table: "PlanTasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ExplanationRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedByAgencyId = table.Column<int>(type: "INTEGER", nullable: true),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExplanationRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExplanationRequests_Agencies_RequestedByAgencyId",
                        column: x => x.RequestedByAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExplanationRequests_PlanTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "PlanTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExplanationRequests_RequestedByAgencyId",
                table: "ExplanationRequests",
                column: "RequestedByAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_ExplanationRequests_TaskId",
                table: "ExplanationRequests",
                column: "TaskId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExplanationRequests");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "TaskProgress");

            migrationBuilder.DropColumn(
                name: "CompletedOn",
                table: "PlanTasks");
        }
    }
}
