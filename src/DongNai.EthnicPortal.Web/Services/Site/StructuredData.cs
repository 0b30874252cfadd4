using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using DongNai.EthnicPortal.Web.Models;
using DongNai.EthnicPortal.Web.Services.Formatting;

namespace DongNai.EthnicPortal.Web.Services.Site;

/// <summary>schema.org JSON-LD for search engines, serialized by System.Text.Json so no value can break out of its script element.</summary>
public static class StructuredData
{
    // Vietnamese letters stay readable, while <, > and & are still escaped, so "</script>" inside a title stays inert.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string NewsArticle(ArticleViewModel article, string url, string? imageUrl, string publisherName, string logoUrl)
    {
        var data = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["mainEntityOfPage"] = url,
            ["headline"] = article.Title,
            ["description"] = article.Summary,
            ["datePublished"] = VietnamDates.Iso(article.PublishedAt),
            ["dateModified"] = VietnamDates.Iso(article.UpdatedAt > article.PublishedAt ? article.UpdatedAt : article.PublishedAt),
            ["articleSection"] = article.CategoryName,
            ["inLanguage"] = "vi",
            ["image"] = imageUrl is null ? null : new[] { imageUrl },
            ["author"] = string.IsNullOrWhiteSpace(article.AuthorByline) ? null : new Dictionary<string, object?> { ["@type"] = "Person", ["name"] = article.AuthorByline },
            ["publisher"] = new Dictionary<string, object?>
            {
                ["@type"] = "GovernmentOrganization",
                ["name"] = publisherName,
                ["logo"] = new Dictionary<string, object?> { ["@type"] = "ImageObject", ["url"] = logoUrl },
            },
        };
        return JsonSerializer.Serialize(data.Where(entry => entry.Value is not null).ToDictionary(), Options);
    }
}
