using Microsoft.EntityFrameworkCore;
using SuNghiep.Core.Data;
using SuNghiep.Core.Entities;

namespace SuNghiep.Core.Seeding;

/// <summary>
/// Citizens' feedback on the demo province's culture units in every state: new and within its deadline, new and late,
/// answered, published (its text rewritten without personal data, no contact kept) and rejected; dated from today so that
/// the late one stays late and the reminders have something to tell.
/// </summary>
internal static class DemoFeedback
{
    private const string Department = "92.SVHTTDL";

    public static async Task SeedAsync(SuNghiepDbContext db, CancellationToken ct)
    {
        var units = await db.Units.IgnoreQueryFilters().Where(u => u.ManagingAgency!.Code == Department && !u.Voided && u.EndedOn == null)
            .OrderBy(u => u.Code).Select(u => u.Id).Take(3).ToListAsync(ct);
        if (units.Count == 0)
        {
            return;
        }

        int Unit(int i) => units[i % units.Count];
        var now = DateTime.UtcNow;
        var today = VietnamTime.Today(TimeProvider.System);
        DateTime Ago(int days) => now.AddDays(-days);
        const string Replier = Auditing.SystemActors.Demo;
        db.Feedback.AddRange(
            new Feedback
            {
                UnitId = Unit(0), Topic = "Thủ tục, thời gian chờ", Text = "Thư viện có cho làm thẻ bạn đọc trực tuyến không, hay phải đến trực tiếp?",
                Contact = "bandoc.demo@example.com", Consent = true, ConsentAt = Ago(3), Status = FeedbackStatus.New, ReceivedAt = Ago(3), DueOn = today.AddDays(12),
            },
            new Feedback
            {
                UnitId = Unit(1), Topic = "Cơ sở vật chất", Text = "Khu trưng bày tầng hai không có lối đi cho người khuyết tật, đề nghị bảo tàng bố trí.",
                Status = FeedbackStatus.New, ReceivedAt = Ago(25), DueOn = today.AddDays(-10),
            },
            new Feedback
            {
                UnitId = Unit(0), Topic = "Thái độ phục vụ", Text = "Nhân viên phòng đọc thiếu nhi hướng dẫn rất nhiệt tình, xin cảm ơn.",
                Contact = "0900 000 123", Consent = true, ConsentAt = Ago(20), Status = FeedbackStatus.Answered, ReceivedAt = Ago(20), DueOn = today.AddDays(-5),
                ReplyText = "Thư viện cảm ơn ý kiến của bạn và sẽ tiếp tục nâng cao chất lượng phục vụ.", RepliedAt = Ago(12), RepliedBy = Replier,
            },
            new Feedback
            {
                UnitId = Unit(2), Topic = "Giá, phí dịch vụ", Text = "Giá thuê sân tập buổi tối có khác ban ngày không, học sinh có được giảm giá không?",
                Status = FeedbackStatus.Published, ReceivedAt = Ago(40), DueOn = today.AddDays(-25),
                ReplyText = "Giá thuê sân buổi tối cao hơn ban ngày do chi phí chiếu sáng; bảng giá niêm yết tại quầy và trên trang thông tin của Trung tâm.",
                RepliedAt = Ago(33), RepliedBy = Replier,
                PublicText = "Giá thuê sân tập buổi tối có khác ban ngày không?", PublishedAt = Ago(32), PublishedBy = Replier,
            },
            new Feedback
            {
                UnitId = Unit(1), Topic = "Chất lượng dịch vụ", Text = "Bảo tàng có thuyết minh bằng tiếng Anh cho khách nước ngoài không?",
                Status = FeedbackStatus.Published, ReceivedAt = Ago(60), DueOn = today.AddDays(-45),
                ReplyText = "Bảo tàng có thuyết minh viên tiếng Anh vào sáng thứ Bảy và Chủ nhật; đoàn khách đăng ký trước được phục vụ các ngày khác.",
                RepliedAt = Ago(50), RepliedBy = Replier,
                PublicText = "Bảo tàng có thuyết minh bằng tiếng Anh cho khách nước ngoài không?", PublishedAt = Ago(49), PublishedBy = Replier,
            },
            new Feedback
            {
                UnitId = Unit(2), Topic = "Khác", Text = "Nội dung quảng cáo không liên quan đến đơn vị.",
                Status = FeedbackStatus.Rejected, ReceivedAt = Ago(15), DueOn = today, RejectedReason = "Không liên quan đến dịch vụ của đơn vị.",
            });
        await db.SaveChangesAsync(ct);
    }
}
