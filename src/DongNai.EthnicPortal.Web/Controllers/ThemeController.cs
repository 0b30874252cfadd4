using DongNai.EthnicPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace DongNai.EthnicPortal.Web.Controllers;

/// <summary>
/// The colour-theme switcher. Plain GET links keep it working without JavaScript and keep the pages
/// that carry the links cacheable (a form would need an antiforgery cookie on every page).
/// </summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ThemeController : Controller
{
    [HttpGet("/giao-dien/{key}")]
    public IActionResult Choose(string key, [FromQuery(Name = "quay-lai")] string? returnUrl)
    {
        if (SiteTheme.FromKey(key) is not { } theme)
        {
            return NotFound();
        }

        Response.Cookies.Append(SiteTheme.CookieName, theme.Key, new CookieOptions
        {
            Expires = DateTimeOffset.UtcNow.AddYears(1),
            HttpOnly = true,
            Secure = Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            Path = "/",
        });
        Response.Headers["X-Robots-Tag"] = "noindex";

        // Only a local path is followed, so the switcher cannot be used as an open redirect.
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
