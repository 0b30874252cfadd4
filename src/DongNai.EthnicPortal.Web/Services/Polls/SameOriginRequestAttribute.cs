using DongNai.EthnicPortal.Web.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace DongNai.EthnicPortal.Web.Services.Polls;

/// <summary>
/// Cross-site request forgery defence for forms on output-cached pages, which cannot carry a
/// per-user antiforgery token: the browser-set Origin header (or, failing that, the Referer) must
/// name this site's own scheme and host. A request with neither is refused, as is "Origin: null".
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class SameOriginRequestAttribute : ActionFilterAttribute
{
    public const string RejectedMessage = "Yêu cầu không hợp lệ: phiếu bình chọn phải được gửi từ chính trang thông tin này. Vui lòng tải lại trang rồi bình chọn lại.";

    public override void OnActionExecuting(ActionExecutingContext context)
    {
        if (IsSameOrigin(context.HttpContext.Request))
        {
            return;
        }

        var pollId = context.ActionArguments.TryGetValue("id", out var id) && id is int value ? value : 0;
        if (context.Controller is Controller controller)
        {
            var view = controller.View("VoteRejected", new VoteRejectedModel(pollId, RejectedMessage));
            view.StatusCode = StatusCodes.Status400BadRequest;
            context.Result = view;
            return;
        }

        context.Result = new ContentResult { StatusCode = StatusCodes.Status400BadRequest, ContentType = "text/plain; charset=utf-8", Content = RejectedMessage };
    }

    public static bool IsSameOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            return Matches(origin, request);
        }

        var referer = request.Headers.Referer.ToString();
        return referer.Length > 0 && Matches(referer, request);
    }

    private static bool Matches(string value, HttpRequest request) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(HostOf(uri), request.Host.Value, StringComparison.OrdinalIgnoreCase);

    private static string HostOf(Uri uri) => uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";
}
