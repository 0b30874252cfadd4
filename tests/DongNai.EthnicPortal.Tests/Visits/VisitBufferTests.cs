using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Web.Services.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DongNai.EthnicPortal.Tests.Visits;

public sealed class VisitBufferTests
{
    [Fact]
    public async Task A_failed_flush_keeps_the_counts_for_the_next_one()
    {
        var services = new ServiceCollection();
        // A database that cannot be opened: the folder does not exist.
        var missing = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"), "missing", "portal.db");
        services.AddDbContext<PortalDbContext>(options => options.UseSqlite($"Data Source={missing};Mode=ReadWrite"));
        await using var provider = services.BuildServiceProvider();
        using var counter = new VisitCounter(provider.GetRequiredService<IServiceScopeFactory>(), new FakeTimeProvider(DateTimeOffset.UtcNow));

        counter.Increment();
        counter.Increment();
        counter.Increment();
        await Assert.ThrowsAnyAsync<Exception>(() => counter.FlushAsync());

        Assert.Equal(3, counter.PendingCount);
    }
}
