using System.Threading.Channels;
using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Services.Documents.Extraction;

/// <summary>
/// The extraction queue. The database rows (<see cref="AttachmentText"/> in state Queued) are the
/// queue itself, shared by every instance of a farm and kept across restarts; the bounded channel only
/// wakes this instance's worker at once instead of at its next poll, and a full channel loses nothing.
/// </summary>
public sealed class AttachmentTextRequests(TimeProvider time)
{
    private readonly Channel<bool> wakeUps = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public ChannelReader<bool> WakeUps => wakeUps.Reader;

    public void Signal() => wakeUps.Writer.TryWrite(true);

    /// <summary>
    /// Puts attachments (back) in the queue. With <paramref name="fileReplaced"/> every page goes, editors'
    /// corrections too, since they were of the old file; otherwise corrected pages are kept. Saves, then signals.
    /// </summary>
    public async Task EnqueueAsync(PortalDbContext db, IReadOnlyCollection<int> attachmentIds, bool fileReplaced, CancellationToken cancellationToken)
    {
        if (attachmentIds.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var existing = await db.AttachmentTexts.Where(t => attachmentIds.Contains(t.DocumentAttachmentId)).ToDictionaryAsync(t => t.DocumentAttachmentId, cancellationToken);
        foreach (var id in attachmentIds)
        {
            if (!existing.TryGetValue(id, out var text))
            {
                text = new AttachmentText { DocumentAttachmentId = id };
                db.AttachmentTexts.Add(text);
            }

            text.State = AttachmentTextState.Queued;
            text.QueuedAt = now;
            text.ClaimedBy = null;
            text.ClaimedAt = null;
            text.CompletedAt = null;
            text.FailureReason = null;
            text.PagesDone = 0;
            text.PagesTotal = null;
            text.Attempts = 0;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (fileReplaced)
        {
            await db.AttachmentTextPages.Where(p => attachmentIds.Contains(p.DocumentAttachmentId)).ExecuteDeleteAsync(cancellationToken);
        }

        Signal();
    }

    /// <summary>Queues every attachment that has never been read (those stored before extraction existed); returns how many.</summary>
    public async Task<int> EnqueueNeverReadAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var ids = await db.DocumentAttachments
            .Where(a => !db.AttachmentTexts.Any(t => t.DocumentAttachmentId == a.Id))
            .Select(a => a.Id)
            .ToListAsync(cancellationToken);
        await EnqueueAsync(db, ids, fileReplaced: false, cancellationToken);
        return ids.Count;
    }
}
