using System.Globalization;
using System.Net;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Tests.PublicSite;

/// <summary>Every public GET endpoint, read from the app's endpoint data, answers HEAD with the GET's status and headers and no body.</summary>
public sealed class HeadRequestTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    // Headers that differ between two requests by nature, not by method.
    private static readonly HashSet<string> PerRequest = new(StringComparer.OrdinalIgnoreCase) { "Date", "Age", "Set-Cookie" };

    [Fact]
    public async Task Every_public_get_endpoint_answers_head_with_the_same_status_and_headers_and_no_body()
    {
        var endpoints = AppEndpoints.Read(fixture.Factory, "GET").Where(e => e.Area is null && e.Controller.Length > 0 && !e.Template.StartsWith("/loi", StringComparison.Ordinal)).ToList();
        Assert.True(endpoints.Count >= 20, $"only {endpoints.Count} public GET endpoints found");
        var values = await RouteValuesAsync();
        var client = fixture.Factory.CreateClient(new() { AllowAutoRedirect = false });
        var failures = new List<string>();
        var fixedUrls = new[] { "/health", "/health/ready" };
        foreach (var url in endpoints.Select(e => e.Url(name => values(e.Template, name))).Concat(fixedUrls).Distinct(StringComparer.Ordinal))
        {
            // Twice, so a HEAD that arrives after the GET filled the output cache is checked too.
            using var get = await client.GetAsync(new Uri(url, UriKind.Relative));
            var getBody = await get.Content.ReadAsByteArrayAsync();
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(url, UriKind.Relative)));
            var headBody = await head.Content.ReadAsByteArrayAsync();

            if (head.StatusCode != get.StatusCode)
            {
                failures.Add($"{url}: GET {(int)get.StatusCode}, HEAD {(int)head.StatusCode}");
                continue;
            }

            if (headBody.Length != 0)
            {
                failures.Add($"{url}: HEAD has a body of {headBody.Length} bytes");
            }

            var getHeaders = Headers(get);
            var headHeaders = Headers(head);
            foreach (var name in getHeaders.Keys.Union(headHeaders.Keys))
            {
                if (getHeaders.GetValueOrDefault(name) != headHeaders.GetValueOrDefault(name))
                {
                    failures.Add($"{url}: {name} GET “{getHeaders.GetValueOrDefault(name)}”, HEAD “{headHeaders.GetValueOrDefault(name)}”");
                }
            }

            Assert.True(get.StatusCode != HttpStatusCode.OK || getBody.Length > 0, $"{url}: GET answered 200 with no body");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static Dictionary<string, string> Headers(HttpResponseMessage response) =>
        response.Headers.Concat(response.Content.Headers)
            .Where(h => !PerRequest.Contains(h.Key))
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);

    /// <summary>A real value for each route parameter, from the seeded content, so every page answers as a reader sees it.</summary>
    private async Task<Func<string, string, string>> RouteValuesAsync()
    {
        var seed = await fixture.Factory.WithDbAsync(async db => new
        {
            Article = await db.Articles.Where(a => a.Status == ArticleStatus.Published).OrderBy(a => a.Id).Select(a => new { a.Id, a.Slug }).FirstAsync(),
            Category = await db.Categories.OrderBy(c => c.Id).Select(c => c.Slug).FirstAsync(),
            Document = await db.OfficialDocuments.OrderBy(d => d.Id).Select(d => new { d.Id, d.Slug }).FirstAsync(),
            Poll = await db.Polls.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(),
            Media = await db.MediaFiles.OrderBy(m => m.Id).Select(m => new { m.StoredName, m.ContentType }).FirstAsync(),
            Consultation = await db.Consultations.OrderBy(c => c.Id).Select(c => new { c.Id, c.Slug }).FirstOrDefaultAsync(),
        });
        var mediaFile = seed.Media.StoredName + (seed.Media.ContentType == "image/jpeg" ? ".jpg" : ".png");
        return (template, name) => (template, name) switch
        {
            (_, "slugAndId") => $"{seed.Article.Slug}-{seed.Article.Id}",
            (var t, "id") when t.StartsWith("/van-ban/", StringComparison.Ordinal) && !t.Contains("/tep/", StringComparison.Ordinal) => seed.Document.Id.ToString(CultureInfo.InvariantCulture),
            (var t, "slug") when t.StartsWith("/van-ban/", StringComparison.Ordinal) => seed.Document.Slug,
            (var t, "id") when t.StartsWith("/tham-do-y-kien/", StringComparison.Ordinal) => seed.Poll.ToString(CultureInfo.InvariantCulture),
            (var t, "id") when t.StartsWith("/lay-y-kien/", StringComparison.Ordinal) && !t.Contains("/tep/", StringComparison.Ordinal) => (seed.Consultation?.Id ?? 1).ToString(CultureInfo.InvariantCulture),
            (var t, "slug") when t.StartsWith("/lay-y-kien/", StringComparison.Ordinal) => seed.Consultation?.Slug ?? "du-thao",
            (_, "slug") => seed.Category,
            (_, "key") => "do",
            (_, "fileName") => mediaFile,
            _ => "1",
        };
    }
}
