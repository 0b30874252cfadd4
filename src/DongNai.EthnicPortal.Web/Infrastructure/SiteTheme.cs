namespace DongNai.EthnicPortal.Web.Infrastructure;

/// <summary>The four colour themes of the seed page's switcher. The choice lives in a cookie and is applied server-side.</summary>
public sealed record SiteTheme(string Key, string Label)
{
    public const string CookieName = "portal.theme";

    public static readonly SiteTheme Blue = new("xanh-nuoc-bien", "Màu xanh nước biển");
    public static readonly SiteTheme Red = new("do", "Màu đỏ");
    public static readonly SiteTheme Yellow = new("vang", "Màu vàng");
    public static readonly SiteTheme Green = new("xanh-la-cay", "Màu xanh lá cây");

    public static readonly IReadOnlyList<SiteTheme> All = [Blue, Red, Yellow, Green];

    public static SiteTheme Default => Blue;

    public static SiteTheme? FromKey(string? key) => All.FirstOrDefault(theme => theme.Key == key);

    public static SiteTheme FromRequest(HttpRequest request) =>
        FromKey(request.Cookies[CookieName]) ?? Default;
}
