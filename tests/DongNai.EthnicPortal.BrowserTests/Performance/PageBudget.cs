namespace DongNai.EthnicPortal.BrowserTests.Performance;

public enum ResourceKind
{
    Document,
    Stylesheet,
    Script,
    Font,
    Image,
    Other,
}

/// <summary>One response the browser received while loading a page, with its size on the wire.</summary>
public sealed record LoadedResource(Uri Url, ResourceKind Kind, long TransferredBytes);

public sealed record PageBudgetResult(int Requests, long TransferredBytes, IReadOnlyList<string> Problems)
{
    public bool WithinBudget => Problems.Count == 0;

    public override string ToString() =>
        $"{Requests} requests, {TransferredBytes / 1024.0:0.0} KB transferred{(WithinBudget ? "" : ": " + string.Join("; ", Problems))}";
}

/// <summary>
/// The performance budget of a public page from the performance issues: everything but the article's own
/// images (HTML, CSS, JS, fonts, icons) at most 30 KB on the wire in at most 4 requests, and no web fonts
/// unless preloaded. The article's own images are excluded, because editors choose them.
/// </summary>
public static class PageBudget
{
    public const long MaxTransferredBytes = 30 * 1024;
    public const int MaxRequests = 4;

    public static PageBudgetResult Check(IEnumerable<LoadedResource> resources, ISet<string> contentImagePaths, ISet<string> preloadedPaths)
    {
        var counted = resources
            .Where(r => !(r.Kind == ResourceKind.Image && contentImagePaths.Contains(r.Url.AbsolutePath)))
            .ToList();
        var bytes = counted.Sum(r => r.TransferredBytes);

        List<string> problems = [];
        if (bytes > MaxTransferredBytes)
        {
            problems.Add($"{bytes / 1024.0:0.0} KB of HTML, CSS, JS, fonts and icons exceeds {MaxTransferredBytes / 1024} KB");
        }

        if (counted.Count > MaxRequests)
        {
            problems.Add($"{counted.Count} requests exceed {MaxRequests}");
        }

        problems.AddRange(counted
            .Where(r => r.Kind == ResourceKind.Font && !preloadedPaths.Contains(r.Url.AbsolutePath))
            .Select(r => $"font {r.Url.AbsolutePath} is not preloaded"));

        return new PageBudgetResult(counted.Count, bytes, problems);
    }

    public static ResourceKind KindOf(string playwrightResourceType) => playwrightResourceType switch
    {
        "document" => ResourceKind.Document,
        "stylesheet" => ResourceKind.Stylesheet,
        "script" => ResourceKind.Script,
        "font" => ResourceKind.Font,
        "image" => ResourceKind.Image,
        _ => ResourceKind.Other,
    };
}
