using System.Diagnostics;
using DongNai.EthnicPortal.Web.Models;
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
    public IActionResult Show(int statusCode)
    {
        var correlationId = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
        if (statusCode >= 500 && HttpContext.Features.Get<IExceptionHandlerPathFeature>() is { } failure)
        {
            logger.LogError(failure.Error, "Unhandled exception on {Path}, correlation id {CorrelationId}", failure.Path, correlationId);
        }

        var code = statusCode is >= 400 and <= 599 ? statusCode : 500;
        Response.StatusCode = code;
        return View("Error", ErrorViewModel.For(code, correlationId));
    }
}
