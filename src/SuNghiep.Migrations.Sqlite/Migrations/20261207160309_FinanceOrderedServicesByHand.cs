using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SuNghiep.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FinanceOrderedServicesByHand : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Figures entered before orders were kept were marked as following the accepted orders when the flag came in, so the
            // first acceptance would have replaced them; a figure that differs from its accepted orders was typed.
            migrationBuilder.Sql("""
                UPDATE "FinanceYears" SET "OrderedServicesByHand" = 1
                WHERE "OrderedServicesByHand" = 0
                  AND CAST("OrderedServices" AS REAL) <> COALESCE((
                    SELECT SUM(CAST(a."AcceptedValue" AS REAL))
                    FROM "ServiceAcceptances" a JOIN "ServiceOrders" o ON o."Id" = a."OrderId"
                    WHERE o."ProviderUnitId" = "FinanceYears"."UnitId" AND o."Year" = "FinanceYears"."Year"
                      AND o."Status" <> 5 AND o."FundingClass" = 1), 0);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Which rows were marked here is not kept; the flag stays as it is.
        }
    }
}
