namespace DongNai.EthnicPortal.Web.Services.Documents.Extraction;

/// <summary>Limits of the attachment text extraction (<c>Portal:AttachmentText</c>). Attachments come from outside, so every bound is explicit.</summary>
public sealed class AttachmentTextOptions
{
    public const string Section = "Portal:AttachmentText";

    /// <summary>Off, nothing is queued or read (an instance that only serves readers can say so).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How many files are read at the same time on one instance.</summary>
    public int Concurrency { get; set; } = 1;

    /// <summary>A file with more pages is refused as a whole: reading the first part alone would index half a document.</summary>
    public int MaxPages { get; set; } = 300;

    /// <summary>The whole extraction of one file, OCR included.</summary>
    public int TimeLimitSeconds { get; set; } = 300;

    /// <summary>One rasterization or OCR run of one page.</summary>
    public int PageTimeoutSeconds { get; set; } = 60;

    /// <summary>Address space of one OCR or rasterizer process.</summary>
    public long ProcessMemoryBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>
    /// PDF, Word, ODT, TXT and RTF are read in a child process with this heap limit, killed at the time
    /// limit. Off only where the host cannot start processes; a hostile file then costs the portal's own memory.
    /// </summary>
    public bool IsolateReaders { get; set; } = true;

    /// <summary>The heap of the child process that reads one file (<see cref="IsolateReaders"/>).</summary>
    public long ReaderMemoryBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>The text kept of one file; beyond it the rest is cut.</summary>
    public int MaxCharacters { get; set; } = 2_000_000;

    /// <summary>What a packaged format (DOCX, ODT) may unpack to; more is taken for a zip bomb.</summary>
    public long MaxUnpackedBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>A PDF page with fewer letters than this is taken for a scan and sent to OCR.</summary>
    public int ScannedPageLetters { get; set; } = 20;

    public string TesseractPath { get; set; } = "/usr/bin/tesseract";

    public string PdftoppmPath { get; set; } = "/usr/bin/pdftoppm";

    public string OcrLanguage { get; set; } = "vie";

    /// <summary>Resolution of the rasterized pages given to OCR.</summary>
    public int OcrDpi { get; set; } = 200;

    /// <summary>How often the queue is read again even without a signal, to pick up work queued by another instance or left by a stopped one.</summary>
    public int PollSeconds { get; set; } = 30;
}
