using System.Text.RegularExpressions;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;

namespace DongNai.EthnicPortal.Tests.Admin;

public sealed partial class SanitizerCorpusTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    public static readonly TheoryData<string> Payloads =
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<img src=\"javascript:alert('XSS')\">",
        "<img src=JaVaScRiPt:alert(1)>",
        "<img src=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)>",
        "<img src=\"jav\tascript:alert(1);\">",
        "<img src=\" &#14;  javascript:alert(1);\">",
        "<a href=\"javascript:alert(1)\">bấm</a>",
        "<a href=\"JAVASCRIPT:alert(1)\">bấm</a>",
        "<a href=\"&#x6A;avascript:alert(1)\">bấm</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">dữ liệu</a>",
        "<a href=\"vbscript:msgbox(1)\">vb</a>",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<body onload=alert(1)>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<form action=\"javascript:alert(1)\"><button>gửi</button></form>",
        "<input onfocus=alert(1) autofocus>",
        "<details open ontoggle=alert(1)>",
        "<marquee onstart=alert(1)>chữ chạy</marquee>",
        "<video><source onerror=\"alert(1)\"></video>",
        "<audio src=x onerror=alert(1)>",
        "<p style=\"background:url(javascript:alert(1))\">kiểu</p>",
        "<div style=\"width: expression(alert(1))\">ie</div>",
        "<style>@import 'javascript:alert(1)';</style>",
        "<link rel=stylesheet href=\"javascript:alert(1)\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<table background=\"javascript:alert(1)\"><tr><td>ô</td></tr></table>",
        "<td onmouseover=alert(1)>ô</td>",
        "<p onclick=\"alert(1)\">đoạn</p>",
        "<h2 onmouseenter=alert(1)>tiêu đề</h2>",
        "<figure><img src=\"/media/a.jpg\" onload=alert(1)><figcaption onclick=alert(1)>chú thích</figcaption></figure>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<<script>script>alert(1)//<</script>/script>",
        "<img \"\"\"><script>alert(1)</script>\">",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<a href=\"  javascript:alert(1)\">khoảng trắng</a>",
        "<a href=\"java&#x0A;script:alert(1)\">xuống dòng</a>",
        "<img src=x:alert(alt) onerror=eval(src) alt=0>",
        "<isindex type=image src=1 onerror=alert(1)>",
        "<template><script>alert(1)</script></template>",
        "<xss onafterscriptexecute=alert(1)><script>1</script>",
    ];

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

        var preview = await client.GetStringAsync(new Uri($"/quan-tri/articles/preview/{id}", UriKind.Relative));
        var body = ArticleBody().Match(preview);
        Assert.True(body.Success);
        AssertClean(body.Groups[1].Value);
    }

    [Fact]
    public void Corpus_has_at_least_forty_payloads() => Assert.True(Payloads.Count >= 40);

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
