using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Tests.Documents;

/// <summary>/van-ban.json, /van-ban.csv and /van-ban/rss: the registry's filters as open data.</summary>
public sealed class OpenDataTests(DocumentsFixture fixture) : IClassFixture<DocumentsFixture>
{
    private static readonly string[] RecordFields =
    [
        "id", "url", "numberAndSymbol", "type", "issuer", "field", "signer", "signerTitle", "issuedOn", "effectiveFrom", "effectiveUntil",
        "validity", "validityLabel", "validityNote", "abstract", "fullText", "attachments", "relations",
    ];

    // FeedsController.ItemCount: a feed carries the newest 50.
    private const int FeedItemCount = 50;

    private HttpClient Client => fixture.Factory.CreateBrowserClient();

    [Fact]
    public async Task Every_filter_gives_the_same_documents_in_all_four_forms()
    {
        var plan = await LookupAsync(db => db.DocumentTypes.Where(t => t.Name == "Kế hoạch").Select(t => t.Id).SingleAsync());
        var province = await LookupAsync(db => db.IssuingBodies.Where(b => b.Name == "UBND tỉnh Đồng Nai").Select(b => b.Id).SingleAsync());
        var party = await LookupAsync(db => db.IssuingBodies.Where(b => b.Name == "Tỉnh ủy Đồng Nai").Select(b => b.Id).SingleAsync());
        var gender = await LookupAsync(db => db.DocumentFields.Where(f => f.Name == "Bình đẳng giới").Select(f => f.Id).SingleAsync());
        string[] filters =
        [
            "",
            $"loai={plan}",
            $"co-quan={party}",
            $"loai={plan}&co-quan={province}",
            $"linh-vuc={gender}",
            "nam=2021",
            "hieu-luc=het-hieu-luc",
            "hieu-luc=con-hieu-luc&nam=2023",
            "q=" + Uri.EscapeDataString("binh dang gioi"),
            "q=" + Uri.EscapeDataString("9478/UBND-KGVX"),
            "q=khong-co-van-ban-nao",
        ];

        foreach (var filter in filters)
        {
            var html = await AllListedAsync("/van-ban?" + filter);
            var json = await AllJsonAsync("/van-ban.json?" + filter);
            var csv = (await GetCsvAsync("/van-ban.csv?" + filter)).Skip(1).Select(row => row[2]).ToArray();
            var rss = (await GetFeedAsync("/van-ban/rss?" + filter)).Descendants("item").Select(i => ((string)i.Element("title")!).Split(" số ")[1]).ToArray();

            Assert.Equal(html, json);
            Assert.Equal(html, csv);
            // The feed is the newest matching documents only.
            Assert.Equal(html.Take(FeedItemCount), rss);
        }

        Assert.Equal(["13346/KH-UBND", "13108/KH-UBND", "250-KL/TU", "7169/KH-UBND"], await Client.ListedSymbolsAsync("/van-ban?nam=2021"));
    }

    [Fact]
    public async Task The_json_has_every_public_field_relations_attachments_and_paging_links()
    {
        var (id, _) = await fixture.Factory.FindDocumentAsync("13108/KH-UBND");
        var json = await GetJsonAsync("/van-ban.json?q=13108");
        var root = json.RootElement;
        Assert.Equal(["total", "page", "pageSize", "pageCount", "self", "next", "previous", "html", "documents"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("next").ValueKind);
        Assert.Equal("https://localhost/van-ban?q=13108", root.GetProperty("html").GetString());

        var document = root.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("id").GetInt32() == id);
        Assert.Equal(RecordFields, document.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Kế hoạch", document.GetProperty("type").GetString());
        Assert.Equal("UBND tỉnh Đồng Nai", document.GetProperty("issuer").GetString());
        Assert.Equal("2021-10-25", document.GetProperty("issuedOn").GetString());
        Assert.StartsWith($"https://localhost/van-ban/{id}/", document.GetProperty("url").GetString(), StringComparison.Ordinal);

        var relations = await LookupAsync(db => db.DocumentRelations.CountAsync(r => r.FromDocumentId == id || r.ToDocumentId == id));
        Assert.Equal(relations, document.GetProperty("relations").GetArrayLength());
        Assert.Contains(document.GetProperty("relations").EnumerateArray(), r => r.GetProperty("numberAndSymbol").GetString() == "250-KL/TU" && r.GetProperty("kind").GetString() == "thuc-hien");
    }

    [Fact]
    public async Task Json_pages_chain_through_next_links_and_attachments_carry_url_size_and_format()
    {
        await fixture.Factory.WithDbAsync(async db =>
        {
            for (var n = 1; n <= 55; n++)
            {
                var document = DocumentsTestSupport.NewDocument(db, $"{n}/TB-PAGING", new DateOnly(1999, 1, 1).AddDays(n), type: "Thông báo", abstractText: $"Thông báo phân trang số {n}");
                if (n == 1)
                {
                    document.Attachments.Add(new DocumentAttachment { FileName = "thong-bao.pdf", ContentType = "application/pdf", SizeBytes = 1234, StoredPath = "x/thong-bao.pdf", UploadedAt = DateTime.UtcNow });
                }

                db.OfficialDocuments.Add(document);
            }

            await db.SaveChangesAsync();
        });

        var first = (await GetJsonAsync("/van-ban.json?nam=1999")).RootElement;
        Assert.Equal(55, first.GetProperty("total").GetInt32());
        Assert.Equal(2, first.GetProperty("pageCount").GetInt32());
        Assert.Equal(50, first.GetProperty("documents").GetArrayLength());
        Assert.Equal("https://localhost/van-ban.json?nam=1999&trang=2", first.GetProperty("next").GetString());
        Assert.Equal(Enumerable.Range(1, 55).Reverse().Select(n => $"{n}/TB-PAGING"), await AllJsonAsync("/van-ban.json?nam=1999"));

        var last = (await GetJsonAsync("/van-ban.json?nam=1999&trang=2")).RootElement.GetProperty("documents").EnumerateArray().Last();
        var attachment = Assert.Single(last.GetProperty("attachments").EnumerateArray());
        Assert.Matches(@"^https://localhost/van-ban/tep/\d+$", attachment.GetProperty("url").GetString());
        Assert.Equal(1234, attachment.GetProperty("sizeBytes").GetInt64());
        Assert.Equal("PDF", attachment.GetProperty("format").GetString());
        Assert.Equal("thong-bao.pdf", attachment.GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task The_csv_is_utf8_with_a_bom_and_reads_back_in_vietnamese()
    {
        var response = await Client.GetAsync(new Uri("/van-ban.csv?nam=2021", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);

        var rows = ParseCsv(new UTF8Encoding(true).GetString(bytes, 3, bytes.Length - 3));
        Assert.Equal(["id", "url", "numberAndSymbol", "type", "issuer", "field", "signer", "signerTitle", "issuedOn", "effectiveFrom", "effectiveUntil", "validity", "validityLabel", "validityNote", "abstract", "attachments", "relations"], rows[0]);
        Assert.All(rows, row => Assert.Equal(rows[0].Length, row.Length));
        var conclusion = rows.Single(r => r[2] == "250-KL/TU");
        Assert.Equal("Kết luận", conclusion[3]);
        Assert.Equal("Tỉnh ủy Đồng Nai", conclusion[4]);
        Assert.Equal("2021-07-22", conclusion[8]);
        var abstractText = await fixture.Factory.WithDbAsync(db => db.OfficialDocuments.Where(d => d.NumberAndSymbol == "250-KL/TU").Select(d => d.Abstract).SingleAsync());
        Assert.Equal(abstractText, conclusion[14]);
        Assert.True(conclusion[14].IsNormalized(NormalizationForm.FormC));
        Assert.Contains("Được thực hiện bởi 13108/KH-UBND", conclusion[16], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_feed_is_valid_rss_2_0()
    {
        var province = await LookupAsync(db => db.IssuingBodies.Where(b => b.Name == "UBND tỉnh Đồng Nai").Select(b => b.Id).SingleAsync());
        var response = await Client.GetAsync(new Uri($"/van-ban/rss?co-quan={province}", UriKind.Relative));
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType?.MediaType);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("rss", xml.Root!.Name.LocalName);
        Assert.Equal("2.0", (string?)xml.Root.Attribute("version"));
        var channel = Assert.Single(xml.Root.Elements("channel"));
        foreach (var required in new[] { "title", "link", "description" })
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)channel.Element(required)), $"channel/{required}");
        }

        Assert.True(Uri.IsWellFormedUriString((string)channel.Element("link")!, UriKind.Absolute));
        Assert.Equal("vi", (string?)channel.Element("language"));
        var items = channel.Elements("item").ToList();
        Assert.Equal(5, items.Count);
        foreach (var item in items)
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)item.Element("title")));
            Assert.False(string.IsNullOrWhiteSpace((string?)item.Element("description")));
            Assert.True(Uri.IsWellFormedUriString((string)item.Element("link")!, UriKind.Absolute));
            Assert.Equal((string)item.Element("link")!, (string?)item.Element("guid"));
            var date = (string)item.Element("pubDate")!;
            Assert.Matches(@"^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0700$", date);
            Assert.True(DateTimeOffset.TryParseExact(date.Replace("+0700", "+07:00", StringComparison.Ordinal), "ddd, dd MMM yyyy HH:mm:ss zzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
        }

        Assert.Equal("Thu, 14 Sep 2023 00:00:00 +0700", (string)items[0].Element("pubDate")!);
        Assert.Matches(@"^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0700$", (string)channel.Element("lastBuildDate")!);
    }

    [Fact]
    public async Task Unpublished_documents_and_internal_fields_never_appear()
    {
        var (publishedId, _) = await fixture.Factory.FindDocumentAsync("86/KH-UBND");
        await fixture.Factory.WithDbAsync(async db =>
        {
            var hidden = DocumentsTestSupport.NewDocument(db, "777/KH-ANDI", new DateOnly(2030, 1, 1), type: "Kế hoạch", abstractText: "Kế hoạch chưa công bố");
            hidden.IsPublished = false;
            hidden.FullTextHtml = "<p>nguồn biên tập</p>";
            db.OfficialDocuments.Add(hidden);
            await db.SaveChangesAsync();
            db.DocumentRelations.Add(new DocumentRelation { FromDocumentId = hidden.Id, ToDocumentId = publishedId, Kind = DocumentRelationKind.Implements });
            await db.SaveChangesAsync();
        });

        foreach (var query in new[] { "?q=777", "?q=" + Uri.EscapeDataString("chưa công bố"), "?nam=2030" })
        {
            foreach (var path in new[] { "/van-ban.json", "/van-ban.csv", "/van-ban/rss" })
            {
                var text = await Client.GetStringAsync(new Uri(path + query, UriKind.Relative));
                Assert.DoesNotContain("777/KH-ANDI", text, StringComparison.Ordinal);
                Assert.DoesNotContain("chưa công bố", text, StringComparison.Ordinal);
            }
        }

        var json = await Client.GetStringAsync(new Uri("/van-ban.json?q=86", UriKind.Relative));
        Assert.DoesNotContain("777/KH-ANDI", json, StringComparison.Ordinal);
        foreach (var internalField in new[] { "isPublished", "version", "createdAt", "updatedAt", "normalizedSymbol", "fullTextHtml", "storedPath", "slug" })
        {
            Assert.DoesNotContain($"\"{internalField}\"", json, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Responses_carry_an_etag_honour_if_none_match_and_are_compressed()
    {
        foreach (var path in new[] { "/van-ban.json?nam=2022", "/van-ban.csv?nam=2022", "/van-ban/rss?nam=2022" })
        {
            var first = await Client.GetAsync(new Uri(path, UriKind.Relative));
            var etag = first.Headers.ETag;
            Assert.NotNull(etag);
            Assert.False(etag.IsWeak);

            var again = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
            again.Headers.IfNoneMatch.Add(etag);
            var notModified = await Client.SendAsync(again);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

            var compressed = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
            compressed.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
            var gzip = await Client.SendAsync(compressed);
            Assert.Contains("gzip", gzip.Content.Headers.ContentEncoding);
        }
    }

    [Fact]
    public async Task The_registry_links_to_all_three_forms_for_its_filters_and_announces_the_feed()
    {
        var page = await Client.GetDocumentAsync("/van-ban?nam=2021&q=" + Uri.EscapeDataString("kế hoạch"));
        var links = page.QuerySelectorAll("nav.open-data-links a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains("/van-ban.csv?nam=2021&q=k%E1%BA%BF%20ho%E1%BA%A1ch", links);
        Assert.Contains("/van-ban.json?nam=2021&q=k%E1%BA%BF%20ho%E1%BA%A1ch", links);
        Assert.Contains("/van-ban/rss?nam=2021&q=k%E1%BA%BF%20ho%E1%BA%A1ch", links);
        Assert.Contains("/du-lieu-mo", links);
        var feed = page.QuerySelectorAll("link[rel=alternate][type='application/rss+xml']").Select(l => l.GetAttribute("href")).ToList();
        Assert.Contains("/van-ban/rss?nam=2021&q=k%E1%BA%BF%20ho%E1%BA%A1ch", feed);

        foreach (var href in links)
        {
            var response = await Client.GetAsync(new Uri(href, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task The_open_data_page_explains_the_forms_with_working_examples_and_is_in_the_sitemap_and_footer()
    {
        var page = await Client.GetDocumentAsync("/du-lieu-mo");
        Assert.Equal("Dữ liệu mở: danh mục văn bản chỉ đạo điều hành", page.QuerySelector("h1")!.TextContent);
        var examples = page.QuerySelectorAll("pre a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains(examples, e => e.StartsWith("/van-ban.csv?", StringComparison.Ordinal));
        Assert.Contains(examples, e => e.StartsWith("/van-ban.json?", StringComparison.Ordinal));
        Assert.Contains(examples, e => e.StartsWith("/van-ban/rss?", StringComparison.Ordinal));
        foreach (var example in examples)
        {
            Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync(new Uri(example, UriKind.Relative))).StatusCode);
        }

        var planOfProvince = examples.First(e => e.StartsWith("/van-ban/rss?", StringComparison.Ordinal));
        var planTitles = (await GetFeedAsync(planOfProvince)).Descendants("item").Select(i => (string)i.Element("title")!).ToList();
        Assert.Contains("Kế hoạch số 13346/KH-UBND", planTitles);
        Assert.All(planTitles, t => Assert.StartsWith("Kế hoạch số", t, StringComparison.Ordinal));
        Assert.DoesNotContain(planTitles, t => t.Contains("250-KL/TU", StringComparison.Ordinal));

        Assert.Contains(page.QuerySelectorAll("footer a"), a => a.GetAttribute("href") == "/du-lieu-mo");
        var sitemap = await Client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative));
        Assert.Contains("<loc>https://localhost/du-lieu-mo</loc>", sitemap, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_description_covers_the_json_endpoint()
    {
        var api = await GetJsonAsync("/du-lieu-mo/openapi.json");
        var paths = api.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["/van-ban.json"], paths);
        var parameters = api.RootElement.GetProperty("paths").GetProperty("/van-ban.json").GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["loai", "co-quan", "linh-vuc", "nam", "hieu-luc", "q", "trang"], parameters);
        var schemas = api.RootElement.GetProperty("components").GetProperty("schemas");
        Assert.Equal(RecordFields, schemas.GetProperty("DocumentRecord").GetProperty("properties").EnumerateObject().Select(p => p.Name));
    }

    private Task<int> LookupAsync(Func<Data.PortalDbContext, Task<int>> query) => fixture.Factory.LookupIdAsync(query);

    /// <summary>The registry's list over all its pages, following the pager's rel=next.</summary>
    private async Task<List<string>> AllListedAsync(string url)
    {
        var symbols = new List<string>();
        for (string? next = url; next is not null;)
        {
            var page = await Client.GetDocumentAsync(next);
            symbols.AddRange(page.QuerySelectorAll(".document-item-title a").Select(a => a.TextContent[(a.TextContent.IndexOf(" số ", StringComparison.Ordinal) + 4)..]));
            next = page.QuerySelector(".pager a[rel=next]")?.GetAttribute("href");
        }

        return symbols;
    }

    /// <summary>The JSON documents over all pages, following <c>next</c>.</summary>
    private async Task<List<string>> AllJsonAsync(string url)
    {
        var symbols = new List<string>();
        for (string? next = url; next is not null;)
        {
            var page = (await GetJsonAsync(next)).RootElement;
            symbols.AddRange(page.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("numberAndSymbol").GetString()!));
            next = page.GetProperty("next").GetString() is { } absolute ? new Uri(absolute).PathAndQuery : null;
        }

        return symbols;
    }

    private async Task<JsonDocument> GetJsonAsync(string url)
    {
        var response = await Client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private async Task<List<string[]>> GetCsvAsync(string url)
    {
        var bytes = await Client.GetByteArrayAsync(new Uri(url, UriKind.Relative));
        return ParseCsv(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
    }

    private async Task<XDocument> GetFeedAsync(string url) =>
        XDocument.Parse(await Client.GetStringAsync(new Uri(url, UriKind.Relative)));

    /// <summary>An RFC 4180 reader, written here so the test does not trust the writer's own rules.</summary>
    private static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add([.. row]);
                row.Clear();
                i++;
            }
            else
            {
                cell.Append(c);
            }
        }

        Assert.Equal(0, cell.Length);
        Assert.Empty(row);
        return rows;
    }
}
