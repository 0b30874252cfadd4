using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Admin;
using DongNai.EthnicPortal.Tests.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace DongNai.EthnicPortal.Tests.PublicSite;

public sealed partial class ResponsiveImageTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private const string SeedArticle = "/tin-tuc/trien-khai-thuc-hien-cong-tac-binh-dang-gioi";

    private PortalFactory Factory => fixture.Factory;

    private string MediaFolder => Path.Combine(Factory.StorageRoot, "uploads", "media");

    [Fact]
    public async Task The_seed_cover_gets_jpeg_and_webp_copies_and_pages_offer_webp_first()
    {
        var media = await Factory.WithDbAsync(db => db.MediaFiles.AsNoTracking().SingleAsync(m => m.StoredName == "seed-binh-dang-gioi"));
        Assert.Equal("360,720,960", media.VariantWidths);
        Assert.Equal("360,720,960,1200", media.WebpWidths);

        var client = Factory.CreateClient();
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var article = await client.GetStringAsync(new Uri(await SeedArticleUrlAsync(client), UriKind.Relative));
        foreach (var html in new[] { home, article })
        {
            var (webp, stored) = Copies(HtmlPages.Parse(html), "seed-binh-dang-gioi");
            Assert.Equal("/media/seed-binh-dang-gioi-360.webp 360w, /media/seed-binh-dang-gioi-720.webp 720w, /media/seed-binh-dang-gioi-960.webp 960w, /media/seed-binh-dang-gioi-1200.webp 1200w", webp);
            Assert.Equal("/media/seed-binh-dang-gioi-360.jpg 360w, /media/seed-binh-dang-gioi-720.jpg 720w, /media/seed-binh-dang-gioi-960.jpg 960w, /media/seed-binh-dang-gioi.jpg 1200w", stored);
        }

        var copy = await client.GetAsync(new Uri("/media/seed-binh-dang-gioi-360.webp", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, copy.StatusCode);
        Assert.Equal("image/webp", copy.Content.Headers.ContentType?.MediaType);
        using var decoded = SKBitmap.Decode(await copy.Content.ReadAsByteArrayAsync());
        Assert.Equal(360, decoded.Width);
    }

    [Fact]
    public async Task No_image_is_given_sizes_without_a_srcset()
    {
        var client = Factory.CreateClient();
        var pages = new List<string>
        {
            await client.GetStringAsync(new Uri("/", UriKind.Relative)),
            await client.GetStringAsync(new Uri(await SeedArticleUrlAsync(client), UriKind.Relative)),
        };

        // An image too small for copies: the admin library showed it with sizes and no srcset (issue 19).
        var editor = await Factory.SignedInAsync(Roles.Editor);
        var upload = await editor.PostFileAsync("/quan-tri/thu-vien-anh", "/quan-tri/thu-vien-anh/tai-len", "nho.png", TestImages.Solid(200, 100, SKEncodedImageFormat.Png), [new("altText", "Ảnh nhỏ")]);
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        pages.Add(await editor.GetStringAsync(upload.Headers.Location));

        var images = pages.SelectMany(page => ImageTag().Matches(page)).Select(m => m.Value).ToList();
        Assert.Contains(images, tag => tag.Contains(" sizes=", StringComparison.Ordinal));
        Assert.Contains(images, tag => !tag.Contains(" srcset=", StringComparison.Ordinal));
        Assert.All(images, tag => Assert.True(!tag.Contains(" sizes=", StringComparison.Ordinal) || tag.Contains(" srcset=", StringComparison.Ordinal), tag));
    }

    [Fact]
    public async Task A_figure_inserted_by_the_editor_is_rendered_with_the_srcset_of_its_copies()
    {
        var author = await Factory.SignedInAsync(Roles.Author);
        var response = await author.PostFileAsync("/quan-tri/bai-viet/tao", "/quan-tri/thu-vien-anh/tai-len-tu-trinh-soan", "le-hoi.png", TestImages.Solid(1600, 900, SKEncodedImageFormat.Png), [new("altText", "Lễ hội Katê")]);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var src = json.RootElement.GetProperty("url").GetString()!;
        var name = MediaUrls.StoredNameOf(src)!;

        // The body also carries what an editor cannot be trusted with: a srcset of someone else's server.
        var body = $"<figure><img src=\"{src}\" alt=\"Lễ hội Katê\" width=\"960\" height=\"540\"><figcaption>Lễ hội</figcaption></figure>"
            + "<p><img src=\"/media/khong-co-trong-thu-vien-960.jpg\" srcset=\"https://evil.example/x.jpg 960w\" alt=\"Ảnh lạ\"></p>";
        var id = await author.CreateArticleAsync(Factory, "Bài có ảnh trong thân bài", body);

        var rendered = (await Factory.ArticleAsync(id)).RenderedBodyHtml;
        var bodyPage = HtmlPages.Parse(rendered);
        var figure = bodyPage.One("figure");
        var source = figure.One("picture > source[type='image/webp']");
        Assert.Equal($"/media/{name}-360.webp 360w, /media/{name}-720.webp 720w, /media/{name}-960.webp 960w, /media/{name}-1200.webp 1200w, /media/{name}-1600.webp 1600w", source.GetAttribute("srcset"));
        Assert.Equal("(min-width: 75em) 760px, (min-width: 56em) 62vw, 100vw", source.GetAttribute("sizes"));
        Assert.Equal($"/media/{name}-360.png 360w, /media/{name}-720.png 720w, /media/{name}-960.png 960w, /media/{name}-1200.png 1200w, /media/{name}.png 1600w", figure.One("picture > img").GetAttribute("srcset"));
        Assert.Equal("Lễ hội", figure.One("figcaption").Text());
        // No trace of the foreign srcset may survive anywhere in the stored markup.
        Assert.DoesNotContain("evil.example", rendered, StringComparison.Ordinal);
        var unknown = bodyPage.One("img[src='/media/khong-co-trong-thu-vien-960.jpg']");
        Assert.Equal(("Ảnh lạ", "lazy", "async", null), (unknown.GetAttribute("alt"), unknown.GetAttribute("loading"), unknown.GetAttribute("decoding"), unknown.GetAttribute("srcset")));
        Assert.Null(unknown.Closest("picture"));
    }

    [Fact]
    public async Task Images_stored_before_the_copies_get_them_and_the_bodies_showing_them_are_rendered_again()
    {
        var storedName = "cu" + Guid.NewGuid().ToString("N")[..20];
        // The folder exists only once something was uploaded; this test may run first.
        Directory.CreateDirectory(MediaFolder);
        await File.WriteAllBytesAsync(Path.Combine(MediaFolder, storedName + ".jpg"), TestImages.Solid(800, 400));
        var categoryId = await Factory.FirstCategoryIdAsync();
        var articleId = await Factory.WithDbAsync(async db =>
        {
            db.MediaFiles.Add(new MediaFile { OriginalFileName = "cu.jpg", StoredName = storedName, ContentType = "image/jpeg", Width = 800, Height = 400, AltText = "Ảnh cũ", UploadedAt = DateTime.UtcNow });
            var article = TestArticles.New(categoryId, "Bài có ảnh cũ " + storedName, ArticleStatus.Published, DateTime.UtcNow.AddHours(-1));
            article.BodyHtml = article.RenderedBodyHtml = $"<p><img src=\"/media/{storedName}.jpg\" alt=\"Ảnh cũ\"></p>";
            db.Articles.Add(article);
            await db.SaveChangesAsync();
            return article.Id;
        });

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<ImageCopies>().MakeMissingAsync(CancellationToken.None) >= 1);
        }

        var media = await Factory.WithDbAsync(db => db.MediaFiles.AsNoTracking().SingleAsync(m => m.StoredName == storedName));
        Assert.Equal(("360,720", "360,720,800"), (media.VariantWidths, media.WebpWidths));
        foreach (var file in new[] { "-360.jpg", "-720.jpg", "-360.webp", "-720.webp", "-800.webp" })
        {
            Assert.True(File.Exists(Path.Combine(MediaFolder, storedName + file)), file);
        }

        var (webp, stored) = Copies(HtmlPages.Parse((await Factory.ArticleAsync(articleId)).RenderedBodyHtml), storedName);
        Assert.StartsWith($"/media/{storedName}-360.webp 360w", webp, StringComparison.Ordinal);
        Assert.Equal($"/media/{storedName}-360.jpg 360w, /media/{storedName}-720.jpg 720w, /media/{storedName}.jpg 800w", stored);
    }

    private static async Task<string> SeedArticleUrlAsync(HttpClient client)
    {
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        return SeedLink().Match(home).Groups[1].Value;
    }

    [GeneratedRegex("<img [^>]*>")]
    private static partial Regex ImageTag();

    [GeneratedRegex("href=\"(" + SeedArticle + "[^\"]*)\"")]
    private static partial Regex SeedLink();

    /// <summary>The srcsets of the (first) picture showing an image: its WebP source (listed first, so browsers that can take WebP do) and the img's stored-format copies.</summary>
    private static (string? Webp, string? Stored) Copies(AngleSharp.Dom.IDocument page, string storedName)
    {
        var picture = page.QuerySelectorAll("picture").First(p => p.QuerySelector($"img[src*='{storedName}']") is not null);
        Assert.Equal("image/webp", picture.FirstElementChild!.GetAttribute("type"));
        return (picture.FirstElementChild.GetAttribute("srcset"), picture.One("img").GetAttribute("srcset"));
    }
}
