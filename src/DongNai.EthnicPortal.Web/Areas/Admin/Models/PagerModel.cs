namespace DongNai.EthnicPortal.Web.Areas.Admin.Models;

public sealed record PagerModel(int Page, int PageCount, Func<int, string> UrlFor);
