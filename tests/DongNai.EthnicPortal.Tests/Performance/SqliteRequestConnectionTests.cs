using System.Data.Common;
using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace DongNai.EthnicPortal.Tests.Performance;

/// <summary>On SQLite a request opens its connection once, however many statements its page and layout run.</summary>
public sealed class SqliteRequestConnectionTests : IDisposable
{
    private const string MarkerHeader = "X-Connection-Count-Marker";

    private readonly PortalFactory factory;
    private OpenCounter? counter;

    public SqliteRequestConnectionTests()
    {
        factory = new PortalFactory();
        factory.Settings["Portal:OutputCache:Enabled"] = "false";
        factory.TestServices.Add(services => services.ConfigureDbContext<PortalDbContext>((provider, options) =>
            options.AddInterceptors(counter = new OpenCounter(provider.GetRequiredService<IHttpContextAccessor>()))));
    }

    public void Dispose() => factory.Dispose();

    [Theory]
    [InlineData("/", "Ban Dân tộc")]
    [InlineData("/chuyen-muc/tin-tuc-su-kien", "Tin tức")]
    [InlineData("/tim-kiem?q=bình đẳng giới", "bình đẳng giới")]
    public async Task A_public_page_with_many_statements_opens_the_connection_once(string url, string expected)
    {
        Assert.SkipUnless(TestDatabase.IsSqlite, "The connection is kept open through a request on SQLite only.");
        var client = factory.CreateBrowserClient();
        await client.GetStringAsync(new Uri(url, UriKind.Relative));

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Add(MarkerHeader, "counted");
        using var response = await client.SendAsync(request);

        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(counter);
        Assert.True(counter.Statements > 1, $"The page ran {counter.Statements} statement(s); the test needs a page that runs several.");
        Assert.Equal(1, counter.Opens);
    }

    /// <summary>Counts only what the marked request does, not the app's background workers.</summary>
    private sealed class OpenCounter(IHttpContextAccessor accessor) : DbConnectionInterceptor, IDbCommandInterceptor
    {
        private int opens;
        private int statements;

        public int Opens => Volatile.Read(ref opens);

        public int Statements => Volatile.Read(ref statements);

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            Count(ref opens);
            return base.ConnectionOpeningAsync(connection, eventData, result, cancellationToken);
        }

        public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
        {
            Count(ref opens);
            return base.ConnectionOpening(connection, eventData, result);
        }

        public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count(ref statements);
            return ValueTask.FromResult(result);
        }

        public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Count(ref statements);
            return result;
        }

        private void Count(ref int field)
        {
            if (accessor.HttpContext?.Request.Headers.ContainsKey(MarkerHeader) == true)
            {
                Interlocked.Increment(ref field);
            }
        }
    }
}
