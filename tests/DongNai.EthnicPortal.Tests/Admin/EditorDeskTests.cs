using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace DongNai.EthnicPortal.Tests.Admin;

/// <summary>The editor's server side: autosave, image upload from the editor, sanitized re-display and revision comparison.</summary>
public sealed partial class EditorDeskTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private PortalFactory Factory => fixture.Factory;

    private static string Autosave(int id) => $"/quan-tri/bai-viet/{id}/tu-dong-luu";

    private static string EditPage(int id) => $"/quan-tri/bai-viet/{id}/sua";

    private static async Task<List<KeyValuePair<string, string>>> AutosaveFieldsAsync(HttpClient client, int id, string body, string? version = null) =>
    [
        new("Title", "Bản nháp đang viết"),
        new("Summary", ""),
        new("CategoryId", "0"),
        new("BodyHtml", body),
        new("Version", version ?? await client.VersionOnEditPageAsync(id)),
    ];

    [Fact]
    public async Task An_autosave_keeps_the_draft_apart_without_a_revision_or_a_new_version()
    {
        var author = await Factory.SignedInAsync(Roles.Author);
        var id = await author.CreateArticleAsync(Factory, "Bài viết tự động lưu");
        var before = await Factory.ArticleAsync(id);
        var revisionsBefore = await Factory.WithDbAsync(db => db.ArticleRevisions.CountAsync(r => r.ArticleId == id));

        var response = await author.PostFormAsync(EditPage(id), Autosave(id), await AutosaveFieldsAsync(author, id, "<p>Đoạn mới<img src=x onerror=alert(1)></p>"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Matches(@"^\d{2}:\d{2}$", json.RootElement.GetProperty("savedAt").GetString());
        var after = await Factory.ArticleAsync(id);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
        Assert.Equal(before.Status, after.Status);
        Assert.Equal(before.BodyHtml, after.BodyHtml);
        Assert.Equal(revisionsBefore, await Factory.WithDbAsync(db => db.ArticleRevisions.CountAsync(r => r.ArticleId == id)));
        var saved = await Factory.WithDbAsync(db => db.ArticleAutosaves.SingleAsync(a => a.ArticleId == id));
        Assert.Equal("Bản nháp đang viết", saved.Title);
        Assert.DoesNotContain("onerror", saved.BodyHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(DateTimeKind.Utc, saved.SavedAt.Kind);

        // A second save overwrites the same row.
        await author.PostFormAsync(EditPage(id), Autosave(id), await AutosaveFieldsAsync(author, id, "<p>Đoạn mới hơn</p>"));
        Assert.Equal(1, await Factory.WithDbAsync(db => db.ArticleAutosaves.CountAsync(a => a.ArticleId == id)));
    }

    [Fact]
    public async Task An_autosave_without_the_antiforgery_token_is_refused()
    {
        var author = await Factory.SignedInAsync(Roles.Author);
        var id = await author.CreateArticleAsync(Factory, "Bài viết không có mã chống giả mạo");
        var fields = await AutosaveFieldsAsync(author, id, "<p>Nội dung</p>");

        var response = await author.PostAsync(new Uri(Autosave(id), UriKind.Relative), new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await Factory.WithDbAsync(db => db.ArticleAutosaves.AnyAsync(a => a.ArticleId == id)));
    }

    [Fact]
    public async Task An_author_autosaves_only_their_own_editable_drafts()
    {
        var owner = await Factory.SignedInAsync(Roles.Author);
        var other = await Factory.SignedInAsync(Roles.Author);
        var id = await owner.CreateArticleAsync(Factory, "Bài viết của người khác");
        var version = await owner.VersionOnEditPageAsync(id);

        var stranger = await other.PostFormAsync("/quan-tri/bai-viet", Autosave(id), await AutosaveFieldsAsync(other, id, "<p>Chen ngang</p>", version));
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        Assert.Contains("không có quyền", await stranger.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await owner.ArticleActionAsync(id, "gui-duyet");
        var submitted = await owner.PostFormAsync(EditPage(id), Autosave(id), await AutosaveFieldsAsync(owner, id, "<p>Sau khi gửi duyệt</p>"));
        Assert.Equal(HttpStatusCode.Forbidden, submitted.StatusCode);

        // An editor may still work on the submitted article.
        var editor = await Factory.SignedInAsync(Roles.Editor);
        var byEditor = await editor.PostFormAsync(EditPage(id), Autosave(id), await AutosaveFieldsAsync(editor, id, "<p>Biên tập viên sửa</p>"));
        Assert.Equal(HttpStatusCode.OK, byEditor.StatusCode);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.ArticleAutosaves.CountAsync(a => a.ArticleId == id)));
    }

    [Fact]
    public async Task An_autosave_over_the_body_limit_is_refused_with_a_message()
    {
        var author = await Factory.SignedInAsync(Roles.Author);
        var id = await author.CreateArticleAsync(Factory, "Bài viết quá dài");

        var response = await author.PostFormAsync(EditPage(id), Autosave(id), await AutosaveFieldsAsync(author, id, "<p>" + new string('a', 500_001) + "</p>"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Nội dung quá dài", Regex.Unescape(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await Factory.WithDbAsync(db => db.ArticleAutosaves.AnyAsync(a => a.ArticleId == id)));
    }

    [Fact]
    public async Task An_autosave_from_a_stale_form_conflicts_and_a_recovered_stale_autosave_leads_to_the_conflict_page()
    {
        var author = await Factory.SignedInAsync(Roles.Author);
        var id = await author.CreateArticleAsync(Factory, "Bài viết hai người cùng sửa");
        var oldVersion = await author.VersionOnEditPageAsync(id);
        var autosaved = await author.PostFormAsync(EditPage(id), Autosave(id), await AutosaveFieldsAsync(author, id, "<p>Bản tự động lưu</p>", oldVersion));
        Assert.Equal(HttpStatusCode.OK, autosaved.StatusCode);

        // The edit page offers the autosave while it is newer than the article, and shows it when asked.
        var offer = WebUtility.HtmlDecode(await author.GetStringAsync(new Uri(EditPage(id), UriKind.Relative)));
        Assert.Contains("Có bản tự động lưu lúc", offer, StringComparison.Ordinal);
        var recovered = WebUtility.HtmlDecode(await author.GetStringAsync(new Uri(EditPage(id) + "?tu-dong-luu=true", UriKind.Relative)));
        Assert.Contains("value=\"Bản nháp đang viết\"", recovered, StringComparison.Ordinal);
        Assert.Contains("Bản tự động lưu", recovered, StringComparison.Ordinal);

        // Someone else saves the article meanwhile: the next autosave from the old form conflicts ...
        var editor = await Factory.SignedInAsync(Roles.Editor);
        var categoryId = (await Factory.FirstCategoryIdAsync()).ToString(CultureInfo.InvariantCulture);
        var saved = await editor.PostFormAsync(EditPage(id), EditPage(id), [
            new("Title", "Bản của biên tập viên"), new("CategoryId", categoryId), new("BodyHtml", "<p>Biên tập viên sửa</p>"), new("Version", oldVersion),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stale = await author.PostFormAsync(EditPage(id), Autosave(id), await AutosaveFieldsAsync(author, id, "<p>Tiếp tục</p>", oldVersion));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        // ... and saving text recovered from an autosave based on the old version shows the conflict page.
        var save = await author.PostFormAsync(EditPage(id), EditPage(id), [
            new("Title", "Bản nháp đang viết"), new("CategoryId", categoryId), new("BodyHtml", "<p>Bản tự động lưu</p>"), new("Version", oldVersion),
        ]);
        Assert.Equal(HttpStatusCode.Conflict, save.StatusCode);
        Assert.Equal("Bản của biên tập viên", (await Factory.ArticleAsync(id)).Title);
    }

    [Fact]
    public async Task A_body_sent_back_after_a_validation_error_has_been_sanitized()
    {
        var author = await Factory.SignedInAsync(Roles.Author);
        const string body = "<p>Đoạn văn</p><img src=x onerror=\"alert(1)\"><p onclick=\"alert(2)\">Bấm</p><script>alert(3)</script>";

        // The category is missing, so the form comes back with the body.
        var article = await author.PostFormAsync("/quan-tri/bai-viet/tao", "/quan-tri/bai-viet/tao", [new("Title", "Thiếu chuyên mục"), new("CategoryId", "0"), new("BodyHtml", body)]);
        var articleHtml = WebUtility.HtmlDecode(await article.Content.ReadAsStringAsync());
        Assert.Contains("Vui lòng chọn chuyên mục.", articleHtml, StringComparison.Ordinal);
        Assert.Contains("<p>Đoạn văn</p>", articleHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("onerror", articleHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", articleHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert(3)", articleHtml, StringComparison.Ordinal);

        var admin = await Factory.AdministratorAsync();
        var page = await admin.PostFormAsync("/quan-tri/trang/tao", "/quan-tri/trang/tao", [new("Title", ""), new("Language", "vi"), new("BodyHtml", body)]);
        var pageHtml = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("<p>Đoạn văn</p>", pageHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("onerror", pageHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert(3)", pageHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_dropped_into_the_editor_goes_through_the_library_checks_and_comes_back_as_json()
    {
        var author = await Factory.SignedInAsync(Roles.Author);
        const string url = "/quan-tri/thu-vien-anh/tai-len-tu-trinh-soan";

        var response = await author.PostFileAsync("/quan-tri/bai-viet/tao", url, "le-hoi.png", Png(1600, 900), [new("altText", "Lễ hội Katê của đồng bào Chăm")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var src = json.RootElement.GetProperty("url").GetString()!;
        Assert.StartsWith("/media/", src, StringComparison.Ordinal);
        Assert.EndsWith("-960.png", src, StringComparison.Ordinal);
        Assert.Equal(960, json.RootElement.GetProperty("width").GetInt32());
        Assert.Equal(540, json.RootElement.GetProperty("height").GetInt32());
        Assert.True(await Factory.WithDbAsync(db => db.MediaFiles.AnyAsync(m => m.AltText == "Lễ hội Katê của đồng bào Chăm")));

        var decorative = await author.PostFileAsync("/quan-tri/bai-viet/tao", url, "hoa-van.png", Png(200, 100), [new("decorative", "true")]);
        Assert.Equal(HttpStatusCode.OK, decorative.StatusCode);
        Assert.True(await Factory.WithDbAsync(db => db.MediaFiles.AnyAsync(m => m.AltText == "Ảnh trang trí (hoa-van)")));

        var noAlt = await author.PostFileAsync("/quan-tri/bai-viet/tao", url, "anh.png", Png(200, 100), [new("altText", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, noAlt.StatusCode);

        var script = await author.PostFileAsync("/quan-tri/bai-viet/tao", url, "anh.png", "<script>alert(1)</script>"u8.ToArray(), [new("altText", "Ảnh giả")]);
        Assert.Equal(HttpStatusCode.BadRequest, script.StatusCode);
        Assert.Contains("error", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var content = new MultipartFormDataContent { { new ByteArrayContent(Png(10, 10)), "file", "a.png" }, { new StringContent("Ảnh"), "altText" } };
        var forged = await author.PostAsync(new Uri(url, UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task Two_revisions_compare_word_by_word_with_their_formatting_and_the_changed_fields()
    {
        var author = await Factory.SignedInAsync(Roles.Author);
        var id = await author.CreateArticleAsync(Factory, "Hội nghị sơ kết", "<p>Hội nghị diễn ra <strong>sáng nay</strong> tại tỉnh.</p><p>Đoạn giữ nguyên.</p>");
        var categoryId = (await Factory.FirstCategoryIdAsync()).ToString(CultureInfo.InvariantCulture);
        var saved = await author.PostFormAsync(EditPage(id), EditPage(id), [
            new("Title", "Hội nghị tổng kết"), new("Summary", "Tóm tắt thử nghiệm"), new("CategoryId", categoryId), new("AuthorByline", "Phóng viên"),
            new("BodyHtml", "<p>Hội nghị diễn ra chiều nay tại tỉnh.</p><p>Đoạn giữ nguyên.</p><p>Đoạn mới <em>thêm</em>.</p>"),
            new("Version", await author.VersionOnEditPageAsync(id)),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var revisions = await Factory.WithDbAsync(db => db.ArticleRevisions.Where(r => r.ArticleId == id).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync());
        Assert.Equal(2, revisions.Count);

        var revisionsPage = WebUtility.HtmlDecode(await author.GetStringAsync(new Uri($"/quan-tri/bai-viet/{id}/phien-ban", UriKind.Relative)));
        Assert.Contains($"action=\"/quan-tri/bai-viet/{id}/so-sanh\"", revisionsPage, StringComparison.Ordinal);

        var html = WebUtility.HtmlDecode(await author.GetStringAsync(new Uri($"/quan-tri/bai-viet/{id}/so-sanh?tu={revisions[0]}&den={revisions[1]}", UriKind.Relative)));
        var body = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector(".compare-body")!;
        // The bold "sáng nay" went and a plain "chiều nay" came: both shown with their formatting.
        Assert.Contains("sáng nay", body.QuerySelector("p > strong > del.diff-removed")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("chiều nay", body.QuerySelector("p > ins.diff-added")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("thêm", body.QuerySelector("p > em > ins.diff-added")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(body.QuerySelectorAll("p"), p => p.TextContent == "Đoạn giữ nguyên.");
        Assert.Contains("<th scope=\"row\">Tiêu đề</th>", html, StringComparison.Ordinal);
        Assert.Contains("<del class=\"diff-removed\">Hội nghị sơ kết</del>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<th scope=\"row\">Chuyên mục</th>", html, StringComparison.Ordinal);

        // The current text is the default newer side, and another author may not look.
        var current = await author.GetAsync(new Uri($"/quan-tri/bai-viet/{id}/so-sanh?tu={revisions[0]}&den=0", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        var missing = await author.GetAsync(new Uri($"/quan-tri/bai-viet/{id}/so-sanh?tu=999999", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var other = await Factory.SignedInAsync(Roles.Author);
        var forbidden = await other.GetAsync(new Uri($"/quan-tri/bai-viet/{id}/so-sanh?tu={revisions[0]}", UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.OK, forbidden.StatusCode);
    }

    private static byte[] Png(int width, int height) => TestImages.Solid(width, height, SKEncodedImageFormat.Png);
}
