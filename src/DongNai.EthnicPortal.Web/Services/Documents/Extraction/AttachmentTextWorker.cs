using Microsoft.Extensions.Options;

namespace DongNai.EthnicPortal.Web.Services.Documents.Extraction;

/// <summary>
/// Reads queued attachments in the background, <see cref="AttachmentTextOptions.Concurrency"/> at a time
/// (one by default: OCR is heavy and the portal serves readers first). Woken by
/// <see cref="AttachmentTextRequests.Signal"/>, and every <see cref="AttachmentTextOptions.PollSeconds"/> anyway.
/// An unexpected error is logged and the loop goes on.
/// </summary>
public sealed class AttachmentTextWorker(IServiceScopeFactory scopes, AttachmentTextRequests queue, IOptions<AttachmentTextOptions> options, ILogger<AttachmentTextWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return Task.CompletedTask;
        }

        return Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Value.Concurrency)).Select(_ => Task.Run(() => LoopAsync(stoppingToken), stoppingToken)));
    }

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                bool worked;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    worked = await scope.ServiceProvider.GetRequiredService<AttachmentTextProcessor>().ProcessNextAsync(stoppingToken);
                }
                while (worked && !stoppingToken.IsCancellationRequested);

                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                wait.CancelAfter(poll);
                await queue.WakeUps.ReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // The poll interval passed without a signal.
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "The attachment text worker failed; it goes on after a pause.");
                await Task.Delay(poll, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
