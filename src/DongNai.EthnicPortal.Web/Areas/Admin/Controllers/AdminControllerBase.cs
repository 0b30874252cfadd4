using DongNai.EthnicPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Controllers;

/// <summary>
/// Every admin controller derives from this, so none can forget the area, the sign-in requirement
/// or the no-store and noindex headers. Actions narrow the policy further where needed.
/// </summary>
[Area("Admin")]
[Authorize(Policy = Policies.Staff)]
[AdminResponseHeaders]
public abstract class AdminControllerBase : Controller
{
    /// <summary>A Vietnamese message shown once on the next page.</summary>
    protected void Flash(string message, bool isError = false) =>
        TempData[isError ? "FlashError" : "Flash"] = message;
}

[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AdminResponseHeadersAttribute : ActionFilterAttribute
{
    public override void OnResultExecuting(ResultExecutingContext context)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.CacheControl = "no-store";
        headers["X-Robots-Tag"] = "noindex, nofollow";
        base.OnResultExecuting(context);
    }
}
