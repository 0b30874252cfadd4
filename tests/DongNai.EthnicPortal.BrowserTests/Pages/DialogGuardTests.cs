using DongNai.EthnicPortal.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace DongNai.EthnicPortal.BrowserTests.Pages;

/// <summary>The XSS tests lean on this: a script that opens a dialog must fail the journey that met it.</summary>
[Collection(BrowserSuite.Name)]
public sealed class DialogGuardTests(BrowserHost host)
{
    [Fact]
    public async Task A_javascript_dialog_closes_the_page_so_the_next_step_fails()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/");

        var closed = new TaskCompletionSource();
        page.Close += (_, _) => closed.TrySetResult();

        await page.EvaluateAsync("() => setTimeout(() => alert('xss-probe'), 0)");
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(page.IsClosed);
        await Assert.ThrowsAnyAsync<PlaywrightException>(() => page.GotoAsync("/van-ban"));
    }
}
