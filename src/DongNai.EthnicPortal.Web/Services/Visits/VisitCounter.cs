using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Web.Services.Persistence;
using DongNai.EthnicPortal.Web.Services.Polls;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Services.Visits;

/// <summary>
/// Counts visits in memory per Vietnam-local day and adds them to the database in batches, so a
/// page view never waits on, or contends for, the day's row. Each flush is an atomic
/// "Count = Count + delta", so any number of instances can share the database.
/// </summary>
public sealed class VisitCounter(IServiceScopeFactory scopes, TimeProvider time) : IDisposable
{
    private readonly Lock bufferLock = new();
    private readonly SemaphoreSlim flushGate = new(1, 1);
    private Dictionary<DateOnly, long> pending = [];

    public void Increment()
    {
        var today = VietnamTime.Today(time);
        lock (bufferLock)
        {
            pending[today] = pending.GetValueOrDefault(today) + 1;
        }
    }

    /// <summary>Visits counted here but not yet written to the database.</summary>
    public long PendingCount
    {
        get
        {
            lock (bufferLock)
            {
                return pending.Values.Sum();
            }
        }
    }

    /// <summary>Writes the buffered counts. On failure it throws, and what was not written goes back into the buffer.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        await flushGate.WaitAsync(cancellationToken);
        try
        {
            Dictionary<DateOnly, long> batch;
            lock (bufferLock)
            {
                if (pending.Count == 0)
                {
                    return;
                }

                batch = pending;
                pending = [];
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                foreach (var (day, delta) in batch.OrderBy(entry => entry.Key).ToList())
                {
                    await AddAsync(db, day, delta, cancellationToken);
                    batch.Remove(day);
                }
            }
            finally
            {
                // Whatever was not written is counted again by the next flush.
                Requeue(batch);
            }
        }
        finally
        {
            flushGate.Release();
        }
    }

    /// <summary>
    /// Update first (the common case once the day's row exists); insert when the row is missing; if
    /// another instance inserted it in between, the unique key refuses ours and the update is retried.
    /// </summary>
    private static async Task AddAsync(PortalDbContext db, DateOnly day, long delta, CancellationToken cancellationToken)
    {
        if (await UpdateAsync(db, day, delta, cancellationToken) > 0)
        {
            return;
        }

        db.VisitDays.Add(new VisitDay { Day = day, Count = delta });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
        {
            db.ChangeTracker.Clear();
        }

        if (await UpdateAsync(db, day, delta, cancellationToken) == 0)
        {
            throw new InvalidOperationException($"The visit row for {day} was neither inserted nor updated.");
        }
    }

    private static Task<int> UpdateAsync(PortalDbContext db, DateOnly day, long delta, CancellationToken cancellationToken) =>
        db.VisitDays.Where(v => v.Day == day).ExecuteUpdateAsync(set => set.SetProperty(v => v.Count, v => v.Count + delta), cancellationToken);

    private void Requeue(Dictionary<DateOnly, long> unwritten)
    {
        if (unwritten.Count == 0)
        {
            return;
        }

        lock (bufferLock)
        {
            foreach (var (day, delta) in unwritten)
            {
                pending[day] = pending.GetValueOrDefault(day) + delta;
            }
        }
    }

    public void Dispose() => flushGate.Dispose();
}
