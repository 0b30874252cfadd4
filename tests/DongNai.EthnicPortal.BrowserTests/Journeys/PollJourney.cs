using DongNai.EthnicPortal.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace DongNai.EthnicPortal.BrowserTests.Journeys;

[Collection(BrowserSuite.Name)]
public sealed class PollJourney(BrowserHost host)
{
    [Fact]
    public async Task A_citizen_votes_by_keyboard_sees_the_chart_and_cannot_vote_twice()
    {
        var page = await host.NewPageAsync(360, 740);
        await page.GotoAsync("/");
        var widget = page.Locator(".poll-widget");
        var firstOption = widget.GetByRole(AriaRole.Radio).First;

        // Keyboard only: Tab through the page into the radio group, Space selects, Tab reaches the button, Enter submits.
        for (var presses = 0; presses < 200 && !await firstOption.EvaluateAsync<bool>("e => e === document.activeElement"); presses++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await Assertions.Expect(firstOption).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(firstOption).ToBeCheckedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(widget.GetByRole(AriaRole.Button, new() { Name = "Bình chọn" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("main svg").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main .poll-total")).ToContainTextAsync("Tổng số phiếu");
        await Accessibility.AssertNoViolationsAsync(page);
        await host.ScreenshotAsync(page, "poll-results-360");

        // Back on a cached page, the widget knows from the reader's own cookie that they voted: no second ballot is offered.
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator(".poll-widget").GetByText("Bạn đã bình chọn cho cuộc thăm dò này.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".poll-widget").GetByRole(AriaRole.Radio)).ToHaveCountAsync(0);
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task The_menu_opens_and_its_links_are_reachable_by_keyboard()
    {
        var page = await host.NewPageAsync(360, 740);
        await page.GotoAsync("/");
        var summary = page.Locator("nav.main-nav summary");

        // Tab from the top of the page until the menu's summary has focus.
        for (var presses = 0; presses < 30 && !await summary.EvaluateAsync<bool>("e => e === document.activeElement"); presses++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await Assertions.Expect(summary).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("nav.main-nav details")).ToHaveAttributeAsync("open", "");
        await page.Keyboard.PressAsync("Tab");
        var focusedHref = await page.EvaluateAsync<string>("() => document.activeElement.closest('nav.main-nav') ? document.activeElement.getAttribute('href') : null");
        Assert.False(string.IsNullOrEmpty(focusedHref));
        await host.ScreenshotAsync(page, "menu-open-360");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(host.BaseAddress + focusedHref.TrimStart('/'));
    }
}
