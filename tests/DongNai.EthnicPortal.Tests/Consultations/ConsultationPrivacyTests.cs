using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static DongNai.EthnicPortal.Tests.Consultations.ConsultationTestSupport;

namespace DongNai.EthnicPortal.Tests.Consultations;

/// <summary>A commenter's name, e-mail and phone never reach a public response, whatever the editor publishes.</summary>
public sealed partial class ConsultationPrivacyTests : IDisposable
{
    private const string Name = "Trần Thị Bảomật";
    private const string Email = "baomat.rieng@example.vn";
    private const string Phone = "0987654321";
    private const string Organisation = "Hội Nông dân xã Xuân Bắc";

    private readonly FakeTimeProvider time = new(Start);
    private readonly PortalFactory factory;

    public ConsultationPrivacyTests() => factory = NewFactory(time);

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task No_public_page_feed_sitemap_or_search_result_shows_a_commenters_personal_data()
    {
        var now = time.GetUtcNow().UtcDateTime;
        var (id, url) = await CreateAsync(factory, now.AddDays(-1), now.AddDays(10), publishComments: true);
        var fields = ValidFields("Đề nghị nêu rõ tiêu chí chọn người có uy tín.");
        fields["Form.FullName"] = Name;
        fields["Form.Email"] = Email;
        fields["Form.Phone"] = "0987 654 321";
        fields["Form.Organisation"] = Organisation;
        Assert.Equal(HttpStatusCode.OK, (await CommentAsync(factory.Citizen(), time, url, id, fields)).StatusCode);
        var personal = ValidFields("Góp ý của một người không ghi cơ quan.");
        personal["Form.FullName"] = Name;
        personal["Form.Email"] = Email;
        personal["Form.Organisation"] = "";
        Assert.Equal(HttpStatusCode.OK, (await CommentAsync(factory.Citizen(), time, url, id, personal)).StatusCode);

        // The editor approves both for publication, answers one and the search index is rebuilt.
        await factory.WithDbAsync(async db =>
        {
            foreach (var comment in await db.ConsultationComments.Where(c => c.ConsultationId == id).ToListAsync())
            {
                comment.Status = ConsultationCommentStatus.Approved;
                comment.ResponseKind = ConsultationResponseKind.Accepted;
                comment.ResponseText = "Tiếp thu, bổ sung vào Điều 2.";
            }

            await db.SaveChangesAsync();
        });
        await factory.AnnounceAsync(id);

        var client = factory.CreateBrowserClient();
        var page = await client.GetStringAsync(new Uri(url, UriKind.Relative));
        Assert.Contains(Organisation, page, StringComparison.Ordinal);
        Assert.Contains("Cá nhân", page, StringComparison.Ordinal);

        var visited = await CrawlAsync(client, [
            "/", url, "/lay-y-kien", "/rss", "/rss/lay-y-kien", "/sitemap.xml", "/robots.txt", "/van-ban", "/van-ban.json", "/van-ban.csv",
            $"/tim-kiem?q={Uri.EscapeDataString(Name)}", $"/tim-kiem?q={Uri.EscapeDataString(Email)}", $"/tim-kiem?q={Phone}",
            $"/tim-kiem?q={Uri.EscapeDataString("tiêu chí chọn người có uy tín")}", $"/tim-kiem?q={Uri.EscapeDataString(Organisation)}",
        ]);
        Assert.True(visited.Count > 20, $"Only {visited.Count} public responses were scanned.");
        Assert.Contains(visited, v => v.StartsWith("/chuyen-muc/", StringComparison.Ordinal));
        Assert.Contains(visited, v => v.StartsWith("/tin-tuc/", StringComparison.Ordinal));
    }

    /// <summary>Follows every same-site link from the start pages (not the admin area) and checks each response body.</summary>
    private static async Task<HashSet<string>> CrawlAsync(HttpClient client, IEnumerable<string> start)
    {
        var queue = new Queue<string>(start);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var parser = new HtmlParser();
        while (queue.Count > 0 && visited.Count < 400)
        {
            var path = queue.Dequeue();
            if (!visited.Add(path))
            {
                continue;
            }

            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            // A search page repeats the query in its box and summary; what it found is what must not leak.
            var scanned = path.StartsWith("/tim-kiem", StringComparison.Ordinal)
                ? parser.ParseDocument(body).QuerySelector(".search-results")?.OuterHtml ?? ""
                : body;
            var decoded = WebUtility.HtmlDecode(scanned);
            foreach (var secret in new[] { Name, Email, Phone, "0987 654 321" })
            {
                Assert.False(decoded.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{path} shows “{secret}”.");
            }

            var type = response.Content.Headers.ContentType?.MediaType;
            var links = type == "text/html"
                ? parser.ParseDocument(body).QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!)
                : LocUrl().Matches(body).Select(m => new Uri(m.Groups[1].Value).PathAndQuery);
            foreach (var link in links)
            {
                if (link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) && !link.StartsWith("/quan-tri", StringComparison.Ordinal)
                    && !link.StartsWith("/giao-dien/", StringComparison.Ordinal) && !link.StartsWith("/media/", StringComparison.Ordinal)
                    && !link.Contains('#', StringComparison.Ordinal))
                {
                    queue.Enqueue(link);
                }
            }
        }

        return visited;
    }

    [GeneratedRegex("<(?:loc|link)>(https?://[^<]+)</(?:loc|link)>")]
    private static partial Regex LocUrl();
}
