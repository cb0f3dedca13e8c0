namespace SuNghiep.Core.Seeding;

/// <summary>What becomes of a unit of an old province on 1/7/2025, when the district level ends (Decision 759/QĐ-TTg).</summary>
internal enum Move
{
    /// <summary>To the People's Committee of the new commune it stands in (schools, district centres).</summary>
    ToCommune,
    /// <summary>To the new province's department that succeeded its own (province units).</summary>
    ToDepartment,
    /// <summary>District vocational and continuing-education centres: to the Department of Education.</summary>
    ToEducation,
    /// <summary>District culture centres and radio stations: dissolved, their work taken over by the communes.</summary>
    Dissolve,
}

/// <summary>
/// A kind of unit: its managing agency (a department's key, a ministry's key, or "H" for a district's People's
/// Committee), its name with {X} for a place, {D} for the district and {P} for the province, its classification, the
/// autonomy groups it draws from, its weight among its level's units and its typical staff.
/// </summary>
internal sealed record UnitKind(string Agency, string Pattern, string Sector, string Role, int[] Groups, int Weight, int Size, Move Move)
{
    public bool HasPlace => Pattern.Contains("{X}", StringComparison.Ordinal);
}

/// <summary>The agencies and kinds of units of the national data set; the numbers are weights, not counts.</summary>
internal static class NationalCatalog
{
    // Ministries as they stand since 1/3/2025 (Resolution 176/2025/QH15); the data set keeps them for the whole period.
    public static readonly (string Code, string Name)[] Ministries =
    [
        ("BGDDT", "Bộ Giáo dục và Đào tạo"), ("BYT", "Bộ Y tế"), ("BNV", "Bộ Nội vụ"),
        ("BVHTTDL", "Bộ Văn hóa, Thể thao và Du lịch"), ("BKHCN", "Bộ Khoa học và Công nghệ"),
        ("BNNMT", "Bộ Nông nghiệp và Môi trường"), ("BXD", "Bộ Xây dựng"), ("BCT", "Bộ Công Thương"),
        ("BTC", "Bộ Tài chính"), ("BTP", "Bộ Tư pháp"),
    ];

    // The departments of a province since 1/7/2025.
    public static readonly (string Key, string Name)[] Departments =
    [
        ("SNV", "Sở Nội vụ"), ("STC", "Sở Tài chính"), ("SGDDT", "Sở Giáo dục và Đào tạo"), ("SYT", "Sở Y tế"),
        ("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch"), ("SKHCN", "Sở Khoa học và Công nghệ"),
        ("SNNMT", "Sở Nông nghiệp và Môi trường"), ("SXD", "Sở Xây dựng"), ("SCT", "Sở Công Thương"), ("STP", "Sở Tư pháp"),
        ("SDTTG", "Sở Dân tộc và Tôn giáo"),
    ];

    // The departments of an old province and the new department each went into.
    public static readonly (string Key, string Name, string Successor)[] OldDepartments =
    [
        ("SNV", "Sở Nội vụ", "SNV"), ("SLDTBXH", "Sở Lao động - Thương binh và Xã hội", "SNV"), ("STC", "Sở Tài chính", "STC"),
        ("SKHDT", "Sở Kế hoạch và Đầu tư", "STC"), ("SGDDT", "Sở Giáo dục và Đào tạo", "SGDDT"), ("SYT", "Sở Y tế", "SYT"),
        ("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL"), ("SKHCN", "Sở Khoa học và Công nghệ", "SKHCN"),
        ("STTTT", "Sở Thông tin và Truyền thông", "SKHCN"), ("SNNPTNT", "Sở Nông nghiệp và Phát triển nông thôn", "SNNMT"),
        ("STNMT", "Sở Tài nguyên và Môi trường", "SNNMT"), ("SXD", "Sở Xây dựng", "SXD"), ("SGTVT", "Sở Giao thông vận tải", "SXD"),
        ("SCT", "Sở Công Thương", "SCT"), ("STP", "Sở Tư pháp", "STP"), ("BDT", "Ban Dân tộc", "SDTTG"),
    ];

    public static readonly UnitKind[] District =
    [
        new("H", "Trường Mầm non {X}", "education", "basic-service", [4, 4, 4, 3], 290, 24, Move.ToCommune),
        new("H", "Trường Tiểu học {X}", "education", "basic-service", [4, 4, 4, 4, 3], 300, 30, Move.ToCommune),
        new("H", "Trường Trung học cơ sở {X}", "education", "basic-service", [4, 4, 4, 3], 230, 32, Move.ToCommune),
        new("H", "Trường Tiểu học và Trung học cơ sở {X}", "education", "basic-service", [4], 40, 36, Move.ToCommune),
        new("H", "Trường Phổ thông Dân tộc bán trú {X}", "education", "basic-service", [4], 12, 30, Move.ToCommune),
        new("H", "Trung tâm Văn hóa - Thể thao {D}", "culture", "political", [4], 14, 12, Move.Dissolve),
        new("H", "Đài Truyền thanh {D}", "information", "political", [4], 10, 8, Move.Dissolve),
        new("H", "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên {D}", "vocational", "basic-service", [3, 4], 14, 25, Move.ToEducation),
        new("H", "Trung tâm Dịch vụ nông nghiệp {D}", "economic", "other", [3, 4], 14, 14, Move.ToCommune),
        new("H", "Ban Quản lý dự án đầu tư xây dựng {D}", "economic", "state-management", [2, 3], 12, 14, Move.ToCommune),
        new("H", "Trung tâm Phát triển quỹ đất {D}", "economic", "state-management", [2, 3], 8, 10, Move.ToCommune),
        new("H", "Ban Quản lý chợ {X}", "economic", "other", [1, 2, 3], 10, 6, Move.ToCommune),
        new("H", "Đội Quản lý trật tự đô thị {D}", "economic", "state-management", [3, 4], 6, 10, Move.ToCommune),
    ];

    public static readonly UnitKind[] Province =
    [
        new("SGDDT", "Trường Trung học phổ thông {X}", "education", "basic-service", [4, 3, 3], 160, 70, Move.ToDepartment),
        new("SGDDT", "Trường Phổ thông Dân tộc nội trú {X}", "education", "basic-service", [4], 12, 45, Move.ToDepartment),
        new("SGDDT", "Trường Trung học phổ thông chuyên {X}", "education", "basic-service", [4, 3], 4, 80, Move.ToDepartment),
        new("SYT", "Trung tâm Y tế {D}", "health", "basic-service", [3, 3, 4], 60, 150, Move.ToDepartment),
        new("SYT", "Bệnh viện Đa khoa khu vực {X}", "health", "basic-service", [2, 3, 3], 16, 260, Move.ToDepartment),
        new("SYT", "Bệnh viện Đa khoa {P}", "health", "basic-service", [2, 3], 3, 600, Move.ToDepartment),
        new("SYT", "Bệnh viện Y học cổ truyền {P}", "health", "basic-service", [3], 2, 180, Move.ToDepartment),
        new("SYT", "Bệnh viện Sản - Nhi {P}", "health", "basic-service", [2, 3], 2, 320, Move.ToDepartment),
        new("SYT", "Bệnh viện Lao và Bệnh phổi {P}", "health", "basic-service", [3, 4], 1, 150, Move.ToDepartment),
        new("SYT", "Trung tâm Kiểm soát bệnh tật {P}", "health", "basic-service", [4], 2, 120, Move.ToDepartment),
        new("SYT", "Trạm Y tế {X}", "health", "basic-service", [4], 30, 7, Move.ToDepartment),
        new("SLDTBXH", "Trường Cao đẳng Nghề {X}", "vocational", "basic-service", [3, 4], 5, 110, Move.ToDepartment),
        new("SGDDT", "Trường Cao đẳng Sư phạm {P}", "vocational", "basic-service", [3], 1, 130, Move.ToDepartment),
        new("SLDTBXH", "Trung tâm Dịch vụ việc làm {P}", "economic", "basic-service", [3], 2, 40, Move.ToDepartment),
        new("SLDTBXH", "Trung tâm Bảo trợ xã hội {X}", "economic", "basic-service", [4], 6, 35, Move.ToDepartment),
        new("SVHTTDL", "Thư viện {P}", "culture", "basic-service", [4], 2, 30, Move.ToDepartment),
        new("SVHTTDL", "Bảo tàng {P}", "culture", "political", [4], 2, 30, Move.ToDepartment),
        new("SVHTTDL", "Trung tâm Văn hóa - Điện ảnh {P}", "culture", "political", [4, 3], 2, 35, Move.ToDepartment),
        new("SVHTTDL", "Trung tâm Huấn luyện và Thi đấu thể dục thể thao {P}", "culture", "basic-service", [3, 4], 2, 45, Move.ToDepartment),
        new("SVHTTDL", "Ban Quản lý di tích {X}", "culture", "other", [2, 3], 3, 20, Move.ToDepartment),
        new("STTTT", "Trung tâm Công nghệ thông tin và Truyền thông {P}", "information", "state-management", [3], 2, 25, Move.ToDepartment),
        new("STTTT", "Đài Phát thanh và Truyền hình {P}", "information", "political", [3], 1, 180, Move.ToDepartment),
        new("SKHCN", "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ {P}", "science", "other", [2, 3], 2, 25, Move.ToDepartment),
        new("SKHCN", "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng {P}", "science", "state-management", [2], 2, 22, Move.ToDepartment),
        new("SNNPTNT", "Trung tâm Khuyến nông {P}", "economic", "basic-service", [4], 2, 30, Move.ToDepartment),
        new("SNNPTNT", "Ban Quản lý rừng phòng hộ {X}", "economic", "state-management", [4, 3], 10, 20, Move.ToDepartment),
        new("SNNPTNT", "Trung tâm Nước sạch và Vệ sinh môi trường nông thôn {P}", "economic", "other", [1, 2], 2, 40, Move.ToDepartment),
        new("STNMT", "Văn phòng Đăng ký đất đai {P}", "economic", "state-management", [2], 2, 60, Move.ToDepartment),
        new("STNMT", "Chi nhánh Văn phòng Đăng ký đất đai {D}", "economic", "state-management", [2, 3], 14, 15, Move.ToDepartment),
        new("STNMT", "Trung tâm Quan trắc tài nguyên và môi trường {P}", "economic", "state-management", [3], 2, 25, Move.ToDepartment),
        new("SGTVT", "Trung tâm Đăng kiểm xe cơ giới {P}", "economic", "other", [1], 2, 30, Move.ToDepartment),
        new("SGTVT", "Ban Quản lý dự án đầu tư xây dựng công trình giao thông {P}", "economic", "state-management", [2], 2, 35, Move.ToDepartment),
        new("SXD", "Trung tâm Quy hoạch và Kiểm định xây dựng {P}", "economic", "other", [1, 2], 2, 30, Move.ToDepartment),
        new("SCT", "Trung tâm Khuyến công và Tư vấn phát triển công nghiệp {P}", "economic", "basic-service", [3], 2, 18, Move.ToDepartment),
        new("SKHDT", "Trung tâm Xúc tiến Đầu tư {P}", "economic", "state-management", [4], 2, 15, Move.ToDepartment),
        new("STP", "Trung tâm Trợ giúp pháp lý nhà nước {P}", "economic", "basic-service", [4], 2, 18, Move.ToDepartment),
        new("STP", "Trung tâm Dịch vụ đấu giá tài sản {P}", "economic", "other", [1, 2], 2, 10, Move.ToDepartment),
        new("SNV", "Trung tâm Lưu trữ lịch sử {P}", "economic", "state-management", [4], 2, 15, Move.ToDepartment),
        new("BDT", "Trung tâm Nghiên cứu văn hóa các dân tộc {P}", "science", "political", [4], 1, 12, Move.ToDepartment),
    ];

    public static readonly UnitKind[] Central =
    [
        new("BGDDT", "Trường Đại học {X}", "education", "basic-service", [2, 3, 3], 60, 650, Move.ToDepartment),
        new("BGDDT", "Trường Cao đẳng Sư phạm Trung ương {X}", "vocational", "basic-service", [3], 6, 180, Move.ToDepartment),
        new("BGDDT", "Viện Khoa học Giáo dục {X}", "science", "state-management", [3, 4], 4, 90, Move.ToDepartment),
        new("BYT", "Bệnh viện Trung ương {X}", "health", "basic-service", [1, 2, 2, 3], 30, 1_200, Move.ToDepartment),
        new("BYT", "Viện Y học {X}", "health", "basic-service", [2, 3], 12, 220, Move.ToDepartment),
        new("BYT", "Trường Đại học Y {X}", "education", "basic-service", [2, 3], 6, 500, Move.ToDepartment),
        new("BNV", "Trường Cao đẳng Kỹ thuật {X}", "vocational", "basic-service", [3, 4], 20, 150, Move.ToDepartment),
        new("BNV", "Trung tâm Điều dưỡng người có công {X}", "economic", "basic-service", [4], 8, 60, Move.ToDepartment),
        new("BVHTTDL", "Nhà hát {X}", "culture", "political", [3, 4], 10, 90, Move.ToDepartment),
        new("BVHTTDL", "Trung tâm Huấn luyện thể thao quốc gia {X}", "culture", "basic-service", [3, 4], 4, 140, Move.ToDepartment),
        new("BKHCN", "Viện Nghiên cứu {X}", "science", "basic-service", [2, 3, 3], 30, 110, Move.ToDepartment),
        new("BKHCN", "Trung tâm Thông tin và Thống kê {X}", "information", "state-management", [3], 8, 50, Move.ToDepartment),
        new("BNNMT", "Viện Khoa học Nông nghiệp {X}", "science", "basic-service", [2, 3], 20, 140, Move.ToDepartment),
        new("BNNMT", "Trung tâm Quy hoạch và Điều tra tài nguyên nước {X}", "economic", "state-management", [3], 8, 80, Move.ToDepartment),
        new("BXD", "Viện Quy hoạch đô thị và nông thôn {X}", "economic", "other", [1, 2], 8, 120, Move.ToDepartment),
        new("BCT", "Trường Cao đẳng Công nghiệp {X}", "vocational", "basic-service", [2, 3], 10, 160, Move.ToDepartment),
        new("BTC", "Trung tâm Thông tin tài chính {X}", "information", "state-management", [3], 4, 60, Move.ToDepartment),
        new("BTP", "Trung tâm Lý lịch tư pháp quốc gia {X}", "economic", "state-management", [4], 2, 70, Move.ToDepartment),
    ];

    // Late 2025: the public service centres of communes (Decree 283/2025).
    public static readonly UnitKind[] Commune =
    [
        new("X", "Trung tâm Dịch vụ tổng hợp {C}", "economic", "basic-service", [3, 4], 1, 15, Move.ToCommune),
    ];

    public static readonly string[] ProvinceTasks =
    [
        "Rà soát, sắp xếp lại mạng lưới đơn vị sự nghiệp công lập thuộc phạm vi quản lý theo quy hoạch của ngành, lĩnh vực",
        "Xây dựng phương án tự chủ tài chính của các đơn vị sự nghiệp công lập trực thuộc cho giai đoạn ổn định",
        "Rà soát, hoàn thiện danh mục dịch vụ sự nghiệp công sử dụng ngân sách nhà nước",
        "Ban hành định mức kinh tế - kỹ thuật làm cơ sở đặt hàng, giao nhiệm vụ cung cấp dịch vụ sự nghiệp công",
        "Xây dựng đề án vị trí việc làm và cơ cấu viên chức theo chức danh nghề nghiệp",
        "Tinh giản biên chế hưởng lương từ ngân sách nhà nước theo lộ trình",
        "Chuyển đổi đơn vị sự nghiệp công lập đủ điều kiện thành công ty cổ phần",
        "Giải thể các đơn vị sự nghiệp công lập hoạt động không hiệu quả",
        "Hợp nhất các trường học có quy mô nhỏ trên cùng địa bàn",
        "Sắp xếp các trung tâm có chức năng, nhiệm vụ tương đồng",
        "Tổng hợp, báo cáo kết quả sắp xếp, tổ chức lại đơn vị sự nghiệp công lập định kỳ 6 tháng và hằng năm",
        "Tuyên truyền, quán triệt chủ trương đổi mới hệ thống tổ chức và quản lý đơn vị sự nghiệp công lập",
        "Đẩy mạnh xã hội hóa dịch vụ sự nghiệp công trong lĩnh vực giáo dục, y tế",
        "Kiểm tra, giám sát việc thực hiện cơ chế tự chủ tại các đơn vị sự nghiệp công lập",
        "Thực hiện lộ trình tính giá dịch vụ sự nghiệp công",
        "Cập nhật cơ sở dữ liệu đơn vị sự nghiệp công lập, biên chế và tài chính",
        "Bố trí, sắp xếp viên chức dôi dư sau sắp xếp",
        "Rà soát, quản lý tài sản công của các đơn vị sau sắp xếp",
        "Thí điểm cơ chế quản trị như doanh nghiệp tại đơn vị tự bảo đảm chi thường xuyên và chi đầu tư",
        "Đánh giá mức độ hài lòng của người dân đối với dịch vụ sự nghiệp công",
    ];
}
