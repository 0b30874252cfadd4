using System.Net;
using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Web.Models;
using DongNai.EthnicPortal.Web.Services.Caching;
using DongNai.EthnicPortal.Web.Services.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DongNai.EthnicPortal.Web.Services.Polls;

public enum VoteOutcome
{
    Accepted,
    PollNotFound,
    NotStarted,
    Closed,
    NoChoice,
    InvalidChoice,
    TooManyChoices,
    AlreadyVoted,
    IpLimitReached,
}

/// <summary>Reads polls for the public pages and records ballots.</summary>
public sealed class PollService(
    PortalDbContext db,
    PublicCache cache,
    PollKeyHasher hasher,
    IOptions<PollSettings> settings,
    TimeProvider time)
{
    public int MaxVotesPerIpPerDay => Math.Max(1, settings.Value.MaxVotesPerIpPerDay);

    /// <summary>The newest visible poll that is open now, or null.</summary>
    public async Task<PollWidgetModel?> GetCurrentAsync() => (await cache.GetOrLoadAsync(PublicCopy.CurrentPoll, LoadCurrentAsync)).Poll;

    private async Task<CurrentPollEntry> LoadCurrentAsync()
    {
        var now = time.GetUtcNow().UtcDateTime;
        var poll = await db.Polls.AsNoTracking()
            .Where(p => p.IsVisible && p.OpensAt <= now && (p.ClosesAt == null || p.ClosesAt > now))
            .OrderByDescending(p => p.OpensAt)
            .ThenByDescending(p => p.Id)
            .Select(p => new PollWidgetModel(
                p.Id,
                p.Question,
                p.AllowMultipleChoices,
                p.Options.OrderBy(o => o.SortOrder).ThenBy(o => o.Id).Select(o => new PollOptionItem(o.Id, o.Text)).ToList()))
            .FirstOrDefaultAsync();
        return new CurrentPollEntry(poll);
    }

    public async Task<PollResultsModel?> GetResultsAsync(int id)
    {
        var poll = await db.Polls.AsNoTracking()
            .Where(p => p.Id == id && p.IsVisible)
            .Select(p => new
            {
                p.Id,
                p.Question,
                p.AllowMultipleChoices,
                p.OpensAt,
                p.ClosesAt,
                Total = p.Votes.Count,
                Options = p.Options.OrderBy(o => o.SortOrder).ThenBy(o => o.Id).Select(o => new { o.Id, o.Text, Votes = o.Choices.Count }).ToList(),
            })
            .FirstOrDefaultAsync();
        if (poll is null)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        return new PollResultsModel(
            poll.Id,
            poll.Question,
            poll.AllowMultipleChoices,
            poll.OpensAt,
            poll.ClosesAt,
            PollLifecycle.StateAt(poll.OpensAt, poll.ClosesAt, now),
            poll.Total,
            poll.Options.Select(o => new PollOptionResult(o.Id, o.Text, o.Votes, PollNumbers.Share(o.Votes, poll.Total))).ToList());
    }

    /// <summary>Visible polls that have opened, newest first: the current one and the archive.</summary>
    public async Task<IReadOnlyList<PollArchiveItem>> GetArchiveAsync()
    {
        var now = time.GetUtcNow().UtcDateTime;
        var polls = await db.Polls.AsNoTracking()
            .Where(p => p.IsVisible && p.OpensAt <= now)
            .OrderByDescending(p => p.OpensAt)
            .ThenByDescending(p => p.Id)
            .Select(p => new { p.Id, p.Question, p.OpensAt, p.ClosesAt, Total = p.Votes.Count })
            .ToListAsync();
        return polls
            .Select(p => new PollArchiveItem(p.Id, p.Question, p.OpensAt, p.ClosesAt, PollLifecycle.StateAt(p.OpensAt, p.ClosesAt, now), p.Total))
            .ToList();
    }

    /// <summary>
    /// Records one ballot. Everything is checked before anything is written, and the unique index
    /// on (PollId, VoterKeyHash) settles races between two requests from the same browser.
    /// </summary>
    public async Task<VoteOutcome> CastAsync(int pollId, IReadOnlyCollection<int> optionIds, string voterKey, IPAddress? clientIp, CancellationToken cancellationToken = default)
    {
        var poll = await db.Polls.AsNoTracking()
            .Where(p => p.Id == pollId && p.IsVisible)
            .Select(p => new { p.AllowMultipleChoices, p.OpensAt, p.ClosesAt, OptionIds = p.Options.Select(o => o.Id).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        if (poll is null)
        {
            return VoteOutcome.PollNotFound;
        }

        var nowUtc = time.GetUtcNow().UtcDateTime;
        switch (PollLifecycle.StateAt(poll.OpensAt, poll.ClosesAt, nowUtc))
        {
            case PollState.NotStarted:
                return VoteOutcome.NotStarted;
            case PollState.Closed:
                return VoteOutcome.Closed;
        }

        var chosen = optionIds.Distinct().ToList();
        if (chosen.Count == 0)
        {
            return VoteOutcome.NoChoice;
        }

        if (chosen.Any(id => !poll.OptionIds.Contains(id)))
        {
            return VoteOutcome.InvalidChoice;
        }

        if (chosen.Count > 1 && !poll.AllowMultipleChoices)
        {
            return VoteOutcome.TooManyChoices;
        }

        var voterHash = hasher.HashVoterKey(voterKey);
        if (await db.PollVotes.AnyAsync(v => v.PollId == pollId && v.VoterKeyHash == voterHash, cancellationToken))
        {
            return VoteOutcome.AlreadyVoted;
        }

        var ipHash = hasher.HashIp(clientIp);
        var today = VietnamTime.Today(time);
        await EnsureIpCounterAsync(pollId, today, ipHash, cancellationToken);

        // The cap's slot and the ballot are one transaction: a ballot refused as a duplicate gives its slot back.
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var cap = MaxVotesPerIpPerDay;
            var slotTaken = await db.PollIpDayCounts
                .Where(c => c.PollId == pollId && c.Day == today && c.IpHash == ipHash && c.Count < cap)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.Count, c => c.Count + 1), ct);
            if (slotTaken == 0)
            {
                return VoteOutcome.IpLimitReached;
            }

            db.PollVotes.Add(new PollVote
            {
                PollId = pollId,
                VoterKeyHash = voterHash,
                IpHash = ipHash,
                CastOn = today,
                CastAt = nowUtc,
                Choices = chosen.Select(id => new PollVoteChoice { PollOptionId = id }).ToList(),
            });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
            {
                db.ChangeTracker.Clear();
                return VoteOutcome.AlreadyVoted;
            }

            await transaction.CommitAsync(ct);
            return VoteOutcome.Accepted;
        }, cancellationToken);
    }

    /// <summary>
    /// The per-IP counter row for today, created before the vote's transaction (a failed insert would abort
    /// a PostgreSQL transaction). It starts from the ballots already recorded, which matters only for the
    /// day an installation upgrades; a racing instance that inserts first wins and this one uses its row.
    /// </summary>
    private async Task EnsureIpCounterAsync(int pollId, DateOnly day, string ipHash, CancellationToken cancellationToken)
    {
        if (await db.PollIpDayCounts.AnyAsync(c => c.PollId == pollId && c.Day == day && c.IpHash == ipHash, cancellationToken))
        {
            return;
        }

        var recorded = await db.PollVotes.CountAsync(v => v.PollId == pollId && v.IpHash == ipHash && v.CastOn == day, cancellationToken);
        db.PollIpDayCounts.Add(new PollIpDayCount { PollId = pollId, Day = day, IpHash = ipHash, Count = recorded });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
        {
            // Another request created it first.
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private sealed record CurrentPollEntry(PollWidgetModel? Poll);
}
