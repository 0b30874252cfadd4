namespace DongNai.EthnicPortal.Web.Services.Search;

/// <summary>
/// Runs the rebuilds started from the admin page, outside any request. Woken at once by the instance
/// that started one; every instance also looks now and then, so that a rebuild whose instance
/// stopped is taken over when its lease expires.
/// </summary>
public sealed partial class SearchIndexRebuildWorker(IServiceScopeFactory scopes, ILogger<SearchIndexRebuildWorker> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim wake = new(0, 1);

    /// <summary>Asks the worker to look for a rebuild now rather than at its next poll.</summary>
    public void Wake()
    {
        if (wake.CurrentCount == 0)
        {
            try
            {
                wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another request woke it in the same instant; once is enough.
            }
        }
    }

    public override void Dispose()
    {
        wake.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<SearchIndexRebuild>().ContinueAsync(audited: true, stoppingToken))
                {
                    LogFinished();
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The next pass carries on from the last committed batch.
                LogFailed(exception);
            }

            await wake.WaitAsync(PollInterval, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index rebuilt")]
    private partial void LogFinished();

    [LoggerMessage(Level = LogLevel.Error, Message = "Search index rebuild pass failed")]
    private partial void LogFailed(Exception exception);
}
