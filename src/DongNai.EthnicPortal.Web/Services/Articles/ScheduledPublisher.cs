using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Services.Audit;
using DongNai.EthnicPortal.Web.Services.Caching;
using DongNai.EthnicPortal.Web.Services.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Services.Articles;

/// <summary>
/// Publishes scheduled articles when their time comes. The schedule lives in the database, so a
/// restart loses nothing: the first pass after start-up catches up on whatever fell due meanwhile.
/// </summary>
public sealed partial class ScheduledPublisher(IServiceScopeFactory scopes, TimeProvider time, ILogger<ScheduledPublisher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    /// <summary>The holder renews its lease every pass; if it dies, another instance takes over one lease later.</summary>
    private static readonly TimeSpan LeaseDuration = Interval * 2.5;

    /// <summary>One pass: publishes every scheduled article that is due and returns how many.</summary>
    public async Task<int> PublishDueAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var changes = scope.ServiceProvider.GetRequiredService<ContentChanges>();
        var now = time.GetUtcNow().UtcDateTime;

        var dueIds = await db.Articles
            .Where(a => a.Status == ArticleStatus.Scheduled && a.PublishAt != null && a.PublishAt <= now)
            .Select(a => a.Id)
            .ToListAsync(cancellationToken);

        var published = 0;
        foreach (var id in dueIds)
        {
            db.ChangeTracker.Clear();
            var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id && a.Status == ArticleStatus.Scheduled, cancellationToken);
            if (article is null)
            {
                continue;
            }

            ArticleWorkflow.PublishOnSchedule(article);
            db.AuditEntries.Add(new AuditEntry
            {
                At = now,
                UserName = "Hệ thống (lịch xuất bản)",
                Action = AuditActions.ArticlePublishedOnSchedule,
                EntityType = nameof(Article),
                EntityId = article.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Details = article.Title,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone edited or withdrew the article in the meantime; their change wins and the next pass re-reads it.
                continue;
            }

            await changes.ArticleStatusChangedAsync(article.Id, cancellationToken);
            published++;
        }

        return published;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                // In a farm one instance publishes; the others skip the pass instead of racing for the same rows.
                if (!await HoldsLeaseAsync(stoppingToken))
                {
                    continue;
                }

                var count = await PublishDueAsync(stoppingToken);
                if (count > 0)
                {
                    LogPublished(count);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A failed pass (database briefly unavailable) must not stop the schedule for good.
                LogFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<bool> HoldsLeaseAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DatabaseLeases>().TryAcquireAsync(DatabaseLeases.ScheduledPublishing, LeaseDuration, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published {Count} scheduled article(s)")]
    private partial void LogPublished(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled publishing pass failed")]
    private partial void LogFailed(Exception exception);
}
