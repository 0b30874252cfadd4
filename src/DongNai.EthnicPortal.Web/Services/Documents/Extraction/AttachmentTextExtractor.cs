using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;
using Wordprocessing = DocumentFormat.OpenXml.Wordprocessing;

namespace DongNai.EthnicPortal.Web.Services.Documents.Extraction;

/// <summary>What was read from one file. <see cref="Pages"/> holds one text per page (a file without pages is one page).</summary>
public sealed record ExtractedText(AttachmentTextState State, IReadOnlyList<string> Pages, string? FailureReason = null)
{
    public static ExtractedText Failed(string reason) => new(AttachmentTextState.Failed, [], reason);
}

/// <summary>Reports pages done (and the total when known) while a file is read.</summary>
public delegate Task ExtractionProgress(int pagesDone, int? pagesTotal);

/// <summary>
/// Reads the text of an attachment: a PDF's text layer per page (PdfPig), Word (Open XML SDK), ODT
/// (its content.xml), TXT and RTF in process; scans and images by OCR (tesseract, pages rasterized by
/// pdftoppm) in separate, bounded processes. Any malformed or hostile file ends as
/// <see cref="AttachmentTextState.Failed"/> with a reason for editors; nothing here throws for a bad file.
/// </summary>
public sealed class AttachmentTextExtractor(IOptions<AttachmentTextOptions> options, ExternalProgram programs, ILogger<AttachmentTextExtractor> logger)
{
    private const string TooSlow = "Quá thời gian xử lý cho phép.";
    private const string Unreadable = "Tệp bị hỏng hoặc không đúng định dạng nên không đọc được.";

    private AttachmentTextOptions Limits => options.Value;

    /// <summary>True when the OCR programs and the language's data are installed.</summary>
    public bool OcrAvailable =>
        ExternalProgram.Exists(Limits.TesseractPath) && ExternalProgram.Exists(Limits.PdftoppmPath)
        && Directory.Exists("/usr/share/tesseract-ocr")
        && Directory.EnumerateFiles("/usr/share/tesseract-ocr", Limits.OcrLanguage + ".traineddata", SearchOption.AllDirectories).Any();

    public async Task<ExtractedText> ExtractAsync(string path, string contentType, ExtractionProgress progress, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timeLimit = TimeSpan.FromSeconds(Limits.TimeLimitSeconds);
        limit.CancelAfter(timeLimit);
        try
        {
            // In-process readers do not all observe the token; the wait bounds them anyway, and the queue moves on.
            var reading = Task.Run(() => ReadAsync(path, contentType, progress, limit.Token), limit.Token);
            var result = await reading.WaitAsync(timeLimit, cancellationToken);
            return result with { Pages = [.. result.Pages.Select(Clean)] };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Text extraction of {Path} stopped at the time limit of {Seconds} s.", path, Limits.TimeLimitSeconds);
            return ExtractedText.Failed(TooSlow);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("Text extraction of {Path} stopped at the time limit of {Seconds} s.", path, Limits.TimeLimitSeconds);
            return ExtractedText.Failed(TooSlow);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A hostile file may make any reader throw anything; the reason goes to the log, the editor sees a plain message.
            logger.LogWarning(exception, "Text extraction of {Path} ({ContentType}) failed.", path, contentType);
            return ExtractedText.Failed(Unreadable);
        }
    }

    private async Task<ExtractedText> ReadAsync(string path, string contentType, ExtractionProgress progress, CancellationToken cancellationToken)
    {
        if (contentType == AttachmentFormats.Pdf.ContentType)
        {
            return await PdfAsync(path, progress, cancellationToken);
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
            return new(AttachmentTextState.Extracted, [DecodeText(await File.ReadAllBytesAsync(path, cancellationToken))]);
        }

        if (contentType == AttachmentFormats.Rtf.ContentType)
        {
            return new(AttachmentTextState.Extracted, [RtfText.Read(await File.ReadAllTextAsync(path, Encoding.Latin1, cancellationToken))]);
        }

        if (contentType.StartsWith("image/", StringComparison.Ordinal))
        {
            return await ImageAsync(path, contentType, progress, cancellationToken);
        }

        return new(AttachmentTextState.NotApplicable, []);
    }

    private async Task<ExtractedText> PdfAsync(string path, ExtractionProgress progress, CancellationToken cancellationToken)
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

            await progress(0, count);
            for (var number = 1; number <= count; number++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var page = document.GetPage(number);
                pages.Add(string.Join(' ', page.GetWords().Select(w => w.Text)));
                await progress(number, count);
            }
        }
        catch (PdfDocumentEncryptedException)
        {
            return ExtractedText.Failed("Tệp PDF được bảo vệ bằng mật khẩu.");
        }

        var scanned = Enumerable.Range(0, pages.Count).Where(i => pages[i].Count(char.IsLetter) < Limits.ScannedPageLetters).ToList();
        if (pages.Count == 0 || scanned.Count == 0)
        {
            return new(AttachmentTextState.Extracted, pages);
        }

        if (!OcrAvailable)
        {
            return new(AttachmentTextState.OcrUnavailable, pages);
        }

        var folder = Directory.CreateTempSubdirectory("portal-ocr-");
        try
        {
            foreach (var index in scanned)
            {
                var prefix = Path.Combine(folder.FullName, "page");
                var raster = await programs.RunAsync(
                    Limits.PdftoppmPath,
                    ["-f", $"{index + 1}", "-l", $"{index + 1}", "-r", $"{Limits.OcrDpi}", "-gray", "-png", "-singlefile", path, prefix],
                    folder.FullName,
                    TimeSpan.FromSeconds(Limits.PageTimeoutSeconds),
                    Limits.ProcessMemoryBytes,
                    cancellationToken);
                if (raster.TimedOut || raster.ExitCode != 0 || !File.Exists(prefix + ".png"))
                {
                    logger.LogWarning("pdftoppm failed on page {Page} of {Path}: {Error}", index + 1, path, raster.Error);
                    return ExtractedText.Failed(raster.TimedOut ? TooSlow : Unreadable);
                }

                var text = await RecognizeAsync(prefix + ".png", folder.FullName, cancellationToken);
                if (text is null)
                {
                    return ExtractedText.Failed("Không nhận dạng được chữ trên trang " + (index + 1) + ".");
                }

                pages[index] = text;
                File.Delete(prefix + ".png");
                await progress(index + 1, pages.Count);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        return new(AttachmentTextState.Recognized, pages);
    }

    private async Task<ExtractedText> ImageAsync(string path, string contentType, ExtractionProgress progress, CancellationToken cancellationToken)
    {
        if (!OcrAvailable)
        {
            return new(AttachmentTextState.OcrUnavailable, []);
        }

        var folder = Directory.CreateTempSubdirectory("portal-ocr-");
        try
        {
            // tesseract reads PNG and JPEG; other images are decoded here and handed over as PNG.
            var input = Path.Combine(folder.FullName, "image.png");
            if (contentType is "image/png" or "image/jpeg")
            {
                File.Copy(path, input);
            }
            else
            {
                using var bitmap = SkiaSharp.SKBitmap.Decode(path) ?? throw new InvalidDataException("Undecodable image.");
                using var encoded = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
                await File.WriteAllBytesAsync(input, encoded.ToArray(), cancellationToken);
            }

            await progress(0, 1);
            var text = await RecognizeAsync(input, folder.FullName, cancellationToken);
            await progress(1, 1);
            return text is null ? ExtractedText.Failed("Không nhận dạng được chữ trong ảnh.") : new(AttachmentTextState.Recognized, [text]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private async Task<string?> RecognizeAsync(string image, string folder, CancellationToken cancellationToken)
    {
        var run = await programs.RunAsync(
            Limits.TesseractPath,
            [image, "stdout", "-l", Limits.OcrLanguage, "--psm", "3"],
            folder,
            TimeSpan.FromSeconds(Limits.PageTimeoutSeconds),
            Limits.ProcessMemoryBytes,
            cancellationToken);
        if (run.TimedOut || run.ExitCode != 0)
        {
            logger.LogWarning("tesseract failed on {Image} (exit {Exit}, timed out: {TimedOut}): {Error}", image, run.ExitCode, run.TimedOut, run.Error);
            return null;
        }

        return run.Output;
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
            return ExtractedText.Failed(Unreadable);
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
            return ExtractedText.Failed(Unreadable);
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

    /// <summary>NFC, no control characters but line breaks, single spaces, and no more than the character limit.</summary>
    private string Clean(string text)
    {
        var clean = new StringBuilder(Math.Min(text.Length, Limits.MaxCharacters));
        foreach (var c in text)
        {
            if (clean.Length >= Limits.MaxCharacters)
            {
                break;
            }

            clean.Append(c == '\n' ? '\n' : char.IsControl(c) || char.IsWhiteSpace(c) ? ' ' : c);
        }

        var lines = clean.ToString().Split('\n').Select(line => string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries))).Where(line => line.Length > 0);
        return VietnameseText.ToNfc(string.Join('\n', lines));
    }
}
