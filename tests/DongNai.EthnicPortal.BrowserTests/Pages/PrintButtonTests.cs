using DongNai.EthnicPortal.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace DongNai.EthnicPortal.BrowserTests.Pages;

/// <summary>
/// Issue 19's first point, seen in a real browser: "In bài viết" and "In văn bản" only work with a
/// script, so a reader whose scripts are off is not shown them; with scripts they are there.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class PrintButtonTests(BrowserHost host)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_print_buttons_are_shown_only_when_a_script_can_print(bool javaScript)
    {
        var page = await host.NewPageAsync(360, 740, javaScript);
        await page.GotoAsync("/");
        await page.Locator("main a[href^='/tin-tuc/']").First.ClickAsync();
        await AssertShownAsync(page.GetByRole(AriaRole.Button, new() { Name = "In bài viết", IncludeHidden = true }), javaScript);

        await page.GotoAsync("/van-ban");
        var document = await page.Locator(".document-item-title a").First.GetAttributeAsync("href");
        await page.GotoAsync(document + "/ban-in");
        await AssertShownAsync(page.GetByRole(AriaRole.Button, new() { Name = "In văn bản", IncludeHidden = true }), javaScript);
    }

    private static async Task AssertShownAsync(ILocator button, bool shown)
    {
        await Assertions.Expect(button).ToHaveCountAsync(1);
        if (shown)
        {
            await Assertions.Expect(button).ToBeVisibleAsync();
        }
        else
        {
            await Assertions.Expect(button).ToBeHiddenAsync();
        }
    }
}
