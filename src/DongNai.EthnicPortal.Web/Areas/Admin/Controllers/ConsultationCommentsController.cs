using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Areas.Admin.Models;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Audit;
using DongNai.EthnicPortal.Web.Services.Caching;
using DongNai.EthnicPortal.Web.Services.Consultations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Controllers;

/// <summary>
/// The comment inbox of a consultation and each comment in it. Every staff member reads them and can
/// record the agency's response; the commenter's name, e-mail and phone are shown to editors only, and
/// each view of the contact details is audited.
/// </summary>
public sealed class ConsultationCommentsController(PortalDbContext db, AuditLog audit, ContentChanges changes, UserManager<PortalUser> users, TimeProvider time) : AdminControllerBase
{
    private const string BasePath = "/quan-tri/gop-y-du-thao";

    [HttpGet(ConsultationUrls.Admin + "/{id:int}/gop-y")]
    public async Task<IActionResult> Inbox(int id, [FromQuery(Name = "phan")] string? part, [FromQuery(Name = "trang-thai")] string? state, int trang = 1, CancellationToken cancellationToken = default) =>
        await ConsultationInboxQuery.LoadAsync(db, id, part, state, trang, showNames: Actor.IsEditor, cancellationToken) is { } inbox ? View(inbox) : NotFound();

    [HttpGet(BasePath + "/{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken)
    {
        var comment = await db.ConsultationComments.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new { Comment = c, c.Consultation.Title, c.Consultation.DraftText })
            .FirstOrDefaultAsync(cancellationToken);
        if (comment is null)
        {
            return NotFound();
        }

        var c = comment.Comment;
        CommentContact? contact = null;
        if (Actor.IsEditor)
        {
            contact = new CommentContact(c.FullName, c.Email, c.Phone, c.ConsentedAt, c.ContactErasedAt);
            if (c.ContactErasedAt is null)
            {
                await audit.WriteAsync(AuditActions.ConsultationContactViewed, nameof(ConsultationComment), id, ReceiptCodes.Format(c.Id, c.SubmittedAt));
            }
        }

        var articles = DraftText.Articles(comment.DraftText);
        return View(new CommentDetailModel(
            c.Id, c.ConsultationId, comment.Title, ReceiptCodes.Format(c.Id, c.SubmittedAt), c.Organisation, DraftText.PartLabel(c.ArticleNumber, articles),
            c.Text, c.SubmittedAt, c.Status, c.ResponseKind, c.ResponseText, c.RespondedByName, c.RespondedAt, contact));
    }

    [HttpPost(BasePath + "/{id:int}/tra-loi")]
    public async Task<IActionResult> Respond(int id, ConsultationResponseKind kind, string? text, CancellationToken cancellationToken)
    {
        var comment = await db.ConsultationComments.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (comment is null)
        {
            return NotFound();
        }

        text = text?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (ResponseError(kind, text) is { } error)
        {
            Flash(error, isError: true);
            return Redirect(ConsultationUrls.AdminComment(id));
        }

        var user = await users.GetUserAsync(User);
        comment.ResponseKind = kind;
        comment.ResponseText = string.IsNullOrEmpty(text) ? null : text;
        comment.RespondedById = CurrentUserId;
        comment.RespondedByName = user?.DisplayName ?? User.Identity?.Name;
        comment.RespondedAt = time.GetUtcNow().UtcDateTime;
        audit.Add(AuditActions.ConsultationCommentAnswered, nameof(ConsultationComment), id, ConsultationAdminLabels.Response(kind));
        await db.SaveChangesAsync(cancellationToken);
        await changes.ConsultationChangedAsync(comment.ConsultationId, cancellationToken);
        Flash("Đã ghi ý kiến của cơ quan soạn thảo.");
        return Redirect(ConsultationUrls.AdminComment(id));
    }

    [HttpPost(BasePath + "/{id:int}/trang-thai")]
    [Authorize(Policy = Policies.Editors)]
    public async Task<IActionResult> SetStatus(int id, ConsultationCommentStatus status, CancellationToken cancellationToken)
    {
        var comment = await db.ConsultationComments.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (comment is null)
        {
            return NotFound();
        }

        if (!Enum.IsDefined(status))
        {
            Flash("Trạng thái không hợp lệ.", isError: true);
            return Redirect(ConsultationUrls.AdminComment(id));
        }

        comment.Status = status;
        audit.Add(AuditActions.ConsultationCommentStatusChanged, nameof(ConsultationComment), id, ConsultationAdminLabels.Status(status));
        await db.SaveChangesAsync(cancellationToken);
        await changes.ConsultationChangedAsync(comment.ConsultationId, cancellationToken);
        Flash($"Đã chuyển góp ý sang trạng thái “{ConsultationAdminLabels.Status(status)}”.");
        return Redirect(ConsultationUrls.AdminComment(id));
    }

    /// <summary>Why the agency's response cannot be recorded, or null.</summary>
    private static string? ResponseError(ConsultationResponseKind kind, string? text) =>
        !Enum.IsDefined(kind) ? "Loại ý kiến không hợp lệ."
        : kind is ConsultationResponseKind.Explained or ConsultationResponseKind.Rejected && string.IsNullOrEmpty(text) ? "Vui lòng ghi nội dung giải trình hoặc lý do không tiếp thu."
        : text is { Length: > 5000 } ? "Ý kiến tiếp thu, giải trình dài tối đa 5.000 ký tự."
        : text is not null && text.Any(ch => char.IsControl(ch) && ch is not '\n' and not '\t') ? "Nội dung có ký tự điều khiển không hợp lệ."
        : null;
}
