using DongNai.EthnicPortal.Web.Services.Site;
using Microsoft.AspNetCore.Mvc;

namespace DongNai.EthnicPortal.Web.ViewComponents;

/// <summary>"Liên kết website": links to related agencies' sites, which Decree 42/2022 requires.</summary>
public sealed class WebLinksViewComponent(SiteChrome chrome) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var model = await chrome.GetAsync();
        return View(model.WebLinks);
    }
}
