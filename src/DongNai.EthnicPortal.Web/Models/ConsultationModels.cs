using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using System.Text.RegularExpressions;
using DongNai.EthnicPortal.Web.Services.Consultations;
using DongNai.EthnicPortal.Web.Services.Documents;

namespace DongNai.EthnicPortal.Web.Models;

public sealed record ConsultationListItem(int Id, string Title, string Slug, string DraftingUnit, DateTime OpensAt, DateTime ClosesAt, ConsultationStage Stage, DateTime Now)
{
    public string Url => ConsultationUrls.Show(Id, Slug);

    public string StageText => ConsultationLifecycle.Describe(Stage);

    public string? TimeLeft => Stage == ConsultationStage.Open ? ConsultationLifecycle.TimeLeft(ClosesAt, Now) : null;
}

public sealed record ConsultationListModel(IReadOnlyList<ConsultationListItem> Items, int Page, int PageCount, int Total);

public sealed record ConsultationFileLink(int Id, string FileName, string ContentType, long SizeBytes)
{
    public string Url => ConsultationUrls.File(Id);

    public string Size => FileSizes.Format(SizeBytes);

    public string FormatName => AttachmentFormats.All.FirstOrDefault(f => f.ContentType == ContentType)?.Name ?? "tệp";
}

public sealed record PublishedComment(string Commenter, string Part, string Text, string Response);

public sealed record ResultDocumentLink(string Url, string Label);

public sealed class ConsultationPageModel
{
    public required int Id { get; init; }
    public required string Title { get; init; }
    public required string Slug { get; init; }
    public required string DraftingUnit { get; init; }
    public required string Summary { get; init; }
    public required DateTime OpensAt { get; init; }
    public required DateTime ClosesAt { get; init; }
    public required ConsultationStage Stage { get; init; }
    public required DateTime Now { get; init; }
    public required IReadOnlyList<DraftBlock> Draft { get; init; }
    public required IReadOnlyList<DraftArticle> Articles { get; init; }
    public required IReadOnlyList<ConsultationFileLink> DraftFiles { get; init; }
    public required IReadOnlyList<ConsultationFileLink> ReportFiles { get; init; }
    public required IReadOnlyList<PublishedComment> Comments { get; init; }
    public string? OutcomeText { get; init; }
    public ResultDocumentLink? ResultDocument { get; init; }

    /// <summary>Set when the form is shown: the sealed instant it was rendered.</summary>
    public string? FormStamp { get; set; }

    public CommentForm Form { get; set; } = new();

    /// <summary>A comment the server refused because the period is over, shown back so it is not lost.</summary>
    public string? RefusedText { get; set; }

    public string? RefusedMessage { get; set; }

    public string Url => ConsultationUrls.Show(Id, Slug);

    public string StageText => ConsultationLifecycle.Describe(Stage);

    public string TimeLeft => ConsultationLifecycle.TimeLeft(ClosesAt, Now);
}

public sealed record CommentReceiptModel(string Title, string Url, string ReceiptCode, string Part);

/// <summary>
/// The public comment form. Validated by hand rather than by attributes, so line endings are
/// normalised before the 5,000-character limit is counted, and so every message is Vietnamese.
/// </summary>
public sealed partial class CommentForm
{
    public const int MaxTextLength = 5000;
    public const string HoneypotField = "trang_web";

    // The display names label the fields on the page that gives a refused save back (SaveFailureFilter).
    [Display(Name = "Họ và tên")]
    public string? FullName { get; set; }

    [Display(Name = "Cơ quan, tổ chức")]
    public string? Organisation { get; set; }

    [Display(Name = "Thư điện tử")]
    public string? Email { get; set; }

    [Display(Name = "Số điện thoại")]
    public string? Phone { get; set; }

    /// <summary>The article commented on; empty for the whole draft.</summary>
    public int? Part { get; set; }

    [Display(Name = "Nội dung góp ý")]
    public string? Text { get; set; }

    public bool Consent { get; set; }

    /// <summary>Field errors by property name, in Vietnamese.</summary>
    public Dictionary<string, string> Validate(IReadOnlyList<DraftArticle> articles)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        FullName = Clean(FullName);
        Organisation = Clean(Organisation);
        Email = Clean(Email);
        Phone = Clean(Phone);
        Text = Text?.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();

        if (string.IsNullOrEmpty(FullName))
        {
            errors[nameof(FullName)] = "Vui lòng nhập họ và tên.";
        }
        else if (FullName.Length > 200 || HasControl(FullName))
        {
            errors[nameof(FullName)] = "Họ và tên dài tối đa 200 ký tự và không chứa ký tự điều khiển.";
        }

        if (Organisation is { } organisation && (organisation.Length > 300 || HasControl(organisation)))
        {
            errors[nameof(Organisation)] = "Tên cơ quan, tổ chức dài tối đa 300 ký tự.";
        }

        if (Email is null && Phone is null)
        {
            errors[nameof(Email)] = "Vui lòng nhập địa chỉ e-mail hoặc số điện thoại (ít nhất một trong hai) để cơ quan soạn thảo liên hệ khi cần.";
        }

        if (Email is { } email && !IsEmail(email))
        {
            errors[nameof(Email)] = "Địa chỉ e-mail không hợp lệ, ví dụ đúng: nguyenvana@gmail.com.";
        }

        if (Phone is { } phone)
        {
            var digits = PhoneSeparators().Replace(phone, "");
            if (!PhoneNumber().IsMatch(digits))
            {
                errors[nameof(Phone)] = "Số điện thoại không hợp lệ: nhập 10 chữ số bắt đầu bằng 0 (ví dụ 0912345678) hoặc dạng +84.";
            }
            else
            {
                Phone = digits;
            }
        }

        if (Part is { } part && articles.All(a => a.Number != part))
        {
            errors[nameof(Part)] = "Phần được góp ý không có trong dự thảo.";
        }

        if (string.IsNullOrEmpty(Text))
        {
            errors[nameof(Text)] = "Vui lòng nhập nội dung góp ý.";
        }
        else if (Text.Length > MaxTextLength)
        {
            errors[nameof(Text)] = $"Nội dung góp ý dài {Text.Length:N0} ký tự, vượt quá giới hạn {MaxTextLength:N0} ký tự.".Replace(',', '.');
        }
        else if (Text.Any(c => char.IsControl(c) && c is not '\n' and not '\t'))
        {
            errors[nameof(Text)] = "Nội dung góp ý có ký tự điều khiển không hợp lệ.";
        }

        if (!Consent)
        {
            errors[nameof(Consent)] = "Vui lòng đánh dấu ô đồng ý cho phép xử lý dữ liệu cá nhân; nếu không, cơ quan soạn thảo không thể tiếp nhận góp ý.";
        }

        return errors;
    }

    public CommentInput ToInput() => new(FullName!, Organisation, Email?.ToLowerInvariant(), Phone, Part, Text!);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : WhiteSpace().Replace(value.Trim(), " ");

    private static bool HasControl(string value) => value.Any(char.IsControl);

    private static bool IsEmail(string value) =>
        value.Length <= 254 && !HasControl(value) && MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"[\s.\-()]")]
    private static partial Regex PhoneSeparators();

    [GeneratedRegex(@"^(0\d{9,10}|\+84\d{9,10})$")]
    private static partial Regex PhoneNumber();
}
