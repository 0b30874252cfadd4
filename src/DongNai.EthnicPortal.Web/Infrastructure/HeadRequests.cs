using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Routing;

namespace DongNai.EthnicPortal.Web.Infrastructure;

/// <summary>
/// HEAD is GET without the body (RFC 9110 §9.3.2): link checkers, uptime monitors and crawlers use it.
/// Every action that answers GET also answers HEAD, through the same code, so status and headers are the same.
/// </summary>
public sealed class HeadForGetConvention : IActionModelConvention
{
    public void Apply(ActionModel action)
    {
        foreach (var selector in action.Selectors)
        {
            if (selector.ActionConstraints.OfType<HttpMethodActionConstraint>().FirstOrDefault() is { } constraint
                && constraint.HttpMethods.Contains(HttpMethods.Get) && !constraint.HttpMethods.Contains(HttpMethods.Head))
            {
                selector.ActionConstraints.Remove(constraint);
                selector.ActionConstraints.Add(new HttpMethodActionConstraint([.. constraint.HttpMethods, HttpMethods.Head]));
            }

            if (selector.EndpointMetadata.OfType<HttpMethodMetadata>().FirstOrDefault() is { } metadata
                && metadata.HttpMethods.Contains(HttpMethods.Get) && !metadata.HttpMethods.Contains(HttpMethods.Head))
            {
                selector.EndpointMetadata.Remove(metadata);
                selector.EndpointMetadata.Add(new HttpMethodMetadata([.. metadata.HttpMethods, HttpMethods.Head], metadata.AcceptCorsPreflight));
            }
        }
    }
}

public static class HeadRequests
{
    /// <summary>
    /// Drops what the app writes to the body of a HEAD response. Kestrel does so itself, but not every host
    /// (the test server, a reverse proxy's own handling) does, and no HEAD answer should carry a body.
    /// </summary>
    public static WebApplication UseHeadWithoutBody(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await next(context);
                return;
            }

            var body = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
            context.Features.Set<IHttpResponseBodyFeature>(new DiscardedBody(body));
            try
            {
                await next(context);
            }
            finally
            {
                context.Features.Set(body);
            }
        });
        return app;
    }

    private sealed class DiscardedBody(IHttpResponseBodyFeature inner) : IHttpResponseBodyFeature
    {
        public Stream Stream => Stream.Null;

        public PipeWriter Writer { get; } = PipeWriter.Create(Stream.Null);

        public void DisableBuffering() => inner.DisableBuffering();

        public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

        public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

        public Task CompleteAsync() => inner.CompleteAsync();
    }
}
