using DongNai.EthnicPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DongNai.EthnicPortal.BrowserTests.Infrastructure;

/// <summary>
/// The real app on Kestrel on a free loopback port with a fresh SQLite database, and Debian's
/// Chromium driven by Playwright. Shared by every browser test in the run.
/// </summary>
public sealed class BrowserHost : IAsyncLifetime
{
    private IPlaywright? playwright;

    public PortalFactory Factory { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        if (ChromiumLocator.Find() is not { } chromium)
        {
            return;
        }

        // The editor autosaves every 2 s instead of 30 s, so the autosave journey does not wait.
        Factory.Settings["Portal:Editor:AutosaveSeconds"] = "2";
        Factory.UseKestrel(0);
        Factory.StartServer();
        var address = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public const string UnexpectedDialog = "Unexpected JavaScript dialog: ";

    /// <summary>
    /// A fresh browser context (own cookies) at the given viewport, failing on any JavaScript dialog;
    /// without <paramref name="javaScript"/>, the page is seen as by a reader whose scripts are off.
    /// </summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, bool javaScript = true)
    {
        ChromiumLocator.SkipOrFailWhenMissing();
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = javaScript,
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
        });
        var page = await context.NewPageAsync();
        // A dialog means injected script ran: the XSS defences failed. Closing the page fails the test's
        // next step, and only that test; the message goes to the test's output and to a step in flight.
        var output = TestContext.Current.TestOutputHelper;
        page.Dialog += async (_, dialog) =>
        {
            var reason = UnexpectedDialog + dialog.Message;
            try
            {
                output?.WriteLine(reason);
                await dialog.DismissAsync();
                await page.CloseAsync(new PageCloseOptions { Reason = reason });
            }
            catch (Exception exception) when (exception is PlaywrightException or InvalidOperationException)
            {
                // The test has ended or its page is already gone: nothing is left to fail, and an
                // exception escaping this event handler would end the whole test run.
            }
        };
        return page;
    }

    public async Task ScreenshotAsync(IPage page, string name, bool fullPage = true) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = fullPage });

    public async ValueTask DisposeAsync()
    {
        if (playwright is not null)
        {
            await Browser.CloseAsync();
            playwright.Dispose();
        }

        await Factory.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserSuite : ICollectionFixture<BrowserHost>
{
    public const string Name = "browser";
}
