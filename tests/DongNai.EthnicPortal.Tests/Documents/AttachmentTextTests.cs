using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Documents;
using DongNai.EthnicPortal.Web.Services.Documents.Extraction;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DongNai.EthnicPortal.Tests.Documents;

/// <summary>One application whose extraction worker polls every second and refuses files over 100 pages or 20 MB unpacked.</summary>
public sealed class AttachmentTextFixture : IDisposable
{
    public PortalFactory Factory { get; } = Create();

    public static PortalFactory Create(string? tesseract = null)
    {
        var factory = new PortalFactory();
        factory.Settings["Portal:AttachmentText:PollSeconds"] = "1";
        factory.Settings["Portal:AttachmentText:MaxPages"] = "100";
        factory.Settings["Portal:AttachmentText:MaxUnpackedBytes"] = (20 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (tesseract is not null)
        {
            factory.Settings["Portal:AttachmentText:TesseractPath"] = tesseract;
        }

        return factory;
    }

    public void Dispose() => Factory.Dispose();
}

/// <summary>Text read out of attachments, found by search, shown and corrected by editors; hostile files end as failures.</summary>
public sealed class AttachmentTextTests(AttachmentTextFixture fixture) : IClassFixture<AttachmentTextFixture>
{
    private PortalFactory Factory => fixture.Factory;

    [Fact]
    public async Task A_phrase_on_the_third_page_of_a_pdf_finds_its_document_and_links_to_that_page()
    {
        var id = await NewDocumentAsync("31/KH-TEPPDF");
        var editor = await EditorAsync();
        var pdf = AttachmentTestFiles.Pdf(
            ["KẾ HOẠCH", "Thực hiện chương trình mục tiêu quốc gia"],
            ["I. MỤC ĐÍCH, YÊU CẦU", "Nâng cao đời sống đồng bào"],
            ["III. KINH PHÍ", "Hỗ trợ 2 triệu đồng cho mỗi hộ đồng bào Chơ Ro giai đoạn 2021 – 2025 trên địa bàn"]);
        var attachmentId = await UploadAsync(editor, id, "ke-hoach.pdf", pdf);

        var text = await WaitForTextAsync(attachmentId);
        Assert.Equal(AttachmentTextState.Extracted, text.State);
        var pages = await PagesAsync(attachmentId);
        Assert.Equal([1, 2, 3], pages.Select(p => p.PageNumber));
        Assert.Contains("Hỗ trợ 2 triệu đồng", pages[2].Text, StringComparison.Ordinal);
        Assert.True(pages[2].Text.IsNormalized(NormalizationForm.FormC));

        var results = await SearchAsync("ho tro 2 trieu dong cho moi ho dong bao cho ro");
        var result = Assert.Single(results.QuerySelectorAll(".search-result"), r => r.TextContent.Contains("31/KH-TEPPDF", StringComparison.Ordinal));
        var hit = result.QuerySelector(".search-attachment-hit a")!;
        Assert.Equal($"/van-ban/tep/{attachmentId}#page=3", hit.GetAttribute("href"));
        Assert.Contains("ke-hoach.pdf, trang 3", hit.TextContent, StringComparison.Ordinal);
        Assert.Contains("triệu", result.QuerySelector(".search-attachment-hit mark")!.TextContent + " " + result.QuerySelector(".search-attachment-hit")!.TextContent, StringComparison.Ordinal);

        var edit = new HtmlParser().ParseDocument(await editor.GetStringAsync(new Uri($"/quan-tri/van-ban/{id}/sua", UriKind.Relative)));
        Assert.Equal("Đã trích xuất 3 trang", edit.QuerySelector($".attachment-text-status[data-attachment-id='{attachmentId}'] .attachment-text-label")!.TextContent);

        // The registry's own filter finds it by the sentence too, in its page and its data forms, after
        // the older plan whose abstract says it (a match in the abstract outranks one in a file).
        var query = Uri.EscapeDataString("giai đoạn 2021 – 2025 trên địa bàn");
        var listed = await Factory.CreateClient().ListedSymbolsAsync("/van-ban?q=" + query);
        Assert.Contains("31/KH-TEPPDF", listed);
        Assert.True(Array.IndexOf(listed, "13346/KH-UBND") is >= 0 and var plan && plan < Array.IndexOf(listed, "31/KH-TEPPDF"), string.Join(", ", listed));
        // The registry says where the file holds the words, for the document whose abstract does not.
        var registry = new HtmlParser().ParseDocument(await Factory.CreateClient().GetStringAsync(new Uri("/van-ban?q=" + query, UriKind.Relative)));
        var items = registry.QuerySelectorAll(".document-item");
        var inFile = Assert.Single(items, i => i.QuerySelector(".document-item-title")!.TextContent.Contains("31/KH-TEPPDF", StringComparison.Ordinal));
        var registryHit = inFile.QuerySelector(".document-item-hit a")!;
        Assert.Equal($"/van-ban/tep/{attachmentId}#page=3", registryHit.GetAttribute("href"));
        Assert.Contains("ke-hoach.pdf, trang 3", registryHit.TextContent, StringComparison.Ordinal);
        Assert.Contains("2021", inFile.QuerySelector(".document-item-hit mark")!.TextContent, StringComparison.Ordinal);
        var described = Assert.Single(items, i => i.QuerySelector(".document-item-title")!.TextContent.Contains("13346/KH-UBND", StringComparison.Ordinal));
        Assert.Null(described.QuerySelector(".document-item-hit"));

        using var json = System.Text.Json.JsonDocument.Parse(await Factory.CreateClient().GetStringAsync(new Uri("/van-ban.json?q=" + query, UriKind.Relative)));
        Assert.Contains("31/KH-TEPPDF", json.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_of_vietnamese_text_is_found_after_ocr()
    {
        RequireOcr();
        var id = await NewDocumentAsync("32/TB-ANHQUET");
        var editor = await EditorAsync();
        var image = AttachmentTestFiles.TextImage("THÔNG BÁO", "Tổ chức tập huấn nghiệp vụ cho cán bộ", "làm công tác dân tộc cấp xã năm 2024");
        var attachmentId = await UploadAsync(editor, id, "thong-bao-scan.png", image);

        var text = await WaitForTextAsync(attachmentId);
        Assert.Equal(AttachmentTextState.Recognized, text.State);
        var results = await SearchAsync("tap huan nghiep vu");
        Assert.Contains(results.QuerySelectorAll(".search-result h2 a"), a => a.TextContent.Contains("32/TB-ANHQUET", StringComparison.Ordinal));

        var edit = new HtmlParser().ParseDocument(await editor.GetStringAsync(new Uri($"/quan-tri/van-ban/{id}/sua", UriKind.Relative)));
        Assert.StartsWith("Ảnh quét đã nhận dạng chữ", edit.QuerySelector($".attachment-text-status[data-attachment-id='{attachmentId}'] .attachment-text-label")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replacing_the_file_replaces_its_text_and_deleting_it_removes_the_document_from_those_results()
    {
        var id = await NewDocumentAsync("33/CV-THAYTEP");
        var editor = await EditorAsync();
        var attachmentId = await UploadAsync(editor, id, "cong-van.txt", Encoding.UTF8.GetBytes("Chuyển đổi cây khoai mì sang cây ăn quả ở xã Phú Lý."));
        await WaitForTextAsync(attachmentId);
        Assert.True(await FoundAsync("khoai mi phu ly", "33/CV-THAYTEP", expected: true));

        var replaced = await editor.PostFileAsync($"/quan-tri/van-ban/{id}/sua", $"/quan-tri/van-ban/{id}/tep/{attachmentId}/thay", "cong-van-moi.docx", AttachmentTestFiles.Docx("Trồng cà phê xen canh hồ tiêu ở xã Thanh Sơn."));
        Assert.Equal(HttpStatusCode.Redirect, replaced.StatusCode);
        Assert.Equal(AttachmentTextState.Extracted, (await WaitForTextAsync(attachmentId)).State);
        Assert.False(await FoundAsync("khoai mi phu ly", "33/CV-THAYTEP", expected: false));
        Assert.True(await FoundAsync("ca phe xen canh ho tieu", "33/CV-THAYTEP", expected: true));

        var removed = await editor.PostFormAsync($"/quan-tri/van-ban/{id}/sua", $"/quan-tri/van-ban/{id}/tep/{attachmentId}/xoa", []);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await FoundAsync("ca phe xen canh ho tieu", "33/CV-THAYTEP", expected: false));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.AttachmentTextPages.CountAsync(p => p.DocumentAttachmentId == attachmentId)));
    }

    [Fact]
    public async Task An_editor_corrects_a_page_and_search_follows_and_the_correction_survives_a_new_reading()
    {
        var id = await NewDocumentAsync("34/BC-SUACHU");
        var editor = await EditorAsync();
        var attachmentId = await UploadAsync(editor, id, "bao-cao.pdf", AttachmentTestFiles.Pdf(["Báo cáo trang một"], ["Kết quả giảm nghèo bền vũng"]));
        await WaitForTextAsync(attachmentId);

        var page = new HtmlParser().ParseDocument(await editor.GetStringAsync(new Uri($"/quan-tri/van-ban/{id}/tep/{attachmentId}/chu?trang=2", UriKind.Relative)));
        Assert.Contains("bền vũng", page.QuerySelector("textarea[name=text]")!.TextContent, StringComparison.Ordinal);
        var saved = await editor.PostFormAsync($"/quan-tri/van-ban/{id}/tep/{attachmentId}/chu?trang=2", $"/quan-tri/van-ban/{id}/tep/{attachmentId}/chu/2", [new("text", "Kết quả giảm nghèo bền vững ở vùng đồng bào Xtiêng")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True(await FoundAsync("ben vung xtieng", "34/BC-SUACHU", expected: true));

        var again = await editor.PostFormAsync($"/quan-tri/van-ban/{id}/sua", $"/quan-tri/van-ban/{id}/tep/{attachmentId}/trich-xuat", []);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        await WaitForTextAsync(attachmentId);
        var pages = await PagesAsync(attachmentId);
        Assert.Equal("Kết quả giảm nghèo bền vững ở vùng đồng bào Xtiêng", pages.Single(p => p.PageNumber == 2).Text);
        Assert.NotNull(pages.Single(p => p.PageNumber == 2).CorrectedAt);

        var audit = await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "AttachmentTextCorrected" && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(1, audit);
    }

    public static TheoryData<string, string, string> HostileFiles => new()
    {
        { "bi-cat.pdf", "truncated", "không đọc được" },
        { "hai-nghin-trang.pdf", "2000-pages", "2.000 trang" },
        { "bom-nen.docx", "zip-bomb", "bom nén" },
        { "mat-khau.pdf", "password", "mật khẩu" },
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task A_hostile_file_ends_as_a_failure_with_its_reason_and_the_queue_goes_on(string fileName, string kind, string reason)
    {
        var id = await NewDocumentAsync($"35/TB-{kind.ToUpperInvariant()}");
        var editor = await EditorAsync();
        var content = kind switch
        {
            "truncated" => AttachmentTestFiles.TruncatedPdf(),
            "2000-pages" => AttachmentTestFiles.EmptyPagesPdf(2000),
            "zip-bomb" => AttachmentTestFiles.DocxZipBomb(200L * 1024 * 1024),
            _ => AttachmentTestFiles.PasswordProtectedPdf(),
        };
        Assert.True(content.Length < 2 * 1024 * 1024, $"{fileName} is {content.Length} bytes");
        var attachmentId = await UploadAsync(editor, id, fileName, content);
        var next = await UploadAsync(editor, id, "sau-do.txt", Encoding.UTF8.GetBytes($"Tệp bình thường sau tệp {kind}"));

        var text = await WaitForTextAsync(attachmentId);
        Assert.Equal(AttachmentTextState.Failed, text.State);
        Assert.Contains(reason, text.FailureReason, StringComparison.Ordinal);
        Assert.Equal(AttachmentTextState.Extracted, (await WaitForTextAsync(next)).State);

        var edit = new HtmlParser().ParseDocument(await editor.GetStringAsync(new Uri($"/quan-tri/van-ban/{id}/sua", UriKind.Relative)));
        var label = edit.QuerySelector($".attachment-text-status[data-attachment-id='{attachmentId}']")!;
        Assert.Equal("loi", label.GetAttribute("data-code"));
        Assert.StartsWith("Lỗi: không trích xuất được.", label.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Factory.CreateClient().GetAsync(new Uri("/van-ban", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Without_ocr_a_scan_is_marked_not_recognized_and_everything_else_works()
    {
        using var factory = AttachmentTextFixture.Create(tesseract: "/nonexistent/tesseract");
        var id = await factory.WithDbAsync(async db =>
        {
            var document = DocumentsTestSupport.NewDocument(db, "36/TB-KHONGOCR", new DateOnly(2024, 5, 2));
            db.OfficialDocuments.Add(document);
            await db.SaveChangesAsync();
            return document.Id;
        });
        var editor = factory.CreateBrowserClient();
        await editor.SignInAsync(await factory.CreateUserAsync(Roles.Editor), PortalFactory.StaffPassword);
        var image = await UploadAsync(editor, id, "anh.png", AttachmentTestFiles.TextImage("Ảnh chụp văn bản"));
        var scan = await UploadAsync(editor, id, "ban-quet.pdf", AttachmentTestFiles.EmptyPagesPdf(2));
        var text = await UploadAsync(editor, id, "ghi-chu.txt", Encoding.UTF8.GetBytes("Ghi chú về chương trình 135"));

        Assert.Equal(AttachmentTextState.OcrUnavailable, (await WaitForTextAsync(factory, image)).State);
        Assert.Equal(AttachmentTextState.OcrUnavailable, (await WaitForTextAsync(factory, scan)).State);
        Assert.Equal(AttachmentTextState.Extracted, (await WaitForTextAsync(factory, text)).State);
        var edit = new HtmlParser().ParseDocument(await editor.GetStringAsync(new Uri($"/quan-tri/van-ban/{id}/sua", UriKind.Relative)));
        Assert.StartsWith("Chưa nhận dạng chữ", edit.QuerySelector($".attachment-text-status[data-attachment-id='{image}'] .attachment-text-label")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_button_reads_attachments_stored_before_extraction_existed()
    {
        var id = await NewDocumentAsync("37/KH-CU");
        var folder = Path.Combine(Factory.StorageRoot, "uploads", "documents");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, "cu-tu-truoc.txt"), Encoding.UTF8.GetBytes("Đề án bảo tồn nhà dài của đồng bào Mạ"));
        var attachmentId = await Factory.WithDbAsync(async db =>
        {
            var attachment = new DocumentAttachment { OfficialDocumentId = id, FileName = "cu.txt", ContentType = "text/plain; charset=utf-8", SizeBytes = 40, StoredPath = "documents/cu-tu-truoc.txt", UploadedAt = DateTime.UtcNow };
            db.DocumentAttachments.Add(attachment);
            await db.SaveChangesAsync();
            return attachment.Id;
        });

        var editor = await EditorAsync();
        var queued = await editor.PostFormAsync("/quan-tri/van-ban", "/quan-tri/van-ban/trich-xuat-tep", []);
        Assert.Equal(HttpStatusCode.Redirect, queued.StatusCode);
        Assert.Equal(AttachmentTextState.Extracted, (await WaitForTextAsync(attachmentId)).State);
        Assert.True(await FoundAsync("bao ton nha dai dong bao ma", "37/KH-CU", expected: true));
    }

    [Fact]
    public async Task Odt_rtf_and_docx_are_read_as_text()
    {
        var extractor = NewExtractor(new AttachmentTextOptions());
        var folder = Directory.CreateTempSubdirectory("portal-extract-test-");
        try
        {
            async Task<ExtractedText> ReadAsync(string name, byte[] content, string contentType)
            {
                var path = Path.Combine(folder.FullName, name);
                await File.WriteAllBytesAsync(path, content);
                return await extractor.ExtractAsync(path, contentType, (_, _) => Task.CompletedTask, CancellationToken.None);
            }

            var odt = await ReadAsync("a.odt", AttachmentTestFiles.Odt("Dòng một", "Đồng bào Chơ Ro"), "application/vnd.oasis.opendocument.text");
            Assert.Equal(["Dòng một\nĐồng bào Chơ Ro"], odt.Pages);
            var rtf = await ReadAsync("a.rtf", Encoding.ASCII.GetBytes(@"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Arial;}}\f0 Ph\u225?t tri\u7875?n\par {\*\generator Word;}kinh t\u7871?}"), "application/rtf");
            Assert.Equal(["Phát triển\nkinh tế"], rtf.Pages);
            var docx = await ReadAsync("a.docx", AttachmentTestFiles.Docx("Quyết định", "về việc hỗ trợ"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            Assert.Equal(AttachmentTextState.Extracted, docx.State);
            Assert.Equal(["Quyết định\nvề việc hỗ trợ"], docx.Pages);
            var zip = await ReadAsync("a.zip", AttachmentTestFiles.Odt("x"), "application/zip");
            Assert.Equal(AttachmentTextState.NotApplicable, zip.State);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_file_that_needs_more_than_the_reader_heap_fails_with_its_reason_in_the_child_process()
    {
        var folder = Directory.CreateTempSubdirectory("portal-extract-test-");
        try
        {
            var path = Path.Combine(folder.FullName, "lon.txt");
            await File.WriteAllBytesAsync(path, Enumerable.Repeat((byte)'a', 48 * 1024 * 1024).ToArray());
            const long heap = 32L * 1024 * 1024;

            var isolated = await NewExtractor(new AttachmentTextOptions { ReaderMemoryBytes = heap }).ExtractAsync(path, AttachmentFormats.Text.ContentType, (_, _) => Task.CompletedTask, CancellationToken.None);
            Assert.Equal(AttachmentTextState.Failed, isolated.State);
            Assert.Equal("Tệp cần nhiều bộ nhớ hơn giới hạn cho phép nên không đọc được.", isolated.FailureReason);

            // The same file read inside the portal's own process has no such bound: the limit is the child's.
            var inProcess = await NewExtractor(new AttachmentTextOptions { ReaderMemoryBytes = heap, IsolateReaders = false }).ExtractAsync(path, AttachmentFormats.Text.ContentType, (_, _) => Task.CompletedTask, CancellationToken.None);
            Assert.Equal(AttachmentTextState.Extracted, inProcess.State);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static AttachmentTextExtractor NewExtractor(AttachmentTextOptions limits)
    {
        var programs = new ExternalProgram(NullLogger<ExternalProgram>.Instance);
        var options = Options.Create(limits);
        return new AttachmentTextExtractor(options, programs, new IsolatedTextReader(options, programs, NullLogger<IsolatedTextReader>.Instance), NullLogger<AttachmentTextExtractor>.Instance);
    }

    private static void RequireOcr()
    {
        if (File.Exists("/usr/bin/tesseract") && File.Exists("/usr/bin/pdftoppm")
            && Directory.Exists("/usr/share/tesseract-ocr") && Directory.EnumerateFiles("/usr/share/tesseract-ocr", "vie.traineddata", SearchOption.AllDirectories).Any())
        {
            return;
        }

        var message = "tesseract with Vietnamese data or pdftoppm is not installed: apt-get install -y tesseract-ocr tesseract-ocr-vie poppler-utils.";
        Assert.False(Environment.GetEnvironmentVariable("PORTAL_OCR_REQUIRED") == "1", message);
        Assert.Skip(message);
    }

    private async Task<HttpClient> EditorAsync()
    {
        var client = Factory.CreateBrowserClient();
        await client.SignInAsync(await Factory.CreateUserAsync(Roles.Editor), PortalFactory.StaffPassword);
        return client;
    }

    private Task<int> NewDocumentAsync(string symbol) => Factory.WithDbAsync(async db =>
    {
        var document = DocumentsTestSupport.NewDocument(db, symbol, new DateOnly(2024, 5, 2), abstractText: "Văn bản thử tìm trong tệp đính kèm " + symbol);
        db.OfficialDocuments.Add(document);
        await db.SaveChangesAsync();
        return document.Id;
    });

    private static async Task<int> UploadAsync(HttpClient editor, int documentId, string fileName, byte[] content)
    {
        var response = await editor.PostFileAsync($"/quan-tri/van-ban/{documentId}/sua", $"/quan-tri/van-ban/{documentId}/tep", fileName, content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var edit = new HtmlParser().ParseDocument(await editor.GetStringAsync(new Uri($"/quan-tri/van-ban/{documentId}/sua", UriKind.Relative)));
        Assert.Null(edit.QuerySelector(".flash-error"));
        return edit.QuerySelectorAll(".attachment-text-status").Select(s => int.Parse(s.GetAttribute("data-attachment-id")!, System.Globalization.CultureInfo.InvariantCulture)).Max();
    }

    private Task<AttachmentText> WaitForTextAsync(int attachmentId) => WaitForTextAsync(Factory, attachmentId);

    private static async Task<AttachmentText> WaitForTextAsync(PortalFactory factory, int attachmentId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var text = await factory.WithDbAsync(db => db.AttachmentTexts.AsNoTracking().FirstOrDefaultAsync(t => t.DocumentAttachmentId == attachmentId));
            if (text is { State: not (AttachmentTextState.Queued or AttachmentTextState.Processing) })
            {
                return text;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Attachment {attachmentId} is still {text?.State.ToString() ?? "not queued"}.");
            await Task.Delay(200);
        }
    }

    private Task<List<AttachmentTextPage>> PagesAsync(int attachmentId) =>
        Factory.WithDbAsync(db => db.AttachmentTextPages.AsNoTracking().Where(p => p.DocumentAttachmentId == attachmentId).OrderBy(p => p.PageNumber).ToListAsync());

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> SearchAsync(string query) =>
        new HtmlParser().ParseDocument(await Factory.CreateClient().GetStringAsync(new Uri("/tim-kiem?q=" + Uri.EscapeDataString(query), UriKind.Relative)));

    /// <summary>
    /// Whether the search lists the document. The worker records the attachment's state a moment before
    /// the document is indexed again, so the answer is awaited (bounded) until it is the expected one.
    /// </summary>
    private async Task<bool> FoundAsync(string query, string symbol, bool expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var found = (await SearchAsync(query)).QuerySelectorAll(".search-result h2 a").Any(a => a.TextContent.Contains(symbol, StringComparison.Ordinal));
            if (found == expected || DateTime.UtcNow > deadline)
            {
                return found;
            }

            await Task.Delay(100);
        }
    }
}
