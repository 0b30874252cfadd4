using System.ComponentModel.DataAnnotations;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Models;
using DongNai.EthnicPortal.Web.Services.Documents.Extraction;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Models;

/// <summary>Every editable field of a registry document.</summary>
public sealed class DocumentFormModel
{
    [Required(ErrorMessage = "Vui lòng chọn loại văn bản.")]
    [Display(Name = "Loại văn bản")]
    public int? DocumentTypeId { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập số ký hiệu.")]
    [StringLength(100, ErrorMessage = "Số ký hiệu dài tối đa 100 ký tự.")]
    [Display(Name = "Số ký hiệu")]
    public string NumberAndSymbol { get; set; } = "";

    [Required(ErrorMessage = "Vui lòng chọn cơ quan ban hành.")]
    [Display(Name = "Cơ quan ban hành")]
    public int? IssuingBodyId { get; set; }

    [Display(Name = "Lĩnh vực")]
    public int? FieldId { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập người ký.")]
    [StringLength(200, ErrorMessage = "Tên người ký dài tối đa 200 ký tự.")]
    [Display(Name = "Người ký")]
    public string SignerName { get; set; } = "";

    [StringLength(200, ErrorMessage = "Chức vụ người ký dài tối đa 200 ký tự.")]
    [Display(Name = "Chức vụ người ký")]
    public string? SignerTitle { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập ngày ban hành.")]
    [DataType(DataType.Date)]
    [Display(Name = "Ngày ban hành")]
    public DateOnly? IssuedOn { get; set; }

    [DataType(DataType.Date)]
    [Display(Name = "Ngày hiệu lực")]
    public DateOnly? EffectiveFrom { get; set; }

    [DataType(DataType.Date)]
    [Display(Name = "Ngày hết hiệu lực")]
    public DateOnly? EffectiveUntil { get; set; }

    [Display(Name = "Tình trạng hiệu lực")]
    public ValidityStatus? ValidityOverride { get; set; }

    [StringLength(500, ErrorMessage = "Ghi chú hiệu lực dài tối đa 500 ký tự.")]
    [Display(Name = "Ghi chú về hiệu lực")]
    public string? ValidityNote { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập trích yếu.")]
    [StringLength(2000, ErrorMessage = "Trích yếu dài tối đa 2000 ký tự.")]
    [Display(Name = "Trích yếu")]
    public string Abstract { get; set; } = "";

    [StringLength(500_000, ErrorMessage = "Toàn văn quá dài.")]
    [Display(Name = "Toàn văn (HTML)")]
    public string? FullTextHtml { get; set; }

    [Display(Name = "Công khai trên cổng thông tin")]
    public bool IsPublished { get; set; } = true;

    public Guid Version { get; set; }
}

public sealed record DocumentAdminListItem(int Id, string Slug, string NumberAndSymbol, string TypeName, DateOnly IssuedOn, bool IsPublished, int AttachmentCount);

public sealed record DocumentAdminListModel(string? Query, IReadOnlyList<DocumentAdminListItem> Items, int Page, int PageCount, int TotalCount);

public sealed record DocumentAdminAttachment(int Id, string FileName, string ContentType, long SizeBytes, DateTime UploadedAt, AttachmentTextStatus Text);

public sealed record DocumentAdminRelation(int Id, string Label, int OtherId, string OtherNumberAndSymbol, string OtherTypeName, bool Outgoing);

/// <summary>One page of an attachment's extracted text, in the editor that corrects it.</summary>
public sealed record AttachmentPageEditorModel(
    int DocumentId,
    string DocumentTitle,
    int AttachmentId,
    string FileName,
    AttachmentTextStatus Status,
    IReadOnlyList<int> PageNumbers,
    int PageNumber,
    string Text,
    DateTime? CorrectedAt,
    string? CorrectedBy);

public sealed record DocumentLookups(IReadOnlyList<LookupOption> Types, IReadOnlyList<LookupOption> Issuers, IReadOnlyList<LookupOption> Fields);

public sealed record DocumentEditorModel(
    int? Id,
    string? PublicUrl,
    DocumentFormModel Form,
    DocumentLookups Lookups,
    IReadOnlyList<DocumentAdminAttachment> Attachments,
    IReadOnlyList<DocumentAdminRelation> Relations);

public sealed record DocumentDeleteModel(int Id, string Title, string Abstract, int AttachmentCount, int CitingArticleCount);

public sealed record LookupRow(int Id, string Name, string? Code, int SortOrder, int UsageCount);

public sealed record LookupTable(string Kind, string Title, bool HasCode, IReadOnlyList<LookupRow> Rows);

public sealed record DocumentLookupsModel(IReadOnlyList<LookupTable> Tables);
