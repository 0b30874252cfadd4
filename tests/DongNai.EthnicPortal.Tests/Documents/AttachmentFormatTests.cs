using System.IO.Compression;
using System.Text;
using DongNai.EthnicPortal.Tests.Infrastructure;
using DongNai.EthnicPortal.Web.Controllers;
using DongNai.EthnicPortal.Web.Services.Documents;

namespace DongNai.EthnicPortal.Tests.Documents;

public sealed class AttachmentFormatTests
{
    public static byte[] Pdf => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");

    public static byte[] Package(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open());
                writer.Write(content);
            }
        }

        return buffer.ToArray();
    }

    private static byte[] Ole2(string streamName) =>
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504], .. Encoding.Unicode.GetBytes(streamName)];

    public static TheoryData<string, byte[], string> Recognised => new()
    {
        { "bao-cao.pdf", Pdf, "application/pdf" },
        { "cong-van.doc", Ole2("WordDocument"), "application/msword" },
        { "so-lieu.xls", Ole2("Workbook"), "application/vnd.ms-excel" },
        { "trinh-chieu.ppt", Ole2("PowerPoint Document"), "application/vnd.ms-powerpoint" },
        { "cong-van.docx", Package(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w/>")), "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "so-lieu.xlsx", Package(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<x/>")), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "trinh-chieu.pptx", Package(("[Content_Types].xml", "<Types/>"), ("ppt/presentation.xml", "<p/>")), "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
        { "van-ban.odt", Package(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<c/>")), "application/vnd.oasis.opendocument.text" },
        { "bang.ods", Package(("mimetype", "application/vnd.oasis.opendocument.spreadsheet")), "application/vnd.oasis.opendocument.spreadsheet" },
        { "chieu.odp", Package(("mimetype", "application/vnd.oasis.opendocument.presentation")), "application/vnd.oasis.opendocument.presentation" },
        { "ho-so.zip", Package(("a.txt", "xin chào")), "application/zip" },
        { "ghi-chu.txt", Encoding.UTF8.GetBytes("Ghi chú: đồng bào dân tộc thiểu số.\r\n"), "text/plain; charset=utf-8" },
        { "van-ban.rtf", Encoding.ASCII.GetBytes("{\\rtf1\\ansi Xin chao}"), "application/rtf" },
        // Images must decode, as in the media library, so these are real ones.
        { "anh.jpg", TestImages.Solid(8, 8), "image/jpeg" },
        { "anh.jpeg", TestImages.Solid(9, 9), "image/jpeg" },
        { "anh.png", TestImages.Solid(8, 8, SkiaSharp.SKEncodedImageFormat.Png), "image/png" },
        { "anh.gif", TestImages.Gif1x1(), "image/gif" },
        { "anh.webp", TestImages.Solid(8, 8, SkiaSharp.SKEncodedImageFormat.Webp), "image/webp" },
    };

    [Theory]
    [MemberData(nameof(Recognised))]
    public void Accepts_the_office_formats_by_their_content(string fileName, byte[] content, string contentType)
    {
        var check = DocumentAttachmentStore.Check(fileName, content);

        Assert.Null(check.Error);
        Assert.Equal(contentType, check.Format!.ContentType);
    }

    [Theory]
    [InlineData("trang.pdf", "<!DOCTYPE html><html><body>Xin chào</body></html>")]
    [InlineData("trang.txt", "<html><script>alert(1)</script></html>")]
    [InlineData("anh.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>")]
    public void Refuses_markup_whatever_its_name(string fileName, string content)
    {
        var check = DocumentAttachmentStore.Check(fileName, Encoding.UTF8.GetBytes(content));

        Assert.Null(check.Format);
        Assert.Contains("không thuộc định dạng được chấp nhận", check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_binary_junk_and_a_pdf_named_as_a_word_file()
    {
        Assert.Contains("không thuộc định dạng", DocumentAttachmentStore.Check("chuong-trinh.exe", [0x4D, 0x5A, 0x90, 0x00, 0x03]).Error, StringComparison.Ordinal);
        Assert.Contains("không khớp với nội dung", DocumentAttachmentStore.Check("cong-van.docx", Pdf).Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf")]
    [InlineData("..\\van-ban.pdf")]
    [InlineData("thu-muc/van-ban.pdf")]
    [InlineData(".htaccess")]
    [InlineData("")]
    public void Refuses_names_that_are_paths(string fileName)
    {
        Assert.Contains("Tên tệp không hợp lệ", DocumentAttachmentStore.Check(fileName, Pdf).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_empty_and_oversized_files()
    {
        Assert.Contains("rỗng", DocumentAttachmentStore.Check("a.pdf", []).Error, StringComparison.Ordinal);
        var oversized = new byte[DocumentAttachmentStore.MaxBytes + 1];
        "%PDF-"u8.CopyTo(oversized);
        Assert.Contains("vượt quá giới hạn 30 MB", DocumentAttachmentStore.Check("a.pdf", oversized).Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(512, "512 byte")]
    [InlineData(40164, "39,2 KB")]
    [InlineData(1024, "1 KB")]
    [InlineData(1572864, "1,5 MB")]
    public void Sizes_read_the_Vietnamese_way(long bytes, string expected)
    {
        Assert.Equal(expected, FileSizes.Format(bytes));
    }

    [Fact]
    public void Content_disposition_carries_the_Vietnamese_name_and_an_ascii_fallback()
    {
        var header = AttachmentsController.ContentDisposition("attachment", "Báo cáo \"Đồng Nai\".docx");

        Assert.Equal("attachment; filename=\"Bao cao _Dong Nai_.docx\"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20%22%C4%90%E1%BB%93ng%20Nai%22.docx", header);
    }
}
