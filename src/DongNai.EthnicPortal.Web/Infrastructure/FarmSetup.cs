using System.Net;
using DongNai.EthnicPortal.Web.Services.Farm;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace DongNai.EthnicPortal.Web.Infrastructure;

/// <summary>
/// What lets several instances behave like one site: the Redis invalidation signal (only when
/// <c>Portal:Redis:Configuration</c> is set; one machine runs exactly as before) and the metrics.
/// </summary>
public static class FarmSetup
{
    public const string MetricsPath = "/metrics";

    public static WebApplicationBuilder AddPortalFarm(this WebApplicationBuilder builder)
    {
        var options = builder.PortalOptions();
        var redis = options.Redis.Configuration;
        var shared = !string.IsNullOrWhiteSpace(redis);
        builder.Services.AddSingleton(new CacheSignalState(shared));
        builder.Services.AddSingleton<PortalMetrics>();
        if (shared)
        {
            builder.Services.AddSingleton(services => ActivatorUtilities.CreateInstance<RedisCacheSignal>(services, redis!));
            builder.Services.AddSingleton<ICacheSignal>(services => services.GetRequiredService<RedisCacheSignal>());
            builder.Services.AddHostedService(services => services.GetRequiredService<RedisCacheSignal>());
            builder.Services.AddHealthChecks().AddCheck<CacheSignalHealthCheck>("redis", tags: ["ready"]);
            if (options.OutputCache.Store == "Redis")
            {
                // The measured alternative (bench/RESULTS.md, "Web farm"): pages stored in Redis instead of each instance's memory.
                builder.Services.AddStackExchangeRedisOutputCache(options => options.ConfigurationOptions = RedisCacheSignal.Options(redis!));
            }
        }
        else
        {
            builder.Services.AddSingleton<ICacheSignal, SingleInstanceCacheSignal>();
        }

        var instance = options.InstanceNameOrMachine;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("dongnai-ethnic-portal", serviceInstanceId: instance))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(PortalMetrics.MeterName)
                .AddPrometheusExporter());
        return builder;
    }

    /// <summary>The Prometheus endpoint answers only loopback and the networks in <c>Portal:Metrics:AllowedNetworks</c>; everyone else gets the 404 of any unknown URL.</summary>
    public static WebApplication UsePortalMetrics(this WebApplication app)
    {
        var networks = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PortalOptions>>().Value.Metrics.AllowedNetworks
            .Select(System.Net.IPNetwork.Parse)
            .ToArray();
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Request.Path == MetricsPath && IsAllowedScraper(context, networks));
        return app;
    }

    private static bool IsAllowedScraper(HttpContext context, System.Net.IPNetwork[] networks)
    {
        // A request that came through a proxy is a public request, whatever address the proxy has.
        if (context.Request.Headers.ContainsKey("X-Forwarded-For") || context.Request.Headers.ContainsKey("X-Original-For"))
        {
            return false;
        }

        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return false;
        }

        address = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return IPAddress.IsLoopback(address) || networks.Any(network => network.Contains(address));
    }
}
