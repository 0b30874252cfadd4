using DongNai.EthnicPortal.Web.Services.Consultations;
using Microsoft.AspNetCore.Mvc;

namespace DongNai.EthnicPortal.Web.ViewComponents;

/// <summary>The home page's "Dự thảo đang lấy ý kiến" block, read from the in-memory copy; nothing when none is open.</summary>
public sealed class OpenConsultationsViewComponent(OpenConsultations consultations, TimeProvider time) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var open = await consultations.GetAsync(HttpContext.RequestAborted);
        return open.Count == 0 ? Content("") : View((open, time.GetUtcNow().UtcDateTime));
    }
}
