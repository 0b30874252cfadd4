using System.Globalization;
using DongNai.EthnicPortal.Data.Entities;

namespace DongNai.EthnicPortal.Web.Services.Documents.Extraction;

/// <summary>An attachment's extraction as editors see it. <see cref="State"/> is null for a file never read.</summary>
public sealed record AttachmentTextStatus(AttachmentTextState? State, int PagesDone, int? PagesTotal, int PageCount, string? FailureReason)
{
    /// <summary>Still moving: the page polls while one is.</summary>
    public bool IsWorking => State is AttachmentTextState.Queued or AttachmentTextState.Processing;

    public bool HasText => PageCount > 0;

    /// <summary>A stable code for the page's script and styles.</summary>
    public string Code => State switch
    {
        null => "chua-doc",
        AttachmentTextState.Queued => "dang-cho",
        AttachmentTextState.Processing => "dang-xu-ly",
        AttachmentTextState.Extracted => "da-trich-xuat",
        AttachmentTextState.Recognized => "da-nhan-dang",
        AttachmentTextState.OcrUnavailable => "chua-nhan-dang",
        AttachmentTextState.Failed => "loi",
        _ => "khong-co-chu",
    };

    public string Label => State switch
    {
        null => "Chưa trích xuất chữ",
        AttachmentTextState.Queued => "Đang chờ xử lý",
        AttachmentTextState.Processing => PagesTotal is { } total ? $"Đang xử lý: trang {PagesDone}/{total}" : "Đang xử lý",
        AttachmentTextState.Extracted => $"Đã trích xuất {Pages(PageCount)}",
        AttachmentTextState.Recognized => $"Ảnh quét đã nhận dạng chữ ({Pages(PageCount)})",
        AttachmentTextState.OcrUnavailable => "Chưa nhận dạng chữ: máy chủ chưa cài phần mềm nhận dạng (OCR)",
        AttachmentTextState.Failed => "Lỗi: không trích xuất được. " + FailureReason,
        _ => "Định dạng không có chữ để trích xuất",
    };

    /// <summary>Progress out of 100 while processing a file of known length.</summary>
    public int? Percent => State == AttachmentTextState.Processing && PagesTotal is > 0 and var total ? Math.Min(100, PagesDone * 100 / total) : null;

    private static string Pages(int count) => count.ToString("N0", CultureInfo.GetCultureInfo("vi-VN")) + " trang";
}
