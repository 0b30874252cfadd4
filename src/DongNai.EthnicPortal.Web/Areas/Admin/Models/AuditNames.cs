namespace DongNai.EthnicPortal.Web.Areas.Admin.Models;

/// <summary>Vietnamese names for the audit actions; unknown actions (from other areas) show their code.</summary>
public static class AuditNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["SignIn"] = "Đăng nhập",
        ["SignInFailed"] = "Đăng nhập thất bại",
        ["LockedOut"] = "Khóa do đăng nhập sai",
        ["PasswordChanged"] = "Đổi mật khẩu",
        ["TwoFactorEnabled"] = "Bật xác thực hai bước",
        ["TwoFactorDisabled"] = "Tắt xác thực hai bước",
        ["ArticleCreated"] = "Tạo bài viết",
        ["ArticleSaved"] = "Lưu bài viết",
        ["ArticleSubmitted"] = "Gửi duyệt bài viết",
        ["ArticlePublished"] = "Xuất bản bài viết",
        ["ArticlePublishedForced"] = "Xuất bản bài viết (bắt buộc, tự duyệt)",
        ["ArticleScheduled"] = "Lên lịch xuất bản",
        ["ArticleScheduledForced"] = "Lên lịch xuất bản (bắt buộc, tự duyệt)",
        ["ArticlePublishedOnSchedule"] = "Tự động xuất bản theo lịch",
        ["ArticleRejected"] = "Trả lại bài viết",
        ["ArticleWithdrawn"] = "Gỡ bài viết",
        ["ArticleDeleted"] = "Xóa bài viết",
        ["ArticleRevisionRestored"] = "Khôi phục phiên bản bài viết",
        ["MediaUploaded"] = "Tải ảnh lên",
        ["MediaAltTextChanged"] = "Sửa mô tả ảnh",
        ["MediaDeleted"] = "Xóa ảnh",
        ["UserCreated"] = "Tạo tài khoản",
        ["UserUpdated"] = "Sửa tài khoản",
        ["UserRoleChanged"] = "Đổi vai trò",
        ["UserPasswordReset"] = "Đặt lại mật khẩu",
        ["UserLocked"] = "Khóa tài khoản",
        ["UserUnlocked"] = "Mở khóa tài khoản",
        ["UserDeactivated"] = "Ngừng kích hoạt tài khoản",
        ["UserActivated"] = "Kích hoạt lại tài khoản",
        ["SettingsChanged"] = "Sửa cấu hình",
        ["CategoryCreated"] = "Tạo chuyên mục",
        ["CategoryUpdated"] = "Sửa chuyên mục",
        ["CategoryDeleted"] = "Xóa chuyên mục",
        ["WebLinkCreated"] = "Tạo liên kết web",
        ["WebLinkUpdated"] = "Sửa liên kết web",
        ["WebLinkDeleted"] = "Xóa liên kết web",
        ["PageCreated"] = "Tạo trang tĩnh",
        ["PageUpdated"] = "Sửa trang tĩnh",
        ["PageDeleted"] = "Xóa trang tĩnh",
    };

    public static string Describe(string action) => Names.TryGetValue(action, out var name) ? name : action;
}
