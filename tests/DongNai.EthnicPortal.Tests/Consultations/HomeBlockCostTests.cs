using System.Data.Common;
using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace DongNai.EthnicPortal.Tests.Consultations;

/// <summary>The home page is the hottest page: its consultation block must come from memory, not from a query per view.</summary>
public sealed class HomeBlockCostTests : IDisposable
{
    private readonly ConsultationQueryCounter counter = new();
    private readonly PortalFactory factory;

    public HomeBlockCostTests()
    {
        factory = new PortalFactory();
        factory.Settings["Portal:OutputCache:Enabled"] = "false";
        factory.TestServices.Add(services => services.ConfigureDbContext<PortalDbContext>(options => options.AddInterceptors(counter)));
    }

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task Rendering_the_home_page_again_without_the_output_cache_reads_no_consultation_row()
    {
        var client = factory.CreateBrowserClient();
        var first = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("Dự thảo đang lấy ý kiến", first, StringComparison.Ordinal);
        Assert.True(counter.Count > 0, "The first render should have loaded the open consultations.");

        counter.Reset();
        for (var i = 0; i < 3; i++)
        {
            Assert.Contains("Dự thảo đang lấy ý kiến", await client.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
        }

        Assert.Equal(0, counter.Count);
    }

    private sealed class ConsultationQueryCounter : DbCommandInterceptor
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public void Reset() => Interlocked.Exchange(ref count, 0);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("\"Consultations\"", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref count);
            }

            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
