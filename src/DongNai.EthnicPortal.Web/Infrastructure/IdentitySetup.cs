using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace DongNai.EthnicPortal.Web.Infrastructure;

public static class IdentitySetup
{
    public const string SignInPath = "/quan-tri/dang-nhap";
    public const string SignOutPath = "/quan-tri/dang-xuat";
    public const string AccessDeniedPath = "/quan-tri/khong-co-quyen";

    public static WebApplicationBuilder AddPortalIdentity(this WebApplicationBuilder builder)
    {
        builder.Services.AddPortalDataProtection(builder.Configuration);

        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        builder.Services.AddIdentityCore<PortalUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;

                // OWASP ASVS 5.0 6.2: length over composition rules.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;

                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            // Replaces the stock authenticator provider, which accepts a code again within its window.
            .AddTokenProvider<Services.Accounts.SingleUseAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);

        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "portal.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            options.LoginPath = SignInPath;
            options.LogoutPath = SignOutPath;
            options.AccessDeniedPath = AccessDeniedPath;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
        });
        // Tickets live in the database so a session can be ended on the server (Services/Accounts/DatabaseTicketStore).
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<Services.Accounts.DatabaseTicketStore>();
        builder.Services.AddScoped<Services.Accounts.AuthSessions>();
        builder.Services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<Services.Accounts.DatabaseTicketStore>((options, store) => options.SessionStore = store);

        // A changed password or role invalidates every other session within a minute.
        builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Staff, policy => policy.RequireRole(Roles.Author, Roles.Editor, Roles.Administrator))
            .AddPolicy(Policies.Editors, policy => policy.RequireRole(Roles.Editor, Roles.Administrator))
            .AddPolicy(Policies.Administrators, policy => policy.RequireRole(Roles.Administrator));
        return builder;
    }
}

/// <summary>Authorization policies; every admin action names one of them.</summary>
public static class Policies
{
    public const string Staff = nameof(Staff);
    public const string Editors = nameof(Editors);
    public const string Administrators = nameof(Administrators);
}
