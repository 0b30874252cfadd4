namespace DongNai.EthnicPortal.Data.Entities;

/// <summary>Where the text extraction of an attachment stands.</summary>
public enum AttachmentTextState
{
    /// <summary>Waiting in the queue (new, re-uploaded, or asked for again).</summary>
    Queued = 0,

    /// <summary>Claimed by one instance, which is reading it now.</summary>
    Processing = 1,

    /// <summary>Read from the file's own text (a PDF text layer, Word, ODT, TXT, RTF).</summary>
    Extracted = 2,

    /// <summary>A scan or an image, read by OCR.</summary>
    Recognized = 3,

    /// <summary>A scan or an image, but OCR is not installed on this server ("chưa nhận dạng chữ").</summary>
    OcrUnavailable = 4,

    /// <summary>Malformed, encrypted, too large or too slow ("không trích xuất được"); the reason is kept.</summary>
    Failed = 5,

    /// <summary>A format without text to index (spreadsheet, presentation, archive).</summary>
    NotApplicable = 6,
}

/// <summary>
/// The text read out of one <see cref="DocumentAttachment"/>, and the state of its extraction. The row
/// also serves as the queue: an instance claims a Queued row with one conditional UPDATE, so two
/// instances of a farm never read the same file.
/// </summary>
public class AttachmentText
{
    public int DocumentAttachmentId { get; set; }

    public DocumentAttachment Attachment { get; set; } = null!;

    public AttachmentTextState State { get; set; }

    /// <summary>Pages read so far while Processing; the page count once done.</summary>
    public int PagesDone { get; set; }

    /// <summary>The file's page count when known (PDF), for the progress shown to editors.</summary>
    public int? PagesTotal { get; set; }

    /// <summary>Why it failed, in Vietnamese, as shown to editors; the technical detail goes to the log.</summary>
    public string? FailureReason { get; set; }

    /// <summary>The instance that claimed the row, and when; a claim older than the time limit is taken over.</summary>
    public string? ClaimedBy { get; set; }

    public DateTime? ClaimedAt { get; set; }

    /// <summary>Claims since it was last queued; a file that brought its reader down this often is given up as failed.</summary>
    public int Attempts { get; set; }

    public DateTime QueuedAt { get; set; }

    public DateTime? CompletedAt { get; set; }

    public List<AttachmentTextPage> Pages { get; set; } = [];
}

/// <summary>The text of one page (a whole file counts as page 1 when it has no pages), NFC.</summary>
public class AttachmentTextPage
{
    public int Id { get; set; }

    public int DocumentAttachmentId { get; set; }

    public int PageNumber { get; set; }

    public string Text { get; set; } = "";

    /// <summary>The text folded as the search index folds it (no tone marks, đ as d, lower case), to find the page a result came from.</summary>
    public string FoldedText { get; set; } = "";

    /// <summary>Set when an editor corrected the page; a re-extraction of the same file keeps the correction.</summary>
    public DateTime? CorrectedAt { get; set; }

    public string? CorrectedBy { get; set; }
}
