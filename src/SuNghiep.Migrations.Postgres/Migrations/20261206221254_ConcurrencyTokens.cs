using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SuNghiep.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ConcurrencyTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "Units",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Versions left open side by side by concurrent edits before this index existed: the earlier one ends where
            // the later one starts, so that the index can be built and the unit is counted once.
            migrationBuilder.Sql("""
                UPDATE "UnitVersions" SET "ValidTo" = (
                    SELECT MIN(n."ValidFrom") FROM "UnitVersions" n
                    WHERE n."UnitId" = "UnitVersions"."UnitId" AND n."ValidFrom" > "UnitVersions"."ValidFrom")
                WHERE "ValidTo" IS NULL AND EXISTS (
                    SELECT 1 FROM "UnitVersions" n
                    WHERE n."UnitId" = "UnitVersions"."UnitId" AND n."ValidFrom" > "UnitVersions"."ValidFrom" AND n."ValidTo" IS NULL);
                """);

            migrationBuilder.CreateIndex(
                name: "IX_UnitVersions_UnitId_Open",
                table: "UnitVersions",
                column: "UnitId",
                unique: true,
                filter: "\"ValidTo\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UnitVersions_UnitId_Open",
                table: "UnitVersions");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "Units");
        }
    }
}
