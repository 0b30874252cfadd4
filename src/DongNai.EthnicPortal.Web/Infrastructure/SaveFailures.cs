using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Web.Models;
using DongNai.EthnicPortal.Web.Services.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Infrastructure;

/// <summary>
/// A save the database refuses (a concurrency conflict, a duplicate, a related row gone, any other
/// constraint) answers 409 with a Vietnamese reason and the form as the user filled it, ready to send
/// again, instead of a 500 that loses their work. One filter for every POST of the admin area and the
/// public site, so no action needs its own try/catch; actions that can do better (the article conflict
/// page, the poll's duplicate vote) still catch the exception themselves first.
/// </summary>
public sealed class SaveFailureFilter(ILogger<SaveFailureFilter> logger, IModelMetadataProvider metadata) : IExceptionFilter
{
    public const string ViewName = "SaveFailed";

    public void OnException(ExceptionContext context)
    {
        var http = context.HttpContext;
        if (context.Exception is not DbUpdateException exception || HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        {
            return;
        }

        var failure = DatabaseErrors.DescribeSaveFailure(exception);
        logger.LogWarning(exception, "The database refused a save on {Path} ({Kind}), correlation id {CorrelationId}", http.Request.Path, failure.Kind, http.TraceIdentifier);
        // The refused changes stay tracked otherwise, and the pooled context would carry them into the page.
        http.RequestServices.GetRequiredService<PortalDbContext>().ChangeTracker.Clear();
        var view = new SaveFailureView(failure.Message, http.Request.Path + http.Request.QueryString, IsAdmin(context), Fields(context), LocalReferrer(http), http.Request.HasFormContentType && http.Request.Form.Files.Count > 0);
        context.Result = new ViewResult
        {
            ViewName = ViewName,
            StatusCode = StatusCodes.Status409Conflict,
            ViewData = new ViewDataDictionary<SaveFailureView>(metadata, context.ModelState) { Model = view },
        };
        context.ExceptionHandled = true;
    }

    private static bool IsAdmin(ActionContext context) => string.Equals(context.RouteData.Values["area"] as string, "Admin", StringComparison.Ordinal);

    /// <summary>Every posted value but the antiforgery token, labelled where the form model names the field in Vietnamese.</summary>
    private List<SavedField> Fields(ExceptionContext context)
    {
        var request = context.HttpContext.Request;
        if (!request.HasFormContentType)
        {
            return [];
        }

        var labels = Labels(context.ActionDescriptor);
        return request.Form
            .Where(field => !string.Equals(field.Key, "__RequestVerificationToken", StringComparison.Ordinal))
            .SelectMany(field => field.Value.Select(value => new SavedField(field.Key, value ?? "", Label(labels, field.Key, value))))
            .ToList();
    }

    /// <summary>Display names of the bound form models' properties (and of their nested models), by property name.</summary>
    private Dictionary<string, string> Labels(ActionDescriptor action)
    {
        var labels = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var models = action.Parameters.Select(p => metadata.GetMetadataForType(p.ParameterType)).Where(m => m.IsComplexType).ToList();
        foreach (var property in models.Concat(models.SelectMany(m => m.Properties.Where(p => p.IsComplexType))).SelectMany(m => m.Properties))
        {
            if (property.DisplayName is { Length: > 0 } name)
            {
                labels.TryAdd(property.Name ?? "", name);
            }
        }

        return labels;
    }

    /// <summary>A check box posts "true" and "false"; carried hidden, it keeps its state without a confusing text box.</summary>
    private static string? Label(Dictionary<string, string> labels, string key, string? value) =>
        bool.TryParse(value, out _) ? null : labels.GetValueOrDefault(LastSegment(key));

    private static string LastSegment(string key) => key[(key.LastIndexOf('.') + 1)..];

    private static string? LocalReferrer(HttpContext http) =>
        Uri.TryCreate(http.Request.Headers.Referer.ToString(), UriKind.Absolute, out var referrer)
            && string.Equals(referrer.Authority, http.Request.Host.Value, StringComparison.OrdinalIgnoreCase)
            ? referrer.PathAndQuery
            : null;
}
