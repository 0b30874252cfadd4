using System.ComponentModel.DataAnnotations;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Web.Services.Consultations;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Models;

/// <summary>Create and edit form of a consultation. Times are Vietnam local time, as editors type them.</summary>
public sealed class ConsultationForm
{    /// <summary>The form filled with a stored consultation (its result document loaded), times in Vietnam time.</summary>
    public static ConsultationForm From(Consultation consultation) => new()
    {
        Title = consultation.Title,
        DraftingUnit = consultation.DraftingUnit,
        Summary = consultation.Summary,
        DraftText = consultation.DraftText,
        OpensAt = VietnamTime.ToLocal(consultation.OpensAt),
        ClosesAt = VietnamTime.ToLocal(consultation.ClosesAt),
        IsPublished = consultation.IsPublished,
        PublishComments = consultation.PublishComments,
        OutcomeText = consultation.OutcomeText,
        ResultDocumentSymbol = consultation.ResultDocument?.NumberAndSymbol,
        Version = consultation.Version,
    };


    [Required(ErrorMessage = "Vui lòng nhập tên dự thảo.")]
    [StringLength(500, ErrorMessage = "Tên dự thảo không được dài quá 500 ký tự.")]
    [Display(Name = "Tên dự thảo")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Vui lòng nhập cơ quan chủ trì soạn thảo.")]
    [StringLength(300, ErrorMessage = "Tên cơ quan không được dài quá 300 ký tự.")]
    [Display(Name = "Cơ quan chủ trì soạn thảo")]
    public string DraftingUnit { get; set; } = "Ban Dân tộc tỉnh Đồng Nai";

    [Required(ErrorMessage = "Vui lòng nhập tóm tắt.")]
    [StringLength(2000, ErrorMessage = "Tóm tắt không được dài quá 2.000 ký tự.")]
    [Display(Name = "Tóm tắt")]
    public string Summary { get; set; } = "";

    [StringLength(200_000, ErrorMessage = "Toàn văn dự thảo không được dài quá 200.000 ký tự.")]
    [Display(Name = "Toàn văn dự thảo (văn bản thuần; mỗi dòng “Điều 1.”, “Điều 2.” … bắt đầu một điều)")]
    public string? DraftText { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập thời điểm bắt đầu lấy ý kiến.")]
    [Display(Name = "Bắt đầu nhận góp ý (giờ Việt Nam)")]
    public DateTime? OpensAt { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập thời điểm kết thúc lấy ý kiến.")]
    [Display(Name = "Hết hạn góp ý (giờ Việt Nam)")]
    public DateTime? ClosesAt { get; set; }

    [Display(Name = "Đăng lên trang công khai")]
    public bool IsPublished { get; set; }

    [Display(Name = "Công khai các góp ý đã duyệt (chỉ tên cơ quan, tổ chức và nội dung)")]
    public bool PublishComments { get; set; }

    [StringLength(20_000, ErrorMessage = "Kết quả lấy ý kiến không được dài quá 20.000 ký tự.")]
    [Display(Name = "Kết quả lấy ý kiến (hiện khi đã kết thúc)")]
    public string? OutcomeText { get; set; }

    [StringLength(100)]
    [Display(Name = "Số ký hiệu văn bản được ban hành (trong hệ thống văn bản), ví dụ 86/KH-UBND")]
    public string? ResultDocumentSymbol { get; set; }

    public Guid Version { get; set; }
}

public sealed record ConsultationAdminRow(int Id, string Title, ConsultationStage Stage, DateTime OpensAt, DateTime ClosesAt, int Comments, int Unanswered)
{
    public string StageText => ConsultationLifecycle.Describe(Stage);
}

public sealed record ConsultationFileRow(int Id, ConsultationFileKind Kind, string FileName, string ContentType, long SizeBytes);

public sealed record ConsultationEditorModel(int? Id, ConsultationForm Form, ConsultationStage? Stage, string? PublicUrl, IReadOnlyList<ConsultationFileRow> Files, DateTime? ConcludedAt, DateTime? ContactsErasedAt, int CommentCount);

public sealed record InboxRow(int Id, string ReceiptCode, string Commenter, string Part, string Excerpt, DateTime SubmittedAt, ConsultationCommentStatus Status, ConsultationResponseKind Response);

public sealed record InboxModel(int ConsultationId, string Title, IReadOnlyList<DraftArticle> Articles, string? Part, string? State, IReadOnlyList<InboxRow> Rows, int Page, int PageCount, int Total);

public sealed record CommentContact(string FullName, string? Email, string? Phone, DateTime ConsentedAt, DateTime? ErasedAt);

public sealed record CommentDetailModel(
    int Id,
    int ConsultationId,
    string ConsultationTitle,
    string ReceiptCode,
    string? Organisation,
    string Part,
    string Text,
    DateTime SubmittedAt,
    ConsultationCommentStatus Status,
    ConsultationResponseKind ResponseKind,
    string? ResponseText,
    string? RespondedByName,
    DateTime? RespondedAt,
    CommentContact? Contact);

public static class ConsultationAdminLabels
{
    public static string Status(ConsultationCommentStatus status) => status switch
    {
        ConsultationCommentStatus.Approved => "Đã duyệt công khai",
        ConsultationCommentStatus.Spam => "Thư rác",
        _ => "Mới nhận",
    };

    public static string Response(ConsultationResponseKind kind) => kind switch
    {
        ConsultationResponseKind.Accepted => "Tiếp thu",
        ConsultationResponseKind.Explained => "Giải trình",
        ConsultationResponseKind.Rejected => "Không tiếp thu",
        _ => "Chưa trả lời",
    };

    /// <summary>The inbox's state filter: query value and label.</summary>
    public static readonly (string Value, string Label)[] StateFilters =
    [
        ("chua-tra-loi", "Chưa trả lời"),
        ("tiep-thu", "Tiếp thu"),
        ("giai-trinh", "Giải trình"),
        ("khong-tiep-thu", "Không tiếp thu"),
        ("cong-khai", "Đã duyệt công khai"),
        ("rac", "Thư rác"),
    ];
}
