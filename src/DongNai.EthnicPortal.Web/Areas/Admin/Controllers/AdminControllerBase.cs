using System.Security.Claims;
using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Articles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

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
    public const string ChangePasswordPath = "/quan-tri/doi-mat-khau";
    public const string TwoFactorSetupPath = "/quan-tri/xac-thuc-hai-buoc";

    protected string CurrentUserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    protected ArticleActor Actor => new(CurrentUserId, User.IsInRole(Roles.Editor) || User.IsInRole(Roles.Administrator), User.IsInRole(Roles.Administrator));

    /// <summary>A Vietnamese message shown once on the next page.</summary>
    protected void Flash(string message, bool isError = false) =>
        TempData[isError ? "FlashError" : "Flash"] = message;

    /// <summary>
    /// A one-time password must be replaced, and two-factor set up where required, before the
    /// account can do anything else in the admin area.
    /// </summary>
    public override async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        if (User.Identity?.IsAuthenticated == true && !context.ActionDescriptor.EndpointMetadata.OfType<AllowWithPendingAccountStepsAttribute>().Any())
        {
            // One statement on every admin request: the account's pending steps and the site's rule together.
            var db = HttpContext.RequestServices.GetRequiredService<PortalDbContext>();
            var userId = CurrentUserId;
            var steps = await db.Users.AsNoTracking()
                .Where(u => u.Id == userId)
                .Select(u => new
                {
                    u.MustChangePassword,
                    u.TwoFactorEnabled,
                    TwoFactorRequired = db.SiteSettings.Where(s => s.Id == SiteSettings.SingletonId).Select(s => s.RequireTwoFactorForStaff).FirstOrDefault(),
                })
                .FirstOrDefaultAsync();
            if (steps is { MustChangePassword: true })
            {
                context.Result = LocalRedirect(ChangePasswordPath);
                return;
            }

            if (steps is { TwoFactorEnabled: false, TwoFactorRequired: true })
            {
                Flash("Quản trị viên yêu cầu mọi tài khoản bật xác thực hai bước. Vui lòng thiết lập trước khi tiếp tục.", isError: true);
                context.Result = LocalRedirect(TwoFactorSetupPath);
                return;
            }
        }

        await next();
    }
}

/// <summary>Marks the account pages that stay reachable while a password change or two-factor setup is pending.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AllowWithPendingAccountStepsAttribute : Attribute;

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
