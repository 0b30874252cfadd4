using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Caching;
using DongNai.EthnicPortal.Web.Services.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DongNai.EthnicPortal.Web.Services.Documents.Extraction;

/// <summary>
/// Takes one attachment off the queue and reads it: the claim is one conditional UPDATE, so of several
/// instances exactly one gets each file; a claim older than twice the time limit (its instance stopped)
/// is taken over, and after <see cref="MaxAttempts"/> claims the file is given up as failed, so no file
/// can hold the queue. The result replaces the pages (an editor's corrections stay) and the document
/// is re-indexed through <see cref="ContentChanges"/>.
/// </summary>
public sealed class AttachmentTextProcessor(
    PortalDbContext db,
    AttachmentTextExtractor extractor,
    DocumentAttachmentStore store,
    ContentChanges changes,
    InstanceIdentity instance,
    TimeProvider time,
    IOptions<AttachmentTextOptions> options,
    ILogger<AttachmentTextProcessor> logger)
{
    public const int MaxAttempts = 3;

    /// <returns>False when the queue was empty.</returns>
    public async Task<bool> ProcessNextAsync(CancellationToken cancellationToken)
    {
        if (await ClaimAsync(cancellationToken) is not { } claim)
        {
            return false;
        }

        var (attachmentId, attempts) = claim;
        var attachment = await db.DocumentAttachments.AsNoTracking()
            .Where(a => a.Id == attachmentId)
            .Select(a => new { a.OfficialDocumentId, a.StoredPath, a.ContentType, a.FileName })
            .FirstOrDefaultAsync(cancellationToken);
        if (attachment is null)
        {
            return true;
        }

        ExtractedText result;
        if (attempts > MaxAttempts)
        {
            logger.LogError("Attachment {Id} ({File}) was claimed {Attempts} times without finishing; given up.", attachmentId, attachment.FileName, attempts);
            result = ExtractedText.Failed("Đã thử nhiều lần nhưng không xử lý xong tệp.");
        }
        else if (store.Resolve(attachment.StoredPath) is not { } path || !File.Exists(path))
        {
            logger.LogWarning("The stored file of attachment {Id} is missing.", attachmentId);
            result = ExtractedText.Failed("Không tìm thấy tệp đã lưu trên máy chủ.");
        }
        else
        {
            result = await extractor.ExtractAsync(path, attachment.ContentType, (done, total) => ReportAsync(attachmentId, done, total, cancellationToken), cancellationToken);
            if (result.State == AttachmentTextState.Failed)
            {
                logger.LogWarning("Attachment {Id} ({File}) could not be read: {Reason}", attachmentId, attachment.FileName, result.FailureReason);
            }
        }

        // The state is final only once the document is indexed again, so that an editor who sees
        // "done" finds the text in search; an instance stopped in between leaves a claim to take over.
        if (await SavePagesAsync(attachmentId, result, cancellationToken))
        {
            await changes.DocumentChangedAsync(attachment.OfficialDocumentId, cancellationToken);
            await FinishAsync(attachmentId, result, cancellationToken);
        }

        return true;
    }

    private async Task<(int Id, int Attempts)?> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var staleBefore = now.AddSeconds(-2 * options.Value.TimeLimitSeconds);
        var candidates = await db.AttachmentTexts.AsNoTracking()
            .Where(t => t.State == AttachmentTextState.Queued || (t.State == AttachmentTextState.Processing && t.ClaimedAt < staleBefore))
            .OrderBy(t => t.QueuedAt)
            .Select(t => new { t.DocumentAttachmentId, t.Attempts })
            .Take(5)
            .ToListAsync(cancellationToken);
        foreach (var candidate in candidates)
        {
            var claimed = await db.AttachmentTexts
                .Where(t => t.DocumentAttachmentId == candidate.DocumentAttachmentId && t.Attempts == candidate.Attempts
                    && (t.State == AttachmentTextState.Queued || (t.State == AttachmentTextState.Processing && t.ClaimedAt < staleBefore)))
                .ExecuteUpdateAsync(
                    s => s.SetProperty(t => t.State, AttachmentTextState.Processing)
                        .SetProperty(t => t.ClaimedBy, instance.LeaseHolder)
                        .SetProperty(t => t.ClaimedAt, now)
                        .SetProperty(t => t.PagesDone, 0)
                        .SetProperty(t => t.Attempts, t => t.Attempts + 1),
                    cancellationToken);
            if (claimed == 1)
            {
                return (candidate.DocumentAttachmentId, candidate.Attempts + 1);
            }
        }

        return null;
    }

    private async Task ReportAsync(int attachmentId, int done, int? total, CancellationToken cancellationToken) =>
        await db.AttachmentTexts
            .Where(t => t.DocumentAttachmentId == attachmentId && t.ClaimedBy == instance.LeaseHolder)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.PagesDone, done).SetProperty(t => t.PagesTotal, total), cancellationToken);

    /// <returns>False when the row was queued again (a new file) or deleted while this instance read the old one.</returns>
    private async Task<bool> SavePagesAsync(int attachmentId, ExtractedText result, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var text = await db.AttachmentTexts.Include(t => t.Pages).FirstOrDefaultAsync(t => t.DocumentAttachmentId == attachmentId, cancellationToken);
            if (text is null || text.State != AttachmentTextState.Processing || text.ClaimedBy != instance.LeaseHolder)
            {
                return false;
            }

            var corrected = text.Pages.Where(p => p.CorrectedAt != null).ToDictionary(p => p.PageNumber);
            db.AttachmentTextPages.RemoveRange(text.Pages.Where(p => p.CorrectedAt == null));
            for (var index = 0; index < result.Pages.Count; index++)
            {
                var number = index + 1;
                if (!corrected.ContainsKey(number) && result.Pages[index].Length > 0)
                {
                    db.AttachmentTextPages.Add(new AttachmentTextPage { DocumentAttachmentId = attachmentId, PageNumber = number, Text = result.Pages[index], FoldedText = SearchText.FoldedForIndex(result.Pages[index]) });
                }
            }

            text.PagesDone = result.Pages.Count;
            text.PagesTotal = result.Pages.Count;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        });
    }

    private async Task FinishAsync(int attachmentId, ExtractedText result, CancellationToken cancellationToken) =>
        await db.AttachmentTexts
            .Where(t => t.DocumentAttachmentId == attachmentId && t.State == AttachmentTextState.Processing && t.ClaimedBy == instance.LeaseHolder)
            .ExecuteUpdateAsync(
                s => s.SetProperty(t => t.State, result.State)
                    .SetProperty(t => t.FailureReason, result.FailureReason)
                    .SetProperty(t => t.ClaimedBy, (string?)null)
                    .SetProperty(t => t.CompletedAt, time.GetUtcNow().UtcDateTime),
                cancellationToken);
}
