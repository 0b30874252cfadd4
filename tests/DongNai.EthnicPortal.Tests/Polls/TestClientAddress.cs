using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DongNai.EthnicPortal.Tests.Polls;

/// <summary>
/// Lets a test client say which IP address it connects from. TestServer has no real sockets, and
/// the app rightly ignores X-Forwarded-For from unknown proxies, so this runs before the app's own pipeline.
/// </summary>
public static class TestClientAddress
{
    public const string HeaderName = "X-Test-Client-Address";

    public static void Register(IServiceCollection services) => services.AddTransient<IStartupFilter, Filter>();

    public static HttpClient From(this HttpClient client, string address)
    {
        client.DefaultRequestHeaders.Add(HeaderName, address);
        return client;
    }

    private sealed class Filter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(HeaderName, out var value) && IPAddress.TryParse(value.ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
