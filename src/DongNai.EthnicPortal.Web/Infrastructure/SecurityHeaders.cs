namespace DongNai.EthnicPortal.Web.Infrastructure;

public static class SecurityHeaders
{
    /// <summary>
    /// Strict headers for every response. The CSP allows scripts and styles from this origin only,
    /// so views must not use inline scripts, inline styles or style attributes.
    /// </summary>
    public static HeaderPolicyCollection Policy(IWebHostEnvironment environment)
    {
        var policy = new HeaderPolicyCollection()
            .AddFrameOptionsDeny()
            .AddContentTypeOptionsNoSniff()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddCrossOriginOpenerPolicy(builder => builder.SameOrigin())
            .RemoveServerHeader()
            .AddPermissionsPolicy(builder =>
            {
                builder.AddCamera().None();
                builder.AddMicrophone().None();
                builder.AddGeolocation().None();
                builder.AddPayment().None();
                builder.AddUsb().None();
                builder.AddFullscreen().Self();
            })
            .AddContentSecurityPolicy(builder =>
            {
                builder.AddDefaultSrc().Self();
                builder.AddScriptSrc().Self();
                builder.AddStyleSrc().Self();
                builder.AddImgSrc().Self().Data();
                builder.AddFontSrc().Self();
                builder.AddConnectSrc().Self();
                builder.AddObjectSrc().None();
                builder.AddBaseUri().Self();
                builder.AddFormAction().Self();
                builder.AddFrameAncestors().None();
            });

        if (!environment.IsDevelopment())
        {
            policy.AddStrictTransportSecurityMaxAge(maxAgeInSeconds: 60 * 60 * 24 * 365);
        }

        return policy;
    }
}
