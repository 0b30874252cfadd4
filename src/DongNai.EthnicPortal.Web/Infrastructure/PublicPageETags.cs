using System.IO.Hashing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace DongNai.EthnicPortal.Web.Infrastructure;

/// <summary>
/// Conditional requests for anonymous public pages: each 200 carries a strong ETag of its body (the body
/// the output cache keeps, or the one just rendered), and a request whose <c>If-None-Match</c> names it
/// gets 304 with no body. <c>Cache-Control: no-cache</c> makes browsers ask every time, so every view still
/// reaches the server and the visit counter, which counts a 304 like a 200 (<see cref="WasNotModifiedPage"/>).
/// It runs after visit counting and before the output cache.
/// </summary>
public sealed class PublicPageETags(RequestDelegate next)
{
    private static readonly object NotModifiedPageKey = new();

    public static bool WasNotModifiedPage(HttpContext context) => context.Items.ContainsKey(NotModifiedPageKey);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!IsPublicPageRequest(context))
        {
            await next(context);
            return;
        }

        var response = context.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;

        // The output cache answers HEAD without a body, which would give a HEAD another ETag and length
        // than its GET: the page is asked for as a GET, and the body is dropped outside (HeadRequests).
        var method = context.Request.Method;
        context.Request.Method = HttpMethods.Get;
        try
        {
            await next(context);
        }
        finally
        {
            context.Request.Method = method;
            response.Body = original;
        }

        // A page with a form carries a fresh antiforgery token each time (marked no-store): no ETag could ever match.
        var unique = response.Headers.CacheControl.ToString().Contains("no-store", StringComparison.OrdinalIgnoreCase);
        if (response.StatusCode == StatusCodes.Status200OK && !response.HasStarted && !unique)
        {
            var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(XxHash128.Hash(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))}\"");
            response.Headers.ETag = etag.ToString();
            response.Headers.CacheControl = "no-cache";
            if (Matches(context.Request, etag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                if (Services.Visits.VisitRules.IsHtml(response.ContentType))
                {
                    context.Items[NotModifiedPageKey] = true;
                }

                return;
            }

            response.ContentLength = buffer.Length;
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private static bool IsPublicPageRequest(HttpContext context) =>
        (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && context.User.Identity?.IsAuthenticated != true
        && context.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>()?.PolicyName == CachePolicies.PublicPage;

    private static bool Matches(HttpRequest request, EntityTagHeaderValue etag) =>
        request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false));
}
