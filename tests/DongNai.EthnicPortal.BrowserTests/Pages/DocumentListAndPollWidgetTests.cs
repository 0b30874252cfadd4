using DongNai.EthnicPortal.BrowserTests.Infrastructure;
using DongNai.EthnicPortal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DongNai.EthnicPortal.BrowserTests.Pages;

/// <summary>
/// Issue 19's phone and widget points, seen in a real browser: the document filters fold away on
/// phones without any script, an issuer's name wraps under its term, and the poll widget of a cached
/// page tells a reader who voted that they did, while other readers still get the form.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class DocumentListAndPollWidgetTests(BrowserHost host)
{
    [Fact]
    public async Task On_a_phone_the_document_filters_are_folded_until_opened_or_in_use_without_scripts()
    {
        var page = await host.NewPageAsync(360, 740, javaScript: false);
        await page.GotoAsync("/van-ban");
        var type = page.Locator("#loc-loai");
        await Assertions.Expect(type).ToBeHiddenAsync();
        var firstTop = await page.Locator(".document-item").First.EvaluateAsync<double>("e => e.getBoundingClientRect().top + window.scrollY");
        Assert.True(firstTop < 740, $"The first document starts {firstTop} px down, below the first screen.");
        await host.ScreenshotAsync(page, "documents-filters-folded-360");

        await page.Locator(".document-filters-panel > summary").ClickAsync();
        await Assertions.Expect(type).ToBeVisibleAsync();
        await type.SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc văn bản" }).ClickAsync();

        // A filter in use stays in sight, so the reader sees what narrowed the list.
        Assert.Contains("loai=", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#loc-loai")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Xóa bộ lọc" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task On_a_wide_screen_the_filters_are_always_shown()
    {
        var page = await host.NewPageAsync(1280, 900, javaScript: false);
        await page.GotoAsync("/van-ban");
        await Assertions.Expect(page.Locator("#loc-loai")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".document-filters-panel > summary")).ToBeHiddenAsync();
        await host.ScreenshotAsync(page, "documents-filters-1280", fullPage: false);
    }

    [Fact]
    public async Task At_360px_a_long_issuer_wraps_under_its_term_instead_of_into_a_narrow_column()
    {
        var page = await host.NewPageAsync(360, 740);
        await page.GotoAsync("/van-ban");
        // A value that takes more than one line must start its second line at the row's left edge.
        var narrow = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.document-item-meta dd')].filter(dd => {
                const row = dd.parentElement.getBoundingClientRect();
                const lines = dd.getBoundingClientRect().height / parseFloat(getComputedStyle(dd).lineHeight);
                const left = Math.min(...[...dd.getClientRects()].map(r => r.left));
                return lines > 1.5 && left > row.left + 1;
            }).map(dd => dd.textContent.trim())
            """);
        Assert.Empty(narrow);
        var wrapped = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('.document-item-meta dd')].filter(dd => dd.getClientRects().length > 1).length");
        Assert.True(wrapped > 0, "No issuer is long enough to wrap at 360 px; the check above proved nothing.");
    }

    [Fact]
    public async Task After_voting_the_widget_on_other_pages_says_so_and_other_readers_still_get_the_form()
    {
        var voter = await host.NewPageAsync(1280, 900);
        await voter.GotoAsync("/gioi-thieu");
        var widget = voter.Locator(".poll-widget");
        await widget.GetByRole(AriaRole.Radio).First.CheckAsync();
        await widget.GetByRole(AriaRole.Button, new() { Name = "Bình chọn" }).ClickAsync();
        await Assertions.Expect(voter.Locator("main .poll-total")).ToContainTextAsync("Tổng số phiếu");

        foreach (var path in new[] { "/gioi-thieu", "/van-ban", "/" })
        {
            await voter.GotoAsync(path);
            await Assertions.Expect(voter.Locator(".poll-widget .poll-voted")).ToBeVisibleAsync();
            await Assertions.Expect(voter.Locator(".poll-widget .poll-voted")).ToContainTextAsync("Bạn đã bình chọn");
            await Assertions.Expect(voter.Locator(".poll-widget form")).ToBeHiddenAsync();
        }

        await Accessibility.AssertNoViolationsAsync(voter);
        await host.ScreenshotAsync(voter, "poll-widget-voted-1280", fullPage: false);

        // The same cached page, read by someone who has not voted.
        var other = await host.NewPageAsync(360, 740);
        await other.GotoAsync("/gioi-thieu");
        await Assertions.Expect(other.Locator(".poll-widget form")).ToBeVisibleAsync();
        await Assertions.Expect(other.Locator(".poll-widget .poll-voted")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task The_rebuild_page_shows_its_progress_and_the_last_run()
    {
        var page = await host.NewPageAsync(360, 740);
        await Seed.SignInAsync(page, PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await page.GotoAsync("/quan-tri/chi-muc-tim-kiem");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xây dựng lại chỉ mục" }).ClickAsync();
        // The script reloads the page when the background rebuild has switched.
        await Assertions.Expect(page.Locator(".search-rebuild-status")).ToContainTextAsync("Hoàn tất lúc", new() { Timeout = 90_000 });
        await Assertions.Expect(page.Locator(".search-rebuild-started")).ToContainTextAsync(PortalFactory.AdminEmail);
        await Accessibility.AssertNoViolationsAsync(page);
        await host.ScreenshotAsync(page, "search-index-rebuilt-360");
        await page.SetViewportSizeAsync(1280, 900);
        await host.ScreenshotAsync(page, "search-index-rebuilt-1280");
    }
}
