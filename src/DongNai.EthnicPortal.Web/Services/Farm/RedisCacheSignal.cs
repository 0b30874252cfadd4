using DongNai.EthnicPortal.Web.Services.Caching;
using StackExchange.Redis;

namespace DongNai.EthnicPortal.Web.Services.Farm;

/// <summary>
/// The farm's invalidation signal over Redis pub/sub. Each eviction is published as one message;
/// every other instance evicts the same tags locally, without publishing again. Redis is never on the
/// page path, and a Redis that is down or slow costs an editor's save nothing: publishing is
/// fire-and-forget and skipped while disconnected. An outage is logged once, local caches fall back
/// to short lifetimes until the connection is back, and then they are flushed once, because messages
/// sent meanwhile were lost.
/// </summary>
public sealed partial class RedisCacheSignal(
    string configuration,
    CacheSignalState state,
    PortalMetrics metrics,
    IServiceProvider services,
    Infrastructure.InstanceIdentity instance,
    ILogger<RedisCacheSignal> logger) : ICacheSignal, IHostedService, IAsyncDisposable
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("dongnai-portal:evict");
    private static readonly TimeSpan WarningInterval = TimeSpan.FromMinutes(1);
    private const string CopyPrefix = "copy:";

    private readonly string origin = instance.LeaseHolder;
    private readonly Lock gate = new();
    private ConnectionMultiplexer? redis;
    private bool subscribed;

    // The signal is up only when both connections are: commands (publish) and the subscription (receive).
    private bool interactiveUp = true;
    private bool subscriptionUp = true;
    private long lastWarning = long.MinValue;

    public static ConfigurationOptions Options(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        // Short timeouts and one reconnect attempt a second: a dead Redis is noticed fast and never hammered.
        options.AbortOnConnectFail = false;
        options.ConnectRetry = 1;
        options.ReconnectRetryPolicy = new LinearRetry(1000);
        if (!Mentions(configuration, "connectTimeout"))
        {
            options.ConnectTimeout = 1000;
        }

        if (!Mentions(configuration, "syncTimeout"))
        {
            options.SyncTimeout = 1000;
        }

        if (!Mentions(configuration, "asyncTimeout"))
        {
            options.AsyncTimeout = 1000;
        }

        return options;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        redis = await ConnectionMultiplexer.ConnectAsync(Options(configuration));
        redis.ConnectionFailed += (_, args) => Refresh(args.ConnectionType, up: false);
        redis.ConnectionRestored += (_, args) => Refresh(args.ConnectionType, up: true);
        Refresh(ConnectionType.None, redis.IsConnected);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task PublishAsync(CacheEviction eviction)
    {
        if (redis is null || !state.Connected || (eviction.Tags.Count == 0 && eviction.Copies.Count == 0))
        {
            return Task.CompletedTask;
        }

        try
        {
            redis.GetSubscriber().Publish(Channel, Message(origin, eviction), CommandFlags.FireAndForget);
            metrics.InvalidationSent();
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // The save has happened; the other instances catch up through the short lifetimes.
            LogPublishFailed(exception);
        }

        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (redis is not null)
        {
            await redis.DisposeAsync();
        }
    }

    private void Refresh(ConnectionType connection, bool up)
    {
        if (redis is null)
        {
            return;
        }

        bool changed;
        bool connected;
        lock (gate)
        {
            if (connection is ConnectionType.None or ConnectionType.Interactive)
            {
                interactiveUp = up;
            }

            if (connection is ConnectionType.None or ConnectionType.Subscription)
            {
                subscriptionUp = up;
            }

            connected = interactiveUp && subscriptionUp && redis.IsConnected;
            if (connected && !subscribed)
            {
                // Registered once; StackExchange.Redis renews the subscription itself after every reconnect.
                subscribed = true;
                _ = SubscribeAsync(redis);
            }

            changed = state.Set(connected);
        }

        if (!changed)
        {
            return;
        }

        var cache = services.GetRequiredService<PublicCache>();
        if (connected)
        {
            LogRestored();
            // Evictions announced during the outage were lost: start over with fresh copies.
            _ = cache.EvictLocallyAsync(CacheEviction.Everything);
        }
        else
        {
            // A Redis going down can flap (a reconnect that lands while it shuts down): one warning per minute at most.
            var now = Environment.TickCount64;
            if (lastWarning == long.MinValue || now - lastWarning > WarningInterval.TotalMilliseconds)
            {
                lastWarning = now;
                LogLost(CacheSignalState.DegradedLifetime.TotalSeconds);
            }
            else
            {
                LogLostAgain();
            }

            cache.DropCopies(PublicCopy.All);
        }
    }

    private async Task SubscribeAsync(ConnectionMultiplexer connection)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            try
            {
                await connection.GetSubscriber().SubscribeAsync(Channel, (channel, message) => _ = ReceiveAsync(message));
                return;
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                LogPublishFailed(exception);
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }

    private async Task ReceiveAsync(RedisValue message)
    {
        var received = Parse((string?)message ?? "");
        if (received is null || received.Value.Origin == origin)
        {
            return;
        }

        metrics.InvalidationReceived();
        try
        {
            await services.GetRequiredService<PublicCache>().EvictLocallyAsync(received.Value.Eviction);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogEvictFailed(exception);
        }
    }

    /// <summary>One line for the sender, then one per tag, and one per in-memory copy with <see cref="CopyPrefix"/>.</summary>
    public static string Message(string origin, CacheEviction eviction) =>
        string.Join('\n', [origin, .. eviction.Tags, .. eviction.Copies.Select(c => CopyPrefix + c.Key)]);

    public static (string Origin, CacheEviction Eviction)? Parse(string message)
    {
        var lines = message.Split('\n');
        if (lines.Length < 2)
        {
            return null;
        }

        var body = lines[1..];
        var tags = body.Where(l => !l.StartsWith(CopyPrefix, StringComparison.Ordinal)).ToList();
        // A copy this version does not know (a newer instance during a rolling update) is skipped.
        var copies = body.Where(l => l.StartsWith(CopyPrefix, StringComparison.Ordinal))
            .Select(l => PublicCopy.FromKey(l[CopyPrefix.Length..]))
            .OfType<PublicCopy>()
            .ToList();
        return (lines[0], new CacheEviction(tags, copies));
    }

    private static bool Mentions(string configuration, string key) =>
        configuration.Contains(key + "=", StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unreachable: cache invalidation between instances is paused and local caches keep copies for at most {Seconds} s until it returns")]
    private partial void LogLost(double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis dropped the connection again within a minute; cache invalidation between instances stays paused")]
    private partial void LogLostAgain();

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis is reachable again: cache invalidation between instances resumed")]
    private partial void LogRestored();

    [LoggerMessage(Level = LogLevel.Error, Message = "Evicting the tags announced by another instance failed")]
    private partial void LogEvictFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A Redis command for cache invalidation failed")]
    private partial void LogPublishFailed(Exception exception);
}
