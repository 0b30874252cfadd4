namespace DongNai.EthnicPortal.Web.Infrastructure;

/// <summary>
/// <c>site.js</c> is loaded only by pages that use it: a view or widget that needs it says so while
/// rendering, and the layout writes the one script tag at the end of the page.
/// </summary>
public static class SiteScript
{
    private const string Key = "portal.site-script";

    public static void Require(HttpContext context) => context.Items[Key] = true;

    public static bool IsRequired(HttpContext context) => context.Items.ContainsKey(Key);
}
