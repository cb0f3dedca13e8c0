namespace SuNghiep.Core.Indicators;

/// <summary>The indicators of domain 11: what each counts, its formula, its legal source and the baseline it is read against by default.</summary>
public static class IndicatorCatalog
{
    public const string UnitsCount = "units.count";
    public const string StaffBudget = "staff.budget";
    public const string SelfFinancingShare = "autonomy.selffinancing.share";
    public const string AnyAutonomyShare = "autonomy.any.share";
    public const string ConversionShare = "conversion.share";
    public const string BudgetDirectAverage = "budget.direct.avg";
    public const string OtherRoleShare = "roles.other.share";
    public const string PlanShare = "autonomy.plan.share";
    public const string QualityAssessedShare = "quality.assessed.share";
    public const string SurveySatisfaction = "survey.satisfaction";
    public const string FeedbackOnTimeShare = "feedback.answered.ontime.share";
    public const string RecommendationsDoneShare = "inspection.recommendations.done.share";

    /// <summary>The indicators of quality and oversight (issue 14), read from their own records rather than from the units' snapshot.</summary>
    public static readonly IReadOnlyList<string> OversightCodes = [QualityAssessedShare, SurveySatisfaction, FeedbackOnTimeShare, RecommendationsDoneShare];

    /// <summary>The oversight indicators' default baseline: the end of the 2021-2025 period, before the register kept their records.</summary>
    public static readonly DateOnly OversightBaseline = new(2025, 12, 31);

    public const string Units = "đơn vị";
    public const string People = "người";
    public const string Percent = "%";
    public const string Dong = "đồng";

    public static readonly IReadOnlyList<IndicatorDefinition> All =
    [
        new(UnitsCount, "Số đơn vị sự nghiệp công lập", Units,
            "Số đơn vị sự nghiệp công lập đang hoạt động (chưa giải thể, sáp nhập, hợp nhất hay chuyển đổi) vào ngày xem, trong phạm vi địa bàn hoặc cơ quan quản lý (kể cả các địa bàn, cơ quan tiền thân).",
            "Số đơn vị có phiên bản hiệu lực vào ngày xem; so với mốc: (số đơn vị ngày xem - số đơn vị ngày mốc) / số đơn vị ngày mốc × 100%.",
            "Nghị quyết 19-NQ/TW ngày 25/10/2017; Kết luận 62-KL/TW; Nghị định 120/2020/NĐ-CP (sửa đổi bởi Nghị định 283/2025/NĐ-CP)",
            IndicatorKind.PointInTime, false),
        new(StaffBudget, "Số người làm việc hưởng lương từ ngân sách nhà nước", People,
            "Tổng số lượng người làm việc được giao hưởng lương từ ngân sách nhà nước trong năm của các đơn vị thuộc phạm vi (đơn vị xác định theo phiên bản ngày 31/12 của năm).",
            "Tổng số người làm việc hưởng lương từ NSNN được giao năm của ngày xem; mốc là một năm (hoặc bình quân các năm của giai đoạn).",
            "Nghị quyết 19-NQ/TW; Kết luận 40-KL/TW năm 2022; Nghị định 106/2020/NĐ-CP",
            IndicatorKind.Yearly, false),
        new(SelfFinancingShare, "Tỷ lệ đơn vị tự chủ tài chính (tự bảo đảm chi thường xuyên, nhóm 1-2)", Percent,
            "Tỷ lệ đơn vị đang hoạt động thuộc nhóm 1 hoặc nhóm 2 về tự chủ tài chính. Nhóm của đơn vị là nhóm ghi trong phương án tự chủ được phê duyệt còn hiệu lực trong năm; đơn vị chưa có phương án được duyệt tính theo nhóm xác định từ số liệu tài chính của năm.",
            "Số đơn vị nhóm 1-2 / số đơn vị đang hoạt động × 100%.",
            "Nghị quyết 19-NQ/TW; Kết luận 62-KL/TW; Nghị định 60/2021/NĐ-CP Điều 9",
            IndicatorKind.PointInTime, true),
        new(AnyAutonomyShare, "Tỷ lệ đơn vị tự bảo đảm toàn bộ hoặc một phần chi thường xuyên (nhóm 1-3)", Percent,
            "Tỷ lệ đơn vị đang hoạt động thuộc nhóm 1, 2 hoặc 3 về tự chủ tài chính (nhóm theo phương án được duyệt, nếu chưa có thì theo số liệu tài chính của năm).",
            "Số đơn vị nhóm 1-3 / số đơn vị đang hoạt động × 100%.",
            "Nghị quyết 19-NQ/TW; Nghị quyết 38/NQ-CP; Nghị định 60/2021/NĐ-CP Điều 9",
            IndicatorKind.PointInTime, true),
        new(ConversionShare, "Tỷ lệ đơn vị đủ điều kiện đã chuyển thành công ty cổ phần", Percent,
            "Tỷ lệ, tại ngày xem, của các đơn vị đã chuyển đổi thành công ty cổ phần sau khi có tên trong danh mục đủ điều kiện chuyển đổi (sự kiện chuyển đổi không bị hủy, có hiệu lực đến ngày xem) trên tổng số đơn vị đã chuyển đổi và đơn vị thuộc danh mục còn hoạt động; giá trị mốc tính cùng cách tại ngày mốc.",
            "Số đơn vị đã chuyển đổi / (số đơn vị đã chuyển đổi + số đơn vị thuộc danh mục chuyển đổi còn hoạt động) × 100%.",
            "Nghị quyết 19-NQ/TW; Kết luận 62-KL/TW; Nghị định 150/2020/NĐ-CP; Quyết định 26/2021/QĐ-TTg (sửa đổi bởi Quyết định 17/2024/QĐ-TTg)",
            IndicatorKind.PointInTime, true),
        new(BudgetDirectAverage, "Chi trực tiếp từ ngân sách nhà nước cho đơn vị sự nghiệp công lập (bình quân năm)", Dong,
            "Bình quân mỗi năm của tổng chi trực tiếp từ ngân sách nhà nước cho các đơn vị thuộc phạm vi, trong giai đoạn 5 năm chứa năm của ngày xem (2016-2020, 2021-2025, 2026-2030) tính đến năm đó; chỉ tính các năm có số liệu.",
            "Tổng chi trực tiếp từ NSNN của các năm có số liệu / số năm có số liệu.",
            "Nghị quyết 19-NQ/TW; Nghị định 60/2021/NĐ-CP",
            IndicatorKind.PeriodAverage, false),
        new(OtherRoleShare, "Tỷ lệ đơn vị ngoài ba loại phải duy trì (loại khác)", Percent,
            "Tỷ lệ đơn vị đang hoạt động không thuộc ba loại phải duy trì (phục vụ nhiệm vụ chính trị, phục vụ quản lý nhà nước, cung ứng dịch vụ sự nghiệp công cơ bản, thiết yếu).",
            "Số đơn vị loại khác / số đơn vị đang hoạt động × 100%.",
            "Nghị quyết 19-NQ/TW; Kết luận 62-KL/TW; Nghị quyết 38/NQ-CP",
            IndicatorKind.PointInTime, true),
        new(PlanShare, "Tỷ lệ đơn vị có phương án tự chủ tài chính được phê duyệt", Percent,
            "Tỷ lệ đơn vị đang hoạt động có phương án tự chủ tài chính được cấp có thẩm quyền phê duyệt, còn hiệu lực trong năm của ngày xem.",
            "Số đơn vị có phương án được duyệt còn hiệu lực / số đơn vị đang hoạt động × 100%.",
            "Nghị định 60/2021/NĐ-CP Điều 35",
            IndicatorKind.PointInTime, true),
        new(QualityAssessedShare, "Tỷ lệ đơn vị có kết quả đánh giá chất lượng còn hiệu lực", Percent,
            "Tỷ lệ đơn vị đang hoạt động vào ngày xem có ít nhất một kết quả đánh giá chất lượng (tự đánh giá, đánh giá ngoài, kiểm định) còn hiệu lực vào ngày đó. "
                + "Kết quả còn hiệu lực vào ngày xem khi ngày đánh giá không sau ngày xem và: có thời hạn hiệu lực ghi trên kết quả không trước ngày xem; "
                + "hoặc không ghi thời hạn mà bộ tiêu chuẩn không quy định thời hạn; hoặc không ghi thời hạn và ngày đánh giá cộng số tháng hiệu lực của bộ tiêu chuẩn không trước ngày xem.",
            "Số đơn vị có kết quả đánh giá còn hiệu lực / số đơn vị đang hoạt động × 100%; không đo được khi phạm vi không có đơn vị nào.",
            "Kết luận 62-KL/TW mục 2.5; Nghị định 60/2021/NĐ-CP; Thông tư 07/2023/TT-BNV; Quyết định 6858/QĐ-BYT",
            IndicatorKind.PointInTime, true),
        new(SurveySatisfaction, "Tỷ lệ người sử dụng dịch vụ hài lòng", Percent,
            "Tỷ lệ câu trả lời hài lòng trên các câu trả lời có ý kiến, của các đợt khảo sát của đơn vị trong phạm vi có kỳ khảo sát kết thúc trong 12 tháng tính đến ngày xem "
                + "(sau cùng ngày năm trước, đến hết ngày xem); đơn vị xác định theo thông tin của đơn vị vào ngày kết thúc kỳ khảo sát, nên lọc theo lĩnh vực cho tỷ lệ của lĩnh vực đó. "
                + "Hài lòng: với thang đo điểm cao là tốt, giá trị từ ngưỡng hài lòng của mẫu phiếu trở lên; với thang đo điểm thấp là tốt, giá trị từ ngưỡng trở xuống. "
                + "Câu trả lời \"không ý kiến\" không tính vào cả tử số và mẫu số.",
            "Số câu trả lời hài lòng / số câu trả lời có ý kiến × 100%; không đo được khi không có câu trả lời có ý kiến.",
            "Kết luận 62-KL/TW mục 2.5; Nghị định 60/2021/NĐ-CP; Quyết định 3869/QĐ-BYT (mẫu phiếu khảo sát hài lòng người bệnh, nhân viên y tế)",
            IndicatorKind.PointInTime, true),
        new(FeedbackOnTimeShare, "Tỷ lệ phản ánh, kiến nghị được trả lời đúng hạn", Percent,
            "Tỷ lệ phản ánh, kiến nghị của người dân về đơn vị, nhận trong 12 tháng tính đến ngày xem (theo giờ Việt Nam) và đã đến hạn trả lời (hạn không sau ngày xem), "
                + "được trả lời chậm nhất trong ngày hết hạn (ngày trả lời theo giờ Việt Nam không sau hạn). "
                + "Phản ánh bị từ chối (lạm dụng, không liên quan đến đơn vị) không phải trả lời nên không tính vào cả tử số và mẫu số.",
            "Số phản ánh đến hạn được trả lời đúng hạn / số phản ánh đến hạn (trừ phản ánh bị từ chối) × 100%; không đo được khi không có phản ánh đến hạn.",
            "Kết luận 62-KL/TW mục 2.5; Nghị định 60/2021/NĐ-CP",
            IndicatorKind.PointInTime, true),
        new(RecommendationsDoneShare, "Tỷ lệ kiến nghị thanh tra, kiểm tra đã thực hiện xong", Percent,
            "Tỷ lệ kiến nghị trong kết luận thanh tra, kiểm tra đã đến hạn thực hiện (hạn không sau ngày xem) mà đã thực hiện xong vào ngày xem: "
                + "có báo cáo kết quả ghi đã hoàn thành với ngày không sau ngày xem và kiến nghị không đang bị khiếu nại, đề nghị xem xét lại. "
                + "Tính các kiến nghị của cuộc thanh tra, kiểm tra có đơn vị được thanh tra thuộc phạm vi, hoặc gửi cơ quan thuộc phạm vi (địa bàn, cơ quan quản lý).",
            "Số kiến nghị đến hạn đã thực hiện xong / số kiến nghị đến hạn × 100%; không đo được khi không có kiến nghị đến hạn.",
            "Kết luận 62-KL/TW mục 2.5; Luật Thanh tra số 84/2025/QH15",
            IndicatorKind.PointInTime, true),
    ];

    public static IndicatorDefinition? Find(string? code) =>
        All.FirstOrDefault(d => string.Equals(d.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The baseline a target usually states for the indicator: the register at 31/12/2015 for the count and for conversions
    /// (Resolution 19's starting point), 2021 for staff, 2016-2020 for direct spending, 31/12/2025 for quality and oversight
    /// (the end of the 2021-2025 period, the same for every as-of date so that targets compare like with like), 31/12/2021
    /// for the other shares.
    /// </summary>
    public static Baseline DefaultBaseline(string code) => code switch
    {
        UnitsCount or ConversionShare => Baseline.OnDate(new DateOnly(2015, 12, 31)),
        StaffBudget => Baseline.OfYear(2021),
        BudgetDirectAverage => Baseline.OfYears(2016, 2020),
        QualityAssessedShare or SurveySatisfaction or FeedbackOnTimeShare or RecommendationsDoneShare => Baseline.OnDate(OversightBaseline),
        _ => Baseline.OnDate(new DateOnly(2021, 12, 31)),
    };

    /// <summary>The five-year period (2016-2020, 2021-2025, 2026-2030...) that holds a year.</summary>
    public static (int First, int Last) FiveYearPeriod(int year)
    {
        var first = 2016 + (int)Math.Floor((year - 2016) / 5.0) * 5;
        return (first, first + 4);
    }
}
