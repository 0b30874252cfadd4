using DongNai.EthnicPortal.Web.Services.Articles;
using DongNai.EthnicPortal.Web.Services.Audit;
using DongNai.EthnicPortal.Web.Services.Caching;
using DongNai.EthnicPortal.Web.Services.Html;
using DongNai.EthnicPortal.Web.Services.Persistence;
using DongNai.EthnicPortal.Web.Services.Search;
using DongNai.EthnicPortal.Web.Services.Site;

namespace DongNai.EthnicPortal.Web.Infrastructure;

public static class ServicesSetup
{
    public static WebApplicationBuilder AddPortalServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddScoped<ContentChanges>();
        builder.Services.AddScoped<SiteChromeEdits>();
        builder.Services.AddScoped<ArticleAutosaves>();
        builder.Services.AddScoped<PageAutosaves>();
        builder.Services.AddSingleton(new InstanceIdentity(builder.PortalOptions().InstanceNameOrMachine));
        builder.Services.AddScoped<DatabaseLeases>();
        builder.Services.AddScoped<IContentInitializer, FoldedColumnsBackfill>();
        builder.Services.AddSingleton<PortalHtmlSanitizer>();
        return builder;
    }
}
