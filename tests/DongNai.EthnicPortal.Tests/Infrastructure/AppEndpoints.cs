using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DongNai.EthnicPortal.Tests.Infrastructure;

/// <summary>One MVC action as the application's own endpoint data describes it.</summary>
public sealed record AppEndpoint(string Method, string Template, string Controller, string Action, string? Area)
{
    public string Key => $"{Controller}.{Action}";

    /// <summary>The template with each route parameter replaced by its value.</summary>
    public string Url(Func<string, string> valueOf) => "/" + string.Join('/', Template.Split('/', StringSplitOptions.RemoveEmptyEntries)
        .Select(segment => segment.StartsWith('{') ? valueOf(segment.Trim('{', '}', '?').Split(':')[0]) : segment));
}

public static class AppEndpoints
{
    /// <summary>Every action mapped for <paramref name="method"/>, read from the running app's endpoint data.</summary>
    public static List<AppEndpoint> Read(PortalFactory factory, string method)
    {
        // Building a client starts the host, which fills the endpoint data source.
        using var starter = factory.CreateClient();
        var source = factory.Services.GetRequiredService<EndpointDataSource>();
        return [.. source.Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(method) == true)
            .Select(e => (Endpoint: e, Action: e.Metadata.GetMetadata<ControllerActionDescriptor>()))
            .Select(e => new AppEndpoint(
                method,
                TemplateOf(e.Endpoint),
                e.Action?.ControllerName ?? "",
                e.Action?.ActionName ?? "",
                e.Action is { } action && action.RouteValues.TryGetValue("area", out var area) ? area : null))
            .Distinct()
            .OrderBy(e => e.Template, StringComparer.Ordinal)];
    }

    private static string TemplateOf(RouteEndpoint endpoint) => "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
}
