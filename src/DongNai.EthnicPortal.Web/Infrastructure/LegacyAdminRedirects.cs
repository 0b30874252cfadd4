using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing.Template;

namespace DongNai.EthnicPortal.Web.Infrastructure;

/// <summary>
/// Until issue 15 the admin area had the English conventional route <c>quan-tri/{controller}/{action}/{id}</c>
/// (<c>/quan-tri/articles/edit/5</c>). Every admin action now has a Vietnamese attribute route; an old URL that
/// no longer matches an action is answered with a permanent redirect to the action of the same controller
/// and action name, found in the endpoint data, so bookmarks keep working and an old form still posts to
/// the right place: 301 for GET and HEAD, 308 (which keeps the method and body) for everything else.
/// </summary>
public static class LegacyAdminRedirects
{
    private static readonly TemplateMatcher OldRoute = new(
        TemplateParser.Parse("quan-tri/{controller}/{action=Index}/{id?}"),
        new RouteValueDictionary { ["action"] = "Index" });

    public static IApplicationBuilder UseLegacyAdminRedirects(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // Not only a null endpoint: for other methods than GET routing may have picked its own 405 endpoint.
            if (context.GetEndpoint()?.Metadata.GetMetadata<ControllerActionDescriptor>() is null && NewPath(context) is { } target)
            {
                var method = context.Request.Method;
                context.Response.StatusCode = HttpMethods.IsGet(method) || HttpMethods.IsHead(method)
                    ? StatusCodes.Status301MovedPermanently
                    : StatusCodes.Status308PermanentRedirect;
                context.Response.Headers.Location = target + context.Request.QueryString;
                return;
            }

            await next();
        });

    /// <summary>The Vietnamese path of the admin action an old English URL named, or null when it names none.</summary>
    public static string? NewPath(HttpContext context)
    {
        var values = new RouteValueDictionary();
        if (!OldRoute.TryMatch(context.Request.Path, values))
        {
            return null;
        }

        var controller = (string)values["controller"]!;
        var actionName = (string)values["action"]!;
        var action = context.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(endpoint => endpoint.Metadata.GetMetadata<ControllerActionDescriptor>())
            .FirstOrDefault(descriptor => descriptor is not null
                && descriptor.RouteValues.TryGetValue("area", out var area) && area == "Admin"
                && string.Equals(descriptor.ControllerName, controller, StringComparison.OrdinalIgnoreCase)
                && string.Equals(descriptor.ActionName, actionName, StringComparison.OrdinalIgnoreCase));
        if (action is null)
        {
            return null;
        }

        var routeValues = new RouteValueDictionary { ["area"] = "Admin" };
        if (values.TryGetValue("id", out var id) && id is not null)
        {
            routeValues["id"] = id;
        }

        return context.RequestServices.GetRequiredService<LinkGenerator>()
            .GetPathByAction(action.ActionName, action.ControllerName, routeValues);
    }
}
