using Microsoft.AspNetCore.OutputCaching;

namespace DongNai.EthnicPortal.Web.Services.Farm;

/// <summary>
/// Counts output-cache hits and misses of the public pages. The output cache has no metrics of its
/// own; a request that reaches the inner marker was rendered (a miss), one that does not was served
/// from the cache (a hit).
/// </summary>
public sealed class OutputCacheMetrics(RequestDelegate next, PortalMetrics metrics)
{
    private static readonly object RenderedKey = new();

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) || context.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>() is null || context.User.Identity?.IsAuthenticated == true)
        {
            await next(context);
            return;
        }

        await next(context);
        if (context.Items.ContainsKey(RenderedKey))
        {
            metrics.OutputCacheMiss();
        }
        else if (context.Response.StatusCode == StatusCodes.Status200OK)
        {
            metrics.OutputCacheHit();
        }
    }

    /// <summary>Placed after the output cache: only requests it did not answer get here.</summary>
    public static Task MarkRendered(HttpContext context, RequestDelegate nextStep)
    {
        context.Items[RenderedKey] = true;
        return nextStep(context);
    }
}
