using DongNai.EthnicPortal.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace DongNai.EthnicPortal.BrowserTests.Pages;

/// <summary>
/// WCAG 2.1 AA with axe on every main public page in every theme, and the visual record: a full-page
/// screenshot of each at phone and desktop width.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class PublicPagesAccessibility(BrowserHost host)
{
    public static TheoryData<string> Themes => new(Seed.ThemeKeys);

    [Theory]
    [MemberData(nameof(Themes))]
    public async Task Main_public_pages_have_no_violations_in_the_theme_and_are_recorded(string theme)
    {
        var page = await host.NewPageAsync();
        var articleUrl = await Seed.ArticleUrlAsync(page);
        await page.GotoAsync($"/giao-dien/{theme}?quay-lai=%2F");
        await Assertions.Expect(page.Locator("html")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex($"theme-{theme}"));

        (string Name, string Url)[] pages =
        [
            ("home", "/"),
            ("category", Seed.CategoryUrl),
            ("article", articleUrl),
            ("documents", "/van-ban"),
            ("search", "/tim-kiem?q=binh+dang+gioi"),
        ];
        foreach (var (name, url) in pages)
        {
            await page.SetViewportSizeAsync(1280, 900);
            await page.GotoAsync(url);
            await Accessibility.AssertNoViolationsAsync(page);
            await AssertNoHorizontalOverflowAsync(page);
            await host.ScreenshotAsync(page, $"{theme}-{name}-1280");

            await page.SetViewportSizeAsync(360, 740);
            await page.ReloadAsync();
            await AssertNoHorizontalOverflowAsync(page);
            await host.ScreenshotAsync(page, $"{theme}-{name}-360");
            await host.ScreenshotAsync(page, $"{theme}-{name}-360-screen", fullPage: false);
        }
    }

    [Fact]
    public async Task Document_poll_results_not_found_and_sign_in_pages_have_no_violations()
    {
        var page = await host.NewPageAsync(360, 740);

        await page.GotoAsync("/van-ban");
        await page.Locator("main .document-item-title a").First.ClickAsync();
        await Assertions.Expect(page.Locator(".attachment-list")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await AssertNoHorizontalOverflowAsync(page);
        await host.ScreenshotAsync(page, "document-360");

        await page.GotoAsync("/");
        await page.Locator(".poll-widget").GetByRole(AriaRole.Link, new() { Name = "Xem kết quả" }).ClickAsync();
        await Assertions.Expect(page.Locator("main .poll-total")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await AssertNoHorizontalOverflowAsync(page);

        var missing = await page.GotoAsync("/trang-khong-ton-tai");
        Assert.Equal(404, missing!.Status);
        await Accessibility.AssertNoViolationsAsync(page);
        await host.ScreenshotAsync(page, "not-found-360");

        await page.GotoAsync("/quan-tri/dang-nhap");
        await Accessibility.AssertNoViolationsAsync(page);
        await AssertNoHorizontalOverflowAsync(page);
        await host.ScreenshotAsync(page, "sign-in-360");
    }

    private static async Task AssertNoHorizontalOverflowAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{page.Url} scrolls sideways by {overflow}px at {page.ViewportSize?.Width}px wide.");
    }
}
