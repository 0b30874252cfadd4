using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Web.Services.Audit;
using DongNai.EthnicPortal.Web.Services.Formatting;

namespace DongNai.EthnicPortal.Web.Services.Articles;

/// <summary>Who acts on an article, as the workflow rules need to know it.</summary>
public sealed record ArticleActor(string UserId, bool IsEditor, bool IsAdministrator);

public enum ApprovalDecision
{
    Allowed,

    /// <summary>An administrator approving their own article on purpose; audited as forced.</summary>
    AllowedForced,

    /// <summary>The second pair of eyes is missing: the approver wrote the article.</summary>
    OwnArticle,

    NotAnEditor,

    WrongStatus,
}

/// <summary>
/// What a workflow step did: refused with <see cref="Message"/>, or done, with the audit entry to
/// record and the confirmation to show.
/// </summary>
public sealed record ArticleTransition(bool Succeeded, string Message, string? AuditAction = null, string? AuditDetails = null)
{
    public static ArticleTransition Refused(string message) => new(false, message);
}

/// <summary>
/// The editorial rules in one place: an author works on their own drafts; an editor reviews,
/// publishes, schedules and withdraws, but never approves what they wrote unless an administrator forces it.
/// The transitions check the rule and set every status field themselves.
/// </summary>
public static class ArticleWorkflow
{
    public const int MaxReasonLength = 1000;

    public static ArticleTransition Submit(Article article, ArticleActor actor, DateTime now)
    {
        if (!CanSubmit(article, actor))
        {
            return ArticleTransition.Refused("Chỉ bản nháp của bạn mới có thể gửi duyệt.");
        }

        article.Status = ArticleStatus.Submitted;
        article.ReviewRemark = null;
        Touch(article, actor, now);
        return new(true, "Đã gửi bài viết cho biên tập viên duyệt.", AuditActions.ArticleSubmitted);
    }

    public static ArticleTransition Publish(Article article, ArticleActor actor, bool force, DateTime now)
    {
        if (Approval(article, actor, force) is { } refused)
        {
            return refused;
        }

        var forced = Approve(article, actor, force) == ApprovalDecision.AllowedForced;
        Approved(article, actor, ArticleStatus.Published, now);
        article.PublishedAt = now;
        article.PublishAt = null;
        return new(
            true,
            "Đã xuất bản bài viết. Bài đã hiển thị trên trang công khai.",
            forced ? AuditActions.ArticlePublishedForced : AuditActions.ArticlePublished,
            forced ? "Quản trị viên tự duyệt bài của mình (bắt buộc xuất bản)" : null);
    }

    /// <param name="publishAt">Vietnam local time, as the editor typed it.</param>
    public static ArticleTransition Schedule(Article article, ArticleActor actor, bool force, DateTime? publishAt, DateTime now)
    {
        if (Approval(article, actor, force) is { } refused)
        {
            return refused;
        }

        if (publishAt is null)
        {
            return ArticleTransition.Refused("Vui lòng chọn ngày giờ xuất bản.");
        }

        var utc = VietnamTime.ToUtc(publishAt.Value);
        if (utc <= now)
        {
            return ArticleTransition.Refused("Thời điểm lên lịch phải ở tương lai. Muốn đăng ngay, hãy bấm “Xuất bản ngay”.");
        }

        var forced = Approve(article, actor, force) == ApprovalDecision.AllowedForced;
        Approved(article, actor, ArticleStatus.Scheduled, now);
        article.PublishAt = utc;
        article.PublishedAt = null;
        var when = VietnamDates.DateTime(utc);
        return new(
            true,
            $"Đã lên lịch xuất bản lúc {when}.",
            forced ? AuditActions.ArticleScheduledForced : AuditActions.ArticleScheduled,
            $"Lên lịch lúc {when}{(forced ? " (quản trị viên tự duyệt, bắt buộc)" : "")}");
    }

    /// <summary>Back to the author as a draft, with the editor's remark; any schedule is cancelled.</summary>
    public static ArticleTransition Reject(Article article, ArticleActor actor, string? remark, DateTime now)
    {
        if (!IsReason(remark))
        {
            return ArticleTransition.Refused("Vui lòng ghi lý do trả lại bài (tối đa 1000 ký tự).");
        }

        if (!CanReject(article, actor))
        {
            return ArticleTransition.Refused("Chỉ bài đang chờ duyệt hoặc đã lên lịch mới có thể trả lại.");
        }

        var text = VietnameseText.ToNfc(remark!.Trim());
        article.Status = ArticleStatus.Draft;
        article.ReviewRemark = text;
        article.PublishAt = null;
        Touch(article, actor, now);
        return new(true, "Đã trả bài viết về cho tác giả kèm nhận xét.", AuditActions.ArticleRejected, text);
    }

    /// <summary>Off the public site, with the reason; any schedule is cancelled.</summary>
    public static ArticleTransition Withdraw(Article article, ArticleActor actor, string? reason, DateTime now)
    {
        if (!IsReason(reason))
        {
            return ArticleTransition.Refused("Vui lòng ghi lý do gỡ bài (tối đa 1000 ký tự).");
        }

        if (!CanWithdraw(article, actor))
        {
            return ArticleTransition.Refused("Chỉ bài đã xuất bản hoặc đã lên lịch mới có thể gỡ.");
        }

        var text = VietnameseText.ToNfc(reason!.Trim());
        article.Status = ArticleStatus.Withdrawn;
        article.WithdrawnReason = text;
        article.PublishAt = null;
        Touch(article, actor, now);
        return new(true, "Đã gỡ bài viết khỏi trang công khai.", AuditActions.ArticleWithdrawn, text);
    }

    /// <summary>The scheduler's step: a due article goes public at the time it was scheduled for.</summary>
    public static void PublishOnSchedule(Article article)
    {
        article.Status = ArticleStatus.Published;
        article.PublishedAt = article.PublishAt;
    }

    /// <summary>The opening Publish and Schedule share: may this actor approve this article at all?</summary>
    private static ArticleTransition? Approval(Article article, ArticleActor actor, bool force) =>
        Approve(article, actor, force) is ApprovalDecision.Allowed or ApprovalDecision.AllowedForced
            ? null
            : ArticleTransition.Refused(ApprovalMessage(Approve(article, actor, force)));

    private static void Approved(Article article, ArticleActor actor, ArticleStatus status, DateTime now)
    {
        article.Status = status;
        article.PublishedById = actor.UserId;
        article.ReviewRemark = null;
        article.WithdrawnReason = null;
        Touch(article, actor, now);
    }

    private static void Touch(Article article, ArticleActor actor, DateTime now)
    {
        article.UpdatedAt = now;
        article.UpdatedById = actor.UserId;
    }

    private static bool IsReason(string? text) => !string.IsNullOrWhiteSpace(text) && text.Length <= MaxReasonLength;

    public static bool CanView(Article article, ArticleActor actor) =>
        actor.IsEditor || article.CreatedById == actor.UserId;

    public static bool CanEdit(Article article, ArticleActor actor) =>
        actor.IsEditor || (article.CreatedById == actor.UserId && article.Status == ArticleStatus.Draft);

    public static bool CanSubmit(Article article, ArticleActor actor) =>
        article.Status == ArticleStatus.Draft && (actor.IsEditor || article.CreatedById == actor.UserId);

    public static bool CanDelete(Article article, ArticleActor actor) =>
        actor.IsEditor || (article.CreatedById == actor.UserId && article.Status == ArticleStatus.Draft);

    public static bool CanBeApproved(ArticleStatus status) =>
        status is ArticleStatus.Draft or ArticleStatus.Submitted or ArticleStatus.Scheduled or ArticleStatus.Withdrawn;

    public static ApprovalDecision Approve(Article article, ArticleActor actor, bool force)
    {
        if (!actor.IsEditor)
        {
            return ApprovalDecision.NotAnEditor;
        }

        if (!CanBeApproved(article.Status))
        {
            return ApprovalDecision.WrongStatus;
        }

        if (article.CreatedById != actor.UserId)
        {
            return ApprovalDecision.Allowed;
        }

        return actor.IsAdministrator && force ? ApprovalDecision.AllowedForced : ApprovalDecision.OwnArticle;
    }

    public static bool CanReject(Article article, ArticleActor actor) =>
        actor.IsEditor && article.Status is ArticleStatus.Submitted or ArticleStatus.Scheduled;

    public static bool CanWithdraw(Article article, ArticleActor actor) =>
        actor.IsEditor && article.Status is ArticleStatus.Published or ArticleStatus.Scheduled;

    public static string ApprovalMessage(ApprovalDecision decision) => decision switch
    {
        ApprovalDecision.OwnArticle => "Bạn không thể tự duyệt bài viết do chính mình viết. Hãy nhờ một biên tập viên khác duyệt.",
        ApprovalDecision.NotAnEditor => "Chỉ biên tập viên mới được duyệt và xuất bản bài viết.",
        ApprovalDecision.WrongStatus => "Bài viết ở trạng thái này không thể xuất bản.",
        _ => "",
    };

    public static string StatusName(ArticleStatus status) => status switch
    {
        ArticleStatus.Draft => "Bản nháp",
        ArticleStatus.Submitted => "Chờ duyệt",
        ArticleStatus.Scheduled => "Đã lên lịch",
        ArticleStatus.Published => "Đã xuất bản",
        ArticleStatus.Withdrawn => "Đã gỡ",
        _ => status.ToString(),
    };
}
