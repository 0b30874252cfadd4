using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DongNai.EthnicPortal.Data.Entities;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;
using Wordprocessing = DocumentFormat.OpenXml.Wordprocessing;

namespace DongNai.EthnicPortal.Web.Services.Documents.Extraction;

/// <summary>
/// The readers written in .NET: a PDF's text layer per page (PdfPig; pages without one come back
/// empty, for OCR), Word (Open XML SDK), ODT (its content.xml), TXT and RTF. They run in the bounded
/// process of <see cref="IsolatedTextReader"/>, since a hostile file can make a parser allocate or
/// loop without end. Every failure is an <see cref="ExtractedText"/>, never an exception.
/// </summary>
public sealed class TextLayerReader(AttachmentTextOptions limits, ILogger logger)
{
    private AttachmentTextOptions Limits => limits;

    public ExtractedText Read(string path, string contentType)
    {
        try
        {
            return ReadFormat(path, contentType);
        }
        catch (OutOfMemoryException)
        {
            logger.LogWarning("Reading {Path} ({ContentType}) needed more than the reader's heap limit.", path, contentType);
            return ExtractedText.Failed("Tệp cần nhiều bộ nhớ hơn giới hạn cho phép nên không đọc được.");
        }
        catch (Exception exception)
        {
            // A hostile file may make any reader throw anything; the reason goes to the log, the editor sees a plain message.
            logger.LogWarning(exception, "Text extraction of {Path} ({ContentType}) failed.", path, contentType);
            return ExtractedText.Failed(AttachmentTextExtractor.Unreadable);
        }
    }

    private ExtractedText ReadFormat(string path, string contentType)
    {
        if (contentType == AttachmentFormats.Pdf.ContentType)
        {
            return Pdf(path);
        }

        if (contentType == AttachmentFormats.Docx.ContentType)
        {
            return Docx(path);
        }

        if (contentType == AttachmentFormats.Odt.ContentType)
        {
            return Odt(path);
        }

        if (contentType == AttachmentFormats.Text.ContentType)
        {
            return new(AttachmentTextState.Extracted, [DecodeText(File.ReadAllBytes(path))]);
        }

        return contentType == AttachmentFormats.Rtf.ContentType
            ? new(AttachmentTextState.Extracted, [RtfText.Read(File.ReadAllText(path, Encoding.Latin1))])
            : new(AttachmentTextState.NotApplicable, []);
    }

    private ExtractedText Pdf(string path)
    {
        var pages = new List<string>();
        try
        {
            // Strict parsing: a damaged file fails as a whole rather than indexing what a repair guessed.
            using var document = PdfDocument.Open(path, new ParsingOptions { UseLenientParsing = false, SkipMissingFonts = true });
            var count = document.NumberOfPages;
            if (count > Limits.MaxPages)
            {
                return ExtractedText.Failed($"Tệp có {count:N0} trang, vượt giới hạn {Limits.MaxPages:N0} trang.".Replace(',', '.'));
            }

            for (var number = 1; number <= count; number++)
            {
                pages.Add(string.Join(' ', document.GetPage(number).GetWords().Select(w => w.Text)));
            }
        }
        catch (PdfDocumentEncryptedException)
        {
            return ExtractedText.Failed("Tệp PDF được bảo vệ bằng mật khẩu.");
        }

        return new(AttachmentTextState.Extracted, pages);
    }

    private ExtractedText Docx(string path)
    {
        if (UnpackedTooLarge(path) is { } refusal)
        {
            return refusal;
        }

        using var document = WordprocessingDocument.Open(path, isEditable: false, new OpenSettings { MaxCharactersInPart = Limits.MaxUnpackedBytes });
        var body = document.MainDocumentPart?.Document?.Body;
        if (body is null)
        {
            return ExtractedText.Failed(AttachmentTextExtractor.Unreadable);
        }

        var lines = body.Descendants<Wordprocessing.Paragraph>()
            .Select(p => string.Concat(p.Descendants<Wordprocessing.Text>().Select(t => t.Text)));
        return new(AttachmentTextState.Extracted, [string.Join('\n', lines)]);
    }

    private ExtractedText Odt(string path)
    {
        if (UnpackedTooLarge(path) is { } refusal)
        {
            return refusal;
        }

        using var zip = ZipFile.OpenRead(path);
        var content = zip.GetEntry("content.xml");
        if (content is null)
        {
            return ExtractedText.Failed(AttachmentTextExtractor.Unreadable);
        }

        using var stream = content.Open();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = Limits.MaxUnpackedBytes });
        var text = new StringBuilder();
        const string TextNamespace = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.SignificantWhitespace:
                    text.Append(reader.Value);
                    break;
                case XmlNodeType.Element when reader.NamespaceURI == TextNamespace && reader.LocalName is "s" or "tab" or "line-break":
                    text.Append(reader.LocalName == "line-break" ? '\n' : ' ');
                    break;
                case XmlNodeType.EndElement when reader.NamespaceURI == TextNamespace && reader.LocalName is "p" or "h":
                    text.Append('\n');
                    break;
            }
        }

        return new(AttachmentTextState.Extracted, [text.ToString()]);
    }

    /// <summary>A package whose parts would unpack past the limit is refused before anything is unpacked (a zip bomb).</summary>
    private ExtractedText? UnpackedTooLarge(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var total = 0L;
        foreach (var entry in zip.Entries)
        {
            total += entry.Length;
            if (total > Limits.MaxUnpackedBytes)
            {
                logger.LogWarning("{Path} unpacks to more than {Limit} bytes; refused as a zip bomb.", path, Limits.MaxUnpackedBytes);
                return ExtractedText.Failed("Tệp nén bên trong giải nén ra dung lượng bất thường (nghi là “bom nén”).");
            }
        }

        return null;
    }

    private static string DecodeText(byte[] bytes)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
        var span = bytes.AsSpan();
        return span.StartsWith(Encoding.UTF8.Preamble) ? utf8.GetString(span[3..]) : utf8.GetString(span);
    }
}
