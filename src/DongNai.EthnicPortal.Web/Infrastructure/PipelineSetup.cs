using System.Text;
using DongNai.EthnicPortal.Web.Services.Caching;
using DongNai.EthnicPortal.Web.Services.Farm;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Serilog;

namespace DongNai.EthnicPortal.Web.Infrastructure;

public static class PipelineSetup
{
    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        app.UseHeadWithoutBody();
        app.UseForwardedHeaders();
        app.UsePortalMetrics();
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/loi/500");
        }

        app.UseSecurityHeaders(SecurityHeaders.Policy(app.Environment));
        app.UseStatusCodePagesWithReExecute("/loi/{0}");
        app.UseResponseCompression();
        app.UseRequestLocalization();
        app.UseSerilogRequestLogging();
        app.UseRouting();
        app.UseLegacyAdminRedirects();
        app.UseRequestSizeLimits();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseCleanForms();
        app.UseVisitCounting();
        app.UseMiddleware<PublicPageETags>();
        app.UseMiddleware<OutputCacheMetrics>();
        app.UseOutputCache();
        app.UseMiddleware<StaleRenderGuard>();
        app.Use(OutputCacheMetrics.MarkRendered);
        return app;
    }

    public static WebApplication MapPortalEndpoints(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteHealth });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = WriteHealth });
        // WithStaticAssets lets the tag helpers emit fingerprinted asset URLs, which are served as immutable.
        app.MapControllers().WithStaticAssets();
        app.MapPortalOpenData();
        return app;
    }

    /// <summary>The status alone when healthy; otherwise a line per failing check with its reason, for the operator and the balancer's log.</summary>
    private static Task WriteHealth(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var text = new StringBuilder(report.Status.ToString());
        foreach (var (name, entry) in report.Entries.Where(e => e.Value.Status != Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy))
        {
            text.Append('\n').Append(name).Append(": ").Append(entry.Status).Append(" - ").Append(entry.Description ?? entry.Exception?.GetType().Name ?? "");
        }

        return context.Response.WriteAsync(text.ToString(), Encoding.UTF8);
    }
}
