using System.Globalization;

namespace DongNai.EthnicPortal.Web.Services.Visits;

/// <summary>
/// Counts a visit when a browser without a live visit cookie gets a public HTML page. It runs
/// before the output cache, so pages served from the cache are counted too.
/// </summary>
public sealed class VisitCountingMiddleware(RequestDelegate next, VisitCounter counter, TimeProvider time)
{
    public const string CookieName = "portal.visit";

    /// <summary>A visit ends after this long without a page view.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The cookie is re-issued only when it is older than this. The output cache refuses to store a
    /// response that sets a cookie, so re-issuing on every view would leave browsers unable to fill it.
    /// </summary>
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromMinutes(5);

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method)
            || !VisitRules.IsCandidatePath(request.Path)
            || VisitRules.IsBot(request.Headers.UserAgent.ToString()))
        {
            await next(context);
            return;
        }

        var now = time.GetUtcNow();
        var issuedAt = ReadIssuedAt(request.Cookies[CookieName]);
        var live = issuedAt is { } issued && issued <= now + TimeSpan.FromMinutes(1) && now - issued < Window;
        if (!live || now - issuedAt!.Value >= RefreshAfter)
        {
            context.Response.OnStarting(() =>
            {
                if (IsPageView(context.Response))
                {
                    context.Response.Cookies.Append(CookieName, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), new CookieOptions
                    {
                        HttpOnly = true,
                        SameSite = SameSiteMode.Lax,
                        Secure = Infrastructure.PlainHttp.SecureFlagFor(context.Request),
                        IsEssential = true,
                        MaxAge = Window,
                        Path = "/",
                    });
                }

                return Task.CompletedTask;
            });
        }

        await next(context);

        if (!live && IsPageView(context.Response))
        {
            counter.Increment();
        }
    }

    private static DateTimeOffset? ReadIssuedAt(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and < 100_000_000_000
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    /// <summary>A page, or the 304 that tells the browser its copy of the page is still the page.</summary>
    private static bool IsPageView(HttpResponse response) =>
        (VisitRules.IsSuccess(response.StatusCode) && VisitRules.IsHtml(response.ContentType))
        || Infrastructure.PublicPageETags.WasNotModifiedPage(response.HttpContext);
}
