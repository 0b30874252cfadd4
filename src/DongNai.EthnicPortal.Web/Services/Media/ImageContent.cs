using System.Text;
using SkiaSharp;

namespace DongNai.EthnicPortal.Web.Services.Media;

/// <summary>A decoded upload, or the reason it is not an acceptable image.</summary>
public sealed class DecodedImage(SKBitmap? bitmap, SKEncodedOrigin origin, string? contentType, string? error) : IDisposable
{
    public SKBitmap? Bitmap { get; private set; } = bitmap;

    public SKEncodedOrigin Origin { get; } = origin;

    public string? ContentType { get; } = contentType;

    public string? Error { get; } = error;

    /// <summary>Hands the bitmap over to the caller, who disposes it from then on.</summary>
    public SKBitmap TakeBitmap()
    {
        var bitmap = Bitmap ?? throw new InvalidOperationException(Error);
        Bitmap = null;
        return bitmap;
    }

    public void Dispose() => Bitmap?.Dispose();
}

/// <summary>
/// The content checks every uploaded image passes, in the media library and as a document attachment:
/// it starts like a JPEG, PNG, GIF or WebP file, carries no markup (a polyglot), has a bounded pixel
/// count (a small file can declare a huge canvas: a decompression bomb) and decodes. Each refusal names its reason.
/// </summary>
public static class ImageContent
{
    /// <summary>50 megapixels: above any camera an editor uses, and a 200 MB decode at most.</summary>
    public const long MaxPixels = 50_000_000;

    public static DecodedImage Decode(byte[] bytes, string fileName)
    {
        var contentType = ImageStore.Sniff(bytes);
        if (contentType is null)
        {
            return Refused(NotAnImage(bytes, fileName));
        }

        if (ImageStore.ContainsMarkup(bytes))
        {
            return Refused($"Tệp ảnh “{fileName}” có chứa mã HTML hoặc kịch bản nên không được nhận.");
        }

        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0)
        {
            return Refused(Undecodable(fileName));
        }

        if ((long)codec.Info.Width * codec.Info.Height > MaxPixels)
        {
            return Refused(string.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"),
                $"Ảnh “{fileName}” có kích thước {codec.Info.Width:N0} × {codec.Info.Height:N0} điểm ảnh, vượt quá giới hạn {MaxPixels / 1_000_000} triệu điểm ảnh."));
        }

        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        if (codec.GetPixels(info, bitmap.GetPixels()) is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            bitmap.Dispose();
            return Refused(Undecodable(fileName));
        }

        return new DecodedImage(bitmap, codec.EncodedOrigin, contentType, null);
    }

    private static DecodedImage Refused(string error) => new(null, SKEncodedOrigin.Default, null, error);

    private static string Undecodable(string fileName) => $"Không đọc được ảnh “{fileName}”: tệp bị hỏng hoặc không đúng định dạng.";

    /// <summary>Why bytes that do not start like an image were refused, in the words an editor recognises.</summary>
    private static string NotAnImage(byte[] bytes, string fileName)
    {
        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        if (head.Contains("<svg", StringComparison.OrdinalIgnoreCase))
        {
            return $"Tệp “{fileName}” là ảnh SVG. Ảnh SVG không được nhận vì có thể chứa kịch bản; hãy lưu ảnh dưới dạng PNG hoặc JPEG.";
        }

        if (ImageStore.ContainsMarkup(bytes) || head.Contains("<%", StringComparison.Ordinal))
        {
            return $"Tệp “{fileName}” chứa mã HTML hoặc mã chạy trên máy chủ, không phải là ảnh.";
        }

        if (head.All(c => c >= ' ' || c is '\t' or '\n' or '\r' or '\f'))
        {
            return $"Tệp “{fileName}” là tệp văn bản, không phải là ảnh. Chỉ nhận ảnh JPEG, PNG, GIF hoặc WebP.";
        }

        return $"Nội dung tệp “{fileName}” không phải là ảnh JPEG, PNG, GIF hoặc WebP.";
    }
}
