using System.Net;
using System.Text;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Media;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace DongNai.EthnicPortal.Tests.Admin;

public sealed class MediaUploadTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private string MediaFolder => Path.Combine(fixture.Factory.StorageRoot, "uploads", "media");

    [Fact]
    public async Task Jpeg_is_re_encoded_without_metadata_and_downscaled_into_variants()
    {
        var client = await fixture.Factory.SignedInAsync(Roles.Author);
        var jpeg = WithExifComment(TestImages.Solid(2000, 1000), "GPS-TOA-DO-BI-MAT");

        var (response, message) = await UploadAsync(client, jpeg, "anh-le-hoi.jpg", "Lễ hội của đồng bào Chơ Ro");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Đã tải ảnh lên thư viện.", message, StringComparison.Ordinal);

        var media = await fixture.Factory.WithDbAsync(db => db.MediaFiles.AsNoTracking().OrderByDescending(m => m.Id).FirstAsync());
        Assert.Equal("Lễ hội của đồng bào Chơ Ro", media.AltText);
        Assert.Equal((2000, 1000), (media.Width, media.Height));
        Assert.Equal("360,720,960,1200", media.VariantWidths);
        Assert.Equal("360,720,960,1200,2000", media.WebpWidths);
        Assert.Matches("^[0-9a-f]{32}$", media.StoredName);

        var stored = await File.ReadAllBytesAsync(Path.Combine(MediaFolder, media.StoredName + ".jpg"));
        Assert.DoesNotContain("GPS-TOA-DO-BI-MAT", Encoding.Latin1.GetString(stored), StringComparison.Ordinal);
        foreach (var width in new[] { 360, 720, 960, 1200 })
        {
            using var variant = SKBitmap.Decode(Path.Combine(MediaFolder, $"{media.StoredName}-{width}.jpg"));
            Assert.Equal(width, variant.Width);
        }

        foreach (var width in new[] { 360, 720, 960, 1200, 2000 })
        {
            var webp = await File.ReadAllBytesAsync(Path.Combine(MediaFolder, $"{media.StoredName}-{width}.webp"));
            Assert.Equal("image/webp", ImageStore.Sniff(webp));
            using var variant = SKBitmap.Decode(webp);
            Assert.Equal(width, variant.Width);
        }

        var served = await client.GetAsync(new Uri($"/media/{media.StoredName}.jpg", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Svg_with_script_is_refused_by_name_and_by_content()
    {
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><script>alert(document.cookie)</script><circle r=\"5\"/></svg>"u8.ToArray();
        await AssertRefusedAsync(svg, "hinh.svg", "Chỉ nhận tệp ảnh có phần mở rộng");
        await AssertRefusedAsync(svg, "hinh.jpg", "là ảnh SVG");
    }

    [Fact]
    public async Task Html_renamed_to_jpg_is_refused()
    {
        var html = "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"u8.ToArray();
        await AssertRefusedAsync(html, "anh.jpg", "chứa mã HTML hoặc mã chạy trên máy chủ, không phải là ảnh");
    }

    [Fact]
    public async Task A_text_file_is_refused_as_a_text_file_not_as_svg()
    {
        var message = await RefusalAsync("Biên bản họp ngày 12/3.\nDanh sách đại biểu dự họp."u8.ToArray(), "bien-ban.jpg");
        Assert.Contains("“bien-ban.jpg” là tệp văn bản, không phải là ảnh", message, StringComparison.Ordinal);
        Assert.DoesNotContain("SVG", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decompression_bomb_is_refused_for_its_pixel_count()
    {
        var bomb = TestImages.PngBomb();
        Assert.True(bomb.Length < 2_000, $"{bomb.Length} bytes");
        await AssertRefusedAsync(bomb, "nho.png", "vượt quá giới hạn 50 triệu điểm ảnh");
    }

    [Fact]
    public async Task Gif_html_polyglot_is_refused()
    {
        var polyglot = "GIF89a/*<html><script>alert(1)</script></html>*/=1;"u8.ToArray();
        await AssertRefusedAsync(polyglot, "poly.gif", "mã HTML hoặc kịch bản");
    }

    [Fact]
    public async Task Real_image_with_a_script_appended_is_refused()
    {
        var jpeg = TestImages.Solid(64, 64).Concat("<script>alert(1)</script>"u8.ToArray()).ToArray();
        await AssertRefusedAsync(jpeg, "anh-co-ma.jpg", "mã HTML hoặc kịch bản");
    }

    [Fact]
    public async Task Truncated_image_that_does_not_decode_is_refused()
    {
        var broken = TestImages.Solid(64, 64)[..20];
        await AssertRefusedAsync(broken, "hong.jpg", "Không đọc được ảnh");
    }

    [Fact]
    public async Task Jpeg_html_polyglot_is_refused()
    {
        // A valid JPEG whose comment segment is an HTML page: it decodes as an image and renders as a page.
        var polyglot = WithExifComment(TestImages.Solid(64, 64), "<html><body><script>alert(document.domain)</script></body></html>");
        await AssertRefusedAsync(polyglot, "anh-da-dang.jpg", "mã HTML hoặc kịch bản");
    }

    public static TheoryData<string, byte[], string> ServerPagesAndDoubleExtensions => new()
    {
        { "shell.aspx", AspxPage, "Chỉ nhận tệp ảnh có phần mở rộng" },
        { "anh.jpg.aspx", AspxPage, "Chỉ nhận tệp ảnh có phần mở rộng" },
        { "anh.aspx.jpg", AspxPage, "có hai phần mở rộng (.aspx.jpg)" },
        { "anh.jpg", AspxPage, "mã chạy trên máy chủ, không phải là ảnh" },
        { "anh.php.jpg", "<?php system($_GET['c']); ?>"u8.ToArray(), "có hai phần mở rộng (.php.jpg)" },
        { "anh.jpg.aspx", TestImages.Solid(32, 32), "Chỉ nhận tệp ảnh có phần mở rộng" },
        { "anh.png", "<?php system($_GET['c']); ?>"u8.ToArray(), "mã chạy trên máy chủ, không phải là ảnh" },
    };

    [Theory]
    [MemberData(nameof(ServerPagesAndDoubleExtensions))]
    public async Task Server_pages_and_double_extensions_are_refused(string fileName, byte[] content, string expectedMessage) =>
        await AssertRefusedAsync(content, fileName, expectedMessage);

    [Fact]
    public async Task Oversized_file_is_refused()
    {
        var big = new byte[(10 * 1024 * 1024) + 1];
        TestImages.Solid(16, 16).CopyTo(big, 0);
        await AssertRefusedAsync(big, "rat-lon.jpg", "tối đa là 10 MB");
    }

    [Fact]
    public async Task Upload_request_above_the_11_mb_limit_gets_the_413_page_and_writes_nothing()
    {
        var big = new byte[12 * 1024 * 1024];
        TestImages.Solid(16, 16).CopyTo(big, 0);
        await AssertRefusedAsync(big, "qua-lon.jpg", "Dữ liệu gửi lên vượt quá dung lượng cho phép của thao tác này (tối đa 11 MB)", status: HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Image_above_the_plain_form_limit_but_under_the_upload_limit_is_accepted()
    {
        var jpeg = Noise(1400, 1400, seed: 20260115);
        Assert.InRange(jpeg.Length, (1024 * 1024) + 1, ImageStore.MaxBytes);
        var client = await fixture.Factory.SignedInAsync(Roles.Author);

        var (response, message) = await UploadAsync(client, jpeg, "anh-do-phan-giai-cao.jpg", "Ảnh độ phân giải cao");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Đã tải ảnh lên thư viện.", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../../wwwroot/evil.jpg")]
    [InlineData("../../x.jpg")]
    [InlineData("..\\..\\x.jpg")]
    [InlineData("/etc/x.jpg")]
    public async Task Path_traversal_file_name_is_refused(string fileName)
    {
        await AssertRefusedAsync(TestImages.Solid(64, 64), fileName, "Tên tệp không hợp lệ");
        var outside = Directory.GetFiles(Path.GetDirectoryName(fixture.Factory.StorageRoot)!, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) is "x.jpg" or "evil.jpg");
        Assert.Empty(outside);
    }

    [Fact]
    public async Task Empty_file_and_missing_alt_text_are_refused()
    {
        await AssertRefusedAsync([], "rong.jpg", "bị rỗng");
        await AssertRefusedAsync(TestImages.Solid(32, 32), "khong-mo-ta.jpg", "mô tả ảnh", altText: " ");
    }

    [Fact]
    public async Task Null_byte_in_the_file_name_is_refused()
    {
        await AssertRefusedAsync(TestImages.Solid(64, 64), "anh.jpg\0.aspx", "Tên tệp không hợp lệ");
    }

    private static byte[] AspxPage => "<%@ Page Language=\"C#\" %><% Response.Write(System.Environment.MachineName); %>"u8.ToArray();

    private async Task<string> RefusalAsync(byte[] content, string fileName)
    {
        var client = await fixture.Factory.SignedInAsync(Roles.Author);
        var (response, message) = await UploadAsync(client, content, fileName, "Mô tả");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return message;
    }

    private async Task AssertRefusedAsync(byte[] content, string fileName, string expectedMessage, string altText = "Mô tả", HttpStatusCode status = HttpStatusCode.Redirect)
    {
        var client = await fixture.Factory.SignedInAsync(Roles.Author);
        var filesBefore = Directory.Exists(MediaFolder) ? Directory.GetFiles(MediaFolder).Length : 0;
        var rowsBefore = await fixture.Factory.WithDbAsync(db => db.MediaFiles.CountAsync());

        var (response, message) = await UploadAsync(client, content, fileName, altText);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(expectedMessage, message, StringComparison.Ordinal);
        Assert.Equal(filesBefore, Directory.Exists(MediaFolder) ? Directory.GetFiles(MediaFolder).Length : 0);
        Assert.Equal(rowsBefore, await fixture.Factory.WithDbAsync(db => db.MediaFiles.CountAsync()));
    }

    private static async Task<(HttpResponseMessage Response, string Message)> UploadAsync(HttpClient client, byte[] content, string fileName, string altText)
    {
        var response = await client.PostFileAsync("/quan-tri/thu-vien-anh", "/quan-tri/thu-vien-anh/tai-len", fileName, content, [new("altText", altText)]);
        var next = response.Headers.Location is { } location ? await client.GetStringAsync(location) : await response.Content.ReadAsStringAsync();
        return (response, System.Net.WebUtility.HtmlDecode(next));
    }

    /// <summary>Random pixels compress badly, so a JPEG of them is large; the seed keeps the bytes the same on every run.</summary>
    private static byte[] Noise(int width, int height, int seed)
    {
        var random = new Random(seed);
        using var bitmap = new SKBitmap(width, height);
        var pixels = new byte[width * height * 4];
        random.NextBytes(pixels);
        for (var alpha = 3; alpha < pixels.Length; alpha += 4)
        {
            pixels[alpha] = 0xFF;
        }

        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 95);
        return data.ToArray();
    }

    /// <summary>Inserts a COM segment right after SOI, as cameras and editors store metadata.</summary>
    private static byte[] WithExifComment(byte[] jpeg, string text)
    {
        var payload = Encoding.ASCII.GetBytes(text);
        var length = payload.Length + 2;
        byte[] segment = [0xFF, 0xFE, (byte)(length >> 8), (byte)(length & 0xFF), .. payload];
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }
}
