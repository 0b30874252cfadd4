namespace DongNai.EthnicPortal.Web.Areas.Admin.Models;

public sealed record DashboardArticle(int Id, string Title, DateTime UpdatedAt);

public sealed record DashboardModel(IReadOnlyList<DashboardArticle> WaitingForReview);
