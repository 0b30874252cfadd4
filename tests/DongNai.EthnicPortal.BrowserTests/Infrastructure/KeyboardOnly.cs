using Microsoft.Playwright;

namespace DongNai.EthnicPortal.BrowserTests.Infrastructure;

/// <summary>Moving through a page the way a keyboard user does: Tab and Shift+Tab, never the mouse.</summary>
public static class KeyboardOnly
{
    /// <summary>Presses Tab (or Shift+Tab) until the target has focus, failing if it is never reached.</summary>
    public static async Task TabToAsync(IPage page, ILocator target, bool backwards = false, int maxPresses = 80)
    {
        var key = backwards ? "Shift+Tab" : "Tab";
        for (var presses = 0; presses < maxPresses && !await HasFocusAsync(target); presses++)
        {
            await page.Keyboard.PressAsync(key);
        }

        Assert.True(await HasFocusAsync(target), $"{key} never reached {target} on {page.Url} within {maxPresses} presses.");
    }

    public static Task<bool> HasFocusAsync(ILocator target) =>
        target.EvaluateAsync<bool>("e => e === document.activeElement");

    /// <summary>
    /// Fails unless the focused element draws the focus outline both stylesheets give :focus-visible,
    /// since a keyboard user who cannot see where focus is cannot use the page. A box-shadow alone does
    /// not count: the current theme swatch wears one whether focused or not.
    /// </summary>
    public static async Task AssertFocusIsVisibleAsync(ILocator focused)
    {
        Assert.True(await HasFocusAsync(focused), $"{focused} does not have focus.");
        var outline = await focused.EvaluateAsync<string[]>(
            "e => { const s = getComputedStyle(e); return [s.outlineStyle, s.outlineWidth, s.outlineColor]; }");
        Assert.True(
            outline[0] != "none" && outline[1] != "0px",
            $"{focused} has focus but no visible focus outline ({string.Join(' ', outline)}).");
    }
}
