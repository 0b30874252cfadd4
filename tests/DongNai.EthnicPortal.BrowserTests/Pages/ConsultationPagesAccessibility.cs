using DongNai.EthnicPortal.BrowserTests.Infrastructure;
using DongNai.EthnicPortal.BrowserTests.Journeys;
using Microsoft.Playwright;

namespace DongNai.EthnicPortal.BrowserTests.Pages;

/// <summary>axe with zero WCAG 2.1 AA violations on the consultation list and the open draft with its form, in every theme.</summary>
[Collection(BrowserSuite.Name)]
public sealed class ConsultationPagesAccessibility(BrowserHost host)
{
    public static TheoryData<string> Themes => new(Seed.ThemeKeys);

    [Theory]
    [MemberData(nameof(Themes))]
    public async Task The_list_and_the_open_draft_have_no_violations_in_the_theme(string theme)
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync($"/giao-dien/{theme}?quay-lai=%2Flay-y-kien");
        await Assertions.Expect(page.Locator("html")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex($"theme-{theme}"));
        var draftUrl = await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = ConsultationJourney.DraftTitle }).GetAttributeAsync("href");
        Assert.NotNull(draftUrl);

        foreach (var (name, url) in new[] { ("consultations", "/lay-y-kien"), ("consultation", draftUrl) })
        {
            foreach (var width in new[] { 1280, 360 })
            {
                await page.SetViewportSizeAsync(width, width == 360 ? 740 : 900);
                await page.GotoAsync(url);
                await Accessibility.AssertNoViolationsAsync(page);
                var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                Assert.True(overflow <= 0, $"{url} scrolls sideways by {overflow}px at {width}px wide.");
                await host.ScreenshotAsync(page, $"{theme}-{name}-{width}");
            }
        }

        // The form with its error messages showing, as a reader sees it after a mistake.
        await page.GotoAsync(draftUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi góp ý" }).ClickAsync();
        await Assertions.Expect(page.Locator(".form-errors")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
