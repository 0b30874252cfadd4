using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;

namespace DongNai.EthnicPortal.Web.Infrastructure;

public static class SecuritySetup
{
    public static WebApplicationBuilder AddPortalSecurity(this WebApplicationBuilder builder)
    {
        var requestLimits = builder.PortalOptions().RequestLimits;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // The plain-form limit by default; RequestSizeLimits raises it per endpoint before the body is read.
            kestrel.Limits.MaxRequestBodySize = requestLimits.FormBytes;
        });
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(options =>
            options.ValueLengthLimit = (int)Math.Min(int.MaxValue, Math.Max(options.ValueLengthLimit, requestLimits.RichTextFormBytes)));

        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the proxies named in configuration may set the client address; anyone else could spoof it.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in builder.Configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in builder.Configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "portal.af";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.FormFieldName = "__RequestVerificationToken";
        });

        var limits = builder.PortalOptions().RateLimits;
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(RateLimitPolicies.SignIn, context => PerClientPerMinute(context, limits.SignInPerMinute));
            options.AddPolicy(RateLimitPolicies.Vote, context => PerClientPerMinute(context, limits.VotesPerMinute));
            options.AddPolicy(RateLimitPolicies.Search, context => SearchPerClient(context, limits));
            // The database's protection: a few searches run at once, a burst from one office queues behind them.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == RateLimitPolicies.Search
                    ? RateLimitPartition.GetConcurrencyLimiter(RateLimitPolicies.Search, _ => new ConcurrencyLimiterOptions
                    {
                        PermitLimit = Math.Max(1, limits.SearchConcurrency),
                        QueueLimit = Math.Max(0, limits.SearchConcurrencyQueue),
                        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    })
                    : RateLimitPartition.GetNoLimiter(""));
            options.AddPolicy(RateLimitPolicies.Upload, context => PerClientPerMinute(context, limits.UploadsPerMinute));
            options.AddPolicy(RateLimitPolicies.Comment, context => PerClientPerMinute(context, limits.CommentsPerMinute));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var response = context.HttpContext.Response;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 60;
                response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
                response.ContentType = "text/html; charset=utf-8";
                await response.WriteAsync(TooManyRequestsPage(retryAfter), cancellationToken);
            };
        });
        return builder;
    }

    /// <summary>A sliding minute in six steps, so a budget is not refilled all at once; past it requests wait in a short queue first.</summary>
    private static RateLimitPartition<string> SearchPerClient(HttpContext context, PortalOptions.RateLimitOptions limits) =>
        RateLimitPartition.GetSlidingWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, limits.SearchPerMinute),
                Window = TimeSpan.FromMinutes(1),
                SegmentsPerWindow = 6,
                QueueLimit = Math.Max(0, limits.SearchQueue),
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            });

    private static RateLimitPartition<string> PerClientPerMinute(HttpContext context, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });

    private static string TooManyRequestsPage(int retryAfterSeconds) => $"""
        <!DOCTYPE html>
        <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Quá nhiều yêu cầu – Ban Dân tộc tỉnh Đồng Nai</title></head>
        <body><main><h1>Quá nhiều yêu cầu</h1>
        <p>Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau {retryAfterSeconds} giây.</p>
        <p><a href="/">Về trang chủ</a></p></main></body></html>
        """;
}

public static class RateLimitPolicies
{
    public const string SignIn = "sign-in";
    public const string Vote = "vote";
    public const string Search = "search";
    public const string Upload = "upload";
    public const string Comment = "comment";
}
