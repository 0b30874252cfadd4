using DongNai.EthnicPortal.Web.Services.Polls;
using Microsoft.AspNetCore.Mvc;

namespace DongNai.EthnicPortal.Web.ViewComponents;

/// <summary>The sidebar's "Thăm dò ý kiến" block: the current open poll's form, without counts, so it can sit on cached pages.</summary>
public sealed class PollWidgetViewComponent(PollService polls) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() => View(await polls.GetCurrentAsync());
}
