using DongNai.EthnicPortal.Web.Services.Search;

namespace DongNai.EthnicPortal.Tests.Search;

public sealed class SitemapPagingTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(50_000, 1)]
    [InlineData(50_001, 2)]
    [InlineData(100_000, 2)]
    [InlineData(100_001, 3)]
    public void Part_count_follows_the_50000_limit(long total, int parts) =>
        Assert.Equal(parts, SitemapPaging.PartCount(total, SitemapPaging.MaxUrlsPerFile));

    [Fact]
    public void A_single_file_takes_every_list_whole()
    {
        var slices = SitemapPaging.Slices([9, 100, 6], 1, 50_000);
        Assert.Equal([new SitemapSlice(0, 0, 9), new SitemapSlice(1, 0, 100), new SitemapSlice(2, 0, 6)], slices);
    }

    [Fact]
    public void Parts_are_windows_over_the_lists_in_order()
    {
        int[] counts = [9, 100_000, 6];
        Assert.Equal([new SitemapSlice(0, 0, 9), new SitemapSlice(1, 0, 49_991)], SitemapPaging.Slices(counts, 1, 50_000));
        Assert.Equal([new SitemapSlice(1, 49_991, 50_000)], SitemapPaging.Slices(counts, 2, 50_000));
        Assert.Equal([new SitemapSlice(1, 99_991, 9), new SitemapSlice(2, 0, 6)], SitemapPaging.Slices(counts, 3, 50_000));
        Assert.Empty(SitemapPaging.Slices(counts, 4, 50_000));
    }

    [Fact]
    public void Every_url_lands_in_exactly_one_part()
    {
        int[] counts = [3, 0, 17, 5];
        var perFile = 4;
        var parts = SitemapPaging.PartCount(counts.Sum(), perFile);
        var taken = Enumerable.Range(1, parts).SelectMany(part => SitemapPaging.Slices(counts, part, perFile)).ToList();
        Assert.All(Enumerable.Range(1, parts), part => Assert.True(SitemapPaging.Slices(counts, part, perFile).Sum(s => s.Take) <= perFile));
        for (var segment = 0; segment < counts.Length; segment++)
        {
            var rows = taken.Where(s => s.Segment == segment).SelectMany(s => Enumerable.Range(s.Skip, s.Take)).ToList();
            Assert.Equal(Enumerable.Range(0, counts[segment]), rows);
        }
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(10, 10)]
    [InlineData(1_000_000, 50_000)]
    public void The_configured_size_stays_within_the_protocol(int configured, int expected) =>
        Assert.Equal(expected, SitemapPaging.PerFile(configured));
}
