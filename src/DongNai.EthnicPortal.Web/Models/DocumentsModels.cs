using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Services.Documents;
using DongNai.EthnicPortal.Web.Services.Site;
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
    public string Url(int page)
    {
        var query = new Dictionary<string, string?>();
        Add(query, TypeKey, Type?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(query, IssuerKey, Issuer?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(query, FieldKey, Field?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(query, YearKey, Year?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(query, ValidityKey, Validity is { } validity ? DocumentValidity.QueryValue(validity) : null);
        Add(query, QueryKey, string.IsNullOrWhiteSpace(Query) ? null : Query.Trim());
        Add(query, PageKey, page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        return QueryHelpers.AddQueryString(PortalUrls.Documents, query);
    }

    private static void Add(Dictionary<string, string?> query, string key, string? value)
    {
        if (value is not null)
        {
            query[key] = value;
        }
    }
}

public sealed record DocumentListItem(int Id, string Slug, string NumberAndSymbol, string TypeName, string IssuerName, DateOnly IssuedOn, string Abstract, ValidityStatus Validity)
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

    public string FormatName => AttachmentFormats.All.FirstOrDefault(f => f.ContentType == ContentType)?.Name ?? "Tệp";
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
    IReadOnlyList<ArticleCard> CitingArticles)
{
    public string Url => PortalUrls.Document(Id, Slug);

    public string PrintUrl => Url + "/ban-in";

    public string Title => $"{TypeName} số {NumberAndSymbol}";

    public string Signer => string.IsNullOrWhiteSpace(SignerTitle) ? SignerName : $"{SignerName} ({SignerTitle})";
}
