using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SuNghiep.Web.Pages;

/// <summary>
/// The page the status code middleware re-executes for pages (never for /api). It answers any method: a failed POST is
/// re-executed as a POST, and must not fail again on the anti-forgery check that caused it.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public string Title { get; private set; } = "";
    public string Text { get; private set; } = "";

    // Runs whatever the method (PUT, DELETE... have no handler here), so every re-executed request gets its text.
    public override void OnPageHandlerSelected(Microsoft.AspNetCore.Mvc.Filters.PageHandlerSelectedContext context)
    {
        var code = int.TryParse(RouteData.Values["code"]?.ToString(), out var c) ? c : 404;
        Response.StatusCode = code is >= 400 and < 600 ? code : 404;
        (Title, Text) = Response.StatusCode switch
        {
            404 => ("Không tìm thấy trang", "Trang hoặc đơn vị bạn tìm không tồn tại, đã bị xóa, hoặc nằm ngoài phạm vi được giao cho tài khoản của bạn."),
            403 => ("Không có quyền truy cập", "Tài khoản của bạn không được phép dùng chức năng này."),
            400 => ("Yêu cầu không hợp lệ", "Yêu cầu không hợp lệ hoặc biểu mẫu đã hết hạn. Vui lòng tải lại trang và thử lại."),
            405 => ("Thao tác không được hỗ trợ", "Trang này không hỗ trợ thao tác bạn vừa thực hiện."),
            429 => ("Quá nhiều yêu cầu", "Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng đợi một lát rồi thử lại."),
            413 => (Infrastructure.UploadLimitMiddleware.TooLargeTitle,
                Infrastructure.UploadLimitMiddleware.TooLargeDetail(HttpContext.Items[Infrastructure.UploadLimitMiddleware.LimitKey] as long?)),
            _ => ("Đã có lỗi xảy ra", "Lỗi đã được ghi lại. Vui lòng thử lại sau."),
        };
    }
}
