using System.Text;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using Microsoft.Extensions.Options;

namespace DongNai.EthnicPortal.Web.Services.Documents.Extraction;

/// <summary>What was read from one file. <see cref="Pages"/> holds one text per page (a file without pages is one page).</summary>
public sealed record ExtractedText(AttachmentTextState State, IReadOnlyList<string> Pages, string? FailureReason = null)
{
    public static ExtractedText Failed(string reason) => new(AttachmentTextState.Failed, [], reason);
}

/// <summary>Reports pages done (and the total when known) while a file is read.</summary>
public delegate Task ExtractionProgress(int pagesDone, int? pagesTotal);

/// <summary>
/// Reads the text of an attachment: a PDF's text layer per page, Word, ODT, TXT and RTF by
/// <see cref="TextLayerReader"/> in a separate process with a bounded heap (<see cref="IsolatedTextReader"/>);
/// scans and images by OCR (tesseract, pages rasterized by pdftoppm) in separate, bounded processes. Any malformed or hostile file ends as
/// <see cref="AttachmentTextState.Failed"/> with a reason for editors; nothing here throws for a bad file.
/// </summary>
public sealed class AttachmentTextExtractor(IOptions<AttachmentTextOptions> options, ExternalProgram programs, IsolatedTextReader isolated, ILogger<AttachmentTextExtractor> logger)
{
    internal const string TooSlow = "Quá thời gian xử lý cho phép.";
    internal const string Unreadable = "Tệp bị hỏng hoặc không đúng định dạng nên không đọc được.";

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
        if (contentType.StartsWith("image/", StringComparison.Ordinal))
        {
            return await ImageAsync(path, contentType, progress, cancellationToken);
        }

        await progress(0, null);
        var text = Limits.IsolateReaders
            ? await isolated.ReadAsync(path, contentType, cancellationToken)
            : new TextLayerReader(Limits, logger).Read(path, contentType);
        if (contentType != AttachmentFormats.Pdf.ContentType || text.State != AttachmentTextState.Extracted)
        {
            return text;
        }

        await progress(0, text.Pages.Count);
        return await WithScansRecognizedAsync(path, [.. text.Pages], progress, cancellationToken);
    }

    /// <summary>Sends the pages without a text layer (scans) to OCR; the others keep their text.</summary>
    private async Task<ExtractedText> WithScansRecognizedAsync(string path, List<string> pages, ExtractionProgress progress, CancellationToken cancellationToken)
    {
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
                    new ProgramBounds(TimeSpan.FromSeconds(Limits.PageTimeoutSeconds), Limits.ProcessMemoryBytes),
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
            new ProgramBounds(TimeSpan.FromSeconds(Limits.PageTimeoutSeconds), Limits.ProcessMemoryBytes),
            cancellationToken);
        if (run.TimedOut || run.ExitCode != 0)
        {
            logger.LogWarning("tesseract failed on {Image} (exit {Exit}, timed out: {TimedOut}): {Error}", image, run.ExitCode, run.TimedOut, run.Error);
            return null;
        }

        return run.Output;
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
