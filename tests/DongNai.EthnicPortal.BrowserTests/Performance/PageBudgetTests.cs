namespace DongNai.EthnicPortal.BrowserTests.Performance;

/// <summary>The checker's own logic, without a browser.</summary>
public sealed class PageBudgetTests
{
    private static readonly HashSet<string> None = [];

    private static LoadedResource Resource(string path, ResourceKind kind, long bytes) => new(new Uri("http://127.0.0.1" + path), kind, bytes);

    [Fact]
    public void A_lean_page_is_within_budget()
    {
        var result = PageBudget.Check(
            [Resource("/tin-tuc/a-1", ResourceKind.Document, 12_000), Resource("/css/site.css", ResourceKind.Stylesheet, 6_000), Resource("/media/x.jpg", ResourceKind.Image, 300_000)],
            contentImagePaths: new HashSet<string> { "/media/x.jpg" },
            preloadedPaths: None);

        Assert.True(result.WithinBudget, result.ToString());
        Assert.Equal(2, result.Requests);
        Assert.Equal(18_000, result.TransferredBytes);
    }

    [Fact]
    public void Too_many_bytes_fail_even_in_few_requests()
    {
        var result = PageBudget.Check([Resource("/", ResourceKind.Document, 50_000), Resource("/js/app.js", ResourceKind.Script, 20_000)], None, None);
        Assert.False(result.WithinBudget);
        Assert.Contains(result.Problems, p => p.Contains("exceeds 30 KB", StringComparison.Ordinal));
    }

    [Fact]
    public void Images_that_are_not_the_articles_own_count_as_requests()
    {
        var resources = Enumerable.Range(0, 4).Select(i => Resource($"/img/icon{i}.png", ResourceKind.Image, 500)).Append(Resource("/", ResourceKind.Document, 10_000));
        var result = PageBudget.Check(resources, None, None);
        Assert.Equal(5, result.Requests);
        Assert.Contains(result.Problems, p => p.Contains("requests exceed 4", StringComparison.Ordinal));
        Assert.Equal(12_000, result.TransferredBytes);
    }

    [Fact]
    public void Fonts_must_be_preloaded()
    {
        var font = Resource("/fonts/a.woff2", ResourceKind.Font, 10_000);
        Assert.False(PageBudget.Check([font], None, None).WithinBudget);
        Assert.True(PageBudget.Check([font], None, new HashSet<string> { "/fonts/a.woff2" }).WithinBudget);
    }

    [Theory]
    [InlineData("document", ResourceKind.Document)]
    [InlineData("stylesheet", ResourceKind.Stylesheet)]
    [InlineData("script", ResourceKind.Script)]
    [InlineData("font", ResourceKind.Font)]
    [InlineData("image", ResourceKind.Image)]
    [InlineData("fetch", ResourceKind.Other)]
    public void Playwright_resource_types_map_to_kinds(string type, ResourceKind kind) => Assert.Equal(kind, PageBudget.KindOf(type));
}
