using Serilog;

namespace DongNai.EthnicPortal.Web.Infrastructure;

public static class LoggingSetup
{
    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder)
    {
        var instance = InstanceName(builder.Configuration);
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Instance", instance));
        return builder;
    }

    /// <summary>In a farm every line must say which instance wrote it; one machine gets its own name.</summary>
    public static string InstanceName(IConfiguration configuration) =>
        configuration[$"{PortalOptions.SectionName}:InstanceName"] is { Length: > 0 } name ? name : Environment.MachineName;
}
