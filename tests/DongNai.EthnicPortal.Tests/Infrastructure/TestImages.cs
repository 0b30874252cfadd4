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

    /// <summary>
    /// A decompression bomb: a valid PNG of a few hundred bytes whose header declares a grey canvas of
    /// <paramref name="width"/> × <paramref name="height"/> pixels; only the first rows are present.
    /// </summary>
    public static byte[] PngBomb(int width = 40_000, int height = 40_000)
    {
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth; colour type 0 (grey), no interlace
        using var rows = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(rows, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(new byte[(width + 1) * 4]);
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", rows.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>The smallest real GIF: one white pixel (Skia reads GIF but cannot write it).</summary>
    public static byte[] Gif1x1() =>
        [.. "GIF89a"u8, 1, 0, 1, 0, 0x80, 0, 0, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0x21, 0xF9, 4, 1, 0, 0, 0, 0, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, 0x3B];

    /// <summary>A GIF/JavaScript polyglot: it starts like a GIF and, loaded as a script, runs; it never decodes as an image.</summary>
    public static byte[] GifScriptPolyglot() => [.. "GIF89a"u8, 1, 0, 1, 0, .. "=1;alert(document.domain);//"u8];

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
