using AngleSharp.Dom;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;

namespace DongNai.EthnicPortal.Tests.PublicSite;

/// <summary>
/// The home page's category blocks, read in one statement for all of them: each block its category's
/// five newest visible articles, newest first, in the categories' order; no block for a category with none.
/// A database of its own: the categories are added before the first request fills the site chrome.
/// </summary>
public sealed class HomeBlocksTests : IDisposable
{
    // Stored out of order, so that the order shown comes from the publication time.
    private static readonly int[] DaysAgoInStoredOrder = [4, 1, 7, 2, 6, 3, 5];

    private readonly PortalFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task Each_block_shows_its_five_newest_visible_articles_and_an_empty_category_shows_none()
    {
        var now = DateTime.UtcNow;
        await factory.WithDbAsync(async db =>
        {
            var large = new Category { Name = "Khối bảy tin", Slug = "khoi-bay-tin", SortOrder = 90, ShowOnHome = true };
            var small = new Category { Name = "Khối hai tin", Slug = "khoi-hai-tin", SortOrder = 91, ShowOnHome = true };
            var empty = new Category { Name = "Khối chưa có tin", Slug = "khoi-chua-co-tin", SortOrder = 92, ShowOnHome = true };
            db.Categories.AddRange(large, small, empty);
            await db.SaveChangesAsync();

            foreach (var day in DaysAgoInStoredOrder)
            {
                db.Articles.Add(TestArticles.New(large.Id, $"Tin bảy khối {day} ngày trước", ArticleStatus.Published, now.AddDays(-day)));
            }

            db.Articles.Add(TestArticles.New(large.Id, "Tin bảy khối đăng ngày mai", ArticleStatus.Published, now.AddDays(1)));
            db.Articles.Add(TestArticles.New(large.Id, "Tin bảy khối hẹn giờ", ArticleStatus.Scheduled, now.AddHours(2)));
            db.Articles.Add(TestArticles.New(large.Id, "Tin bảy khối bản nháp", ArticleStatus.Draft, null));
            db.Articles.Add(TestArticles.New(small.Id, "Tin hai khối cũ", ArticleStatus.Published, now.AddDays(-9)));
            db.Articles.Add(TestArticles.New(small.Id, "Tin hai khối mới", ArticleStatus.Published, now.AddDays(-8)));
            db.Articles.Add(TestArticles.New(empty.Id, "Tin chưa có khối bản nháp", ArticleStatus.Draft, null));
            db.Articles.Add(TestArticles.New(empty.Id, "Tin chưa có khối đã gỡ", ArticleStatus.Withdrawn, now.AddDays(-1)));
            await db.SaveChangesAsync();
        });

        var page = await factory.CreateBrowserClient().GetDocumentAsync("/");

        var headings = page.Texts("section.block h2.block-title");
        Assert.Equal(["Khối bảy tin", "Khối hai tin"], headings.Where(h => h.StartsWith("Khối", StringComparison.Ordinal)));
        Assert.Null(page.QuerySelector("#category-khoi-chua-co-tin"));
        Assert.Equal(
            ["Tin bảy khối 1 ngày trước", "Tin bảy khối 2 ngày trước", "Tin bảy khối 3 ngày trước", "Tin bảy khối 4 ngày trước", "Tin bảy khối 5 ngày trước"],
            BlockTitles(page, "khoi-bay-tin"));
        Assert.Equal(["Tin hai khối mới", "Tin hai khối cũ"], BlockTitles(page, "khoi-hai-tin"));
        // The seed's own blocks are still there beside the new ones.
        Assert.Contains("Chính sách dân tộc", headings);
    }

    private static List<string> BlockTitles(IDocument page, string slug) =>
        page.One($"section[aria-labelledby='category-{slug}']").Texts(".headline-list li > a");
}
