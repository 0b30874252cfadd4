using System.IO.Compression;
using System.Text;

namespace DongNai.EthnicPortal.Web.Services.Documents;

public sealed record AttachmentFormat(string Name, string ContentType, IReadOnlyList<string> Extensions)
{
    public string Extension => Extensions[0];
}

/// <summary>
/// Recognises the office formats the registry accepts from the bytes alone: signatures, the OLE2
/// stream names of legacy Office files, the parts inside OOXML and OpenDocument packages, and valid
/// UTF-8 for plain text. A file's name never decides what it is.
/// </summary>
public static class AttachmentFormats
{
    public static readonly AttachmentFormat Pdf = new("PDF", "application/pdf", [".pdf"]);
    public static readonly AttachmentFormat Doc = new("Word 97–2003", "application/msword", [".doc"]);
    public static readonly AttachmentFormat Xls = new("Excel 97–2003", "application/vnd.ms-excel", [".xls"]);
    public static readonly AttachmentFormat Ppt = new("PowerPoint 97–2003", "application/vnd.ms-powerpoint", [".ppt"]);
    public static readonly AttachmentFormat Docx = new("Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);
    public static readonly AttachmentFormat Xlsx = new("Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]);
    public static readonly AttachmentFormat Pptx = new("PowerPoint", "application/vnd.openxmlformats-officedocument.presentationml.presentation", [".pptx"]);
    public static readonly AttachmentFormat Odt = new("OpenDocument văn bản", "application/vnd.oasis.opendocument.text", [".odt"]);
    public static readonly AttachmentFormat Ods = new("OpenDocument bảng tính", "application/vnd.oasis.opendocument.spreadsheet", [".ods"]);
    public static readonly AttachmentFormat Odp = new("OpenDocument trình chiếu", "application/vnd.oasis.opendocument.presentation", [".odp"]);
    public static readonly AttachmentFormat Text = new("văn bản thuần", "text/plain; charset=utf-8", [".txt"]);
    public static readonly AttachmentFormat Rtf = new("RTF", "application/rtf", [".rtf"]);
    public static readonly AttachmentFormat Zip = new("ZIP", "application/zip", [".zip"]);
    public static readonly AttachmentFormat Jpeg = new("JPEG", "image/jpeg", [".jpg", ".jpeg"]);
    public static readonly AttachmentFormat Png = new("PNG", "image/png", [".png"]);
    public static readonly AttachmentFormat Webp = new("WebP", "image/webp", [".webp"]);
    public static readonly AttachmentFormat Gif = new("GIF", "image/gif", [".gif"]);

    public static readonly IReadOnlyList<AttachmentFormat> All = [Pdf, Doc, Xls, Ppt, Docx, Xlsx, Pptx, Odt, Ods, Odp, Text, Rtf, Zip, Jpeg, Png, Webp, Gif];

    /// <summary>The format's name for readers ("PDF", "Word"…), from a stored content type.</summary>
    public static string Name(string contentType) => All.FirstOrDefault(f => f.ContentType == contentType)?.Name ?? "Tệp";

    private static readonly byte[] Ole2Signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    public static AttachmentFormat? Detect(byte[] content)
    {
        ReadOnlySpan<byte> bytes = content;
        if (bytes.IsEmpty)
        {
            return null;
        }

        if (bytes.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (bytes.StartsWith(Ole2Signature))
        {
            return DetectOle2(bytes);
        }

        if (bytes.StartsWith("PK\u0003\u0004"u8) || bytes.StartsWith("PK\u0005\u0006"u8))
        {
            return DetectPackage(content);
        }

        if (bytes.StartsWith("{\\rtf"u8))
        {
            return Rtf;
        }

        if (bytes.StartsWith(JpegSignature))
        {
            return Jpeg;
        }

        if (bytes.StartsWith(PngSignature))
        {
            return Png;
        }

        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return Gif;
        }

        if (bytes.Length > 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return Webp;
        }

        return IsPlainText(bytes) ? Text : null;
    }

    // Legacy Office files are OLE2 compound files; the stream names in the directory (UTF-16) tell them apart.
    private static AttachmentFormat? DetectOle2(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IndexOf(Encoding.Unicode.GetBytes("WordDocument")) >= 0)
        {
            return Doc;
        }

        if (bytes.IndexOf(Encoding.Unicode.GetBytes("Workbook")) >= 0 || bytes.IndexOf(Encoding.Unicode.GetBytes("Book")) >= 0)
        {
            return Xls;
        }

        return bytes.IndexOf(Encoding.Unicode.GetBytes("PowerPoint Document")) >= 0 ? Ppt : null;
    }

    private static AttachmentFormat? DetectPackage(byte[] content)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var names = archive.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (archive.GetEntry("mimetype") is { } mimetypeEntry)
            {
                using var reader = new StreamReader(mimetypeEntry.Open(), Encoding.ASCII);
                var mimetype = reader.ReadToEnd().Trim();
                var openDocument = new[] { Odt, Ods, Odp }.FirstOrDefault(f => f.ContentType == mimetype);
                if (openDocument is not null)
                {
                    return openDocument;
                }
            }

            if (names.Contains("[Content_Types].xml"))
            {
                if (names.Contains("word/document.xml"))
                {
                    return Docx;
                }

                if (names.Contains("xl/workbook.xml"))
                {
                    return Xlsx;
                }

                if (names.Contains("ppt/presentation.xml"))
                {
                    return Pptx;
                }
            }

            return Zip;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    // Valid UTF-8 without binary control characters, and not markup: an HTML page is refused even
    // though it is text, because it has no business in a document registry.
    private static bool IsPlainText(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Utf8Bom))
        {
            bytes = bytes[3..];
        }

        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        if (text.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n' or '\f')))
        {
            return false;
        }

        var start = text.TrimStart();
        return !start.StartsWith('<') && !text.Contains("<script", StringComparison.OrdinalIgnoreCase) && !text.Contains("<html", StringComparison.OrdinalIgnoreCase);
    }
}
