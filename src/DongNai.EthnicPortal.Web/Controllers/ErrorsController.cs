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
        if (code == 500 && IsDatabaseOutage(HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Error))
        {
            // An unreachable database is an outage, not a bug: say "maintenance" and invite a retry.
            code = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "60";
        }

        Response.StatusCode = code;
        return View("Error", ErrorViewModel.For(code, correlationId));
    }

    private static bool IsDatabaseOutage(Exception? error)
    {
        for (var current = error; current is not null; current = current.InnerException)
        {
            if (current is System.Data.Common.DbException or Microsoft.EntityFrameworkCore.Storage.RetryLimitExceededException)
            {
                return true;
            }
        }

        return false;
    }
}
