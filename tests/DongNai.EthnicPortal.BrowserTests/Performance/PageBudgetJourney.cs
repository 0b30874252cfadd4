using System.Collections.Concurrent;
using DongNai.EthnicPortal.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace DongNai.EthnicPortal.BrowserTests.Performance;

[Collection(BrowserSuite.Name)]
public sealed class PageBudgetJourney(BrowserHost host)
{
    /// <summary>
    /// Loads the seed article in a cold browser and weighs every response as it came over the wire, so
    /// compression and caching headers count as they really do.
    /// </summary>
    [Fact]
    public async Task The_article_page_stays_within_the_page_budget()
    {
        var setup = await host.NewPageAsync();
        var url = await Seed.ArticleUrlAsync(setup);

        var page = await host.NewPageAsync(360, 740);
        var finished = new ConcurrentBag<IRequest>();
        page.RequestFinished += (_, request) => finished.Add(request);
        await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        var contentImages = (await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('.article-body img, .article-cover img')].map(i => new URL(i.currentSrc || i.src).pathname)"))
            .ToHashSet(StringComparer.Ordinal);
        var preloaded = (await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('link[rel=preload]')].map(l => new URL(l.href).pathname)"))
            .ToHashSet(StringComparer.Ordinal);

        List<LoadedResource> resources = [];
        foreach (var request in finished)
        {
            var sizes = await request.SizesAsync();
            resources.Add(new LoadedResource(
                new Uri(request.Url),
                PageBudget.KindOf(request.ResourceType),
                sizes.ResponseBodySize + sizes.ResponseHeadersSize));
        }

        var result = PageBudget.Check(resources, contentImages, preloaded);
        var line = $"PAGE-BUDGET {result}";
        // bench/run.sh greps this line from the detailed console log, where test output is printed.
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        TestContext.Current.SendDiagnosticMessage(line);
        Assert.NotEmpty(resources);
        Assert.True(result.WithinBudget, line + "\n" + string.Join("\n", resources.Select(r => $"{r.Kind} {r.Url.AbsolutePath} {r.TransferredBytes} B")));
    }
}
