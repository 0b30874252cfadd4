namespace DongNai.EthnicPortal.Web.Services.Visits;

/// <summary>
/// Flushes the visit buffer every <see cref="Interval"/> and once more when the host stops, so a
/// clean shutdown loses nothing and a crash loses at most one interval's visits.
/// </summary>
public sealed class VisitFlusher(VisitCounter counter, TimeProvider time, ILogger<VisitFlusher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await counter.FlushAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // A database outage must not stop the host; the counts wait in the buffer.
                    logger.LogWarning(exception, "Visit flush failed; {Pending} visits stay buffered for the next attempt", counter.PendingCount);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; StopAsync does the final flush.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await counter.FlushAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "The final visit flush failed; {Pending} visits are lost", counter.PendingCount);
        }
    }
}
