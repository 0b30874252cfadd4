using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Caching;
using DongNai.EthnicPortal.Web.Services.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DongNai.EthnicPortal.Tests.Documents;

/// <summary>Registry behaviour that needs more documents than the seed: paging, future and overridden validity.</summary>
public sealed class DocumentRegistryPagingTests : IDisposable
{
    private readonly PortalFactory factory = new() { Time = new FakeTimeProvider(DocumentsFixture.Now) };

    public void Dispose() => factory.Dispose();

    private async Task AddAsync(Action<Data.PortalDbContext> add)
    {
        await factory.WithDbAsync(async db =>
        {
            add(db);
            await db.SaveChangesAsync();
        });
        await using var scope = factory.Services.CreateAsyncScope();
        // What an admin save does: refresh derived content and evict the cached pages.
        await scope.ServiceProvider.GetRequiredService<ContentChanges>().DocumentChangedAsync(0);
    }

    [Fact]
    public async Task Pages_by_twenty_with_an_accessible_pager_that_keeps_the_filters()
    {
        await AddAsync(db =>
        {
            for (var i = 1; i <= 25; i++)
            {
                db.OfficialDocuments.Add(DocumentsTestSupport.NewDocument(db, $"{i}/TB-BDT", new DateOnly(2020, 1, i), type: "Thông báo"));
            }
        });
        var client = factory.CreateBrowserClient();

        var first = await client.GetDocumentAsync("/van-ban?nam=2020");
        Assert.Equal(20, first.QuerySelectorAll(".document-item").Length);
        Assert.Equal("25/TB-BDT", first.QuerySelector(".document-item-title a")!.TextContent.Split(' ')[^1]);
        var pager = first.QuerySelector("nav.pager")!;
        Assert.Equal("Phân trang danh sách văn bản", pager.GetAttribute("aria-label"));
        Assert.Equal("1", pager.QuerySelector("[aria-current=page]")!.TextContent);
        Assert.Contains(pager.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/van-ban?nam=2020&trang=2" && a.GetAttribute("rel") == "next");

        var second = await client.GetDocumentAsync("/van-ban?nam=2020&trang=2");
        Assert.Equal(["5/TB-BDT", "4/TB-BDT", "3/TB-BDT", "2/TB-BDT", "1/TB-BDT"], second.QuerySelectorAll(".document-item-title a").Select(a => a.TextContent.Split(' ')[^1]));
        Assert.Equal("2", second.QuerySelector("nav.pager [aria-current=page]")!.TextContent);
        Assert.Equal("21", second.QuerySelector("ol.document-list")!.GetAttribute("start"));
    }

    [Fact]
    public async Task Future_and_overridden_validity_are_filtered_and_shown()
    {
        await AddAsync(db =>
        {
            var future = DocumentsTestSupport.NewDocument(db, "5/QĐ-BDT", new DateOnly(2026, 1, 10), type: "Quyết định");
            future.EffectiveFrom = new DateOnly(2026, 2, 1);
            var repealed = DocumentsTestSupport.NewDocument(db, "6/QĐ-BDT", new DateOnly(2025, 5, 5), type: "Quyết định");
            repealed.ValidityOverride = ValidityStatus.Expired;
            repealed.ValidityNote = "Bị bãi bỏ bởi Quyết định số 9/QĐ-BDT";
            db.OfficialDocuments.AddRange(future, repealed);
        });
        var client = factory.CreateBrowserClient();

        Assert.Equal(["5/QĐ-BDT"], await client.ListedSymbolsAsync("/van-ban?hieu-luc=chua-co-hieu-luc"));
        Assert.Equal(["6/QĐ-BDT", "13346/KH-UBND", "13108/KH-UBND", "7169/KH-UBND"], await client.ListedSymbolsAsync("/van-ban?hieu-luc=het-hieu-luc"));
        Assert.DoesNotContain("6/QĐ-BDT", await client.ListedSymbolsAsync("/van-ban?hieu-luc=con-hieu-luc"));

        var (id, slug) = await factory.FindDocumentAsync("6/QĐ-BDT");
        var page = await client.GetDocumentAsync(PortalUrls.Document(id, slug));
        Assert.Equal("Hết hiệu lực – Bị bãi bỏ bởi Quyết định số 9/QĐ-BDT", DocumentsTestSupport.Fields(page)["Tình trạng hiệu lực"]);
    }

    [Fact]
    public async Task Unpublished_documents_and_their_files_stay_private()
    {
        await AddAsync(db =>
        {
            var hidden = DocumentsTestSupport.NewDocument(db, "8/TB-BDT", new DateOnly(2025, 3, 3), type: "Thông báo");
            hidden.IsPublished = false;
            hidden.Attachments.Add(new DocumentAttachment { FileName = "an.pdf", ContentType = "application/pdf", SizeBytes = 5, StoredPath = "documents/seed-cong-van-9478.pdf", UploadedAt = DateTime.UtcNow });
            db.OfficialDocuments.Add(hidden);
        });
        var client = factory.CreateBrowserClient();
        var (id, slug) = await factory.FindDocumentAsync("8/TB-BDT");
        var attachmentId = await factory.WithDbAsync(db => Task.FromResult(db.DocumentAttachments.Single(a => a.OfficialDocumentId == id).Id));

        Assert.Empty(await client.ListedSymbolsAsync("/van-ban?q=8%2FTB-BDT"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync(new Uri(PortalUrls.Document(id, slug), UriKind.Relative))).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync(new Uri(PortalUrls.Attachment(attachmentId), UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task An_article_change_renders_its_links_and_rewrites_its_citations()
    {
        var articleId = await factory.WithDbAsync(async db =>
        {
            var article = new Article
            {
                Title = "Tin thử",
                Slug = "tin-thu",
                BodyHtml = "<p>Thực hiện Kết luận số 250-KL/TU ngày 22/7/2021.</p>",
                CategoryId = (await db.Categories.FirstAsync()).Id,
                Status = ArticleStatus.Draft,
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
            };
            db.Articles.Add(article);
            await db.SaveChangesAsync();
            return article.Id;
        });
        var conclusion = await factory.FindDocumentAsync("250-KL/TU");

        await ArticleChangedAsync(articleId);
        var rendered = await factory.WithDbAsync(db => db.Articles.AsNoTracking().Include(a => a.Citations).SingleAsync(a => a.Id == articleId));
        Assert.Equal($"<p>Thực hiện <a href=\"{PortalUrls.Document(conclusion.Id, conclusion.Slug)}\">Kết luận số 250-KL/TU ngày 22/7/2021</a>.</p>", rendered.RenderedBodyHtml);
        Assert.Equal([conclusion.Id], rendered.Citations.Select(c => c.OfficialDocumentId));

        await factory.WithDbAsync(async db =>
        {
            var article = await db.Articles.SingleAsync(a => a.Id == articleId);
            article.BodyHtml = "<p>Không dẫn chiếu văn bản nào.</p>";
            await db.SaveChangesAsync();
        });
        await ArticleChangedAsync(articleId);
        var plain = await factory.WithDbAsync(db => db.Articles.AsNoTracking().Include(a => a.Citations).SingleAsync(a => a.Id == articleId));
        Assert.Equal("<p>Không dẫn chiếu văn bản nào.</p>", plain.RenderedBodyHtml);
        Assert.Empty(plain.Citations);
    }

    private async Task ArticleChangedAsync(int id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ContentChanges>().ArticleChangedAsync(id);
    }
}
