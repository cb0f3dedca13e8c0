using Microsoft.AspNetCore.Identity;
using SuNghiep.Core.Entities;

namespace SuNghiep.Core.Auditing;

/// <summary>What a stored id refers to, so that the trail can show the object's code and name instead of the number.</summary>
public enum AuditRef
{
    None,
    Unit,
    Agency,
    Area,
    User,
    Role,
    Document,
    Task,
    Reorganization,
    Progress,
    Scenario,
    ReportRequest,
    Report,
    Proposal,
    Catalogue,
    ServiceItem,
    Provider,
    ServiceOrder,
    QualityStandard,
    Survey,
    Feedback,
    Inspection,
}

/// <summary>One audited field: its Vietnamese label, or null for a technical field that the trail does not show.</summary>
public sealed record AuditField(string? Label, AuditRef Ref = AuditRef.None);

/// <summary>
/// One audited entity type as people read it: its Vietnamese name, the field that names the object it belongs to (a
/// staffing year belongs to its unit), and every stored field with its label.
/// </summary>
public sealed record AuditedType(Type Clr, string Name, AuditRef Owner, string? OwnerField, IReadOnlyDictionary<string, AuditField> Fields);

/// <summary>
/// The one table of the audit trail's words: every audited entity type and every field it stores, in Vietnamese. A test
/// checks it against the EF model, so that a new audited property cannot reach the trail unnamed.
/// </summary>
public static class AuditLabels
{
    private static readonly AuditField Hidden = new(null);

    private static AuditField F(string label, AuditRef r = AuditRef.None) => new(label, r);

    // Fields every entity may have, with the same meaning everywhere.
    private static readonly Dictionary<string, AuditField> Common = new(StringComparer.Ordinal)
    {
        ["Id"] = Hidden,
        ["ConcurrencyStamp"] = Hidden,
        ["SecurityStamp"] = Hidden,
        ["Revision"] = Hidden,
        ["SearchText"] = Hidden,
        ["SortKey"] = Hidden,
        ["Path"] = Hidden,
        ["LineagePath"] = Hidden,
        ["CreatedAt"] = F("Thời điểm tạo"),
        ["UpdatedAt"] = F("Thời điểm cập nhật"),
        ["Code"] = F("Mã"),
        ["Name"] = F("Tên"),
        ["Notes"] = F("Ghi chú"),
        ["Year"] = F("Năm"),
        ["UnitId"] = F("Đơn vị", AuditRef.Unit),
        ["AreaId"] = F("Địa bàn", AuditRef.Area),
        ["AgencyId"] = F("Cơ quan", AuditRef.Agency),
        ["ManagingAgencyId"] = F("Cơ quan quản lý", AuditRef.Agency),
        ["SectorCode"] = F("Lĩnh vực"),
        ["RoleClassCode"] = F("Loại theo vai trò"),
        ["LevelCode"] = F("Cấp quản lý"),
        ["AutonomyGroup"] = F("Nhóm tự chủ"),
        ["ValidFrom"] = F("Hiệu lực từ"),
        ["ValidTo"] = F("Hiệu lực đến"),
        ["DecisionNumber"] = F("Số quyết định"),
        ["DecisionDate"] = F("Ngày quyết định"),
        ["DecisionIssuer"] = F("Cơ quan ban hành quyết định"),
        ["Deadline"] = F("Thời hạn"),
        ["DocumentId"] = F("Văn bản", AuditRef.Document),
        ["TaskId"] = F("Nhiệm vụ", AuditRef.Task),
        ["BudgetPositions"] = F("Số lượng người làm việc hưởng lương từ ngân sách"),
    };

    private static AuditedType T(Type clr, string name, AuditRef owner, string? ownerField, params (string Field, AuditField Label)[] fields)
    {
        var all = new Dictionary<string, AuditField>(StringComparer.Ordinal);
        foreach (var (field, label) in fields)
        {
            all[field] = label;
        }

        return new AuditedType(clr, name, owner, ownerField, all);
    }

    private static (string, AuditField) L(string field, string label, AuditRef r = AuditRef.None) => (field, F(label, r));

    private static (string, AuditField) H(string field) => (field, Hidden);

    /// <summary>The audited types by the name the trail stores them under.</summary>
    public static readonly IReadOnlyDictionary<string, AuditedType> Types = new[]
    {
        T(typeof(Unit), "Đơn vị", AuditRef.Unit, "Id",
            L("EstablishedOn", "Ngày thành lập"), L("EndedOn", "Ngày chấm dứt"), L("Address", "Địa chỉ"),
            L("ConversionListedBy", "Quyết định đưa vào danh sách chuyển thành công ty cổ phần"),
            L("ConversionListedOn", "Ngày đưa vào danh sách chuyển thành công ty cổ phần"), L("Voided", "Đã hủy (sự kiện tạo lập bị hủy)")),
        T(typeof(UnitVersion), "Phiên bản thông tin đơn vị", AuditRef.Unit, "UnitId",
            L("ReorganizationId", "Sự kiện sắp xếp", AuditRef.Reorganization)),
        T(typeof(Reorganization), "Sắp xếp, tổ chức lại", AuditRef.Reorganization, "Id",
            L("Type", "Hình thức sắp xếp"), L("EffectiveDate", "Ngày hiệu lực"),
            L("NewManagingAgencyId", "Cơ quan quản lý mới", AuditRef.Agency), L("NewName", "Tên mới"), L("CreatedBy", "Người tạo"),
            L("VoidedAt", "Thời điểm hủy"), L("VoidedBy", "Người hủy"), L("VoidReason", "Lý do hủy")),
        T(typeof(ReorganizationParticipant), "Đơn vị tham gia sắp xếp", AuditRef.Reorganization, "ReorganizationId",
            L("ReorganizationId", "Sự kiện sắp xếp", AuditRef.Reorganization), L("Role", "Vai trò trong sự kiện")),
        T(typeof(ReorganizationProposal), "Hồ sơ đề nghị sắp xếp", AuditRef.Proposal, "Id",
            L("Kind", "Loại văn bản đề nghị"), L("Number", "Số, ký hiệu"), L("ProposedOn", "Ngày văn bản"), L("Summary", "Trích yếu"),
            L("CompetentAgencyId", "Cơ quan có thẩm quyền quyết định", AuditRef.Agency), L("EventJson", "Phương án sắp xếp"),
            L("PlannedStaff", "Số người làm việc dự kiến của đơn vị mới"), L("PlannedBudgetPositions", "Số lượng người làm việc hưởng lương từ ngân sách sau sắp xếp"),
            L("DissolutionGround", "Căn cứ giải thể"), L("Status", "Trạng thái"), L("CreatedBy", "Người lập"),
            L("SubmittedAt", "Thời điểm trình"), L("SubmittedBy", "Người trình"), L("AppraisalOpinion", "Ý kiến thẩm định"),
            L("AppraisalResult", "Kết quả thẩm định"), L("AppraisedOn", "Ngày thẩm định"), L("Appraiser", "Người thẩm định"),
            L("AppraisalWarningsJson", "Cảnh báo khi thẩm định"), L("DecidedAt", "Thời điểm ghi quyết định"), L("DecidedBy", "Người ghi quyết định"),
            L("ReorganizationId", "Sự kiện sắp xếp", AuditRef.Reorganization), L("DecisionWarningsJson", "Cảnh báo khi quyết định"),
            L("WithdrawnAt", "Thời điểm rút"), L("WithdrawnBy", "Người rút"), L("WithdrawReason", "Lý do rút")),
        T(typeof(Agency), "Cơ quan", AuditRef.Agency, "Id",
            L("Kind", "Loại cơ quan"), L("ParentId", "Cơ quan cấp trên", AuditRef.Agency), L("SuccessorId", "Cơ quan kế thừa", AuditRef.Agency)),
        T(typeof(Area), "Địa bàn", AuditRef.Area, "Id",
            L("Type", "Loại đơn vị hành chính"), L("Level", "Cấp hành chính"), L("ParentId", "Địa bàn cấp trên", AuditRef.Area),
            L("SuccessorId", "Địa bàn kế thừa", AuditRef.Area)),
        T(typeof(AppUser), "Tài khoản", AuditRef.User, "Id",
            L("Email", "Email"), L("UserName", "Tên đăng nhập"), L("FullName", "Họ và tên"), L("PasswordHash", "Mật khẩu"),
            L("ScopeAgencyId", "Phạm vi: cơ quan", AuditRef.Agency), L("ScopeAreaId", "Phạm vi: địa bàn", AuditRef.Area),
            L("ScopeUnitId", "Phạm vi: đơn vị", AuditRef.Unit), L("MustChangePassword", "Phải đổi mật khẩu"),
            L("LockoutEnd", "Khóa đến"), L("LockoutEnabled", "Cho phép khóa khi nhập sai"), L("AccessFailedCount", "Số lần đăng nhập sai"),
            L("EmailConfirmed", "Đã xác nhận email"), L("PhoneNumber", "Số điện thoại"), L("PhoneNumberConfirmed", "Đã xác nhận số điện thoại"),
            L("TwoFactorEnabled", "Xác thực hai bước"), H("NormalizedEmail"), H("NormalizedUserName")),
        T(typeof(IdentityUserRole<string>), "Vai trò tài khoản", AuditRef.User, "UserId",
            L("UserId", "Tài khoản", AuditRef.User), L("RoleId", "Vai trò", AuditRef.Role)),
        T(typeof(StaffingYear), "Biên chế năm", AuditRef.Unit, "UnitId",
            L("RevenuePositions", "Số lượng người làm việc hưởng lương từ nguồn thu sự nghiệp"), L("ActualStaff", "Số người làm việc thực tế"),
            L("BudgetContractWorkers", "Lao động hợp đồng hưởng lương từ ngân sách"), L("PositionsLeadership", "Vị trí lãnh đạo, quản lý"),
            L("PositionsProfessional", "Vị trí chức danh nghề nghiệp chuyên ngành"), L("PositionsSharedProfessional", "Vị trí chức danh nghề nghiệp dùng chung"),
            L("PositionsSupport", "Vị trí hỗ trợ, phục vụ")),
        T(typeof(StaffingAllocation), "Giao biên chế năm", AuditRef.Agency, "AgencyId"),
        T(typeof(FinanceYear), "Tài chính năm", AuditRef.Unit, "UnitId",
            L("OrderedServices", "Thu từ dịch vụ sự nghiệp công do Nhà nước đặt hàng, giao nhiệm vụ"), L("OrderedServicesByHand", "Thu đặt hàng do cán bộ nhập (không theo nghiệm thu)"),
            L("ScienceTasks", "Thu từ nhiệm vụ khoa học và công nghệ"),
            L("ServiceFees", "Thu từ dịch vụ sự nghiệp công"), L("BusinessSurplus", "Chênh lệch thu chi hoạt động sản xuất kinh doanh"),
            L("RetainedFees", "Phí được để lại"), L("OtherRevenue", "Thu khác"), L("RecurrentExpenditure", "Chi thường xuyên"),
            L("InvestmentSelfFinancing", "Chi đầu tư từ nguồn tự chủ"), L("Depreciation", "Khấu hao tài sản"), L("DirectBudgetSpending", "Chi trực tiếp từ ngân sách"),
            L("SelfFinancingLevel", "Mức tự bảo đảm chi thường xuyên (%)"), L("ComputedGroup", "Nhóm tự chủ tính được")),
        T(typeof(AutonomyPlan), "Phương án tự chủ", AuditRef.Unit, "UnitId",
            L("PeriodStart", "Từ năm"), L("PeriodEnd", "Đến năm"), L("ProposedGroup", "Nhóm tự chủ đề xuất"), L("SubmittedOn", "Ngày trình"),
            L("Status", "Trạng thái"), L("ApprovedGroup", "Nhóm tự chủ được duyệt")),
        T(typeof(JobPositionList), "Danh mục vị trí việc làm được phê duyệt", AuditRef.Unit, "UnitId",
            L("CreatedBy", "Người ghi nhận")),
        T(typeof(JobPosition), "Vị trí việc làm", AuditRef.Unit, "UnitId",
            L("ListId", "Danh mục vị trí việc làm (quyết định)"), L("Ordinal", "Số thứ tự"), L("Name", "Tên vị trí việc làm"),
            L("Group", "Nhóm vị trí việc làm"), L("TitleName", "Chức danh nghề nghiệp"), L("TitleCode", "Mã chức danh nghề nghiệp"),
            L("People", "Số lượng người làm việc")),
        T(typeof(PlanDocument), "Văn bản", AuditRef.Document, "Id",
            L("Type", "Loại văn bản"), L("Number", "Số, ký hiệu"), L("Issuer", "Cơ quan ban hành"), L("IssuedOn", "Ngày ban hành"),
            L("Title", "Trích yếu"), L("Signer", "Người ký"), L("IssuerAgencyId", "Cơ quan ban hành (trong sổ)", AuditRef.Agency)),
        T(typeof(DocumentLink), "Liên kết văn bản", AuditRef.Document, "ChildId",
            L("ChildId", "Văn bản triển khai", AuditRef.Document), L("ParentId", "Văn bản cấp trên", AuditRef.Document)),
        T(typeof(PlanTarget), "Chỉ tiêu", AuditRef.Document, "DocumentId",
            L("IndicatorCode", "Chỉ số"), L("Text", "Nội dung chỉ tiêu"), L("AreaCode", "Mã địa bàn"), L("BaselineFrom", "Mốc so sánh từ"),
            L("BaselineTo", "Mốc so sánh đến"), L("Direction", "Chiều chỉ tiêu"), L("Value", "Giá trị chỉ tiêu"), L("ValueUnit", "Đơn vị tính")),
        T(typeof(PlanTask), "Nhiệm vụ", AuditRef.Task, "Id",
            L("Section", "Mục"), L("Content", "Nội dung nhiệm vụ"), L("LeadAgencyId", "Cơ quan chủ trì", AuditRef.Agency),
            L("RecurrenceKind", "Định kỳ"), L("RecurrenceDay", "Ngày trong kỳ"), L("RecurrenceMonth", "Tháng trong kỳ"),
            L("ExpectedOutput", "Sản phẩm đầu ra"), L("State", "Trạng thái"), L("AssignedOn", "Ngày giao"),
            L("LastProgressOn", "Ngày báo cáo tiến độ gần nhất"), L("LastPercent", "Tiến độ gần nhất (%)"), L("CompletedOn", "Ngày hoàn thành"),
            L("ParentTaskId", "Nhiệm vụ cấp trên", AuditRef.Task)),
        T(typeof(PlanTaskCoordinator), "Cơ quan phối hợp", AuditRef.Task, "TaskId"),
        T(typeof(TaskProgress), "Báo cáo tiến độ", AuditRef.Task, "TaskId",
            L("Date", "Ngày báo cáo"), L("Text", "Nội dung báo cáo"), L("Percent", "Tiến độ (%)"), L("ReportedBy", "Người báo cáo"),
            L("Reason", "Lý do điều chỉnh giảm")),
        T(typeof(TaskExplanationRequest), "Yêu cầu giải trình", AuditRef.Task, "TaskId",
            L("TaskId", "Nhiệm vụ", AuditRef.Task), L("RequestedByAgencyId", "Cơ quan yêu cầu", AuditRef.Agency), L("Message", "Nội dung yêu cầu"),
            L("Deadline", "Hạn giải trình"), L("RequestedBy", "Người yêu cầu"), L("RequestedAt", "Thời điểm yêu cầu"),
            L("Answer", "Nội dung giải trình"), L("AnsweredBy", "Người giải trình"), L("AnsweredAt", "Thời điểm giải trình")),
        T(typeof(Attachment), "Tệp đính kèm", AuditRef.Document, "DocumentId",
            L("ProgressId", "Báo cáo tiến độ", AuditRef.Progress), L("ReportId", "Báo cáo định kỳ", AuditRef.Report), L("FileName", "Tên tệp"), L("ContentType", "Loại tệp"),
            L("Size", "Dung lượng (byte)"), L("Sha256", "Mã băm SHA-256"), L("UploadedBy", "Người tải lên"), L("UploadedAt", "Thời điểm tải lên")),
        T(typeof(Scenario), "Kịch bản sắp xếp", AuditRef.Scenario, "Id",
            L("EventsJson", "Các sự kiện đề xuất"), L("AuthorId", "Người lập", AuditRef.User), L("AuthorName", "Tên người lập"),
            L("ScopeUnrestricted", "Phạm vi toàn quốc"), H("ScopeAgencyPath"), H("ScopeAreaPath"), L("Shared", "Đã chia sẻ"),
            L("AppliedAt", "Thời điểm áp dụng"), L("AppliedBy", "Người áp dụng"), L("AppliedReorganizationIds", "Các sự kiện sắp xếp đã tạo")),
        T(typeof(ReportRequest), "Yêu cầu báo cáo", AuditRef.ReportRequest, "Id",
            L("RegimeId", "Chế độ báo cáo"), L("PeriodCode", "Kỳ báo cáo"), L("Title", "Tên báo cáo"), L("PeriodFrom", "Số liệu từ ngày"),
            L("CutOff", "Ngày chốt số liệu"), L("RequesterAgencyId", "Cơ quan yêu cầu", AuditRef.Agency), L("CreatedBy", "Người tạo")),
        T(typeof(Report), "Báo cáo", AuditRef.Report, "Id",
            L("RequestId", "Yêu cầu báo cáo", AuditRef.ReportRequest), L("ReporterAgencyId", "Cơ quan báo cáo", AuditRef.Agency),
            L("Status", "Trạng thái"), L("SectionsJson", "Nội dung các mục"), L("CorrectionsJson", "Số liệu điều chỉnh và lý do"),
            L("FrozenTablesJson", "Phụ lục số liệu đã gửi"), L("ReturnCommentsJson", "Ý kiến khi trả lại"), L("Number", "Số báo cáo"),
            L("SignerAuthority", "Thẩm quyền ký"), L("SignerCapacity", "Chức vụ người ký"), L("SignerName", "Người ký"), L("SignedOn", "Ngày ký"),
            L("SubmittedAt", "Thời điểm gửi"), L("SubmittedBy", "Người gửi"), L("Submissions", "Số lần gửi"), L("ReturnedAt", "Thời điểm trả lại"),
            L("ReturnedBy", "Người trả lại"), L("AcceptedAt", "Thời điểm tiếp nhận"), L("AcceptedBy", "Người tiếp nhận"), L("UpdatedBy", "Người cập nhật")),
        T(typeof(ReportStep), "Bước xử lý báo cáo", AuditRef.Report, "ReportId",
            L("ReportId", "Báo cáo", AuditRef.Report), L("Action", "Thao tác"), L("Comment", "Ý kiến"), L("ActorName", "Người thực hiện"), L("At", "Thời điểm")),
        T(typeof(ServiceCatalogue), "Danh mục dịch vụ sự nghiệp công", AuditRef.Catalogue, "Id",
            L("Level", "Cấp ban hành"), L("AreaCode", "Mã tỉnh"), L("IssuerAgencyId", "Cơ quan ban hành (trong sổ)", AuditRef.Agency),
            L("SupersedesId", "Thay thế danh mục", AuditRef.Catalogue), L("Source", "Nguồn"), L("CreatedBy", "Người tạo")),
        T(typeof(ServiceItem), "Dịch vụ trong danh mục", AuditRef.Catalogue, "CatalogueId",
            L("CatalogueId", "Danh mục", AuditRef.Catalogue), L("ParentId", "Thuộc nhóm", AuditRef.ServiceItem), L("Methods", "Phương thức được phép"),
            L("Essential", "Dịch vụ cơ bản, thiết yếu"), L("FeeBased", "Thuộc danh mục phí"), L("OutputUnit", "Đơn vị tính"), L("Ordinal", "Số thứ tự")),
        T(typeof(ServiceNorm), "Định mức kinh tế - kỹ thuật", AuditRef.ServiceItem, "ItemId",
            L("ItemId", "Dịch vụ", AuditRef.ServiceItem), L("OutputUnit", "Đơn vị sản phẩm"), L("InputsJson", "Các yếu tố đầu vào"), L("CreatedBy", "Người tạo")),
        T(typeof(ServicePrice), "Đơn giá dịch vụ", AuditRef.ServiceItem, "ItemId",
            L("ItemId", "Dịch vụ", AuditRef.ServiceItem), L("AreaCode", "Mã tỉnh"), L("Price", "Đơn giá (đồng)"), L("Unit", "Đơn vị tính"),
            L("CostBasis", "Cơ cấu chi phí trong giá"), L("CreatedBy", "Người tạo")),
        T(typeof(Provider), "Cơ sở cung ứng ngoài công lập", AuditRef.Provider, "Id",
            L("LegalForm", "Loại hình pháp lý"), L("Ownership", "Hình thức sở hữu"), L("ProviderType", "Loại cơ sở"), L("Address", "Địa chỉ"),
            L("Capacity", "Quy mô"), L("CapacityUnit", "Đơn vị quy mô"), L("LicenceNumber", "Số giấy phép"), L("LicenceDate", "Ngày cấp phép"),
            L("LicenceIssuer", "Cơ quan cấp phép"), L("RecordedByAgencyId", "Cơ quan ghi nhận", AuditRef.Agency), L("StartedOn", "Ngày bắt đầu hoạt động"),
            L("EndedOn", "Ngày chấm dứt hoạt động")),
        T(typeof(ProviderVersion), "Phiên bản thông tin cơ sở cung ứng", AuditRef.Provider, "ProviderId",
            L("ProviderId", "Cơ sở cung ứng", AuditRef.Provider), L("LegalForm", "Loại hình pháp lý"), L("Ownership", "Hình thức sở hữu"),
            L("ProviderType", "Loại cơ sở"), L("Address", "Địa chỉ"), L("Capacity", "Quy mô"), L("CapacityUnit", "Đơn vị quy mô"),
            L("LicenceNumber", "Số giấy phép"), L("LicenceDate", "Ngày cấp phép"), L("LicenceIssuer", "Cơ quan cấp phép")),
        T(typeof(ServiceOrder), "Giao nhiệm vụ, đặt hàng, đấu thầu dịch vụ", AuditRef.ServiceOrder, "Id",
            L("Method", "Phương thức"), L("OrdererAgencyId", "Cơ quan đặt hàng", AuditRef.Agency), L("ProviderUnitId", "Đơn vị cung ứng", AuditRef.Unit),
            L("ProviderId", "Cơ sở cung ứng ngoài công lập", AuditRef.Provider), L("ItemId", "Dịch vụ", AuditRef.ServiceItem), L("PriceId", "Đơn giá áp dụng"),
            L("Quantity", "Số lượng"), L("UnitPrice", "Đơn giá (đồng)"), L("Value", "Giá trị (đồng)"), L("FundingClass", "Loại kinh phí"),
            L("QualityRequirement", "Yêu cầu chất lượng"), L("EstimateReference", "Dự toán được giao"), L("StartOn", "Ngày bắt đầu"), L("EndOn", "Ngày kết thúc"),
            L("Status", "Trạng thái"), L("CreatedBy", "Người tạo")),
        T(typeof(ServiceBid), "Nhà thầu", AuditRef.ServiceOrder, "OrderId",
            L("OrderId", "Đặt hàng", AuditRef.ServiceOrder), L("BidderName", "Tên nhà thầu"), L("ProviderUnitId", "Đơn vị sự nghiệp công lập", AuditRef.Unit),
            L("ProviderId", "Cơ sở ngoài công lập", AuditRef.Provider), L("BidPrice", "Giá dự thầu (đồng)"), L("Awarded", "Trúng thầu")),
        T(typeof(ServiceAcceptance), "Nghiệm thu", AuditRef.ServiceOrder, "OrderId",
            L("OrderId", "Đặt hàng", AuditRef.ServiceOrder), L("Date", "Ngày nghiệm thu"), L("QuantityAccepted", "Số lượng nghiệm thu"),
            L("QualityScore", "Điểm chất lượng"), L("QualityLevel", "Mức chất lượng"), L("Deduction", "Giảm trừ (đồng)"),
            L("AcceptedValue", "Giá trị nghiệm thu (đồng)"), L("Minutes", "Biên bản"), L("CreatedBy", "Người ghi nhận")),
        T(typeof(ServiceSettlement), "Thanh toán, quyết toán", AuditRef.ServiceOrder, "OrderId",
            L("OrderId", "Đặt hàng", AuditRef.ServiceOrder), L("Kind", "Loại"), L("Date", "Ngày"), L("Amount", "Số tiền (đồng)"),
            L("DocumentNumber", "Số chứng từ"), L("CreatedBy", "Người ghi nhận")),
        T(typeof(UnitCapacity), "Quy mô cung ứng của đơn vị", AuditRef.Unit, "UnitId",
            L("CapacityUnit", "Đơn vị quy mô"), L("Capacity", "Quy mô"), L("Source", "Nguồn")),
        T(typeof(AreaPopulation), "Dân số", AuditRef.Area, "AreaId", L("Population", "Dân số"), L("Source", "Nguồn")),
        T(typeof(QualityStandard), "Tiêu chuẩn chất lượng", AuditRef.QualityStandard, "Id",
            L("Issuer", "Cơ quan ban hành"), L("DocumentNumber", "Số văn bản"), L("DocumentDate", "Ngày văn bản"), L("ItemId", "Dịch vụ", AuditRef.ServiceItem),
            L("Version", "Phiên bản"), L("ScoreBasis", "Cách tính điểm"), L("BandsJson", "Các mức xếp loại"), L("ValidityMonths", "Thời hạn hiệu lực (tháng)"),
            L("Source", "Nguồn")),
        T(typeof(QualityCriterion), "Tiêu chí chất lượng", AuditRef.QualityStandard, "StandardId",
            L("StandardId", "Tiêu chuẩn", AuditRef.QualityStandard), L("Group", "Nhóm tiêu chí"), L("MaxScore", "Điểm tối đa"), L("Ordinal", "Số thứ tự")),
        T(typeof(QualityAssessment), "Đánh giá chất lượng", AuditRef.Unit, "UnitId",
            L("StandardId", "Tiêu chuẩn", AuditRef.QualityStandard), L("Kind", "Hình thức đánh giá"), L("PeriodFrom", "Kỳ đánh giá từ"),
            L("PeriodTo", "Kỳ đánh giá đến"), L("AssessedOn", "Ngày đánh giá"), L("ValidUntil", "Hiệu lực đến"), L("Score", "Điểm"), L("Level", "Mức xếp loại"),
            L("LevelLabel", "Tên mức xếp loại"), L("Team", "Đoàn đánh giá"), L("CreatedBy", "Người ghi nhận")),
        T(typeof(QualityScore), "Điểm theo tiêu chí", AuditRef.Unit, null,
            L("AssessmentId", "Lần đánh giá"), L("CriterionId", "Tiêu chí"), L("Score", "Điểm")),
        T(typeof(SurveyInstrument), "Mẫu phiếu khảo sát", AuditRef.Survey, "Id",
            L("DocumentNumber", "Số văn bản"), L("DocumentDate", "Ngày văn bản"), L("DocumentIssuer", "Cơ quan ban hành"),
            L("RespondentType", "Đối tượng khảo sát"), L("ScaleJson", "Thang đo"), L("Direction", "Chiều thang đo"),
            L("SatisfiedThreshold", "Ngưỡng hài lòng"), L("NoOpinionValue", "Giá trị \"không ý kiến\""), L("Source", "Nguồn")),
        T(typeof(SurveyItem), "Câu hỏi khảo sát", AuditRef.Survey, "InstrumentId",
            L("InstrumentId", "Mẫu phiếu", AuditRef.Survey), L("SectionCode", "Mã phần"), L("SectionName", "Tên phần"), L("Text", "Nội dung câu hỏi"),
            L("Ordinal", "Số thứ tự")),
        T(typeof(SurveyRound), "Đợt khảo sát", AuditRef.Unit, "UnitId",
            L("InstrumentId", "Mẫu phiếu", AuditRef.Survey), L("PeriodFrom", "Kỳ từ"), L("PeriodTo", "Kỳ đến"), L("Label", "Tên đợt"),
            L("Status", "Trạng thái"), L("CreatedBy", "Người tạo")),
        T(typeof(SurveyResponse), "Phiếu trả lời", AuditRef.None, null,
            L("RoundId", "Đợt khảo sát"), L("RespondedOn", "Ngày trả lời")),
        T(typeof(SurveyAnswer), "Câu trả lời", AuditRef.None, null,
            L("ResponseId", "Phiếu trả lời"), L("RoundId", "Đợt khảo sát"), L("ItemId", "Câu hỏi"), L("Value", "Giá trị")),
        T(typeof(Feedback), "Phản ánh, kiến nghị của người dân", AuditRef.Feedback, "Id",
            L("Topic", "Chủ đề"), L("Text", "Nội dung"), L("Contact", "Thông tin liên hệ"), L("Consent", "Đồng ý xử lý dữ liệu cá nhân"),
            L("ConsentAt", "Thời điểm đồng ý"), L("WithdrawTokenHash", "Mã rút lại đồng ý"), L("ContactErasedAt", "Thời điểm xóa thông tin liên hệ"),
            L("ErasedReason", "Lý do xóa thông tin liên hệ"), L("Status", "Trạng thái"), L("ReceivedAt", "Thời điểm nhận"), L("DueOn", "Hạn trả lời"),
            L("ReplyText", "Nội dung trả lời"), L("RepliedAt", "Thời điểm trả lời"), L("RepliedBy", "Người trả lời"),
            L("PublicText", "Nội dung công khai"), L("PublishedAt", "Thời điểm công khai"), L("PublishedBy", "Người công khai"),
            L("RejectedReason", "Lý do không công khai")),
        T(typeof(Inspection), "Thanh tra, kiểm tra", AuditRef.Inspection, "Id",
            L("Body", "Cơ quan thanh tra, kiểm tra"), L("BodyAgencyId", "Cơ quan ra quyết định (trong sổ)", AuditRef.Agency), L("Kind", "Hình thức"),
            L("PeriodFrom", "Thời kỳ thanh tra từ"), L("PeriodTo", "Thời kỳ thanh tra đến"), L("ResultsReportOn", "Ngày báo cáo kết quả"),
            L("DraftAssignedOn", "Ngày giao dự thảo kết luận"), L("DraftReceivedOn", "Ngày nhận dự thảo kết luận"),
            L("ConclusionNumber", "Số kết luận"), L("ConclusionDate", "Ngày kết luận"),
            L("PublishedOn", "Ngày công khai kết luận"), L("DirectiveNumber", "Số văn bản chỉ đạo"), L("DirectiveDate", "Ngày văn bản chỉ đạo"),
            L("DirectiveText", "Nội dung chỉ đạo"), L("CreatedBy", "Người tạo")),
        T(typeof(InspectionUnit), "Đơn vị được thanh tra", AuditRef.Inspection, "InspectionId",
            L("InspectionId", "Cuộc thanh tra", AuditRef.Inspection)),
        T(typeof(InspectionFinding), "Nội dung kết luận", AuditRef.Inspection, "InspectionId",
            L("InspectionId", "Cuộc thanh tra", AuditRef.Inspection), L("Category", "Nhóm vi phạm"), L("Description", "Nội dung"),
            L("Amount", "Số tiền (đồng)"), L("Responsibility", "Trách nhiệm"), L("Ordinal", "Số thứ tự")),
        T(typeof(InspectionRecommendation), "Kiến nghị", AuditRef.Inspection, "InspectionId",
            L("FindingId", "Nội dung kết luận"), L("InspectionId", "Cuộc thanh tra", AuditRef.Inspection), L("Type", "Loại kiến nghị"),
            L("Content", "Nội dung kiến nghị"), L("Amount", "Số tiền (đồng)"), L("AddresseeAgencyId", "Cơ quan thực hiện", AuditRef.Agency),
            L("Disputed", "Đang khiếu nại, đề nghị xem xét lại"), L("DisputeReason", "Lý do khiếu nại hoặc kết thúc khiếu nại")),
        T(typeof(RecommendationFollowUp), "Báo cáo thực hiện kiến nghị", AuditRef.None, null,
            L("RecommendationId", "Kiến nghị"), L("Date", "Ngày báo cáo"), L("Text", "Nội dung"), L("Done", "Đã hoàn thành"),
            L("AmountRecovered", "Số tiền đã thu hồi (đồng)"), L("ReportedBy", "Người báo cáo")),
        T(typeof(MeritRecord), "Khen thưởng, kỷ luật", AuditRef.None, null,
            L("Kind", "Loại"), L("Form", "Hình thức"), L("Reason", "Lý do, thành tích"), L("CreatedBy", "Người ghi nhận")),
        T(typeof(ModelUnit), "Đơn vị điển hình", AuditRef.Document, "DocumentId", L("Note", "Ghi chú"), L("CreatedBy", "Người ghi nhận")),
    }.ToDictionary(t => TrailName(t.Clr), t => t, StringComparer.Ordinal);

    private static readonly HashSet<Type> Audited = Types.Values.Select(t => t.Clr).ToHashSet();

    public static bool IsAudited(Type clr) => Audited.Contains(clr);

    /// <summary>The entity type's name as the trail stores it.</summary>
    public static string TrailName(Type clr) => clr == typeof(IdentityUserRole<string>) ? "UserRole" : clr.Name;

    /// <summary>The Vietnamese name of a stored entity type; an unknown one as it is stored.</summary>
    public static string TypeName(string type) => Types.TryGetValue(type, out var t) ? t.Name : type;

    /// <summary>The field's entry: the type's own, else the common one; null for a field the table does not know.</summary>
    public static AuditField? Field(string type, string field) =>
        Types.TryGetValue(type, out var t) && t.Fields.TryGetValue(field, out var own) ? own
        : Common.TryGetValue(field, out var common) ? common
        : null;
}
