using System.Reflection;

namespace DongNai.EthnicPortal.Web.Services.Audit;

/// <summary>
/// Every audit action code, with the Vietnamese label <c>/quan-tri/nhat-ky</c> shows beside it. The codes
/// are stored, so they never change; a test fails when a code has no label.
/// </summary>
public static class AuditActions
{
    [AuditLabel("Đăng nhập")]
    public const string SignIn = "SignIn";

    [AuditLabel("Đăng nhập thất bại")]
    public const string SignInFailed = "SignInFailed";

    [AuditLabel("Khóa do đăng nhập sai")]
    public const string LockedOut = "LockedOut";

    [AuditLabel("Đổi mật khẩu")]
    public const string PasswordChanged = "PasswordChanged";

    [AuditLabel("Kết thúc một phiên đăng nhập")]
    public const string SessionEnded = "SessionEnded";

    [AuditLabel("Kết thúc các phiên đăng nhập khác")]
    public const string OtherSessionsEnded = "OtherSessionsEnded";

    [AuditLabel("Kết thúc mọi phiên đăng nhập của tài khoản")]
    public const string UserSessionsEnded = "UserSessionsEnded";

    [AuditLabel("Bật xác thực hai bước")]
    public const string TwoFactorEnabled = "TwoFactorEnabled";

    [AuditLabel("Tắt xác thực hai bước")]
    public const string TwoFactorDisabled = "TwoFactorDisabled";

    [AuditLabel("Tạo bài viết")]
    public const string ArticleCreated = "ArticleCreated";

    [AuditLabel("Lưu bài viết")]
    public const string ArticleSaved = "ArticleSaved";

    [AuditLabel("Gửi duyệt bài viết")]
    public const string ArticleSubmitted = "ArticleSubmitted";

    [AuditLabel("Xuất bản bài viết")]
    public const string ArticlePublished = "ArticlePublished";

    [AuditLabel("Xuất bản bài viết (bắt buộc, tự duyệt)")]
    public const string ArticlePublishedForced = "ArticlePublishedForced";

    [AuditLabel("Lên lịch xuất bản")]
    public const string ArticleScheduled = "ArticleScheduled";

    [AuditLabel("Lên lịch xuất bản (bắt buộc, tự duyệt)")]
    public const string ArticleScheduledForced = "ArticleScheduledForced";

    [AuditLabel("Tự động xuất bản theo lịch")]
    public const string ArticlePublishedOnSchedule = "ArticlePublishedOnSchedule";

    [AuditLabel("Trả lại bài viết")]
    public const string ArticleRejected = "ArticleRejected";

    [AuditLabel("Gỡ bài viết")]
    public const string ArticleWithdrawn = "ArticleWithdrawn";

    [AuditLabel("Xóa bài viết")]
    public const string ArticleDeleted = "ArticleDeleted";

    [AuditLabel("Khôi phục phiên bản bài viết")]
    public const string ArticleRevisionRestored = "ArticleRevisionRestored";

    [AuditLabel("Tải ảnh lên")]
    public const string MediaUploaded = "MediaUploaded";

    [AuditLabel("Sửa mô tả ảnh")]
    public const string MediaAltTextChanged = "MediaAltTextChanged";

    [AuditLabel("Xóa ảnh")]
    public const string MediaDeleted = "MediaDeleted";

    [AuditLabel("Tạo tài khoản")]
    public const string UserCreated = "UserCreated";

    [AuditLabel("Sửa tài khoản")]
    public const string UserUpdated = "UserUpdated";

    [AuditLabel("Đổi vai trò")]
    public const string UserRoleChanged = "UserRoleChanged";

    [AuditLabel("Đặt lại mật khẩu")]
    public const string UserPasswordReset = "UserPasswordReset";

    [AuditLabel("Khóa tài khoản")]
    public const string UserLocked = "UserLocked";

    [AuditLabel("Mở khóa tài khoản")]
    public const string UserUnlocked = "UserUnlocked";

    [AuditLabel("Ngừng kích hoạt tài khoản")]
    public const string UserDeactivated = "UserDeactivated";

    [AuditLabel("Kích hoạt lại tài khoản")]
    public const string UserActivated = "UserActivated";

    [AuditLabel("Sửa cấu hình")]
    public const string SettingsChanged = "SettingsChanged";

    [AuditLabel("Tạo chuyên mục")]
    public const string CategoryCreated = "CategoryCreated";

    [AuditLabel("Sửa chuyên mục")]
    public const string CategoryUpdated = "CategoryUpdated";

    [AuditLabel("Xóa chuyên mục")]
    public const string CategoryDeleted = "CategoryDeleted";

    [AuditLabel("Tạo liên kết web")]
    public const string WebLinkCreated = "WebLinkCreated";

    [AuditLabel("Sửa liên kết web")]
    public const string WebLinkUpdated = "WebLinkUpdated";

    [AuditLabel("Xóa liên kết web")]
    public const string WebLinkDeleted = "WebLinkDeleted";

    [AuditLabel("Tạo trang tĩnh")]
    public const string PageCreated = "PageCreated";

    [AuditLabel("Sửa trang tĩnh")]
    public const string PageUpdated = "PageUpdated";

    [AuditLabel("Xóa trang tĩnh")]
    public const string PageDeleted = "PageDeleted";

    [AuditLabel("Tạo văn bản")]
    public const string DocumentCreated = "DocumentCreated";

    [AuditLabel("Sửa văn bản")]
    public const string DocumentUpdated = "DocumentUpdated";

    [AuditLabel("Xóa văn bản")]
    public const string DocumentDeleted = "DocumentDeleted";

    [AuditLabel("Đính kèm tệp vào văn bản")]
    public const string DocumentAttachmentAdded = "DocumentAttachmentAdded";

    [AuditLabel("Gỡ tệp đính kèm")]
    public const string DocumentAttachmentRemoved = "DocumentAttachmentRemoved";

    [AuditLabel("Thay tệp đính kèm bằng bản mới")]
    public const string DocumentAttachmentReplaced = "DocumentAttachmentReplaced";

    [AuditLabel("Yêu cầu trích xuất lại chữ của tệp đính kèm")]
    public const string AttachmentTextRequeued = "AttachmentTextRequeued";

    [AuditLabel("Sửa chữ trích xuất của một trang tệp đính kèm")]
    public const string AttachmentTextCorrected = "AttachmentTextCorrected";

    [AuditLabel("Thêm quan hệ giữa văn bản")]
    public const string DocumentRelationAdded = "DocumentRelationAdded";

    [AuditLabel("Gỡ quan hệ giữa văn bản")]
    public const string DocumentRelationRemoved = "DocumentRelationRemoved";

    [AuditLabel("Thêm mục danh mục văn bản")]
    public const string DocumentLookupAdded = "DocumentLookupAdded";

    [AuditLabel("Đổi tên mục danh mục văn bản")]
    public const string DocumentLookupRenamed = "DocumentLookupRenamed";

    [AuditLabel("Tạo cuộc thăm dò")]
    public const string PollCreated = "PollCreated";

    [AuditLabel("Sửa cuộc thăm dò")]
    public const string PollUpdated = "PollUpdated";

    [AuditLabel("Mở cuộc thăm dò")]
    public const string PollOpened = "PollOpened";

    [AuditLabel("Đóng cuộc thăm dò")]
    public const string PollClosed = "PollClosed";

    [AuditLabel("Xây dựng lại chỉ mục tìm kiếm")]
    public const string SearchIndexRebuilt = "search.rebuild";

    [AuditLabel("Tạo dự thảo lấy ý kiến")]
    public const string ConsultationCreated = "ConsultationCreated";

    [AuditLabel("Sửa dự thảo lấy ý kiến")]
    public const string ConsultationUpdated = "ConsultationUpdated";

    [AuditLabel("Kết thúc lấy ý kiến dự thảo")]
    public const string ConsultationConcluded = "ConsultationConcluded";

    [AuditLabel("Đính kèm tệp dự thảo")]
    public const string ConsultationFileAdded = "ConsultationFileAdded";

    [AuditLabel("Gỡ tệp dự thảo")]
    public const string ConsultationFileRemoved = "ConsultationFileRemoved";

    [AuditLabel("Nhập toàn văn dự thảo từ tệp Word")]
    public const string ConsultationDraftImported = "ConsultationDraftImported";

    [AuditLabel("Xuất bảng tổng hợp ý kiến")]
    public const string ConsultationExported = "ConsultationExported";

    [AuditLabel("Xem thông tin liên hệ người góp ý")]
    public const string ConsultationContactViewed = "ConsultationContactViewed";

    [AuditLabel("Ghi ý kiến tiếp thu, giải trình")]
    public const string ConsultationCommentAnswered = "ConsultationCommentAnswered";

    [AuditLabel("Đổi trạng thái góp ý")]
    public const string ConsultationCommentStatusChanged = "ConsultationCommentStatusChanged";

    [AuditLabel("Tự động xóa thông tin liên hệ người góp ý")]
    public const string ConsultationContactsErased = "ConsultationContactsErased";

    private static readonly Dictionary<string, string> Labels = typeof(AuditActions)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.GetCustomAttribute<AuditLabelAttribute>() is not null)
        .ToDictionary(f => (string)f.GetRawConstantValue()!, f => f.GetCustomAttribute<AuditLabelAttribute>()!.Label, StringComparer.Ordinal);

    /// <summary>The label of an action; an unknown code (from an older version) shows as itself.</summary>
    public static string Describe(string action) => Labels.TryGetValue(action, out var label) ? label : action;
}

[AttributeUsage(AttributeTargets.Field)]
public sealed class AuditLabelAttribute(string label) : Attribute
{
    public string Label { get; } = label;
}
