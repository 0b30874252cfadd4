using Serilog;

namespace DongNai.EthnicPortal.Web.Infrastructure;

public static class LoggingSetup
{
    /// <summary>Serilog from configuration; in a farm every line says which instance wrote it.</summary>
    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder)
    {
        var instance = builder.PortalOptions().InstanceNameOrMachine;
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Instance", instance));
        return builder;
    }
}
