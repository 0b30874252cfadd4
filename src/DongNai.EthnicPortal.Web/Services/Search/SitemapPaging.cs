namespace DongNai.EthnicPortal.Web.Services.Search;

/// <summary>The "Portal:Sitemap" configuration section.</summary>
public sealed class SitemapOptions
{
    /// <summary>URLs per sitemap file; the protocol allows at most 50,000.</summary>
    public int UrlsPerFile { get; set; } = SitemapPaging.MaxUrlsPerFile;
}

/// <summary>Which rows of which list make up one part of a sitemap that is split into parts.</summary>
public readonly record struct SitemapSlice(int Segment, int Skip, int Take);

/// <summary>
/// The sitemap protocol caps a file at 50,000 URLs; above that, /sitemap.xml becomes an index of
/// parts. The URLs come from several lists in a fixed order (fixed pages, articles, documents), and a
/// part is a window over their concatenation.
/// </summary>
public static class SitemapPaging
{
    public const int MaxUrlsPerFile = 50_000;

    public static int PerFile(int configured) => Math.Clamp(configured, 1, MaxUrlsPerFile);

    /// <summary>How many files the sitemap needs; one file needs no index.</summary>
    public static int PartCount(long totalUrls, int perFile) =>
        totalUrls <= perFile ? 1 : (int)((totalUrls + perFile - 1) / perFile);

    /// <summary>The slices of the lists that make up part <paramref name="part"/> (1-based).</summary>
    public static IReadOnlyList<SitemapSlice> Slices(IReadOnlyList<int> segmentCounts, int part, int perFile)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(part, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(perFile, 1);

        var start = (long)(part - 1) * perFile;
        var end = start + perFile;
        var slices = new List<SitemapSlice>();
        long offset = 0;
        for (var segment = 0; segment < segmentCounts.Count; segment++)
        {
            var count = segmentCounts[segment];
            var from = Math.Max(start, offset);
            var to = Math.Min(end, offset + count);
            if (from < to)
            {
                slices.Add(new SitemapSlice(segment, (int)(from - offset), (int)(to - from)));
            }

            offset += count;
        }

        return slices;
    }
}
