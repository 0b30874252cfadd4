using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Tests.Foundation;

public sealed class SeedContentTests
{
    private const string SeedTitle = "Triển khai thực hiện công tác bình đẳng giới và vì sự tiến bộ của phụ nữ trên địa bàn tỉnh Đồng Nai năm 2024";

    [Fact]
    public async Task Seed_article_is_published_with_its_full_text_caption_and_author()
    {
        using var factory = new PortalFactory();
        var article = await factory.WithDbAsync(db => db.Articles.Include(a => a.Category).SingleAsync(a => a.Title == SeedTitle));

        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal("Hoạt động chuyên ngành", article.Category.Name);
        Assert.Equal("Hồ Thị Tuyết Nhung", article.AuthorByline);
        Assert.True(article.PublishedAt > new DateTime(2023, 9, 14, 0, 0, 0, DateTimeKind.Utc));
        var body = HtmlPages.Parse(article.BodyHtml);
        Assert.Equal("Thực hiện tuyên truyền pháp luật về bình đẳng giới cho đồng bào dân tộc thiểu số trên địa bàn tỉnh Đồng Nai", body.One("figure figcaption").Text());
        var paragraphs = body.Texts("p");
        Assert.Contains("Ngày 14/9/2023, Ủy ban nhân dân (UBND) tỉnh Đồng Nai ban hành Công văn số 9478/UBND-KGVX", body.Body!.Text(), StringComparison.Ordinal);
        for (var item = 1; item <= 6; item++)
        {
            Assert.Contains(paragraphs, p => p.StartsWith($"{item}. ", StringComparison.Ordinal));
        }

        Assert.Contains("năm 2024 và các năm tiếp theo./.", body.Body!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_has_the_six_cited_documents_with_relations_and_the_footer_metadata()
    {
        using var factory = new PortalFactory();
        var symbols = await factory.WithDbAsync(db => db.OfficialDocuments.Select(d => d.NumberAndSymbol).ToListAsync());
        Assert.Equal(["13108/KH-UBND", "13346/KH-UBND", "250-KL/TU", "7169/KH-UBND", "86/KH-UBND", "9478/UBND-KGVX"], symbols.Order(StringComparer.Ordinal));

        var implements = await factory.WithDbAsync(db => db.DocumentRelations
            .Where(r => r.Kind == DocumentRelationKind.Implements)
            .Select(r => new { From = r.FromDocument.NumberAndSymbol, To = r.ToDocument.NumberAndSymbol })
            .SingleAsync());
        Assert.Equal(("13108/KH-UBND", "250-KL/TU"), (implements.From, implements.To));

        var settings = await factory.WithDbAsync(db => db.SiteSettings.SingleAsync());
        Assert.Equal("BAN DÂN TỘC TỈNH ĐỒNG NAI", settings.GoverningAgency);
        Assert.Equal("ông Nguyễn Văn Khang", settings.ResponsiblePerson);
        Assert.Equal("Trưởng Ban Dân tộc tỉnh Đồng Nai", settings.ResponsiblePersonTitle);
        Assert.Equal("Số 4/22/10A, đường Nguyễn Du, khu phố 4, phường Quang Vinh, thành phố Biên Hòa, tỉnh Đồng Nai", settings.Address);
        Assert.Equal("02513.843836", settings.Phone);
        Assert.Equal("bdt@dongnai.gov.vn", settings.Email);
        Assert.Equal("© 2014 Bản quyền thuộc Ban Dân tộc tỉnh Đồng Nai", settings.CopyrightLine);
    }

    [Fact]
    public async Task Seed_has_poll_links_categories_pages_and_enough_articles_for_listings()
    {
        using var factory = new PortalFactory();
        await factory.WithDbAsync(async db =>
        {
            var poll = await db.Polls.Include(p => p.Options).SingleAsync(p => p.Question == "Đánh giá về trang thông tin điện tử Ban Dân tộc tỉnh Đồng Nai");
            Assert.True(poll.Options.Count >= 3);
            Assert.Contains(await db.WebLinks.Select(l => l.Name).ToListAsync(), name => name == "Ủy ban Dân tộc");
            Assert.True(await db.Categories.CountAsync() >= 4);
            Assert.True(await db.Articles.CountAsync(a => a.Status == ArticleStatus.Published) >= 13);
            Assert.Equal(3, await db.Pages.CountAsync());
            Assert.True(await db.Articles.CountAsync(a => a.Category.Slug == "hoat-dong-chuyen-nganh") >= 6);
        });
    }

    [Fact]
    public async Task A_second_start_over_the_same_database_adds_nothing()
    {
        var root = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        Dictionary<string, int> Counts(Data.PortalDbContext db) => new()
        {
            ["articles"] = db.Articles.Count(),
            ["documents"] = db.OfficialDocuments.Count(),
            ["categories"] = db.Categories.Count(),
            ["polls"] = db.Polls.Count(),
            ["links"] = db.WebLinks.Count(),
            ["pages"] = db.Pages.Count(),
            ["settings"] = db.SiteSettings.Count(),
            ["types"] = db.DocumentTypes.Count(),
            ["users"] = db.Users.Count(),
            ["media"] = db.MediaFiles.Count(),
        };

        Dictionary<string, int> first;
        using (var factory = new PortalFactory { StorageRoot = root, KeepStorage = true })
        {
            first = await factory.WithDbAsync(db => Task.FromResult(Counts(db)));
        }

        using (var again = new PortalFactory { StorageRoot = root })
        {
            var second = await again.WithDbAsync(db => Task.FromResult(Counts(db)));
            Assert.Equal(first, second);
        }
    }
}
