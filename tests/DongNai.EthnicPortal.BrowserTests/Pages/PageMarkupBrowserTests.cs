using DongNai.EthnicPortal.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace DongNai.EthnicPortal.BrowserTests.Pages;

/// <summary>
/// Issue 19's markup points as the browser sees them: what a screen reader is told about a field's
/// error, which icon the browser loads, and which image copy a phone downloads.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class PageMarkupBrowserTests(BrowserHost host)
{
    [Fact]
    public async Task A_screen_reader_on_a_sign_in_field_hears_its_error()
    {
        var page = await host.NewPageAsync(360, 740);
        await page.GotoAsync("/quan-tri/dang-nhap");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();

        var email = page.GetByRole(AriaRole.Textbox, new() { Name = "Email" });
        await Assertions.Expect(email).ToHaveAttributeAsync("aria-invalid", "true");
        var message = (await page.Locator("#" + await email.GetAttributeAsync("aria-describedby")).InnerTextAsync()).Trim();
        Assert.Matches("[àáảãạăâđèéêìíòóôơùúưýỳ]", message);
        await Assertions.Expect(email).ToHaveAccessibleDescriptionAsync(message);
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Theory]
    [InlineData("/quan-tri/dang-nhap")]
    [InlineData("/van-ban")]
    public async Task The_declared_icon_loads_so_the_browser_never_falls_back_to_favicon_ico(string start)
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync(start);
        if (start == "/van-ban")
        {
            // The document print view, the other page that declared no icon.
            var document = await page.Locator(".document-item-title a").First.GetAttributeAsync("href");
            await page.GotoAsync(document + "/ban-in");
        }

        var icon = await page.EvaluateAsync<string?>("() => document.querySelector('link[rel~=icon]')?.href ?? null");
        Assert.NotNull(icon);
        Assert.DoesNotContain("/favicon.ico", icon, StringComparison.Ordinal);
        var response = await page.APIRequest.GetAsync(icon);
        Assert.Equal(200, response.Status);
        Assert.StartsWith("image/", response.Headers["content-type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_phone_downloads_a_resized_copy_of_the_home_images_not_the_full_one()
    {
        var page = await host.NewPageAsync(360, 740);
        await page.GotoAsync("/");

        // For each image with sizes: its own srcset, and the width descriptor of the copy the browser
        // chose among it and its picture's sources (WebP first).
        var images = await page.EvaluateAsync<string[][]>(
            @"async () => {
                const shown = [...document.querySelectorAll('main img[sizes]')];
                await Promise.all(shown.map(i => i.decode().catch(() => null)));
                return shown.map(i => {
                    const sets = [...(i.closest('picture')?.querySelectorAll('source[srcset]') ?? []), i].map(e => e.getAttribute('srcset') ?? '');
                    const chosen = new URL(i.currentSrc).pathname;
                    const candidate = sets.join(',').split(',').map(c => c.trim().split(/\s+/)).find(c => c[0] === chosen);
                    return [i.getAttribute('srcset') ?? '', candidate ? candidate[1] : 'not a copy: ' + chosen];
                });
            }");

        Assert.NotEmpty(images);
        Assert.All(images, image =>
        {
            Assert.NotEqual("", image[0]);
            Assert.Matches("^[0-9]+w$", image[1]);
            Assert.True(int.Parse(image[1].TrimEnd('w'), System.Globalization.CultureInfo.InvariantCulture) < 1200, image[1]);
        });
    }
}
