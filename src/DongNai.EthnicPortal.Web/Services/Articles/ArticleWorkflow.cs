using DongNai.EthnicPortal.Data.Entities;

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
/// The editorial rules in one place: an author works on their own drafts; an editor reviews,
/// publishes, schedules and withdraws, but never approves what they wrote unless an administrator forces it.
/// </summary>
public static class ArticleWorkflow
{
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
