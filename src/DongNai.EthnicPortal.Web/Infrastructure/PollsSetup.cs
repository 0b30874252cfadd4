using DongNai.EthnicPortal.Web.Services.Polls;
using DongNai.EthnicPortal.Web.Services.Visits;

namespace DongNai.EthnicPortal.Web.Infrastructure;

public static class PollsSetup
{
    /// <summary>Opinion polls and the visit counter: the two sidebar widgets with honest numbers.</summary>
    public static WebApplicationBuilder AddPortalPolls(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PollKeyHasher>();
        builder.Services.AddScoped<PollService>();

        builder.Services.AddSingleton<VisitCounter>();
        builder.Services.AddHostedService<VisitFlusher>();
        builder.Services.AddScoped<VisitStatistics>();
        return builder;
    }
}

public static class VisitCountingExtensions
{
    /// <summary>Place after authentication (so admin requests are known) and before the output cache (so cached pages count).</summary>
    public static IApplicationBuilder UseVisitCounting(this IApplicationBuilder app) =>
        app.UseMiddleware<VisitCountingMiddleware>();
}
