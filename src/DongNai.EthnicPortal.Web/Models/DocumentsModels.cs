using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Web.Services.Documents;
using DongNai.EthnicPortal.Web.Services.Search;
using DongNai.EthnicPortal.Web.Services.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace DongNai.EthnicPortal.Web.Models;

/// <summary>
/// The registry's filters as they appear in the query string. The keys are part of shared links, so
/// they are stable: loai, co-quan, linh-vuc, nam, hieu-luc, q, trang.
/// </summary>
public sealed record DocumentFilter(int? Type, int? Issuer, int? Field, int? Year, ValidityStatus? Validity, string? Query, int Page)
{
    public const string TypeKey = "loai";
    public const string IssuerKey = "co-quan";
    public const string FieldKey = "linh-vuc";
    public const string YearKey = "nam";
    public const string ValidityKey = "hieu-luc";
    public const string QueryKey = "q";
    public const string PageKey = "trang";

    public bool IsFiltered => Type is not null || Issuer is not null || Field is not null || Year is not null || Validity is not null || !string.IsNullOrWhiteSpace(Query);

    /// <summary>The registry URL with these filters and the given page (page 1 is left out, so the first page has one URL).</summary>
    public string Url(int page) => Url(PortalUrls.Documents, page);

    /// <summary>Another form of the registry (<paramref name="path"/>) with these filters and page.</summary>
    public string Url(string path, int page)
    {
        var query = new Dictionary<string, string?>();
        Add(query, TypeKey, Type?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(query, IssuerKey, Issuer?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(query, FieldKey, Field?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(query, YearKey, Year?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(query, ValidityKey, Validity is { } validity ? DocumentValidity.QueryValue(validity) : null);
        Add(query, QueryKey, string.IsNullOrWhiteSpace(Query) ? null : Query.Trim());
        Add(query, PageKey, page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        return QueryHelpers.AddQueryString(path, query);
    }

    private static void Add(Dictionary<string, string?> query, string key, string? value)
    {
        if (value is not null)
        {
            query[key] = value;
        }
    }
}

/// <summary>
/// The registry's filters as bound from the query string, for every form of the registry. Unparseable
/// values bind as null and simply do not filter: a shared link with a typo still shows the registry.
/// </summary>
public sealed class DocumentFilterInput
{
    private const int MaxQueryLength = 200;

    [FromQuery(Name = DocumentFilter.TypeKey)]
    public int? Type { get; set; }

    [FromQuery(Name = DocumentFilter.IssuerKey)]
    public int? Issuer { get; set; }

    [FromQuery(Name = DocumentFilter.FieldKey)]
    public int? Field { get; set; }

    [FromQuery(Name = DocumentFilter.YearKey)]
    public int? Year { get; set; }

    [FromQuery(Name = DocumentFilter.ValidityKey)]
    public string? Validity { get; set; }

    [FromQuery(Name = DocumentFilter.QueryKey)]
    public string? Q { get; set; }

    [FromQuery(Name = DocumentFilter.PageKey)]
    public int? Page { get; set; }

    public DocumentFilter ToFilter()
    {
        var text = string.IsNullOrWhiteSpace(Q) ? null : VietnameseText.ToNfc(Q.Trim());
        if (text is { Length: > MaxQueryLength })
        {
            text = text[..MaxQueryLength];
        }

        return new DocumentFilter(Type, Issuer, Field, Year is >= 1900 and <= 2200 ? Year : null, DocumentValidity.FromQueryValue(Validity), text, Math.Max(1, Page ?? 1));
    }
}

public sealed record DocumentListItem(int Id, string Slug, string NumberAndSymbol, string TypeName, string IssuerName, DateOnly IssuedOn, string Abstract, ValidityStatus Validity, AttachmentPageHit? InAttachment = null)
{
    public string Url => PortalUrls.Document(Id, Slug);
}

public sealed record LookupOption(int Id, string Name);

public sealed record DocumentRegistryModel(
    DocumentFilter Filter,
    IReadOnlyList<DocumentListItem> Items,
    int TotalCount,
    int PageCount,
    IReadOnlyList<LookupOption> Types,
    IReadOnlyList<LookupOption> Issuers,
    IReadOnlyList<LookupOption> Fields,
    IReadOnlyList<int> Years);

public sealed record DocumentAttachmentItem(int Id, string FileName, string ContentType, long SizeBytes)
{
    public string Url => PortalUrls.Attachment(Id);

    public string Size => FileSizes.Format(SizeBytes);

    public string FormatName => AttachmentFormats.Name(ContentType);
}

public sealed record RelatedDocumentItem(string Relation, int Id, string Slug, string NumberAndSymbol, string TypeName, string Abstract)
{
    public string Url => PortalUrls.Document(Id, Slug);
}

public sealed record DocumentPageModel(
    int Id,
    string Slug,
    string NumberAndSymbol,
    string TypeName,
    string IssuerName,
    string SignerName,
    string? SignerTitle,
    DateOnly IssuedOn,
    DateOnly? EffectiveFrom,
    DateOnly? EffectiveUntil,
    ValidityStatus Validity,
    string? ValidityNote,
    string? FieldName,
    string Abstract,
    string? FullTextHtml,
    IReadOnlyList<DocumentAttachmentItem> Attachments,
    IReadOnlyList<RelatedDocumentItem> Related,
    IReadOnlyList<ArticleCard> CitingArticles,
    int CitingCount)
{
    /// <summary>The citing articles shown on the document page; the rest are on <see cref="CitingUrl"/>.</summary>
    public const int CitingShown = 20;

    public string Url => PortalUrls.Document(Id, Slug);

    public string PrintUrl => Url + "/ban-in";

    public string CitingUrl => Url + "/tin-bai";

    public string Title => $"{TypeName} số {NumberAndSymbol}";

    public string Signer => string.IsNullOrWhiteSpace(SignerTitle) ? SignerName : $"{SignerName} ({SignerTitle})";
}

/// <summary>One page of /van-ban.json. <see cref="Next"/> is null on the last page; <see cref="Html"/> is the same page for people.</summary>
public sealed record DocumentsJsonPage(
    int Total,
    int Page,
    int PageSize,
    int PageCount,
    string Self,
    string? Next,
    string? Previous,
    string Html,
    IReadOnlyList<DocumentRecord> Documents);

public sealed record OpenDataPageModel(IReadOnlyList<LookupOption> Types, IReadOnlyList<LookupOption> Issuers, IReadOnlyList<int> Years);

/// <summary>Every article citing one document, a page at a time, newest first.</summary>
public sealed record DocumentCitingArticlesModel(int Id, string Slug, string Title, IReadOnlyList<ArticleCard> Articles, int TotalCount, int Page, int PageCount)
{
    public const int PageSize = 20;

    public string DocumentUrl => PortalUrls.Document(Id, Slug);

    public string PageUrl(int page) => DocumentUrl + "/tin-bai" + (page > 1 ? "?trang=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture) : "");
}
