using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Models;
using DongNai.EthnicPortal.Web.Services.Persistence;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace DongNai.EthnicPortal.Web.Controllers;

/// <summary>Vietnamese error pages for status codes and unhandled exceptions; never shows internals.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ErrorsController(ILogger<ErrorsController> logger) : Controller
{
    [Route("loi/{statusCode:int}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Show()
    {
        // Read from the route, not bound: binding would read the form of a re-executed POST, and a form that
        // could not be read the first time fails again, which left the parameter 0 and the answer a 500.
        var statusCode = int.Parse((string)RouteData.Values["statusCode"]!, System.Globalization.CultureInfo.InvariantCulture);
        // The request id also appears on the request-log line, so support can find the whole story.
        var correlationId = HttpContext.TraceIdentifier;
        if (statusCode >= 500 && HttpContext.Features.Get<IExceptionHandlerPathFeature>() is { } failure)
        {
            logger.LogError(failure.Error, "Unhandled exception on {Path}, correlation id {CorrelationId}", failure.Path, correlationId);
        }

        var code = statusCode is >= 400 and <= 599 ? statusCode : 500;
        if (code == 500 && HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Error is { } error && DatabaseErrors.IsDatabaseFailure(error))
        {
            // An unreachable database is an outage, not a bug: say "maintenance" and invite a retry.
            code = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "60";
        }

        Response.StatusCode = code;
        var model = code == StatusCodes.Status413PayloadTooLarge
            ? ErrorViewModel.TooLarge(HttpContext.Items[RequestSizeLimits.LimitItemKey] as long?)
            : ErrorViewModel.For(code, correlationId);
        return View("Error", model);
    }

}
