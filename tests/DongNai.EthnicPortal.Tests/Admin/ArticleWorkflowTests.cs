using System.Net;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Tests.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DongNai.EthnicPortal.Tests.Admin;

public sealed class ArticleWorkflowTests : IDisposable
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero));
    private readonly PortalFactory factory;

    public ArticleWorkflowTests() => factory = new PortalFactory { Time = time };

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task Draft_is_submitted_scheduled_and_published_by_the_background_pass()
    {
        var author = await factory.SignedInAsync(Roles.Author);
        var editor = await factory.SignedInAsync(Roles.Editor);
        var id = await author.CreateArticleAsync(factory, "Hội nghị tổng kết công tác dân tộc");
        Assert.Equal(ArticleStatus.Draft, (await factory.ArticleAsync(id)).Status);

        await author.ArticleActionAsync(id, "gui-duyet");
        Assert.Equal(ArticleStatus.Submitted, (await factory.ArticleAsync(id)).Status);

        // 10:30 Vietnam time on the same day is 03:30 UTC.
        await editor.ArticleActionAsync(id, "hen-gio", ("publishAt", "2026-11-28T10:30"));
        var scheduled = await factory.ArticleAsync(id);
        Assert.Equal(ArticleStatus.Scheduled, scheduled.Status);
        Assert.Equal(new DateTime(2026, 11, 28, 3, 30, 0, DateTimeKind.Utc), scheduled.PublishAt);

        var publisher = factory.Services.GetRequiredService<ScheduledPublisher>();
        Assert.Equal(0, await publisher.PublishDueAsync());
        Assert.False(await VisibleToReadersAsync(id));

        // Advancing the clock also wakes the hosted service, which may get there first; either way one pass publishes it.
        time.Advance(TimeSpan.FromMinutes(91));
        await publisher.PublishDueAsync();
        var published = await factory.ArticleAsync(id);
        Assert.Equal(ArticleStatus.Published, published.Status);
        Assert.Equal(scheduled.PublishAt, published.PublishedAt);
        Assert.True(await VisibleToReadersAsync(id));

        await editor.ArticleActionAsync(id, "go-xuong", ("reason", "Thông tin cần đính chính"));
        var withdrawn = await factory.ArticleAsync(id);
        Assert.Equal(ArticleStatus.Withdrawn, withdrawn.Status);
        Assert.Equal("Thông tin cần đính chính", withdrawn.WithdrawnReason);
        Assert.False(await VisibleToReadersAsync(id));

        var actions = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == nameof(Article) && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Select(e => e.Action).ToListAsync());
        Assert.Equal(["ArticleCreated", "ArticleSubmitted", "ArticleScheduled", "ArticlePublishedOnSchedule", "ArticleWithdrawn"], actions);
    }

    [Fact]
    public async Task Schedule_is_kept_in_the_database_across_a_restart()
    {
        var root = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        int id;
        using (var first = new PortalFactory { Time = time, StorageRoot = root, KeepStorage = true })
        {
            var author = await first.SignedInAsync(Roles.Author);
            var editor = await first.SignedInAsync(Roles.Editor);
            id = await author.CreateArticleAsync(first, "Bài lên lịch trước khi khởi động lại");
            await author.ArticleActionAsync(id, "gui-duyet");
            await editor.ArticleActionAsync(id, "hen-gio", ("publishAt", "2026-11-28T12:00"));
        }

        time.Advance(TimeSpan.FromHours(4));
        using var second = new PortalFactory { Time = time, StorageRoot = root };
        await second.Services.GetRequiredService<ScheduledPublisher>().PublishDueAsync();
        Assert.Equal(ArticleStatus.Published, (await second.ArticleAsync(id)).Status);
    }

    [Fact]
    public async Task Author_cannot_publish_by_posting_the_editors_form()
    {
        var author = await factory.SignedInAsync(Roles.Author);
        var id = await author.CreateArticleAsync(factory, "Bài của phóng viên");
        await author.ArticleActionAsync(id, "gui-duyet");

        var response = await author.ArticleActionAsync(id, "xuat-ban");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var schedule = await author.ArticleActionAsync(id, "hen-gio", ("publishAt", "2026-12-01T08:00"));
        Assert.Equal(HttpStatusCode.Forbidden, schedule.StatusCode);
        Assert.Equal(ArticleStatus.Submitted, (await factory.ArticleAsync(id)).Status);
    }

    [Fact]
    public async Task Author_cannot_edit_someone_elses_article_or_a_submitted_one()
    {
        var author = await factory.SignedInAsync(Roles.Author);
        var other = await factory.SignedInAsync(Roles.Author);
        var id = await author.CreateArticleAsync(factory, "Bài riêng của một phóng viên");

        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(new Uri($"/quan-tri/bai-viet/{id}/sua", UriKind.Relative))).StatusCode);

        var version = await author.VersionOnEditPageAsync(id);
        await author.ArticleActionAsync(id, "gui-duyet");
        var categoryId = await factory.FirstCategoryIdAsync();
        var edit = await author.ArticleActionAsync(id, "sua", ("Title", "Sửa sau khi gửi"), ("CategoryId", categoryId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Version", version));
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Equal("Bài riêng của một phóng viên", (await factory.ArticleAsync(id)).Title);
    }

    [Fact]
    public async Task Editor_cannot_approve_own_article_but_an_administrator_can_force_it_and_it_is_audited()
    {
        var editor = await factory.SignedInAsync(Roles.Editor);
        var id = await editor.CreateArticleAsync(factory, "Bài của biên tập viên");
        await editor.ArticleActionAsync(id, "gui-duyet");
        await editor.ArticleActionAsync(id, "xuat-ban", ("force", "true"));
        Assert.Equal(ArticleStatus.Submitted, (await factory.ArticleAsync(id)).Status);

        var admin = await factory.AdministratorAsync();
        var adminArticle = await admin.CreateArticleAsync(factory, "Bài của quản trị viên");
        await admin.ArticleActionAsync(adminArticle, "xuat-ban");
        Assert.Equal(ArticleStatus.Draft, (await factory.ArticleAsync(adminArticle)).Status);

        await admin.ArticleActionAsync(adminArticle, "xuat-ban", ("force", "true"));
        Assert.Equal(ArticleStatus.Published, (await factory.ArticleAsync(adminArticle)).Status);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId == adminArticle.ToString(System.Globalization.CultureInfo.InvariantCulture) && e.EntityType == nameof(Article)).Select(e => e.Action).ToListAsync());
        Assert.Contains("ArticlePublishedForced", audit);

        // Another editor's approval needs no force.
        await admin.ArticleActionAsync(id, "xuat-ban");
        Assert.Equal(ArticleStatus.Published, (await factory.ArticleAsync(id)).Status);
    }

    [Fact]
    public async Task Rejection_needs_a_remark_and_returns_the_article_to_draft()
    {
        var author = await factory.SignedInAsync(Roles.Author);
        var editor = await factory.SignedInAsync(Roles.Editor);
        var id = await author.CreateArticleAsync(factory, "Bài cần sửa");
        await author.ArticleActionAsync(id, "gui-duyet");

        await editor.ArticleActionAsync(id, "tra-lai", ("remark", "  "));
        Assert.Equal(ArticleStatus.Submitted, (await factory.ArticleAsync(id)).Status);

        await editor.ArticleActionAsync(id, "tra-lai", ("remark", "Bổ sung nguồn tin"));
        var rejected = await factory.ArticleAsync(id);
        Assert.Equal(ArticleStatus.Draft, rejected.Status);
        Assert.Equal("Bổ sung nguồn tin", rejected.ReviewRemark);
        Assert.Contains("Bổ sung nguồn tin", await author.GetStringAsync(new Uri($"/quan-tri/bai-viet/{id}/sua", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_save_keeps_a_revision_that_can_be_restored()
    {
        var editor = await factory.SignedInAsync(Roles.Editor);
        var id = await editor.CreateArticleAsync(factory, "Tiêu đề ban đầu");
        var categoryId = (await factory.FirstCategoryIdAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var version = await editor.VersionOnEditPageAsync(id);
        await editor.ArticleActionAsync(id, "sua", ("Title", "Tiêu đề sửa lần hai"), ("CategoryId", categoryId), ("BodyHtml", "<p>Bản hai</p>"), ("Version", version));

        var revisions = await factory.WithDbAsync(db => db.ArticleRevisions.Where(r => r.ArticleId == id).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(["Tiêu đề ban đầu", "Tiêu đề sửa lần hai"], revisions.Select(r => r.Title));
        var page = await editor.GetStringAsync(new Uri($"/quan-tri/bai-viet/{id}/phien-ban", UriKind.Relative));
        Assert.Contains("Tiêu đề ban đầu", page, StringComparison.Ordinal);

        await editor.PostFormAsync($"/quan-tri/bai-viet/{id}/phien-ban", $"/quan-tri/bai-viet/phien-ban/{revisions[0].Id}/khoi-phuc", []);
        var restored = await factory.ArticleAsync(id);
        Assert.Equal("Tiêu đề ban đầu", restored.Title);
        Assert.Equal(VietnameseText.Slugify("Tiêu đề ban đầu"), restored.Slug);
        Assert.Equal(3, await factory.WithDbAsync(db => db.ArticleRevisions.CountAsync(r => r.ArticleId == id)));
    }

    [Fact]
    public async Task Two_people_saving_the_same_article_get_the_conflict_page_and_nothing_is_overwritten_silently()
    {
        var first = await factory.SignedInAsync(Roles.Editor);
        var second = await factory.SignedInAsync(Roles.Editor);
        var id = await first.CreateArticleAsync(factory, "Bài viết dùng chung");
        var categoryId = (await factory.FirstCategoryIdAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var firstVersion = await first.VersionOnEditPageAsync(id);
        var secondVersion = await second.VersionOnEditPageAsync(id);

        var saved = await first.ArticleActionAsync(id, "sua", ("Title", "Bản của người thứ nhất"), ("CategoryId", categoryId), ("Version", firstVersion));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var conflict = await second.ArticleActionAsync(id, "sua", ("Title", "Bản của người thứ hai"), ("CategoryId", categoryId), ("Version", secondVersion));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var html = await conflict.Content.ReadAsStringAsync();
        Assert.Contains("Bản của người thứ nhất", html, StringComparison.Ordinal);
        Assert.Contains("Bản của người thứ hai", html, StringComparison.Ordinal);
        Assert.Equal("Bản của người thứ nhất", (await factory.ArticleAsync(id)).Title);

        // Overwriting is a conscious second step that carries the stored version.
        var storedVersion = (await factory.ArticleAsync(id)).Version.ToString();
        var overwrite = await second.ArticleActionAsync(id, "sua", ("Title", "Bản của người thứ hai"), ("CategoryId", categoryId), ("Version", storedVersion));
        Assert.Equal(HttpStatusCode.Redirect, overwrite.StatusCode);
        Assert.Equal("Bản của người thứ hai", (await factory.ArticleAsync(id)).Title);
    }

    [Fact]
    public async Task Preview_renders_a_draft_in_the_public_layout()
    {
        var author = await factory.SignedInAsync(Roles.Author);
        var id = await author.CreateArticleAsync(factory, "Bài xem trước", "<h2>Mục một</h2><p>Đoạn <strong>đậm</strong>.</p>");
        var response = await author.GetAsync(new Uri($"/quan-tri/bai-viet/{id}/xem-truoc", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1 class=\"article-title\">Bài xem trước</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Mục một</h2>", html, StringComparison.Ordinal);
        Assert.Contains("site-header", html, StringComparison.Ordinal);
    }

    private Task<bool> VisibleToReadersAsync(int id)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return factory.WithDbAsync(db => db.Articles.AnyAsync(a => a.Id == id && a.Status == ArticleStatus.Published && a.PublishedAt <= now));
    }
}
