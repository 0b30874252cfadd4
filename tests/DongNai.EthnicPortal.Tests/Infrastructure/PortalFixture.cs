namespace DongNai.EthnicPortal.Tests.Infrastructure;

/// <summary>One application shared by the tests of a class that only read.</summary>
public sealed class PortalFixture : IDisposable
{
    public PortalFactory Factory { get; } = new();

    public void Dispose() => Factory.Dispose();
}
