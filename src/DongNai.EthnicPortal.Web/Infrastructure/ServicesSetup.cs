using DongNai.EthnicPortal.Web.Services;

namespace DongNai.EthnicPortal.Web.Infrastructure;

public static class ServicesSetup
{
    public static WebApplicationBuilder AddPortalServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddScoped<ContentChanges>();
        builder.Services.AddSingleton<PortalHtmlSanitizer>();
        return builder;
    }
}
