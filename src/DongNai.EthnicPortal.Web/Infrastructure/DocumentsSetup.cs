using DongNai.EthnicPortal.Web.Areas.Admin.Controllers;
using DongNai.EthnicPortal.Web.Services.Caching;
using DongNai.EthnicPortal.Web.Services.Documents;

namespace DongNai.EthnicPortal.Web.Infrastructure;

public static class DocumentsSetup
{
    public static WebApplicationBuilder AddPortalDocuments(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DocumentSearchCatalog>();
        builder.Services.AddScoped<IContentChangeHandler, DocumentLinkingHandler>();
        builder.Services.AddScoped<IContentInitializer, DocumentLinkingInitializer>();
        builder.Services.AddScoped<DocumentAttachmentStore>();
        builder.Services.AddScoped<DocumentEditorQuery>();
        return builder;
    }
}
