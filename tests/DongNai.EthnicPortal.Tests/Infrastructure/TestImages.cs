using SkiaSharp;

namespace DongNai.EthnicPortal.Tests.Infrastructure;

/// <summary>Real image files made on the spot, for the upload tests.</summary>
public static class TestImages
{
    /// <summary>A plain blue picture of the given size, encoded as JPEG or PNG.</summary>
    public static byte[] Solid(int width, int height, SKEncodedImageFormat format = SKEncodedImageFormat.Jpeg)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(30, 120, 200));
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }
}
