using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Tests.Admin;

/// <summary>Autosave of articles never saved and of pages (new or saved): private, validated, offered back, dropped once saved.</summary>
public sealed class UnsavedDraftTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private const string NewArticle = "/quan-tri/bai-viet/tao";
    private const string NewArticleAutosave = "/quan-tri/bai-viet/tao/tu-dong-luu";
    private const string NewPage = "/quan-tri/trang/tao";
    private const string NewPageAutosave = "/quan-tri/trang/tao/tu-dong-luu";

    private PortalFactory Factory => fixture.Factory;

    private static Task<HttpResponseMessage> AutosaveNewArticleAsync(HttpClient client, Guid key, string title, string body = "<p>Đang viết dở.</p>") =>
        client.SubmitFormToAsync(NewArticle, NewArticle, NewArticleAutosave, ("DraftKey", key.ToString()), ("Title", title), ("BodyHtml", body));

    private static async Task<string> PageAsync(HttpClient client, string url) =>
        WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(url, UriKind.Relative)));

    [Fact]
    public async Task A_new_article_is_autosaved_privately_offered_back_restored_and_dropped_once_saved()
    {
        var author = await Factory.SignedInAsync(Roles.Author);
        var key = Guid.NewGuid();
        var title = "Bài chưa lưu " + key.ToString("N")[..6];

        var response = await AutosaveNewArticleAsync(author, key, title, "<p>Đoạn đầu<img src=x onerror=alert(1)></p>");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(@"""savedAt"":""\d{2}:\d{2}""", await response.Content.ReadAsStringAsync());
        var row = await Factory.WithDbAsync(db => db.ArticleAutosaves.SingleAsync(a => a.DraftKey == key));
        Assert.Null(row.ArticleId);
        Assert.DoesNotContain("onerror", row.BodyHtml, StringComparison.Ordinal);
        Assert.False(await Factory.WithDbAsync(db => db.Articles.AnyAsync(a => a.Title == title)));

        // Coming back to "Viết bài mới" offers it; another author never sees it.
        var offer = await PageAsync(author, NewArticle);
        Assert.Contains("Có 1 bản tự động lưu chưa từng được lưu", offer, StringComparison.Ordinal);
        Assert.Contains(title, offer, StringComparison.Ordinal);
        var other = await Factory.SignedInAsync(Roles.Author);
        Assert.DoesNotContain(title, await PageAsync(other, NewArticle), StringComparison.Ordinal);
        Assert.DoesNotContain(title, await PageAsync(other, NewArticle + "?ban-nhap=" + key), StringComparison.Ordinal);

        // Restoring shows it in the form under the same draft key, so the autosave goes on in the same row.
        var restored = await PageAsync(author, NewArticle + "?ban-nhap=" + key);
        Assert.Contains($"value=\"{title}\"", restored, StringComparison.Ordinal);
        Assert.Contains($"name=\"DraftKey\" value=\"{key}\"", restored, StringComparison.Ordinal);
        Assert.Contains("Đang hiển thị bản tự động lưu lúc", restored, StringComparison.Ordinal);
        await AutosaveNewArticleAsync(author, key, title + " (tiếp)");
        Assert.Equal(1, await Factory.WithDbAsync(db => db.ArticleAutosaves.CountAsync(a => a.DraftKey == key)));

        // Saving it for real creates the article; the draft is no longer offered, neither as a new one nor on the article.
        var categoryId = (await Factory.FirstCategoryIdAsync()).ToString(CultureInfo.InvariantCulture);
        var created = await author.SubmitFormAsync(NewArticle + "?ban-nhap=" + key, NewArticle, ("CategoryId", categoryId));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.True(await Factory.WithDbAsync(db => db.Articles.AnyAsync(a => a.Title == title + " (tiếp)")));
        Assert.False(await Factory.WithDbAsync(db => db.ArticleAutosaves.AnyAsync(a => a.DraftKey == key && a.ArticleId == null)));
        Assert.DoesNotContain(title, await PageAsync(author, NewArticle), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"autosave-title\"", await PageAsync(author, created.Headers.Location!.OriginalString), StringComparison.Ordinal);
    }

    /// <summary>An autosave sent just before the first save can arrive after it; it must not leave a draft behind.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_autosave_that_arrives_after_the_first_save_leaves_no_draft_behind(bool autosavedBefore)
    {
        var author = await Factory.SignedInAsync(Roles.Author);
        var key = Guid.NewGuid();
        var title = "Bài lưu khi đang tự động lưu " + key.ToString("N")[..6];
        if (autosavedBefore)
        {
            await AutosaveNewArticleAsync(author, key, title);
        }

        var categoryId = (await Factory.FirstCategoryIdAsync()).ToString(CultureInfo.InvariantCulture);
        var created = await author.SubmitFormAsync(NewArticle, NewArticle, ("DraftKey", key.ToString()), ("Title", title), ("BodyHtml", "<p>Đã viết xong.</p>"), ("CategoryId", categoryId));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var late = await AutosaveNewArticleAsync(author, key, title);

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("\"retry\":true", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await Factory.WithDbAsync(db => db.ArticleAutosaves.AnyAsync(a => a.DraftKey == key && a.ArticleId == null)));
        Assert.DoesNotContain(title, await PageAsync(author, NewArticle), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"autosave-title\"", await PageAsync(author, created.Headers.Location!.OriginalString), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_article_autosave_is_refused_without_token_key_or_within_limits_and_discarded_only_by_its_writer()
    {
        var author = await Factory.SignedInAsync(Roles.Author);
        var key = Guid.NewGuid();
        var fields = new Dictionary<string, string> { ["DraftKey"] = key.ToString(), ["Title"] = "Không có mã", ["CategoryId"] = "0" };

        var forged = await author.PostAsync(new Uri(NewArticleAutosave, UriKind.Relative), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var keyless = await author.SubmitFormToAsync(NewArticle, NewArticle, NewArticleAutosave, ("DraftKey", Guid.Empty.ToString()), ("Title", "Không có khóa"));
        Assert.Equal(HttpStatusCode.BadRequest, keyless.StatusCode);
        Assert.Contains("Thiếu mã bản nháp", Regex.Unescape(await keyless.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var tooLong = await AutosaveNewArticleAsync(author, key, new string('a', 301));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("Tiêu đề không được dài quá 300 ký tự", Regex.Unescape(await tooLong.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await Factory.WithDbAsync(db => db.ArticleAutosaves.AnyAsync(a => a.DraftKey == key)));

        Assert.Equal(HttpStatusCode.OK, (await AutosaveNewArticleAsync(author, key, "Bản nháp của tôi")).StatusCode);
        var other = await Factory.SignedInAsync(Roles.Author);
        await other.PostFormAsync(NewArticle, $"{NewArticleAutosave}/{key}/bo", []);
        Assert.True(await Factory.WithDbAsync(db => db.ArticleAutosaves.AnyAsync(a => a.DraftKey == key)));
        var discarded = await author.PostFormAsync(NewArticle, $"{NewArticleAutosave}/{key}/bo", []);
        Assert.Equal(HttpStatusCode.Redirect, discarded.StatusCode);
        Assert.False(await Factory.WithDbAsync(db => db.ArticleAutosaves.AnyAsync(a => a.DraftKey == key)));
    }

    [Fact]
    public async Task One_person_keeps_at_most_ten_never_saved_drafts_the_oldest_going_first()
    {
        var author = await Factory.SignedInAsync(Roles.Author);
        var keys = Enumerable.Range(0, 11).Select(_ => Guid.NewGuid()).ToList();
        foreach (var key in keys)
        {
            Assert.Equal(HttpStatusCode.OK, (await AutosaveNewArticleAsync(author, key, "Bản nháp " + key.ToString("N")[..4])).StatusCode);
        }

        var kept = await Factory.WithDbAsync(db => db.ArticleAutosaves.Where(a => a.DraftKey != null && keys.Contains(a.DraftKey.Value)).Select(a => a.DraftKey!.Value).ToListAsync());
        Assert.Equal(10, kept.Count);
        Assert.DoesNotContain(keys[0], kept);
    }

    [Fact]
    public async Task A_saved_page_is_autosaved_apart_offered_restored_and_a_stale_form_conflicts()
    {
        var editor = await Factory.SignedInAsync(Roles.Editor);
        var page = await Factory.WithDbAsync(db => db.Pages.AsNoTracking().FirstAsync(p => p.Slug == Page.IntroductionSlug));
        var edit = $"/quan-tri/trang/{page.Id}/sua";
        var autosave = $"/quan-tri/trang/{page.Id}/tu-dong-luu";

        var response = await editor.SubmitFormToAsync(edit, edit, autosave, ("BodyHtml", "<p>Giới thiệu đang sửa dở</p><script>alert(1)</script>"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await Factory.WithDbAsync(db => db.Pages.AsNoTracking().FirstAsync(p => p.Id == page.Id));
        Assert.Equal(page.BodyHtml, stored.BodyHtml);
        Assert.Equal(page.Version, stored.Version);
        var row = await Factory.WithDbAsync(db => db.PageAutosaves.SingleAsync(a => a.PageId == page.Id));
        Assert.Equal("<p>Giới thiệu đang sửa dở</p>", row.BodyHtml);
        Assert.Equal(DateTimeKind.Utc, row.SavedAt.Kind);
        Assert.Contains("Có bản tự động lưu lúc", await PageAsync(editor, edit), StringComparison.Ordinal);
        Assert.DoesNotContain("Có bản tự động lưu lúc", await PageAsync(await Factory.SignedInAsync(Roles.Editor), edit), StringComparison.Ordinal);
        Assert.Contains("Giới thiệu đang sửa dở", await PageAsync(editor, edit + "?tu-dong-luu=true"), StringComparison.Ordinal);

        // An autosave from a form loaded before someone else saved the page conflicts; authors may not autosave pages.
        var stale = await editor.SubmitFormToAsync(edit, edit, autosave, ("Version", Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var invalid = await editor.SubmitFormToAsync(edit, edit, autosave, ("Language", "fr"));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var author = await Factory.SignedInAsync(Roles.Author);
        var refused = await author.PostFormAsync("/quan-tri", autosave, [new("BodyHtml", "<p>x</p>"), new("Version", page.Version.ToString())]);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.PageAutosaves.CountAsync(a => a.PageId == page.Id)));

        var discarded = await editor.PostFormAsync(edit, autosave + "/bo", []);
        Assert.Equal(HttpStatusCode.Redirect, discarded.StatusCode);
        Assert.False(await Factory.WithDbAsync(db => db.PageAutosaves.AnyAsync(a => a.PageId == page.Id)));
    }

    [Fact]
    public async Task A_new_page_is_autosaved_offered_to_its_writer_and_dropped_once_created()
    {
        var editor = await Factory.SignedInAsync(Roles.Editor);
        var key = Guid.NewGuid();
        var title = "Trang chưa lưu " + key.ToString("N")[..6];

        var response = await editor.SubmitFormToAsync(NewPage, NewPage, NewPageAutosave, ("DraftKey", key.ToString()), ("Title", title), ("BodyHtml", "<p>Nội dung trang mới</p>"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(title, await PageAsync(editor, NewPage), StringComparison.Ordinal);
        Assert.DoesNotContain(title, await PageAsync(await Factory.AdministratorAsync(), NewPage), StringComparison.Ordinal);
        var restored = await PageAsync(editor, NewPage + "?ban-nhap=" + key);
        Assert.Contains("Nội dung trang mới", restored, StringComparison.Ordinal);

        var created = await editor.SubmitFormAsync(NewPage + "?ban-nhap=" + key, NewPage);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.True(await Factory.WithDbAsync(db => db.Pages.AnyAsync(p => p.Title == title)));
        Assert.False(await Factory.WithDbAsync(db => db.PageAutosaves.AnyAsync(a => a.DraftKey == key && a.PageId == null)));

        // An autosave of the old form arriving after the save leaves no draft behind.
        var late = await editor.SubmitFormToAsync(NewPage, NewPage, NewPageAutosave, ("DraftKey", key.ToString()), ("Title", title), ("BodyHtml", "<p>Nội dung trang mới</p>"));
        Assert.NotEqual(HttpStatusCode.OK, late.StatusCode);
        Assert.False(await Factory.WithDbAsync(db => db.PageAutosaves.AnyAsync(a => a.DraftKey == key && a.PageId == null)));
        Assert.DoesNotContain(title, await PageAsync(editor, NewPage), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"autosave-title\"", await PageAsync(editor, created.Headers.Location!.OriginalString), StringComparison.Ordinal);
    }
}
