using System.Net;
using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Web.Services.Polls;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DongNai.EthnicPortal.Web.Services.Consultations;

public enum CommentOutcome
{
    Accepted,
    NotFound,
    NotOpenYet,
    Closed,
    IpLimitReached,
}

public sealed record CommentResult(CommentOutcome Outcome, string? ReceiptCode = null);

/// <summary>A comment that passed the form's validation, in the shape it is stored.</summary>
public sealed record CommentInput(string FullName, string? Organisation, string? Email, string? Phone, int? ArticleNumber, string Text);

/// <summary>
/// Stores a comment when the consultation is open at the instant the request arrives (Vietnam time
/// only matters for display: the period is two UTC instants) and the client address is under its daily cap.
/// </summary>
public sealed class CommentSubmissions(PortalDbContext db, PollKeyHasher hasher, IOptions<ConsultationSettings> settings, TimeProvider time)
{
    public int MaxCommentsPerIpPerDay => Math.Max(1, settings.Value.MaxCommentsPerIpPerDay);

    public async Task<CommentResult> SubmitAsync(int consultationId, CommentInput input, IPAddress? clientAddress, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var consultation = await db.Consultations.AsNoTracking()
            .Where(c => c.Id == consultationId && c.IsPublished)
            .Select(c => new { c.OpensAt, c.ClosesAt, c.ConcludedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (consultation is null)
        {
            return new(CommentOutcome.NotFound);
        }

        switch (ConsultationLifecycle.StageAt(true, consultation.OpensAt, consultation.ClosesAt, consultation.ConcludedAt, now))
        {
            case ConsultationStage.Scheduled:
                return new(CommentOutcome.NotOpenYet);
            case ConsultationStage.Closed or ConsultationStage.Concluded:
                return new(CommentOutcome.Closed);
        }

        // Count, then insert: two requests from one address racing can both pass, which a brake allows.
        var ipHash = hasher.HashIp(clientAddress);
        var today = VietnamTime.Today(time);
        var sentToday = await db.ConsultationComments.CountAsync(c => c.ConsultationId == consultationId && c.IpHash == ipHash && c.SubmittedOn == today, cancellationToken);
        if (sentToday >= MaxCommentsPerIpPerDay)
        {
            return new(CommentOutcome.IpLimitReached);
        }

        var comment = new ConsultationComment
        {
            ConsultationId = consultationId,
            FullName = input.FullName,
            Organisation = input.Organisation,
            Email = input.Email,
            Phone = input.Phone,
            ArticleNumber = input.ArticleNumber,
            Text = input.Text,
            SubmittedAt = now,
            ConsentedAt = now,
            SubmittedOn = today,
            IpHash = ipHash,
        };
        db.ConsultationComments.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        return new(CommentOutcome.Accepted, ReceiptCodes.Format(comment.Id, now));
    }
}
