using DongNai.EthnicPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DongNai.EthnicPortal.Tests.Polls;

/// <summary>One application for the voting tests; every test creates its own poll, so they do not interfere.</summary>
public sealed class PollsFixture : IDisposable
{
    public PollsFixture()
    {
        Factory.TestServices.Add(TestClientAddress.Register);
    }

    public PortalFactory Factory { get; } = new();

    /// <summary>A browser of its own: its own cookies and, when given, its own IP address.</summary>
    public HttpClient Browser(string? address = null)
    {
        var client = Factory.CreateBrowserClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd(PollTestData.BrowserAgent);
        return address is null ? client : client.From(address);
    }

    /// <summary>A client that sends exactly the cookies a test puts on it.</summary>
    public HttpClient CookielessClient(string address)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });
        return client.From(address);
    }

    public void Dispose() => Factory.Dispose();
}
