using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Services.Accounts;
using DongNai.EthnicPortal.Web.Services.Audit;
using Microsoft.AspNetCore.Mvc;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Controllers;

/// <summary>
/// "Phiên đăng nhập": the signed-in user's own sessions, where each was opened and when it was last used,
/// with a button to end any other one (a phone left signed in, a shared office computer).
/// </summary>
public sealed class AccountSessionsController(AuthSessions sessions, AuditLog audit) : AdminControllerBase
{
    public const string SessionsPath = AccountController.AccountPath + "/phien-dang-nhap";

    [HttpGet(SessionsPath)]
    public async Task<IActionResult> Index() =>
        View(await sessions.ListAsync(CurrentUserId, AuthSessions.CurrentKey(HttpContext)));

    [HttpPost(SessionsPath + "/{id}/ket-thuc")]
    public async Task<IActionResult> End(string id)
    {
        var current = (await sessions.ListAsync(CurrentUserId, AuthSessions.CurrentKey(HttpContext))).FirstOrDefault(s => s.IsCurrent);
        if (current?.Id == id)
        {
            Flash("Đây là phiên bạn đang dùng. Để kết thúc phiên này, hãy bấm “Đăng xuất”.", isError: true);
            return LocalRedirect(SessionsPath);
        }

        if (!await sessions.EndAsync(CurrentUserId, id))
        {
            Flash("Phiên này đã kết thúc từ trước.", isError: true);
            return LocalRedirect(SessionsPath);
        }

        await audit.WriteAsync(AuditActions.SessionEnded, nameof(PortalUser), CurrentUserId);
        Flash("Đã kết thúc phiên đăng nhập. Thiết bị đó phải đăng nhập lại.");
        return LocalRedirect(SessionsPath);
    }

    [HttpPost(SessionsPath + "/ket-thuc-cac-phien-khac")]
    public async Task<IActionResult> EndOthers()
    {
        var ended = await sessions.EndOthersAsync(CurrentUserId, AuthSessions.CurrentKey(HttpContext));
        await audit.WriteAsync(AuditActions.OtherSessionsEnded, nameof(PortalUser), CurrentUserId, $"{ended} phiên");
        Flash(ended == 0 ? "Không có phiên đăng nhập nào khác." : $"Đã kết thúc {ended} phiên đăng nhập khác.");
        return LocalRedirect(SessionsPath);
    }
}
