using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Areas.Admin.Controllers;
using DongNai.EthnicPortal.Web.Services.Accounts;
using DongNai.EthnicPortal.Web.Services.Articles;
using DongNai.EthnicPortal.Web.Services.Media;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace DongNai.EthnicPortal.Web.Infrastructure;

public static class AdminSetup
{
    /// <summary>However active a session stays, it ends this long after the password was entered.</summary>
    public static readonly TimeSpan AbsoluteSessionLimit = TimeSpan.FromHours(12);

    internal const string SignedInAtKey = ".portal.signed-in-at";

    public static WebApplicationBuilder AddPortalAdmin(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<ImageStore>();
        services.AddScoped<ArticleQueries>();
        services.AddSingleton<ScheduledPublisher>();
        services.AddHostedService(provider => provider.GetRequiredService<ScheduledPublisher>());

        services.AddScoped<IPasswordValidator<PortalUser>, CommonPasswordValidator>();
        services.AddScoped<IdentityErrorDescriber, VietnameseIdentityErrorDescriber>();

        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, options =>
        {
            var signingIn = options.Events.OnSigningIn;
            var validate = options.Events.OnValidatePrincipal;
            options.Events.OnSigningIn = async context =>
            {
                // Renewals and security-stamp refreshes keep the properties, so the first sign-in time survives them.
                if (!context.Properties.Items.ContainsKey(SignedInAtKey))
                {
                    var time = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
                    context.Properties.Items[SignedInAtKey] = time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await signingIn(context);
            };
            // A signed-in user without the right role gets a plain 403 (and the error page), not a redirect that hides it.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            options.Events.OnValidatePrincipal = async context =>
            {
                var time = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
                if (context.Properties.Items.TryGetValue(SignedInAtKey, out var value)
                    && long.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
                    && time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) > AbsoluteSessionLimit)
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }

                await validate(context);
            };
        });
        return builder;
    }
}
