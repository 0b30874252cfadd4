using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace DongNai.EthnicPortal.BrowserTests.Infrastructure;

public static class Accessibility
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    /// <summary>Runs axe-core with the WCAG 2.1 A/AA rules and fails with each rule id and node.</summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var results = await page.RunAxe(Wcag21AA);
        var problems = results.Violations
            .SelectMany(v => v.Nodes.Select(n => $"{v.Id} ({v.Impact}): {n.Target} – {v.Help}"))
            .ToList();
        Assert.True(problems.Count == 0, $"Accessibility violations on {page.Url}:\n" + string.Join("\n", problems));
    }
}
