namespace DongNai.EthnicPortal.BrowserTests.Infrastructure;

/// <summary>Finds Debian's Chromium; Playwright's own browser download does not work on our machines.</summary>
public static class ChromiumLocator
{
    public const string MissingMessage =
        "Chromium was not found. Install it with `apt-get update && apt-get install -y chromium`, or set PORTAL_CHROMIUM to a Chromium binary.";

    public static string? Find()
    {
        string?[] candidates = [Environment.GetEnvironmentVariable("PORTAL_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"];
        return candidates.FirstOrDefault(path => !string.IsNullOrWhiteSpace(path) && File.Exists(path));
    }

    /// <summary>Skips the test when there is no browser, unless CI demands the browser suite.</summary>
    public static void SkipOrFailWhenMissing()
    {
        if (Find() is not null)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("PORTAL_BROWSER_TESTS_REQUIRED") == "1")
        {
            Assert.Fail(MissingMessage);
        }

        Assert.Skip(MissingMessage);
    }
}
