using System.Text.RegularExpressions;
using DongNai.EthnicPortal.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace DongNai.EthnicPortal.BrowserTests.Journeys;

[Collection(BrowserSuite.Name)]
public sealed partial class CitizenJourney(BrowserHost host)
{
    [Fact]
    public async Task On_a_phone_a_citizen_reaches_the_article_its_document_and_the_attachment()
    {
        var page = await host.NewPageAsync(360, 740);
        await page.GotoAsync("/");

        var menu = page.Locator("nav.main-nav details");
        await page.GetByText("Danh mục", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(menu).ToHaveAttributeAsync("open", "");
        await menu.GetByRole(AriaRole.Link, new() { Name = Seed.Category }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = Seed.Category, Level = 1 })).ToBeVisibleAsync();

        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = Seed.ArticleTitle }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = Seed.ArticleTitle, Level = 1 })).ToBeVisibleAsync();
        var articleUrl = page.Url;
        await Assertions.Expect(page.Locator("main figcaption").First).ToHaveTextAsync(Seed.ArticleCaption);
        await Assertions.Expect(page.Locator("main .byline")).ToContainTextAsync(Seed.ArticleAuthor);
        await host.ScreenshotAsync(page, "journey-article-360");

        var congVan = page.Locator(".article-body a[href^='/van-ban/']", new() { HasText = Seed.CongVanLink }).First;
        await congVan.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("9478/UBND-KGVX");

        var attachment = page.Locator(".attachment-list a").First;
        var href = await attachment.GetAttributeAsync("href");
        Assert.NotNull(href);
        var response = await page.Context.APIRequest.GetAsync(href);
        Assert.Equal(200, response.Status);
        Assert.StartsWith("application/pdf", response.Headers["content-type"], StringComparison.Ordinal);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await response.BodyAsync(), 0, 4), StringComparison.Ordinal);

        await page.GoBackAsync();
        Assert.Equal(articleUrl, page.Url);
        var others = page.Locator("section.other-news");
        await Assertions.Expect(others.GetByRole(AriaRole.Heading, new() { Name = "Các tin khác" })).ToBeVisibleAsync();
        Assert.True(await others.GetByRole(AriaRole.Link).CountAsync() > 0);
        await others.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(ArticlePath());
    }

    [Fact]
    public async Task The_chosen_theme_survives_navigation_and_reload()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/");
        foreach (var key in Seed.ThemeKeys)
        {
            await page.Locator($"a.swatch-{key}").ClickAsync();
            await Assertions.Expect(page.Locator("html")).ToHaveClassAsync(new Regex($"\\btheme-{key}\\b"));
            await page.GotoAsync(Seed.CategoryUrl);
            await Assertions.Expect(page.Locator("html")).ToHaveClassAsync(new Regex($"\\btheme-{key}\\b"));
            await page.ReloadAsync();
            await Assertions.Expect(page.Locator("html")).ToHaveClassAsync(new Regex($"\\btheme-{key}\\b"));
            await Assertions.Expect(page.Locator($"a.swatch-{key}")).ToHaveAttributeAsync("aria-current", "true");
        }
    }

    [Fact]
    public async Task Searching_without_diacritics_in_the_header_finds_the_seed_article()
    {
        var page = await host.NewPageAsync(360, 740);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Tìm kiếm trên trang" }).FillAsync("binh dang gioi");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/tim-kiem\\?q=binh"));
        await Assertions.Expect(page.Locator("main").GetByRole(AriaRole.Link, new() { Name = Seed.ArticleTitle }).First).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await host.ScreenshotAsync(page, "search-360");
    }

    [GeneratedRegex("/tin-tuc/")]
    private static partial Regex ArticlePath();
}
