using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Polls;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Services.Persistence;

/// <summary>
/// Named leases in the database, so that of several instances sharing it exactly one does a piece of
/// work at a time. Taking a lease is one conditional UPDATE (free, expired, or already ours), which every
/// provider applies atomically; a crashed holder's lease simply expires.
/// </summary>
public sealed class DatabaseLeases(PortalDbContext db, InstanceIdentity instance, TimeProvider time)
{
    public const string Initialization = "initialization";
    public const string ScheduledPublishing = "scheduled-publishing";
    public const string SearchRebuild = "search-rebuild";

    public async Task<bool> TryAcquireAsync(string name, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + duration;
        var holder = instance.LeaseHolder;
        var taken = await db.BackgroundLeases
            .Where(l => l.Name == name && (l.Holder == holder || l.Holder == "" || l.ExpiresAt < now))
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until), cancellationToken);
        if (taken == 1)
        {
            return true;
        }

        if (await db.BackgroundLeases.AnyAsync(l => l.Name == name, cancellationToken))
        {
            return false;
        }

        db.BackgroundLeases.Add(new BackgroundLease { Name = name, Holder = holder, ExpiresAt = until });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
        {
            // Another instance created the lease row first, and so holds it.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    public Task ReleaseAsync(string name, CancellationToken cancellationToken)
    {
        var holder = instance.LeaseHolder;
        var now = time.GetUtcNow().UtcDateTime;
        return db.BackgroundLeases
            .Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Holder, "").SetProperty(l => l.ExpiresAt, now), cancellationToken);
    }
}
