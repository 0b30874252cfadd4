using System.ServiceModel.Syndication;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Models;
using DongNai.EthnicPortal.Web.Services.Documents;
using DongNai.EthnicPortal.Web.Services.Formatting;
using DongNai.EthnicPortal.Web.Services.Lists;
using DongNai.EthnicPortal.Web.Services.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace DongNai.EthnicPortal.Web.Controllers;

/// <summary>
/// The document registry as open data: the filters of /van-ban, through the same
/// <see cref="DocumentRegistryQuery"/>, as paged JSON, as CSV and as an RSS 2.0 feed, and the page
/// that explains them. Responses carry an ETag of their bytes and are output-cached with the
/// documents' tag, so any document change reaches them as it reaches /van-ban.
/// </summary>
public sealed class OpenDataController(DocumentRegistryQuery registry, DocumentRecords records, DocumentFacets facets) : Controller
{
    public const int JsonPageSize = 50;
    public const int FeedItemCount = FeedsController.ItemCount;
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>Read per batch, so a CSV of the whole registry never holds more than this many documents' relations at once.</summary>
    private const int CsvBatchSize = 200;

    // Vietnamese letters stay readable; the characters HTML cares about are still escaped.
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
    };

    [HttpGet(PortalUrls.OpenData)]
    [OutputCache(PolicyName = CachePolicies.PublicPage, Tags = [CacheTags.Documents])]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var choices = await facets.GetAsync(cancellationToken);
        return View(new OpenDataPageModel(choices.Types, choices.Issuers, choices.Years));
    }

    /// <summary>One page of the registry with every public field of each document, its relations and attachments.</summary>
    [HttpGet(PortalUrls.DocumentsJson)]
    [OutputCache(PolicyName = CachePolicies.PublicPage, Tags = [CacheTags.Documents])]
    [ApiExplorerSettings(IgnoreApi = false)]
    [ProducesResponseType<DocumentsJsonPage>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [EndpointName("DocumentsJson")]
    [EndpointSummary("Văn bản chỉ đạo điều hành (JSON, phân trang)")]
    [EndpointDescription("Cùng bộ lọc với /van-ban: loai, co-quan, linh-vuc (mã số), nam, hieu-luc (con-hieu-luc, het-hieu-luc, chua-co-hieu-luc), q, trang. Mỗi trang tối đa 50 văn bản; next là địa chỉ trang sau, null ở trang cuối.")]
    public async Task<IActionResult> DocumentsJson(DocumentFilterInput input, CancellationToken cancellationToken)
    {
        var filter = input.ToFilter();
        var selection = await registry.SelectAsync(filter, cancellationToken);
        var slice = PageSlice.Clamped(filter.Page, JsonPageSize, selection.TotalCount);
        var page = slice.Number;
        var documents = await records.LoadAsync(selection.Ordered.Skip(slice.Skip).Take(JsonPageSize), selection.Today, Absolute, cancellationToken);
        var body = new DocumentsJsonPage(
            selection.TotalCount,
            page,
            JsonPageSize,
            slice.PageCount,
            Absolute(filter.Url(PortalUrls.DocumentsJson, page)),
            page < slice.PageCount ? Absolute(filter.Url(PortalUrls.DocumentsJson, page + 1)) : null,
            page > 1 ? Absolute(filter.Url(PortalUrls.DocumentsJson, page - 1)) : null,
            Absolute(filter.Url(page)),
            documents);
        return Tagged(JsonSerializer.SerializeToUtf8Bytes(body, JsonOptions), JsonContentType);
    }

    /// <summary>Every matching document, one row each, as UTF-8 with a byte order mark so Excel reads the Vietnamese right.</summary>
    [HttpGet(PortalUrls.DocumentsCsv)]
    [OutputCache(PolicyName = CachePolicies.PublicPage, Tags = [CacheTags.Documents])]
    public async Task<IActionResult> DocumentsCsv(DocumentFilterInput input, CancellationToken cancellationToken)
    {
        var selection = await registry.SelectAsync(input.ToFilter() with { Page = 1 }, cancellationToken);
        var csv = new StringBuilder();
        DocumentCsv.AppendHeader(csv);
        for (var skip = 0; skip < selection.TotalCount; skip += CsvBatchSize)
        {
            foreach (var document in await records.LoadAsync(selection.Ordered.Skip(skip).Take(CsvBatchSize), selection.Today, Absolute, cancellationToken))
            {
                DocumentCsv.AppendRow(csv, document);
            }
        }

        Response.Headers.ContentDisposition = "inline; filename=\"van-ban.csv\"";
        return Tagged([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())], CsvContentType);
    }

    /// <summary>The newest matching documents as RSS 2.0, so an office can follow one type of one issuer.</summary>
    [HttpGet(PortalUrls.DocumentsFeed)]
    [OutputCache(PolicyName = CachePolicies.PublicPage, Tags = [CacheTags.Documents])]
    public async Task<IActionResult> DocumentsFeed(DocumentFilterInput input, CancellationToken cancellationToken)
    {
        var filter = input.ToFilter() with { Page = 1 };
        var selection = await registry.SelectAsync(filter, cancellationToken);
        var documents = await records.LoadAsync(selection.Ordered.Take(FeedItemCount), selection.Today, Absolute, cancellationToken);
        var items = documents.Select(FeedItem).ToList();
        var feed = new SyndicationFeed(
            "Văn bản chỉ đạo điều hành – Ban Dân tộc tỉnh Đồng Nai",
            "Văn bản mới nhất trong danh mục văn bản chỉ đạo điều hành, theo bộ lọc đã chọn.",
            new Uri(Absolute(filter.Url(1))))
        {
            Language = "vi",
            Items = items,
        };
        if (items.Count > 0)
        {
            feed.LastUpdatedTime = items.Max(i => i.PublishDate);
        }

        feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri(Absolute(filter.Url(PortalUrls.DocumentsFeed, 1))), "application/rss+xml"));
        return Tagged(FeedsController.Rss20(feed), FeedsController.ContentType);
    }

    /// <summary>One document in the feed: type and number as the title, the abstract with issuer, date and validity, filed under its type and issuer.</summary>
    private static SyndicationItem FeedItem(DocumentRecord d)
    {
        var url = new Uri(d.Url);
        var item = new SyndicationItem($"{d.Type} số {d.NumberAndSymbol}", $"{d.Abstract} ({d.Issuer}, ngày ban hành {VietnamDates.Date(d.IssuedOn)}; {d.ValidityLabel})", url)
        {
            Id = url.AbsoluteUri,
            PublishDate = IssuedAt(d.IssuedOn),
        };
        item.Categories.Add(new SyndicationCategory(d.Type));
        item.Categories.Add(new SyndicationCategory(d.Issuer));
        return item;
    }

    /// <summary>A document is dated by the day it was issued, at midnight in Vietnam.</summary>
    private static DateTimeOffset IssuedAt(DateOnly issuedOn) => new(issuedOn.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7));

    private string Absolute(string path) => PortalUrls.Absolute(Request, path);

    /// <summary>The body with a strong ETag of its bytes; a client that already has them gets 304 and no body.</summary>
    private IActionResult Tagged(byte[] body, string contentType)
    {
        var etag = OpenDataETag.Of(body);
        Response.Headers.ETag = etag;
        return OpenDataETag.Matches(Request.Headers.IfNoneMatch, etag)
            ? StatusCode(StatusCodes.Status304NotModified)
            : File(body, contentType);
    }
}
