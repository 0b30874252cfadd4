using DongNai.EthnicPortal.Web.Services.Visits;
using Microsoft.AspNetCore.Mvc;

namespace DongNai.EthnicPortal.Web.ViewComponents;

/// <summary>The sidebar's "Số lượt truy cập" block, read from a short-lived memory cache.</summary>
public sealed class VisitCounterViewComponent(VisitStatistics statistics) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() => View(await statistics.GetAsync());
}
