using DongNai.EthnicPortal.Web.Services.Consultations;

namespace DongNai.EthnicPortal.Web.Infrastructure;

public static class ConsultationsSetup
{
    /// <summary>Public consultation on draft documents: the comment form, the home block, the exports and the erasure of contact details.</summary>
    public static WebApplicationBuilder AddPortalConsultations(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<FormStamp>();
        builder.Services.AddScoped<CommentSubmissions>();
        builder.Services.AddScoped<OpenConsultations>();
        builder.Services.AddSingleton<ContactEraser>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<ContactEraser>());
        return builder;
    }
}
