using System.Net;

namespace DongNai.EthnicPortal.Web.Infrastructure;

/// <summary>
/// Browsers keep a <c>Secure</c> cookie only from HTTPS or from the machine itself (localhost). Outside
/// Development the sign-in cookie is always Secure, so over plain HTTP from another machine signing in
/// cannot work: the sign-in page says so and how to fix it. The visit and voter cookies carry no
/// credential, so they are Secure only over HTTPS and a visitor of a plain-HTTP site keeps them (and is
/// neither counted again on every page nor asked to vote again).
/// </summary>
public static class PlainHttp
{
    public static bool DropsSignInCookie(HttpContext context, IWebHostEnvironment environment) =>
        !environment.IsDevelopment() && !context.Request.IsHttps && !IsLoopback(context.Request.Host.Host);

    /// <summary>The <c>Secure</c> flag for a cookie that holds no credential.</summary>
    public static bool SecureFlagFor(HttpRequest request) => request.IsHttps;

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
