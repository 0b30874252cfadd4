using System.Text.RegularExpressions;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;
using DongNai.EthnicPortal.Tests.Security;

namespace DongNai.EthnicPortal.Tests.Admin;

public sealed partial class SanitizerCorpusTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    public static readonly TheoryData<string> Payloads = XssPayloads.Theory();

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task Payload_posted_through_the_article_form_is_neutralised(string payload)
    {
        var client = await fixture.Factory.SignedInAsync(Roles.Author);
        var id = await client.CreateArticleAsync(fixture.Factory, "Thử mã độc", $"<p>Trước</p>{payload}<p>Sau</p>");

        var article = await fixture.Factory.ArticleAsync(id);
        AssertClean(article.BodyHtml);
        AssertClean(article.RenderedBodyHtml);
        Assert.Contains("Sau", article.BodyHtml, StringComparison.Ordinal);

        var preview = await client.GetStringAsync(new Uri($"/quan-tri/bai-viet/{id}/xem-truoc", UriKind.Relative));
        var body = ArticleBody().Match(preview);
        Assert.True(body.Success);
        AssertClean(body.Groups[1].Value);
    }

    [Fact]
    public void Corpus_has_at_least_sixty_payloads() => Assert.True(XssPayloads.All.Count >= 60);

    private static void AssertClean(string html)
    {
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        // Words in plain text are harmless; what matters is that no attribute carries a script URL.
        Assert.False(ScriptUrl().IsMatch(html), html);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<form", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.False(EventHandler().IsMatch(html), html);
    }

    [GeneratedRegex(@"=\s*[""']?\s*(javascript|vbscript|data):", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptUrl();

    [GeneratedRegex(@"<[^>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();

    [GeneratedRegex("<div class=\"article-body\">(.*?)</div>\\s*(?:<p class=\"article-byline\">|</article>)", RegexOptions.Singleline)]
    private static partial Regex ArticleBody();
}
