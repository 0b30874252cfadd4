namespace DongNai.EthnicPortal.Web.Models;

public sealed record ErrorViewModel(int StatusCode, string Title, string Message, string? CorrelationId)
{
    public static ErrorViewModel For(int statusCode, string correlationId) => statusCode switch
    {
        404 => new(404, "Không tìm thấy trang", "Trang bạn tìm không tồn tại, đã được gỡ bỏ hoặc địa chỉ bị gõ sai.", null),
        400 => new(400, "Yêu cầu không hợp lệ", "Yêu cầu gửi lên không hợp lệ. Vui lòng kiểm tra lại thông tin đã nhập.", null),
        403 => new(403, "Không có quyền truy cập", "Bạn không có quyền xem trang này.", null),
        405 => new(405, "Phương thức không được hỗ trợ", "Thao tác này không được hỗ trợ tại địa chỉ này.", null),
        413 => TooLarge(null),
        429 => new(429, "Quá nhiều yêu cầu", "Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau ít phút.", null),
        503 => new(503, "Hệ thống đang bảo trì", "Cổng thông tin đang tạm thời gián đoạn để bảo trì. Vui lòng quay lại sau ít phút.", correlationId),
        >= 500 => new(statusCode, "Đã xảy ra lỗi", "Hệ thống gặp sự cố khi xử lý yêu cầu của bạn. Chúng tôi đã ghi nhận và sẽ khắc phục sớm.", correlationId),
        _ => new(statusCode, "Không thể xử lý yêu cầu", "Yêu cầu của bạn không thể được xử lý.", null),
    };

    /// <summary>The 413 page; names the limit of the refused endpoint when it is known.</summary>
    public static ErrorViewModel TooLarge(long? limitBytes) => new(
        413,
        "Dữ liệu gửi lên quá lớn",
        (limitBytes is { } limit ? $"Dữ liệu gửi lên vượt quá dung lượng cho phép của thao tác này (tối đa {Services.Documents.FileSizes.Format(limit)}). " : "Dữ liệu gửi lên vượt quá dung lượng cho phép. ")
            + "Không có gì được lưu. Vui lòng giảm dung lượng (ví dụ nén ảnh hoặc tách tệp) rồi thử lại.",
        null);
}
