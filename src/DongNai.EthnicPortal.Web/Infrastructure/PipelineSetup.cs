using System.Text;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Serilog;

namespace DongNai.EthnicPortal.Web.Infrastructure;

public static class PipelineSetup
{
    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
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
        app.UseRequestSizeLimits();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseVisitCounting();
        app.UseOutputCache();
        return app;
    }

    public static WebApplication MapPortalEndpoints(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteHealth });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = WriteHealth });
        // WithStaticAssets lets the tag helpers emit fingerprinted asset URLs, which are served as immutable.
        app.MapControllerRoute("admin", "quan-tri/{controller=Dashboard}/{action=Index}/{id?}", defaults: new { area = "Admin" }, constraints: new { area = "Admin" })
            .WithStaticAssets();
        app.MapControllers().WithStaticAssets();
        return app;
    }

    private static Task WriteHealth(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(report.Status.ToString(), Encoding.UTF8);
    }
}
