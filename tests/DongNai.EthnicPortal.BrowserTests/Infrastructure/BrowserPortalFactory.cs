using DongNai.EthnicPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace DongNai.EthnicPortal.BrowserTests.Infrastructure;

/// <summary>
/// The portal as a browser sees it. Outside Development the host does not read the static web assets
/// manifest, so the precompressed (.gz/.br) files that MapStaticAssets picks for a browser's
/// Accept-Encoding would answer 404; a published app has them in wwwroot, the build output does not.
/// </summary>
public sealed class BrowserPortalFactory : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseStaticWebAssets();
    }
}
