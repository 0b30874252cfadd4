using System.Net;
using System.Text;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Site;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Tests.Documents;

/// <summary>Editors' registry screens, each test on its own application because they change data.</summary>
public sealed class DocumentAdminTests : IDisposable
{
    private readonly PortalFactory factory = new();

    public void Dispose() => factory.Dispose();

    private async Task<HttpClient> EditorAsync()
    {
        var client = factory.CreateBrowserClient();
        await client.SignInAsync(await factory.CreateUserAsync(Roles.Editor), PortalFactory.StaffPassword);
        return client;
    }

    private async Task<List<KeyValuePair<string, string>>> ValidFormAsync(string symbol = "77/TB-BDT", string issued = "2024-03-03") =>
        await factory.WithDbAsync(async db => new List<KeyValuePair<string, string>>
        {
            new("DocumentTypeId", (await db.DocumentTypes.SingleAsync(t => t.Name == "Thông báo")).Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("NumberAndSymbol", symbol),
            new("IssuingBodyId", (await db.IssuingBodies.SingleAsync(b => b.Name == "Ban Dân tộc tỉnh Đồng Nai")).Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("FieldId", (await db.DocumentFields.SingleAsync(f => f.Name == "Công tác dân tộc")).Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("SignerName", "Nguyễn Văn Khang"),
            new("SignerTitle", "Trưởng Ban"),
            new("IssuedOn", issued),
            new("EffectiveFrom", issued),
            new("EffectiveUntil", "2030-12-31"),
            new("ValidityOverride", ""),
            new("ValidityNote", ""),
            new("Abstract", "Kết luận của Trưởng ban tại hội nghị sơ kết công tác dân tộc"),
            new("FullTextHtml", "<p>Thực hiện Công văn số 9478/UBND-KGVX.</p><script>alert(1)</script>"),
            new("IsPublished", "true"),
            new("IsPublished", "false"),
        });

    private static async Task<int> CreateAsync(HttpClient client, List<KeyValuePair<string, string>> form)
    {
        var response = await client.PostFormAsync("/quan-tri/van-ban/tao", "/quan-tri/van-ban/tao", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches(@"^/quan-tri/van-ban/\d+/sua$", location);
        return int.Parse(location.Split('/')[3], System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task<int> StoredFileCountAsync() => Task.FromResult(
        Directory.Exists(Path.Combine(factory.StorageRoot, "uploads", "documents"))
            ? Directory.GetFiles(Path.Combine(factory.StorageRoot, "uploads", "documents"), "*", SearchOption.AllDirectories).Length
            : 0);

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, int id, string fileName, byte[] content) =>
        client.PostFileAsync($"/quan-tri/van-ban/{id}/sua", $"/quan-tri/van-ban/{id}/tep", fileName, content);

    [Fact]
    public async Task Authors_cannot_reach_the_registry_screens()
    {
        var client = factory.CreateBrowserClient();
        await client.SignInAsync(await factory.CreateUserAsync(Roles.Author), PortalFactory.StaffPassword);

        var response = await client.GetAsync(new Uri("/quan-tri/van-ban", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var post = await client.PostFormAsync("/quan-tri", "/quan-tri/van-ban/danh-muc/linh-vuc/them", [new("name", "Không được thêm")]);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.DocumentFields.AnyAsync(f => f.Name == "Không được thêm")));
    }

    [Fact]
    public async Task An_editor_creates_a_document_with_every_field_and_it_is_audited_and_linked()
    {
        var client = await EditorAsync();
        var id = await CreateAsync(client, await ValidFormAsync());

        var stored = await factory.WithDbAsync(db => db.OfficialDocuments.AsNoTracking().Include(d => d.DocumentType).Include(d => d.Field).SingleAsync(d => d.Id == id));
        Assert.Equal("77/TB-BDT", stored.NumberAndSymbol);
        Assert.Equal("77", stored.Number);
        Assert.Equal("77/TB-BDT", stored.NormalizedSymbol);
        Assert.Equal("Thông báo", stored.DocumentType.Name);
        Assert.Equal("Công tác dân tộc", stored.Field!.Name);
        Assert.Equal(new DateOnly(2024, 3, 3), stored.IssuedOn);
        Assert.Equal(new DateOnly(2030, 12, 31), stored.EffectiveUntil);
        Assert.Equal("Trưởng Ban", stored.SignerTitle);
        Assert.True(stored.IsPublished);
        // Sanitized source: no trace of a script tag may be stored, so the raw text is checked.
        Assert.DoesNotContain("<script", stored.FullTextHtml, StringComparison.Ordinal);
        Assert.StartsWith("thong-bao-77-tb-bdt-ket-luan", stored.Slug, StringComparison.Ordinal);

        var congVan = await factory.FindDocumentAsync("9478/UBND-KGVX");
        Assert.Contains("Công văn số 9478/UBND-KGVX", HtmlPages.Parse(stored.RenderedFullTextHtml!).LinkTexts(PortalUrls.Document(congVan.Id, congVan.Slug)));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "DocumentCreated" && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        var page = await factory.CreateBrowserClient().GetDocumentAsync(PortalUrls.Document(id, stored.Slug));
        Assert.Equal("Nguyễn Văn Khang (Trưởng Ban)", DocumentsTestSupport.Fields(page)["Người ký"]);
        Assert.Contains("77/TB-BDT", await factory.CreateBrowserClient().GetStringAsync(new Uri("/van-ban?q=77%2Ftb-bdt", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_input_is_refused_in_Vietnamese_and_nothing_is_saved()
    {
        var client = await EditorAsync();
        var before = await factory.WithDbAsync(db => db.OfficialDocuments.CountAsync());
        var form = await ValidFormAsync(symbol: "không có số");
        form.RemoveAll(f => f.Key is "SignerName" or "Abstract");
        form.RemoveAll(f => f.Key == "EffectiveUntil");
        form.Add(new("EffectiveUntil", "2020-01-01"));

        var response = await client.PostFormAsync("/quan-tri/van-ban/tao", "/quan-tri/van-ban/tao", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Số ký hiệu phải bắt đầu bằng số", html, StringComparison.Ordinal);
        Assert.Contains("Vui lòng nhập người ký.", html, StringComparison.Ordinal);
        Assert.Contains("Vui lòng nhập trích yếu.", html, StringComparison.Ordinal);
        Assert.Contains("Ngày hết hiệu lực không được trước ngày có hiệu lực.", html, StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.OfficialDocuments.CountAsync()));
    }

    [Fact]
    public async Task The_same_symbol_is_refused_in_the_same_year_but_allowed_in_another()
    {
        var client = await EditorAsync();
        var duplicate = await client.PostFormAsync("/quan-tri/van-ban/tao", "/quan-tri/van-ban/tao", await ValidFormAsync(symbol: "9478/ubnd-kgvx", issued: "2023-12-01"));
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.Contains("Đã có văn bản số 9478/ubnd-kgvx ban hành năm 2023.", WebUtility.HtmlDecode(await duplicate.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        await CreateAsync(client, await ValidFormAsync(symbol: "9478/UBND-KGVX", issued: "2024-02-01"));
        Assert.Equal(2, await factory.WithDbAsync(db => db.OfficialDocuments.CountAsync(d => d.NormalizedSymbol == "9478/UBND-KGVX")));
    }

    [Fact]
    public async Task Old_articles_gain_a_link_when_the_document_is_added_and_lose_it_when_deleted()
    {
        var articleId = await factory.WithDbAsync(async db =>
        {
            var category = await db.Categories.FirstAsync();
            var article = new Article
            {
                Title = "Hội nghị sơ kết",
                Slug = "hoi-nghi-so-ket",
                BodyHtml = "<p>Theo Thông báo số 77/TB-BDT ngày 3/3/2024 của Ban.</p>",
                RenderedBodyHtml = "<p>Theo Thông báo số 77/TB-BDT ngày 3/3/2024 của Ban.</p>",
                CategoryId = category.Id,
                Status = ArticleStatus.Published,
                PublishedAt = DateTime.UtcNow.AddDays(-1),
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
            };
            db.Articles.Add(article);
            await db.SaveChangesAsync();
            return article.Id;
        });
        var client = await EditorAsync();

        var id = await CreateAsync(client, await ValidFormAsync());

        var linked = await factory.WithDbAsync(db => db.Articles.AsNoTracking().Include(a => a.Citations).SingleAsync(a => a.Id == articleId));
        var slug = (await factory.FindDocumentAsync("77/TB-BDT")).Slug;
        Assert.Contains("Thông báo số 77/TB-BDT ngày 3/3/2024", HtmlPages.Parse(linked.RenderedBodyHtml).LinkTexts($"/van-ban/{id}/{slug}"));
        Assert.Equal([id], linked.Citations.Select(c => c.OfficialDocumentId));
        var page = await factory.CreateBrowserClient().GetDocumentAsync(PortalUrls.Document(id, slug));
        Assert.Contains(page.QuerySelectorAll(".citing-articles a"), a => a.TextContent == "Hội nghị sơ kết");

        var deleted = await client.PostFormAsync($"/quan-tri/van-ban/{id}/xoa", $"/quan-tri/van-ban/{id}/xoa", []);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);

        var unlinked = await factory.WithDbAsync(db => db.Articles.AsNoTracking().Include(a => a.Citations).SingleAsync(a => a.Id == articleId));
        Assert.Equal(unlinked.BodyHtml, unlinked.RenderedBodyHtml);
        Assert.Empty(unlinked.Citations);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "DocumentDeleted")));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateBrowserClient().GetAsync(new Uri(PortalUrls.Document(id, slug), UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task An_article_left_plain_by_two_documents_with_one_number_is_relinked_when_one_is_deleted_or_renumbered()
    {
        var articleId = await factory.WithDbAsync(async db =>
        {
            var article = TestArticles.New((await db.Categories.FirstAsync()).Id, "Bài nhắc thông báo trùng số", ArticleStatus.Published, DateTime.UtcNow.AddDays(-1));
            article.BodyHtml = article.RenderedBodyHtml = "<p>Theo Thông báo số 77/TB-BDT của Ban.</p>";
            db.Articles.Add(article);
            await db.SaveChangesAsync();
            return article.Id;
        });
        var client = await EditorAsync();
        var kept = await CreateAsync(client, await ValidFormAsync(issued: "2024-03-03"));
        async Task<List<int>> CitedAsync() => await factory.WithDbAsync(db => db.ArticleDocumentCitations.Where(c => c.ArticleId == articleId).Select(c => c.OfficialDocumentId).ToListAsync());
        Assert.Equal([kept], await CitedAsync());

        // A second 77/TB-BDT of another year: the reference names no year, so it is left plain.
        var duplicate = await CreateAsync(client, await ValidFormAsync(issued: "2025-04-04"));
        Assert.Empty(await CitedAsync());

        var deleted = await client.PostFormAsync($"/quan-tri/van-ban/{duplicate}/xoa", $"/quan-tri/van-ban/{duplicate}/xoa", []);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal([kept], await CitedAsync());

        var renumbered = await CreateAsync(client, await ValidFormAsync(issued: "2025-04-04"));
        Assert.Empty(await CitedAsync());
        var version = await factory.WithDbAsync(db => db.OfficialDocuments.Where(d => d.Id == renumbered).Select(d => d.Version).SingleAsync());
        var form = await ValidFormAsync(symbol: "78/TB-BDT", issued: "2025-04-04");
        form.Add(new("Version", version.ToString()));
        var saved = await client.PostFormAsync($"/quan-tri/van-ban/{renumbered}/sua", $"/quan-tri/van-ban/{renumbered}/sua", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal([kept], await CitedAsync());
        var rendered = await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == articleId).Select(a => a.RenderedBodyHtml).SingleAsync());
        Assert.Contains(HtmlPages.Parse(rendered).QuerySelectorAll("a"), a => a.GetAttribute("href")!.StartsWith($"/van-ban/{kept}/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_document_page_counts_its_citing_articles_and_links_to_all_of_them()
    {
        var client = await EditorAsync();
        var id = await CreateAsync(client, await ValidFormAsync());
        var slug = (await factory.FindDocumentAsync("77/TB-BDT")).Slug;
        await factory.WithDbAsync(async db =>
        {
            var categoryId = (await db.Categories.FirstAsync()).Id;
            for (var i = 1; i <= 21; i++)
            {
                var article = TestArticles.New(categoryId, $"Bài trích dẫn số {i}", ArticleStatus.Published, DateTime.UtcNow.AddDays(-30 + i));
                db.Articles.Add(article);
                article.Citations.Add(new ArticleDocumentCitation { OfficialDocumentId = id });
            }

            await db.SaveChangesAsync();
        });
        var reader = factory.CreateBrowserClient();

        var page = await reader.GetDocumentAsync(PortalUrls.Document(id, slug));
        Assert.Equal(20, page.QuerySelectorAll(".citing-articles a").Length);
        Assert.Contains("21 tin bài", page.QuerySelector(".citing-count")!.TextContent, StringComparison.Ordinal);
        var all = page.QuerySelector(".citing-more a")!.GetAttribute("href")!;
        Assert.Equal(PortalUrls.Document(id, slug) + "/tin-bai", all);

        var first = await reader.GetDocumentAsync(all);
        var second = await reader.GetDocumentAsync(all + "?trang=2");
        var titles = first.QuerySelectorAll(".citing-articles a").Concat(second.QuerySelectorAll(".citing-articles a")).Select(a => a.TextContent).ToList();
        Assert.Equal(21, titles.Distinct().Count());
        Assert.Equal("Bài trích dẫn số 1", titles[^1]);
    }

    [Fact]
    public async Task Editing_changes_the_slug_and_the_old_url_redirects()
    {
        var client = await EditorAsync();
        var id = await CreateAsync(client, await ValidFormAsync());
        var oldSlug = (await factory.FindDocumentAsync("77/TB-BDT")).Slug;
        var version = await factory.WithDbAsync(db => db.OfficialDocuments.Where(d => d.Id == id).Select(d => d.Version).SingleAsync());
        var form = await ValidFormAsync();
        form.RemoveAll(f => f.Key == "Abstract");
        form.Add(new("Abstract", "Thông báo kết quả rà soát hộ nghèo"));
        form.Add(new("Version", version.ToString()));

        var response = await client.PostFormAsync($"/quan-tri/van-ban/{id}/sua", $"/quan-tri/van-ban/{id}/sua", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var newSlug = (await factory.FindDocumentAsync("77/TB-BDT")).Slug;
        Assert.Equal("thong-bao-77-tb-bdt-thong-bao-ket-qua-ra-soat-ho-ngheo", newSlug);
        var old = await factory.CreateBrowserClient().GetAsync(new Uri($"/van-ban/{id}/{oldSlug}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal($"/van-ban/{id}/{newSlug}", old.Headers.Location!.OriginalString);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "DocumentUpdated")));

        var stale = await client.PostFormAsync($"/quan-tri/van-ban/{id}/sua", $"/quan-tri/van-ban/{id}/sua", form);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("vừa được người khác sửa", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_uploaded_word_file_is_stored_privately_and_downloads_with_its_name()
    {
        var client = await EditorAsync();
        var id = await CreateAsync(client, await ValidFormAsync());
        var docx = AttachmentFormatTests.Package(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>"));

        var response = await UploadAsync(client, id, "Thông báo kết luận.docx", docx);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var attachment = await factory.WithDbAsync(db => db.DocumentAttachments.AsNoTracking().SingleAsync(a => a.OfficialDocumentId == id));
        Assert.Equal("Thông báo kết luận.docx", attachment.FileName);
        Assert.Matches("^documents/[0-9a-f]{32}\\.docx$", attachment.StoredPath);
        Assert.True(File.Exists(Path.Combine(factory.StorageRoot, "uploads", attachment.StoredPath)));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "DocumentAttachmentAdded")));

        var download = await factory.CreateBrowserClient().GetAsync(new Uri(PortalUrls.Attachment(attachment.Id), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("Thông báo kết luận.docx", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal(docx, await download.Content.ReadAsByteArrayAsync());

        var removed = await client.PostFormAsync($"/quan-tri/van-ban/{id}/sua", $"/quan-tri/van-ban/{id}/tep/{attachment.Id}/xoa", []);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(File.Exists(Path.Combine(factory.StorageRoot, "uploads", attachment.StoredPath)));
    }

    public static TheoryData<string, byte[], string> Refused => new()
    {
        { "cong-van.pdf", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"), "không thuộc định dạng được chấp nhận" },
        { "rong.pdf", [], "rỗng" },
        { "../../../wwwroot/van-ban.pdf", AttachmentFormatTests.Pdf, "Tên tệp không hợp lệ" },
        { "..\\..\\van-ban.pdf", AttachmentFormatTests.Pdf, "Tên tệp không hợp lệ" },
        { "cong-van.docx", AttachmentFormatTests.Pdf, "không khớp với nội dung" },
        { "so-do.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><script>alert(1)</script></svg>"u8.ToArray(), "không thuộc định dạng được chấp nhận" },
        { "trang.aspx", AspxPage, "không thuộc định dạng được chấp nhận" },
        { "cong-van.aspx.pdf", AspxPage, "không thuộc định dạng được chấp nhận" },
        { "cong-van.pdf.aspx", AttachmentFormatTests.Pdf, "không khớp với nội dung" },
        { "anh.jpg", [0xFF, 0xD8, 0xFF, 0xE0, .. "<html><body><script>alert(document.domain)</script></body></html>"u8], "mã HTML hoặc kịch bản" },
        { "cong-van\0.pdf", AttachmentFormatTests.Pdf, "Tên tệp không hợp lệ" },
        { "so-do.gif", TestImages.GifScriptPolyglot(), "Không đọc được ảnh “so-do.gif”" },
        { "so-do.png", TestImages.PngBomb(), "vượt quá giới hạn 50 triệu điểm ảnh" },
        { "so-do-co-ma.gif", "GIF89a/*<html><script>alert(1)</script></html>*/=1;"u8.ToArray(), "mã HTML hoặc kịch bản" },
        { "../../x.pdf", AttachmentFormatTests.Pdf, "Tên tệp không hợp lệ" },
    };

    private static byte[] AspxPage => "<%@ Page Language=\"C#\" %><% Response.Write(System.Environment.MachineName); %>"u8.ToArray();

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Refused_uploads_say_why_and_leave_nothing_behind(string fileName, byte[] content, string message)
    {
        var client = await EditorAsync();
        var id = await CreateAsync(client, await ValidFormAsync());
        var filesBefore = await StoredFileCountAsync();

        var response = await UploadAsync(client, id, fileName, content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location));
        Assert.Contains("Không thể đính kèm", page, StringComparison.Ordinal);
        Assert.Contains(message, page, StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.DocumentAttachments.CountAsync(a => a.OfficialDocumentId == id)));
        Assert.Equal(filesBefore, await StoredFileCountAsync());
        Assert.False(File.Exists(Path.Combine(factory.StorageRoot, "wwwroot", "van-ban.pdf")));
    }

    [Fact]
    public async Task An_oversized_upload_is_refused_and_nothing_is_written()
    {
        var client = await EditorAsync();
        var id = await CreateAsync(client, await ValidFormAsync());
        var filesBefore = await StoredFileCountAsync();
        var content = new byte[(30 * 1024 * 1024) + 1];
        "%PDF-1.4"u8.CopyTo(content);

        var response = await UploadAsync(client, id, "lon.pdf", content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location));
        Assert.Contains("vượt quá giới hạn 30 MB", page, StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.DocumentAttachments.CountAsync(a => a.OfficialDocumentId == id)));
        Assert.Equal(filesBefore, await StoredFileCountAsync());
    }

    [Fact]
    public async Task An_upload_request_above_the_31_mb_limit_gets_the_413_page_and_writes_nothing()
    {
        var client = await EditorAsync();
        var id = await CreateAsync(client, await ValidFormAsync());
        var filesBefore = await StoredFileCountAsync();
        var content = new byte[32 * 1024 * 1024];
        "%PDF-1.4"u8.CopyTo(content);

        var response = await UploadAsync(client, id, "rat-lon.pdf", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Dữ liệu gửi lên vượt quá dung lượng cho phép của thao tác này (tối đa 31 MB)", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.DocumentAttachments.CountAsync(a => a.OfficialDocumentId == id)));
        Assert.Equal(filesBefore, await StoredFileCountAsync());
    }

    [Fact]
    public async Task A_29_mb_attachment_under_the_limit_is_accepted()
    {
        var client = await EditorAsync();
        var id = await CreateAsync(client, await ValidFormAsync());
        var content = new byte[29 * 1024 * 1024];
        AttachmentFormatTests.Pdf.CopyTo(content, 0);

        var response = await UploadAsync(client, id, "ban-scan.pdf", content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var attachment = await factory.WithDbAsync(db => db.DocumentAttachments.AsNoTracking().SingleAsync(a => a.OfficialDocumentId == id));
        Assert.Equal(content.Length, attachment.SizeBytes);
        Assert.Equal(content.Length, new FileInfo(Path.Combine(factory.StorageRoot, "uploads", attachment.StoredPath)).Length);
    }

    [Fact]
    public async Task Relations_are_added_and_shown_from_both_sides()
    {
        var client = await EditorAsync();
        var id = await CreateAsync(client, await ValidFormAsync());

        var response = await client.PostFormAsync($"/quan-tri/van-ban/{id}/sua", $"/quan-tri/van-ban/{id}/lien-quan", [new("kind", nameof(DocumentRelationKind.Guides)), new("target", "9478/ubnd-kgvx"), new("targetYear", "")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var slug = (await factory.FindDocumentAsync("77/TB-BDT")).Slug;
        var page = await factory.CreateBrowserClient().GetDocumentAsync(PortalUrls.Document(id, slug));
        Assert.Contains(page.QuerySelectorAll(".related-documents li"), li => DocumentsTestSupport.Normalize(li.TextContent).StartsWith("Hướng dẫn: Công văn số 9478/UBND-KGVX", StringComparison.Ordinal));
        var congVan = await factory.FindDocumentAsync("9478/UBND-KGVX");
        var other = await factory.CreateBrowserClient().GetDocumentAsync(PortalUrls.Document(congVan.Id, congVan.Slug));
        Assert.Contains(other.QuerySelectorAll(".related-documents li"), li => DocumentsTestSupport.Normalize(li.TextContent).StartsWith("Được hướng dẫn bởi: Thông báo số 77/TB-BDT", StringComparison.Ordinal));

        var unknown = await client.PostFormAsync($"/quan-tri/van-ban/{id}/sua", $"/quan-tri/van-ban/{id}/lien-quan", [new("kind", "Implements"), new("target", "1/KHONG-CO")]);
        var message = WebUtility.HtmlDecode(await client.GetStringAsync(unknown.Headers.Location));
        Assert.Contains("Không tìm thấy văn bản số 1/KHONG-CO", message, StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.DocumentRelations.CountAsync(r => r.FromDocumentId == id)));
    }

    [Fact]
    public async Task Lookups_can_be_added_and_renamed()
    {
        var client = await EditorAsync();
        var reader = factory.CreateBrowserClient();
        Assert.DoesNotContain("Y tế", (await reader.GetDocumentAsync("/van-ban")).QuerySelector("select[name=linh-vuc]")!.TextContent, StringComparison.Ordinal);

        var added = await client.PostFormAsync("/quan-tri/van-ban/danh-muc", "/quan-tri/van-ban/danh-muc/linh-vuc/them", [new("name", "Y tế")]);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var fieldId = await factory.WithDbAsync(db => db.DocumentFields.Where(f => f.Name == "Y tế").Select(f => f.Id).SingleAsync());

        var duplicate = await client.PostFormAsync("/quan-tri/van-ban/danh-muc", "/quan-tri/van-ban/danh-muc/linh-vuc/them", [new("name", "Y tế")]);
        Assert.Contains("“Y tế” đã có trong danh mục.", WebUtility.HtmlDecode(await client.GetStringAsync(duplicate.Headers.Location)), StringComparison.Ordinal);

        await client.PostFormAsync("/quan-tri/van-ban/danh-muc", $"/quan-tri/van-ban/danh-muc/linh-vuc/{fieldId}/doi-ten", [new("name", "Y tế – Dân số")]);
        Assert.Equal("Y tế – Dân số", await factory.WithDbAsync(db => db.DocumentFields.Where(f => f.Id == fieldId).Select(f => f.Name).SingleAsync()));

        var typeAdded = await client.PostFormAsync("/quan-tri/van-ban/danh-muc", "/quan-tri/van-ban/danh-muc/loai/them", [new("name", "Hướng dẫn"), new("code", "HD")]);
        Assert.Equal(HttpStatusCode.Redirect, typeAdded.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.DocumentTypes.AnyAsync(t => t.Name == "Hướng dẫn" && t.Code == "HD")));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action.StartsWith("DocumentLookup"))) >= 3);

        var registry = await reader.GetDocumentAsync("/van-ban");
        Assert.NotNull(registry.QuerySelectorAll("select[name=linh-vuc] option").FirstOrDefault(o => o.TextContent == "Y tế – Dân số"));
    }

    [Fact]
    public async Task A_document_from_a_new_year_adds_that_year_to_the_registry_filter_at_once()
    {
        var reader = factory.CreateBrowserClient();
        static string[] Years(AngleSharp.Dom.IDocument page) => page.QuerySelectorAll("select[name=nam] option").Select(o => o.TextContent.Trim()).ToArray();
        Assert.DoesNotContain("2019", Years(await reader.GetDocumentAsync("/van-ban")));

        var form = await ValidFormAsync("12/TB-BDT", "2019-05-06");
        form.RemoveAll(f => f.Key == "IsPublished" && f.Value == "false");
        await CreateAsync(await EditorAsync(), form);

        Assert.Contains("2019", Years(await reader.GetDocumentAsync("/van-ban")));
    }
}
