using System.Text.RegularExpressions;
using DongNai.EthnicPortal.BrowserTests.Infrastructure;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;
using DongNai.EthnicPortal.Web.Infrastructure;
using Microsoft.Playwright;

namespace DongNai.EthnicPortal.BrowserTests.Journeys;

/// <summary>
/// The skip link, the theme switcher, the header search and the admin article editor with the keyboard
/// alone: Tab, Shift+Tab, Enter, arrows and typing, no clicks.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed partial class KeyboardJourney(BrowserHost host)
{
    [Fact]
    public async Task The_first_tab_stop_is_the_skip_link_and_it_moves_focus_to_the_main_content()
    {
        var page = await host.NewPageAsync(360, 740);
        await page.GotoAsync(Seed.CategoryUrl);

        await page.Keyboard.PressAsync("Tab");
        var skip = page.Locator("a.skip-link");
        await Assertions.Expect(skip).ToBeFocusedAsync();
        await Assertions.Expect(skip).ToBeInViewportAsync();
        await KeyboardOnly.AssertFocusIsVisibleAsync(skip);
        await host.ScreenshotAsync(page, "keyboard-skip-link-360", fullPage: false);

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main#noi-dung")).ToBeFocusedAsync();

        // The next Tab continues inside the main content, past the whole header.
        await page.Keyboard.PressAsync("Tab");
        Assert.True(
            await page.EvaluateAsync<bool>("() => document.querySelector('main').contains(document.activeElement)"),
            "After the skip link, Tab left the main content.");
    }

    [Fact]
    public async Task Each_theme_is_chosen_by_keyboard_with_a_visible_focus_ring()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/");
        foreach (var key in Seed.ThemeKeys)
        {
            var swatch = page.Locator($"a.swatch-{key}");
            await KeyboardOnly.TabToAsync(page, swatch);
            await KeyboardOnly.AssertFocusIsVisibleAsync(swatch);
            // The switcher redirects back to the same address, so wait for that page rather than for a URL change.
            var returned = page.WaitForResponseAsync(r => r.Request.IsNavigationRequest && r.Url == host.BaseAddress.ToString());
            await page.Keyboard.PressAsync("Enter");
            await returned;
            await page.WaitForLoadStateAsync();

            await Assertions.Expect(page.Locator("html")).ToHaveClassAsync(new Regex($"\\btheme-{key}\\b"));
            await Assertions.Expect(page.Locator($"a.swatch-{key}")).ToHaveAttributeAsync("aria-current", "true");
            var cookies = await page.Context.CookiesAsync();
            Assert.Equal(key, cookies.Single(c => c.Name == SiteTheme.CookieName).Value);
            Assert.Equal(host.BaseAddress.ToString(), page.Url);

            // The focus ring must show in the theme just chosen as well, on its own colours.
            await KeyboardOnly.TabToAsync(page, swatch);
            await KeyboardOnly.AssertFocusIsVisibleAsync(swatch);
            await page.Locator(".topbar").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(host.ScreenshotFolder, $"keyboard-theme-focus-{key}.png") });
            await page.GotoAsync("/");
        }
    }

    [Fact]
    public async Task The_header_search_is_used_by_keyboard_and_the_result_opens_with_enter()
    {
        var page = await host.NewPageAsync(360, 740);
        await page.GotoAsync("/");

        var field = page.GetByRole(AriaRole.Searchbox, new() { Name = "Tìm kiếm trên trang" });
        await KeyboardOnly.TabToAsync(page, field);
        await KeyboardOnly.AssertFocusIsVisibleAsync(field);
        await page.Keyboard.TypeAsync("binh dang gioi");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(SearchResults());
        var result = page.Locator("main").GetByRole(AriaRole.Link, new() { Name = Seed.ArticleTitle }).First;
        await Assertions.Expect(result).ToBeVisibleAsync();

        await KeyboardOnly.TabToAsync(page, result);
        await KeyboardOnly.AssertFocusIsVisibleAsync(result);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = Seed.ArticleTitle, Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_author_signs_in_writes_formats_and_saves_an_article_by_keyboard_alone()
    {
        var title = "Tập huấn kỹ năng số cho người có uy tín " + Guid.NewGuid().ToString("N")[..6];
        const string summary = "Ban Dân tộc tỉnh tập huấn kỹ năng số cho người có uy tín trong đồng bào dân tộc thiểu số.";
        const string firstParagraph = "Người có uy tín được hướng dẫn dùng dịch vụ công trực tuyến.";
        const string boldText = "Thời gian: hai ngày.";
        var page = await host.NewPageAsync();
        var email = await host.Factory.CreateUserAsync(Roles.Author);

        await page.GotoAsync("/quan-tri/dang-nhap");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("a.skip-link")).ToBeFocusedAsync();
        await KeyboardOnly.TabToAsync(page, page.GetByLabel("Email"));
        await page.Keyboard.TypeAsync(email);
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByLabel("Mật khẩu")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(PortalFactory.StaffPassword);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bảng điều khiển" })).ToBeVisibleAsync();

        var create = page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Viết bài mới" });
        await KeyboardOnly.TabToAsync(page, create);
        await KeyboardOnly.AssertFocusIsVisibleAsync(create);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Viết bài mới" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".rte.rte-ready")).ToHaveCountAsync(1);

        await KeyboardOnly.TabToAsync(page, page.GetByLabel("Tiêu đề"));
        await page.Keyboard.TypeAsync(title);
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByLabel("Tóm tắt")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(summary);

        var category = page.GetByLabel("Chuyên mục");
        await KeyboardOnly.TabToAsync(page, category);
        for (var presses = 0; presses < 30 && await SelectedLabelAsync(category) != Seed.Category; presses++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
        }

        Assert.Equal(Seed.Category, await SelectedLabelAsync(category));

        // The toolbar sits in the tab order before the writing area, and each of its buttons shows focus.
        var toolbar = page.Locator(".rte-toolbar");
        var paragraphButton = toolbar.GetByRole(AriaRole.Button, new() { Name = "Đoạn văn" });
        await KeyboardOnly.TabToAsync(page, paragraphButton);
        await KeyboardOnly.AssertFocusIsVisibleAsync(paragraphButton);
        var area = page.Locator(".rte-area");
        await KeyboardOnly.TabToAsync(page, area);
        await KeyboardOnly.AssertFocusIsVisibleAsync(area);
        await page.Keyboard.TypeAsync(firstParagraph);
        await page.Keyboard.PressAsync("Enter");

        // Back to the toolbar (one tab stop), arrow keys to "Đậm", Enter, and the writing carries on in bold where it stopped.
        var bold = toolbar.GetByRole(AriaRole.Button, new() { Name = "Đậm" });
        await page.Keyboard.PressAsync("Shift+Tab");
        await Assertions.Expect(paragraphButton).ToBeFocusedAsync();
        for (var presses = 0; presses < 30 && !await KeyboardOnly.HasFocusAsync(bold); presses++)
        {
            await page.Keyboard.PressAsync("ArrowRight");
        }

        await KeyboardOnly.AssertFocusIsVisibleAsync(bold);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(area).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(boldText);
        await Assertions.Expect(area.Locator("b, strong")).ToHaveTextAsync(boldText);
        await Assertions.Expect(area.Locator("p").First).ToHaveTextAsync(firstParagraph);
        await host.ScreenshotAsync(page, "keyboard-admin-editor-1280");

        var save = page.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true });
        await KeyboardOnly.TabToAsync(page, save);
        await KeyboardOnly.AssertFocusIsVisibleAsync(save);
        await host.ScreenshotAsync(page, "keyboard-admin-save-focus-1280", fullPage: false);
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByText("Đã tạo bản nháp bài viết.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Tiêu đề")).ToHaveValueAsync(title);
        await Assertions.Expect(page.GetByLabel("Tóm tắt")).ToHaveValueAsync(summary);
        await Assertions.Expect(page.Locator(".rte-area p").First).ToHaveTextAsync(firstParagraph);
        await Assertions.Expect(page.Locator(".rte-area").Locator("b, strong")).ToHaveTextAsync(boldText);
    }

    private static Task<string> SelectedLabelAsync(ILocator select) =>
        select.EvaluateAsync<string>("s => s.options[s.selectedIndex].text.trim()");

    [GeneratedRegex("/tim-kiem\\?q=binh")]
    private static partial Regex SearchResults();
}
