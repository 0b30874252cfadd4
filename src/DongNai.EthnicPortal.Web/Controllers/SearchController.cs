using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Models;
using DongNai.EthnicPortal.Web.Services.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;

namespace DongNai.EthnicPortal.Web.Controllers;

public sealed class SearchController(ISearchIndex index) : Controller
{
    /// <summary>Deep pages of a search are never read; the cap keeps OFFSET queries cheap.</summary>
    private const int MaxPage = 500;

    [HttpGet("/tim-kiem")]
    [EnableRateLimiting(RateLimitPolicies.Search)]
    [OutputCache(PolicyName = CachePolicies.PublicPage, Tags = [CacheTags.Articles, CacheTags.Documents])]
    public async Task<IActionResult> Index(string? q, string? loai, string? trang, CancellationToken cancellationToken)
    {
        var query = SearchQuery.Parse(q);
        var tab = SearchTab.FromKey(loai);
        var page = int.TryParse(trang, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? Math.Clamp(number, 1, MaxPage)
            : 1;
        var results = await index.QueryAsync(query, tab.Kind, page, cancellationToken);
        ViewData["Title"] = query.Text.Length == 0 ? "Tìm kiếm" : $"Tìm kiếm: {query.Text}";
        return View(new SearchPageModel(query.Text, tab, results));
    }
}
