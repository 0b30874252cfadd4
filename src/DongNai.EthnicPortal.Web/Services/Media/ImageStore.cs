using System.Text;
using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Infrastructure;
using SkiaSharp;

namespace DongNai.EthnicPortal.Web.Services.Media;

public sealed record ImageUploadResult(MediaFile? File, string? Error)
{
    public static ImageUploadResult Fail(string error) => new(null, error);
}

/// <summary>
/// Accepts images for the media library by content, never by name: the bytes must start like a JPEG,
/// PNG, GIF or WebP file and decode as one. Only a re-encoded copy is stored, which drops metadata
/// (EXIF location, camera serials) and anything smuggled after the image data.
/// </summary>
public sealed class ImageStore(PortalDbContext db, StoragePaths storage, TimeProvider time)
{
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>The upload request limit: the file maximum plus room for the multipart envelope and the alt text,
    /// so a file a little over 10 MB still gets the precise message rather than the 413 page.</summary>
    public const long MaxRequestBytes = MaxBytes + (1024 * 1024);

    /// <summary>
    /// Widths of the downscaled copies for srcset; only those narrower than the original are made. 360 and 720
    /// are a phone's card and full-width image (1× and 2×), 960 the article body's figure, 1200 the featured image.
    /// </summary>
    public static readonly int[] VariantWidths = [360, 720, 960, 1200];

    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png", ".gif", ".webp"];

    /// <summary>Extensions a server or a browser runs; hidden before an image extension (anh.php.jpg) they are a probe.</summary>
    private static readonly string[] ExecutableExtensions = [".php", ".phtml", ".asp", ".aspx", ".ashx", ".asmx", ".cshtml", ".jsp", ".cgi", ".pl", ".py", ".sh", ".exe", ".dll", ".bat", ".cmd", ".js", ".htm", ".html", ".svg", ".xml"];

    private static readonly string[] MarkupMarkers = ["<script", "<html", "<svg", "<?xml", "<!doctype", "<?php", "<body", "<iframe"];

    public static string? Sniff(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
        {
            return "image/jpeg";
        }

        if (data.Length >= 8 && data[..8].SequenceEqual((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        if (data.Length >= 6 && (data[..6].SequenceEqual("GIF87a"u8) || data[..6].SequenceEqual("GIF89a"u8)))
        {
            return "image/gif";
        }

        if (data.Length >= 12 && data[..4].SequenceEqual("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }

        return null;
    }

    /// <summary>Checks the name the browser sent; it is only ever shown, but a name with path parts is a sign of tampering.</summary>
    public static string? CheckFileName(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return "Tệp tải lên không có tên.";
        }

        if (fileName.Contains("..", StringComparison.Ordinal) || fileName.IndexOfAny(['/', '\\', ':', '\0']) >= 0 || fileName.Length > 255)
        {
            return "Tên tệp không hợp lệ (chứa đường dẫn hoặc ký tự không cho phép).";
        }

        // The stored copy is re-encoded under a generated name, so the name never decides anything; still, a name
        // that does not end like an image (anh.jpg.aspx, shell.php) is a probe and is told so plainly.
        if (!ImageExtensions.Contains(Path.GetExtension(fileName).ToLowerInvariant()))
        {
            return $"Chỉ nhận tệp ảnh có phần mở rộng {string.Join(", ", ImageExtensions)}; tệp “{fileName}” không được nhận.";
        }

        var inner = Path.GetExtension(Path.GetFileNameWithoutExtension(fileName)).ToLowerInvariant();
        if (ExecutableExtensions.Contains(inner))
        {
            return $"Tên tệp “{fileName}” có hai phần mở rộng ({inner}{Path.GetExtension(fileName).ToLowerInvariant()}), cách thường dùng để giấu một tệp mã chạy; hãy đổi tên tệp rồi tải lên lại.";
        }

        return null;
    }

    public async Task<ImageUploadResult> SaveAsync(Stream content, string? fileName, long length, string altText, string? userId, CancellationToken cancellationToken = default)
    {
        if (CheckFileName(fileName) is { } nameError)
        {
            return ImageUploadResult.Fail(nameError);
        }

        if (length <= 0)
        {
            return ImageUploadResult.Fail("Tệp tải lên bị rỗng.");
        }

        if (length > MaxBytes)
        {
            return ImageUploadResult.Fail("Ảnh quá lớn: dung lượng tối đa là 10 MB.");
        }

        if (string.IsNullOrWhiteSpace(altText))
        {
            return ImageUploadResult.Fail("Vui lòng nhập mô tả ảnh (văn bản thay thế) cho người đọc không nhìn thấy ảnh.");
        }

        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0)
        {
            return ImageUploadResult.Fail("Tệp tải lên bị rỗng.");
        }

        if (buffer.Length > MaxBytes)
        {
            return ImageUploadResult.Fail("Ảnh quá lớn: dung lượng tối đa là 10 MB.");
        }

        var bytes = buffer.ToArray();
        using var decoded = ImageContent.Decode(bytes, Path.GetFileName(fileName!));
        if (decoded.Error is { } contentError)
        {
            return ImageUploadResult.Fail(contentError);
        }

        var contentType = decoded.ContentType;
        using var bitmap = ApplyOrientation(decoded.TakeBitmap(), decoded.Origin);

        // GIF cannot be written by Skia; a still PNG keeps the image lossless.
        var storedType = contentType is "image/jpeg" or MediaUrls.WebpType ? contentType : "image/png";
        Directory.CreateDirectory(storage.Media);
        var storedName = Guid.NewGuid().ToString("N");
        var written = new List<string>();
        try
        {
            var mainPath = Path.Combine(storage.Media, storedName + MediaUrls.Extension(storedType));
            var size = Write(bitmap, FormatOf(storedType), mainPath);
            written.Add(mainPath);
            var copies = WriteCopies(bitmap, storedName, storedType, written);

            var media = new MediaFile
            {
                OriginalFileName = Data.Text.VietnameseText.ToNfc(Path.GetFileName(fileName!)),
                StoredName = storedName,
                ContentType = storedType,
                SizeBytes = size,
                Width = bitmap.Width,
                Height = bitmap.Height,
                VariantWidths = copies.VariantWidths,
                WebpWidths = copies.WebpWidths,
                AltText = Data.Text.VietnameseText.ToNfc(altText.Trim()),
                UploadedAt = time.GetUtcNow().UtcDateTime,
                UploadedById = userId,
            };
            db.MediaFiles.Add(media);
            return new ImageUploadResult(media, null);
        }
        catch
        {
            DeletePaths(written);
            throw;
        }
    }

    /// <summary>
    /// Makes the resized copies of an image stored before they existed (the seed images, older uploads) from
    /// its original file, and records them on the row; the caller saves. False when the original is missing
    /// or does not decode, which leaves the row as it was.
    /// </summary>
    public bool MakeCopies(MediaFile file)
    {
        var path = Path.Combine(storage.Media, file.StoredName + MediaUrls.Extension(file.ContentType));
        if (!File.Exists(path))
        {
            return false;
        }

        using var decoded = ImageContent.Decode(File.ReadAllBytes(path), Path.GetFileName(path));
        if (decoded.Error is not null)
        {
            return false;
        }

        using var bitmap = decoded.TakeBitmap();

        var written = new List<string>();
        try
        {
            var copies = WriteCopies(bitmap, file.StoredName, file.ContentType, written);
            (file.VariantWidths, file.WebpWidths) = (copies.VariantWidths, copies.WebpWidths);
            return true;
        }
        catch
        {
            DeletePaths(written);
            throw;
        }
    }

    /// <summary>True when an image lacks the copies <see cref="MakeCopies"/> makes (WebP originals need no WebP copies).</summary>
    public static bool LacksCopies(MediaFile file) =>
        file.ContentType != MediaUrls.WebpType ? file.WebpWidths.Length == 0 : file.Width > VariantWidths[0] && file.VariantWidths.Length == 0;

    /// <summary>
    /// Writes the downscaled copies in the stored format and, for a JPEG or PNG original, WebP copies at
    /// the same widths and at full width, where phones and current browsers get the smaller files.
    /// </summary>
    private (string VariantWidths, string WebpWidths) WriteCopies(SKBitmap bitmap, string storedName, string storedType, List<string> written)
    {
        var format = FormatOf(storedType);
        var makeWebp = storedType != MediaUrls.WebpType;
        var widths = new List<int>();
        var webpWidths = new List<int>();
        foreach (var width in VariantWidths.Where(w => w < bitmap.Width))
        {
            var height = Math.Max(1, (int)Math.Round(bitmap.Height * (double)width / bitmap.Width));
            using var scaled = bitmap.Resize(new SKImageInfo(width, height, bitmap.ColorType, bitmap.AlphaType), new SKSamplingOptions(SKCubicResampler.Mitchell));
            if (scaled is null)
            {
                continue;
            }

            written.Add(WriteCopy(scaled, format, storedName, width, storedType));
            widths.Add(width);
            if (makeWebp)
            {
                written.Add(WriteCopy(scaled, SKEncodedImageFormat.Webp, storedName, width, MediaUrls.WebpType));
                webpWidths.Add(width);
            }
        }

        if (makeWebp)
        {
            written.Add(WriteCopy(bitmap, SKEncodedImageFormat.Webp, storedName, bitmap.Width, MediaUrls.WebpType));
            webpWidths.Add(bitmap.Width);
        }

        return (MediaUrls.JoinWidths(widths), MediaUrls.JoinWidths(webpWidths));
    }

    private string WriteCopy(SKBitmap bitmap, SKEncodedImageFormat format, string storedName, int width, string contentType)
    {
        var path = Path.Combine(storage.Media, $"{storedName}-{width}{MediaUrls.Extension(contentType)}");
        Write(bitmap, format, path);
        return path;
    }

    private static SKEncodedImageFormat FormatOf(string storedType) => storedType switch
    {
        "image/jpeg" => SKEncodedImageFormat.Jpeg,
        MediaUrls.WebpType => SKEncodedImageFormat.Webp,
        _ => SKEncodedImageFormat.Png,
    };

    private static void DeletePaths(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            File.Delete(path);
        }
    }

    /// <summary>Removes the files of a media item; the caller removes the row.</summary>
    public void DeleteFiles(MediaFile file)
    {
        var extension = MediaUrls.Extension(file.ContentType);
        File.Delete(Path.Combine(storage.Media, file.StoredName + extension));
        foreach (var width in file.VariantWidths.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            File.Delete(Path.Combine(storage.Media, $"{file.StoredName}-{width}{extension}"));
        }

        foreach (var width in file.WebpWidths.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            File.Delete(Path.Combine(storage.Media, $"{file.StoredName}-{width}.webp"));
        }
    }

    /// <summary>True when HTML or script sits anywhere in the bytes, the mark of an image/HTML polyglot.</summary>
    public static bool ContainsMarkup(byte[] bytes)
    {
        // Latin-1 maps every byte to one char, so markers are found wherever they sit in the binary.
        var text = Encoding.Latin1.GetString(bytes);
        return MarkupMarkers.Any(marker => text.Contains(marker, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Re-encoding drops the EXIF orientation flag, so phone photos are turned upright first.</summary>
    private static SKBitmap ApplyOrientation(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        var (degrees, swap) = origin switch
        {
            SKEncodedOrigin.BottomRight => (180, false),
            SKEncodedOrigin.RightTop => (90, true),
            SKEncodedOrigin.LeftBottom => (270, true),
            _ => (0, false),
        };
        if (degrees == 0)
        {
            return bitmap;
        }

        var rotated = new SKBitmap(swap ? bitmap.Height : bitmap.Width, swap ? bitmap.Width : bitmap.Height, bitmap.ColorType, bitmap.AlphaType);
        using (var canvas = new SKCanvas(rotated))
        {
            canvas.Translate(rotated.Width / 2f, rotated.Height / 2f);
            canvas.RotateDegrees(degrees);
            canvas.Translate(-bitmap.Width / 2f, -bitmap.Height / 2f);
            canvas.DrawBitmap(bitmap, 0, 0);
        }

        bitmap.Dispose();
        return rotated;
    }

    private static long Write(SKBitmap bitmap, SKEncodedImageFormat format, string path)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var encoded = image.Encode(format, 85) ?? throw new InvalidOperationException($"Encoding {format} failed.");
        Data.Storage.AtomicFile.Write(path, encoded.SaveTo);
        return encoded.Size;
    }
}
