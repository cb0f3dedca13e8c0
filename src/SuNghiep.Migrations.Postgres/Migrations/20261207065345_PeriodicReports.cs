using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace SuNghiep.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PeriodicReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "TaskId",
                table: "Notifications",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AddColumn<int>(
                name: "ReportId",
                table: "Notifications",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReportingRegimes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    LegalBasis = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Frequency = table.Column<int>(type: "integer", nullable: true),
                    Recipient = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ReporterLevels = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Annexes = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OutlineJson = table.Column<string>(type: "text", nullable: false),
                    DeadlineDaysJson = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportingRegimes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StatisticalForms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Period = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    LegalBasis = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Reporter = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Receiver = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DueDate = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    IndicatorCodes = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatisticalForms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegimeId = table.Column<int>(type: "integer", nullable: false),
                    PeriodCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    CutOff = table.Column<DateOnly>(type: "date", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    RequesterAgencyId = table.Column<int>(type: "integer", nullable: false),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportRequests_Agencies_RequesterAgencyId",
                        column: x => x.RequesterAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReportRequests_ReportingRegimes_RegimeId",
                        column: x => x.RegimeId,
                        principalTable: "ReportingRegimes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Reports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<int>(type: "integer", nullable: false),
                    ReporterAgencyId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    SectionsJson = table.Column<string>(type: "text", nullable: false),
                    CorrectionsJson = table.Column<string>(type: "text", nullable: false),
                    FrozenTablesJson = table.Column<string>(type: "text", nullable: true),
                    ReturnCommentsJson = table.Column<string>(type: "text", nullable: true),
                    Number = table.Column<int>(type: "integer", nullable: true),
                    SignerAuthority = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SignerCapacity = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SignerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SubmittedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Submissions = table.Column<int>(type: "integer", nullable: false),
                    ReturnedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReturnedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AcceptedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AcceptedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reports_Agencies_ReporterAgencyId",
                        column: x => x.ReporterAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Reports_ReportRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "ReportRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReportId = table.Column<int>(type: "integer", nullable: false),
                    Action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ActorName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportSteps_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "ReportingRegimes",
                columns: new[] { "Id", "Annexes", "Code", "DeadlineDaysJson", "Frequency", "LegalBasis", "Name", "OutlineJson", "Recipient", "ReporterLevels" },
                values: new object[,]
                {
                    { 1, "I,II,III,IV,V,VI", "KL62-NQ38", "{\"province\":25,\"department\":15,\"commune\":10}", 5, "Kết luận số 62-KL/TW ngày 02/10/2023 của Bộ Chính trị; Nghị quyết số 38/NQ-CP ngày 13/3/2024 của Chính phủ; Nghị định số 09/2019/NĐ-CP ngày 24/01/2019 của Chính phủ quy định về chế độ báo cáo của cơ quan hành chính nhà nước", "Báo cáo kết quả thực hiện Kết luận số 62-KL/TW và Nghị quyết số 38/NQ-CP", "[{\"number\":\"I\",\"title\":\"Công tác lãnh đạo, chỉ đạo, tổ chức triển khai\",\"guidance\":\"Các kế hoạch, chương trình đã ban hành (số, ngày của từng văn bản); công tác quán triệt, tuyên truyền; kiểm tra, giám sát.\",\"children\":null,\"items\":[]},{\"number\":\"II\",\"title\":\"Kết quả thực hiện\",\"guidance\":\"Kết quả theo từng nhóm nhiệm vụ, có số liệu và mốc so sánh (31/12/2015, 31/12/2021).\",\"children\":[{\"number\":\"1\",\"title\":\"Hoàn thiện thể chế, quy hoạch mạng lưới đơn vị sự nghiệp công lập\",\"guidance\":\"Văn bản đã ban hành theo thẩm quyền; quy hoạch, đề án mạng lưới.\",\"children\":null,\"items\":[]},{\"number\":\"2\",\"title\":\"Sắp xếp, tổ chức lại đơn vị sự nghiệp công lập\",\"guidance\":\"Số đơn vị tại 31/12/2015, 31/12/2021 và thời điểm báo cáo; số giảm và tỷ lệ giảm (Phụ lục I, VI).\",\"children\":null,\"items\":[]},{\"number\":\"3\",\"title\":\"Quản lý biên chế, số lượng người làm việc, tinh giản biên chế\",\"guidance\":\"Số người làm việc hưởng lương từ ngân sách nhà nước so với năm 2015 và năm 2021 (Phụ lục II).\",\"children\":null,\"items\":[]},{\"number\":\"4\",\"title\":\"Thực hiện cơ chế tự chủ\",\"guidance\":\"Số đơn vị theo nhóm tự chủ 1-4; phương án tự chủ được phê duyệt (Phụ lục III).\",\"children\":null,\"items\":[]},{\"number\":\"5\",\"title\":\"Giá, danh mục dịch vụ sự nghiệp công sử dụng ngân sách nhà nước; giao nhiệm vụ, đặt hàng, đấu thầu\",\"guidance\":\"Danh mục dịch vụ, định mức kinh tế - kỹ thuật, giá dịch vụ đã ban hành; hình thức giao nhiệm vụ, đặt hàng, đấu thầu.\",\"children\":null,\"items\":[]},{\"number\":\"6\",\"title\":\"Chuyển đổi đơn vị sự nghiệp công lập thành công ty cổ phần\",\"guidance\":\"Đơn vị thuộc danh mục chuyển đổi; đã có quyết định; chưa thực hiện và lý do (Phụ lục IV).\",\"children\":null,\"items\":[]},{\"number\":\"7\",\"title\":\"Giảm chi trực tiếp từ ngân sách nhà nước\",\"guidance\":\"Chi trực tiếp bình quân giai đoạn trước và từng năm; tỷ lệ giảm (Phụ lục V).\",\"children\":null,\"items\":[]},{\"number\":\"8\",\"title\":\"Xã hội hóa; thi tuyển, thuê giám đốc\",\"guidance\":\"Kết quả xã hội hóa dịch vụ sự nghiệp công; thí điểm thi tuyển, thuê giám đốc.\",\"children\":null,\"items\":[]}],\"items\":[{\"number\":\"1\",\"title\":\"Hoàn thiện thể chế, quy hoạch mạng lưới đơn vị sự nghiệp công lập\",\"guidance\":\"Văn bản đã ban hành theo thẩm quyền; quy hoạch, đề án mạng lưới.\",\"children\":null,\"items\":[]},{\"number\":\"2\",\"title\":\"Sắp xếp, tổ chức lại đơn vị sự nghiệp công lập\",\"guidance\":\"Số đơn vị tại 31/12/2015, 31/12/2021 và thời điểm báo cáo; số giảm và tỷ lệ giảm (Phụ lục I, VI).\",\"children\":null,\"items\":[]},{\"number\":\"3\",\"title\":\"Quản lý biên chế, số lượng người làm việc, tinh giản biên chế\",\"guidance\":\"Số người làm việc hưởng lương từ ngân sách nhà nước so với năm 2015 và năm 2021 (Phụ lục II).\",\"children\":null,\"items\":[]},{\"number\":\"4\",\"title\":\"Thực hiện cơ chế tự chủ\",\"guidance\":\"Số đơn vị theo nhóm tự chủ 1-4; phương án tự chủ được phê duyệt (Phụ lục III).\",\"children\":null,\"items\":[]},{\"number\":\"5\",\"title\":\"Giá, danh mục dịch vụ sự nghiệp công sử dụng ngân sách nhà nước; giao nhiệm vụ, đặt hàng, đấu thầu\",\"guidance\":\"Danh mục dịch vụ, định mức kinh tế - kỹ thuật, giá dịch vụ đã ban hành; hình thức giao nhiệm vụ, đặt hàng, đấu thầu.\",\"children\":null,\"items\":[]},{\"number\":\"6\",\"title\":\"Chuyển đổi đơn vị sự nghiệp công lập thành công ty cổ phần\",\"guidance\":\"Đơn vị thuộc danh mục chuyển đổi; đã có quyết định; chưa thực hiện và lý do (Phụ lục IV).\",\"children\":null,\"items\":[]},{\"number\":\"7\",\"title\":\"Giảm chi trực tiếp từ ngân sách nhà nước\",\"guidance\":\"Chi trực tiếp bình quân giai đoạn trước và từng năm; tỷ lệ giảm (Phụ lục V).\",\"children\":null,\"items\":[]},{\"number\":\"8\",\"title\":\"Xã hội hóa; thi tuyển, thuê giám đốc\",\"guidance\":\"Kết quả xã hội hóa dịch vụ sự nghiệp công; thí điểm thi tuyển, thuê giám đốc.\",\"children\":null,\"items\":[]}]},{\"number\":\"III\",\"title\":\"Đánh giá chung\",\"guidance\":\"Ưu điểm; hạn chế, tồn tại; nguyên nhân.\",\"children\":[{\"number\":\"1\",\"title\":\"Ưu điểm\",\"guidance\":\"\",\"children\":null,\"items\":[]},{\"number\":\"2\",\"title\":\"Hạn chế, tồn tại\",\"guidance\":\"\",\"children\":null,\"items\":[]},{\"number\":\"3\",\"title\":\"Nguyên nhân\",\"guidance\":\"Nguyên nhân khách quan và chủ quan.\",\"children\":null,\"items\":[]}],\"items\":[{\"number\":\"1\",\"title\":\"Ưu điểm\",\"guidance\":\"\",\"children\":null,\"items\":[]},{\"number\":\"2\",\"title\":\"Hạn chế, tồn tại\",\"guidance\":\"\",\"children\":null,\"items\":[]},{\"number\":\"3\",\"title\":\"Nguyên nhân\",\"guidance\":\"Nguyên nhân khách quan và chủ quan.\",\"children\":null,\"items\":[]}]},{\"number\":\"IV\",\"title\":\"Phương hướng, nhiệm vụ, giải pháp\",\"guidance\":\"Nhiệm vụ, giải pháp trọng tâm của kỳ tiếp theo.\",\"children\":null,\"items\":[]},{\"number\":\"V\",\"title\":\"Đề xuất, kiến nghị\",\"guidance\":\"Kiến nghị với Trung ương, Chính phủ, các bộ, ngành và cấp trên.\",\"children\":null,\"items\":[]}]", "Ủy ban nhân dân tỉnh (qua Sở Nội vụ tổng hợp); Bộ Nội vụ", "province,department,commune" },
                    { 2, "I", "DOT-XUAT", "{}", null, "Nghị định số 09/2019/NĐ-CP ngày 24/01/2019 của Chính phủ (Điều 4: báo cáo đột xuất)", "Báo cáo đột xuất", "[{\"number\":\"I\",\"title\":\"Tình hình, kết quả thực hiện\",\"guidance\":\"Nội dung theo yêu cầu của văn bản đề nghị báo cáo.\",\"children\":null,\"items\":[]},{\"number\":\"II\",\"title\":\"Khó khăn, vướng mắc\",\"guidance\":\"\",\"children\":null,\"items\":[]},{\"number\":\"III\",\"title\":\"Đề xuất, kiến nghị\",\"guidance\":\"\",\"children\":null,\"items\":[]}]", "Cơ quan yêu cầu báo cáo", "province,department,commune" }
                });

            migrationBuilder.InsertData(
                table: "StatisticalForms",
                columns: new[] { "Id", "Code", "DueDate", "IndicatorCodes", "LegalBasis", "Name", "Period", "Receiver", "Reporter" },
                values: new object[,]
                {
                    { 1, "0101.N/BNV-TCHC", "Ngày 28/02 năm sau", "", "Thông tư số 03/2018/TT-BNV", "Số lượng đơn vị hành chính", "Năm", "Bộ Nội vụ", "Ủy ban nhân dân cấp tỉnh" },
                    { 2, "0102.K/BNV-TCHC", null, "", "Thông tư số 03/2018/TT-BNV", "Số lượng đại biểu Hội đồng nhân dân các cấp", "Nhiệm kỳ", "Bộ Nội vụ", "Ủy ban nhân dân cấp tỉnh" },
                    { 3, "DVSN.N/BNV", null, "units.count,autonomy.selffinancing.share,autonomy.any.share,roles.other.share", "Thông tư số 02/2023/TT-BNV; Thông tư số 18/2025/TT-BNV (mã biểu chưa đối chiếu)", "Số lượng đơn vị sự nghiệp công lập (theo lĩnh vực, cấp quản lý, nhóm tự chủ)", "Năm", "Bộ Nội vụ", "Ủy ban nhân dân cấp tỉnh; bộ, ngành" },
                    { 4, "NLV.N/BNV", null, "staff.budget", "Thông tư số 02/2023/TT-BNV; Thông tư số 18/2025/TT-BNV (mã biểu chưa đối chiếu)", "Số lượng người làm việc trong đơn vị sự nghiệp công lập (theo nguồn trả lương)", "Năm", "Bộ Nội vụ", "Ủy ban nhân dân cấp tỉnh; bộ, ngành" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_ReportId",
                table: "Notifications",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_ReportId_Kind_DueOn",
                table: "Notifications",
                columns: new[] { "UserId", "ReportId", "Kind", "DueOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportingRegimes_Code",
                table: "ReportingRegimes",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportRequests_RegimeId",
                table: "ReportRequests",
                column: "RegimeId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportRequests_RequesterAgencyId",
                table: "ReportRequests",
                column: "RequesterAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_ReporterAgencyId",
                table: "Reports",
                column: "ReporterAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_RequestId_ReporterAgencyId",
                table: "Reports",
                columns: new[] { "RequestId", "ReporterAgencyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportSteps_ReportId",
                table: "ReportSteps",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_StatisticalForms_Code",
                table: "StatisticalForms",
                column: "Code",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Notifications_Reports_ReportId",
                table: "Notifications",
                column: "ReportId",
                principalTable: "Reports",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Notifications_Reports_ReportId",
                table: "Notifications");

            migrationBuilder.DropTable(
                name: "ReportSteps");

            migrationBuilder.DropTable(
                name: "StatisticalForms");

            migrationBuilder.DropTable(
                name: "Reports");

            migrationBuilder.DropTable(
                name: "ReportRequests");

            migrationBuilder.DropTable(
                name: "ReportingRegimes");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_ReportId",
                table: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_UserId_ReportId_Kind_DueOn",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "ReportId",
                table: "Notifications");

            migrationBuilder.AlterColumn<int>(
                name: "TaskId",
                table: "Notifications",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);
        }
    }
}
