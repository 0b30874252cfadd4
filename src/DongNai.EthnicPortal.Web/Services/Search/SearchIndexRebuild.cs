using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Services.Audit;
using DongNai.EthnicPortal.Web.Services.Caching;
using DongNai.EthnicPortal.Web.Services.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Services.Search;

/// <summary>
/// Rebuilds the search index beside the one readers use: the next generation is filled in batches,
/// each committed with the rebuild's position in <see cref="SearchIndexState"/>, and readers switch
/// to it in one update when it is complete. One instance of a farm works at a time, under a database
/// lease renewed every batch; when its holder stops, another instance carries on from the last
/// batch once the lease has expired.
/// </summary>
public sealed class SearchIndexRebuild(PortalDbContext db, ISearchIndex index, SearchEntryBuilder builder, DatabaseLeases leases, ContentChanges changes, TimeProvider time)
{
    public const int BatchSize = 500;

    /// <summary>The name under which start-up and command-line rebuilds are shown and audited.</summary>
    public const string SystemName = "Hệ thống";

    /// <summary>Far longer than a batch takes; a stopped holder's rebuild is taken over this long after its last batch.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(2);

    /// <summary>Starts a rebuild; false when one is already under way (it is then left to finish).</summary>
    public async Task<bool> StartAsync(string startedBy, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var total = await builder.PublishedArticles.CountAsync(cancellationToken) + await builder.PublishedDocuments.CountAsync(cancellationToken) + await builder.PublishedPages.CountAsync(cancellationToken);
        var active = await SearchGenerations.ActiveAsync(db, cancellationToken);
        // Entries a change wrote into an older generation while a switch ran would collide with the new one's keys.
        await index.DropGenerationsBeforeAsync(active, cancellationToken);
        var started = await db.SearchIndexStates
            .Where(s => s.Id == SearchIndexState.SingletonId && s.BuildingGeneration == null)
            .ExecuteUpdateAsync(
                set => set.SetProperty(s => s.BuildingGeneration, s => (int?)(s.ActiveGeneration + 1))
                    .SetProperty(s => s.StartedBy, startedBy)
                    .SetProperty(s => s.StartedAt, now)
                    .SetProperty(s => s.CursorKind, SearchEntryKind.Article)
                    .SetProperty(s => s.CursorEntityId, 0)
                    .SetProperty(s => s.EntriesDone, 0)
                    .SetProperty(s => s.EntriesTotal, total)
                    .SetProperty(s => s.FinishedAt, (DateTime?)null),
                cancellationToken);
        return started == 1;
    }

    /// <summary>
    /// Carries the rebuild under way on, batch after batch, while this instance holds the lease;
    /// true when it finished here. Another instance holding the lease leaves this one idle.
    /// </summary>
    public async Task<bool> ContinueAsync(bool audited, CancellationToken cancellationToken = default)
    {
        if (await StateAsync(cancellationToken) is not { BuildingGeneration: not null })
        {
            return false;
        }

        try
        {
            while (await leases.TryAcquireAsync(DatabaseLeases.SearchRebuild, LeaseDuration, cancellationToken))
            {
                if (await StateAsync(cancellationToken) is not { BuildingGeneration: { } generation } state)
                {
                    return false;
                }

                if (await StepAsync(state, generation, cancellationToken))
                {
                    await FinishAsync(state, generation, audited, cancellationToken);
                    return true;
                }
            }

            return false;
        }
        finally
        {
            await leases.ReleaseAsync(DatabaseLeases.SearchRebuild, CancellationToken.None);
        }
    }

    /// <summary>
    /// Rebuilds now and waits for the end, for start-up and <c>--rebuild-search-index</c>; a rebuild
    /// already under way is finished instead of started again. Returns the number of entries.
    /// </summary>
    public async Task<int> RunToEndAsync(CancellationToken cancellationToken = default)
    {
        await StartAsync(SystemName, cancellationToken);
        while (!await ContinueAsync(audited: false, cancellationToken) && await StateAsync(cancellationToken) is { BuildingGeneration: not null })
        {
            // Another instance holds the lease: its batches move the rebuild on, or its lease expires.
            await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken);
        }

        var active = await SearchGenerations.ActiveAsync(db, cancellationToken);
        return await db.SearchEntries.CountAsync(e => e.Generation == active, cancellationToken);
    }

    public async Task<SearchRebuildProgress> ProgressAsync(CancellationToken cancellationToken = default)
    {
        var state = await StateAsync(cancellationToken);
        return state is null
            ? new SearchRebuildProgress(false, "", null, 0, 0, null)
            : new SearchRebuildProgress(state.BuildingGeneration is not null, state.StartedBy, state.StartedAt, state.EntriesDone, state.EntriesTotal, state.FinishedAt);
    }

    private Task<SearchIndexState?> StateAsync(CancellationToken cancellationToken) =>
        db.SearchIndexStates.AsNoTracking().FirstOrDefaultAsync(s => s.Id == SearchIndexState.SingletonId, cancellationToken);

    /// <summary>Adds one batch and records how far the rebuild got; true when every kind is done.</summary>
    private async Task<bool> StepAsync(SearchIndexState state, int generation, CancellationToken cancellationToken)
    {
        var batch = await index.AddBatchAsync(generation, state.CursorKind, state.CursorEntityId, BatchSize, cancellationToken);
        if (batch.LastEntityId is null && state.CursorKind == SearchEntryKind.Page)
        {
            return true;
        }

        var (kind, last) = batch.LastEntityId is { } id ? (state.CursorKind, id) : (state.CursorKind + 1, 0);
        // Conditional on the position read: should two holders ever overlap, only one moves it on.
        await db.SearchIndexStates
            .Where(s => s.Id == SearchIndexState.SingletonId && s.BuildingGeneration == generation && s.CursorKind == state.CursorKind && s.CursorEntityId == state.CursorEntityId)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.CursorKind, kind).SetProperty(s => s.CursorEntityId, last).SetProperty(s => s.EntriesDone, s => s.EntriesDone + batch.Count), cancellationToken);
        return false;
    }

    /// <summary>Switches readers to the new generation in one update, then drops the old one.</summary>
    private async Task FinishAsync(SearchIndexState state, int generation, bool audited, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var count = await db.SearchEntries.CountAsync(e => e.Generation == generation, cancellationToken);
        var switched = await db.SearchIndexStates
            .Where(s => s.Id == SearchIndexState.SingletonId && s.BuildingGeneration == generation)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.ActiveGeneration, generation).SetProperty(s => s.BuildingGeneration, (int?)null).SetProperty(s => s.FinishedAt, now).SetProperty(s => s.EntriesDone, count), cancellationToken);
        if (switched == 0)
        {
            return;
        }

        await index.DropGenerationsBeforeAsync(generation, cancellationToken);
        if (audited)
        {
            db.AuditEntries.Add(new AuditEntry { At = now, UserName = state.StartedBy, Action = AuditActions.SearchIndexRebuilt, EntityType = "SearchIndex", Details = $"Xây dựng lại chỉ mục tìm kiếm: {count} mục." });
            await db.SaveChangesAsync(cancellationToken);
        }

        await changes.SearchIndexRebuiltAsync(cancellationToken);
    }
}

/// <summary>The rebuild under way, or the last one: who started it and when, how far it got, when it finished.</summary>
public sealed record SearchRebuildProgress(bool Running, string StartedBy, DateTime? StartedAt, int Done, int Total, DateTime? FinishedAt)
{
    /// <summary>Whole per cent, never 100 before the switch: the last batch and the switch are still to come.</summary>
    public int Percent => Total == 0 ? (Running ? 0 : 100) : Math.Min(Running ? 99 : 100, Done * 100 / Total);
}
