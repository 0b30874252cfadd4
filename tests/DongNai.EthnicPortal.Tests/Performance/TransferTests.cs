using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using DongNai.EthnicPortal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DongNai.EthnicPortal.Tests.Performance;

/// <summary>What a slow phone downloads: compressed text and fingerprinted assets it never asks for twice.</summary>
public sealed partial class TransferTests(TransferTests.PublishedAssetsFixture fixture) : IClassFixture<TransferTests.PublishedAssetsFixture>
{
    /// <summary>
    /// The tests run from a build, whose asset manifest turns on runtime reloading (no-cache, files read
    /// from disk). A published app never does; switching it off here serves assets as published.
    /// </summary>
    public sealed class PublishedAssetsFixture : IDisposable
    {
        public PortalFactory Factory { get; } = new() { Settings = { ["ReloadStaticAssetsAtRuntime"] = "false" } };

        public void Dispose() => Factory.Dispose();
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Html_and_xml_are_compressed_when_asked(string encoding)
    {
        var client = fixture.Factory.CreateBrowserClient();

        foreach (var path in new[] { "/", "/rss", "/sitemap.xml" })
        {
            var response = await GetAsync(client, path, encoding);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Content.Headers.ContentEncoding.SequenceEqual([encoding]), $"{path}: Content-Encoding {string.Join(',', response.Content.Headers.ContentEncoding)}");
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
        }
    }

    [Fact]
    public async Task Json_is_compressed_when_asked()
    {
        var client = fixture.Factory.CreateBrowserClient();
        await client.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        var response = await GetAsync(client, "/quan-tri/thu-vien-anh/chon-anh", "br");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Nothing_is_compressed_for_a_client_that_did_not_ask()
    {
        var response = await fixture.Factory.CreateBrowserClient().GetAsync("/");

        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Fingerprinted_css_and_js_are_cached_for_a_year_as_immutable()
    {
        // Development serves assets revalidated; the tests must run as a deployed site does.
        Assert.Equal("Testing", fixture.Factory.Services.GetRequiredService<IHostEnvironment>().EnvironmentName);
        var client = fixture.Factory.CreateBrowserClient();
        var article = await client.GetStringAsync(await SeedArticleUrlAsync(client));

        foreach (var path in new[] { Asset(article, StylesheetLink()), Asset(article, ScriptLink()) })
        {
            Assert.Matches(Fingerprint(), path);
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var cacheControl = response.Headers.CacheControl;
            Assert.NotNull(cacheControl);
            Assert.True(cacheControl.Extensions.Any(e => e.Name == "immutable"), $"{path}: Cache-Control {cacheControl}");
            Assert.True(cacheControl.MaxAge >= TimeSpan.FromDays(365), $"max-age was {cacheControl.MaxAge}");
        }
    }

    [Fact]
    public async Task Pages_ask_for_one_stylesheet_and_a_deferred_script_only_where_it_is_used()
    {
        var client = fixture.Factory.CreateBrowserClient();
        var home = await client.GetStringAsync("/");
        var article = await client.GetStringAsync(await SeedArticleUrlAsync(client));

        // The seed's open poll is in the sidebar, whose widget site.js turns into "Bạn đã bình chọn" for a reader who voted.
        Assert.Single(StylesheetLink().Matches(home));
        Assert.Contains("defer", Assert.Single(ScriptTag().Matches(home)).Value, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=\"/images/logo.svg", home, StringComparison.Ordinal);
        Assert.Matches("<link rel=\"icon\" href=\"/images/logo\\.[a-z0-9]{8,}\\.svg\"", home);

        // The article's print button needs site.js too, loaded once.
        Assert.Single(StylesheetLink().Matches(article));
        var script = Assert.Single(ScriptTag().Matches(article), tag => tag.Value.Contains(" src=", StringComparison.Ordinal));
        Assert.Contains("defer", script.Value, StringComparison.Ordinal);
    }

    private static async Task<string> SeedArticleUrlAsync(HttpClient client)
    {
        var match = SeedArticleLink().Match(await client.GetStringAsync("/"));
        Assert.True(match.Success, "The seed article is not linked from the home page.");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("href=\"(/tin-tuc/trien-khai-thuc-hien-cong-tac-binh-dang-gioi[^\"]*)\"")]
    private static partial Regex SeedArticleLink();

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        return await client.SendAsync(request);
    }

    private static string Asset(string html, Regex link)
    {
        var match = link.Match(html);
        Assert.True(match.Success, $"No asset matching {link} on the page.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    private static partial Regex StylesheetLink();

    [GeneratedRegex("<script [^>]*src=\"([^\"]+)\"")]
    private static partial Regex ScriptLink();

    [GeneratedRegex("<script [^>]*>")]
    private static partial Regex ScriptTag();

    [GeneratedRegex(@"\.[a-z0-9]{8,}\.(css|js)$")]
    private static partial Regex Fingerprint();
}
