using DongNai.EthnicPortal.Web.Areas.Admin.Controllers;
using DongNai.EthnicPortal.Web.Services.Caching;
using DongNai.EthnicPortal.Web.Services.Documents;
using DongNai.EthnicPortal.Web.Services.Documents.Extraction;
using DongNai.EthnicPortal.Web.Services.Site;

namespace DongNai.EthnicPortal.Web.Infrastructure;

public static class DocumentsSetup
{
    public static WebApplicationBuilder AddPortalDocuments(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DocumentSearchCatalog>();
        builder.Services.AddScoped<IContentChangeHandler, DocumentLinkingHandler>();
        builder.Services.AddScoped<IContentInitializer, DocumentLinkingInitializer>();
        builder.Services.AddScoped<DocumentAttachmentStore>();
        builder.Services.AddScoped<DocumentUploads>();
        builder.Services.AddScoped<DocumentRegistryQuery>();
        builder.Services.AddScoped<DocumentRecords>();

        // The OpenAPI description covers the open-data JSON only; every other action opts out or is a page.
        builder.Services.AddOpenApi(options => options.ShouldInclude = description =>
            string.Equals("/" + description.RelativePath, PortalUrls.DocumentsJson, StringComparison.OrdinalIgnoreCase));
        builder.Services.AddScoped<DocumentEditorQuery>();

        builder.Services.Configure<AttachmentTextOptions>(builder.Configuration.GetSection(AttachmentTextOptions.Section));
        builder.Services.AddSingleton<ExternalProgram>();
        builder.Services.AddSingleton<IsolatedTextReader>();
        builder.Services.AddSingleton<AttachmentTextExtractor>();
        builder.Services.AddSingleton<AttachmentTextRequests>();
        builder.Services.AddScoped<AttachmentTextProcessor>();
        builder.Services.AddHostedService<AttachmentTextWorker>();
        return builder;
    }

    public static WebApplication MapPortalOpenData(this WebApplication app)
    {
        app.MapOpenApi(PortalUrls.OpenDataApi).CacheOutput(CachePolicies.PublicPage);
        return app;
    }
}
