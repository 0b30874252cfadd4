using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Web.Areas.Admin.Models;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Accounts;
using DongNai.EthnicPortal.Web.Services.Audit;
using DongNai.EthnicPortal.Web.Services.Search;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Controllers;

/// <summary>
/// Staff accounts. The portal must always keep one working administrator, so the last one cannot be
/// demoted, locked or deactivated, and nobody changes their own role.
/// </summary>
[Authorize(Policy = Policies.Administrators)]
[Route(BasePath)]
public sealed class UsersController(PortalDbContext db, UserManager<PortalUser> users, AuditLog audit, TimeProvider time, Services.Accounts.AuthSessions sessions) : AdminControllerBase
{
    public const string BasePath = "/quan-tri/nguoi-dung";

    public const string LastAdministratorMessage = "Không thể thực hiện: đây là quản trị viên cuối cùng còn hoạt động của cổng thông tin.";

    [HttpGet]
    public async Task<IActionResult> Index(string? q)
    {
        var all = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync();
        var roles = await RoleMapAsync();
        var now = time.GetUtcNow();
        // Staff accounts are few and all read anyway, so the folded comparison runs here.
        var term = AdminSearch.Term(q);
        var rows = all.Where(u => term is null || AdminSearch.Matches(term, u.DisplayName, u.Email)).Select(u => Row(u, roles, now)).ToList();
        return View(new UserListView(q?.Trim(), rows));
    }

    [HttpGet("tao")]
    public IActionResult Create() => View(new UserFormModel());

    [HttpPost("tao")]
    public async Task<IActionResult> Create(UserFormModel model)
    {
        if (!Roles.All.Contains(model.Role))
        {
            ModelState.AddModelError(nameof(model.Role), "Vai trò không hợp lệ.");
        }

        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var user = NewUser(model);
        var password = OneTimePasswords.Generate();
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(error.Code.Contains("Email", StringComparison.Ordinal) ? nameof(model.Email) : "", error.Description);
            }

            return View(model);
        }

        await users.AddToRoleAsync(user, model.Role);
        audit.Add(AuditActions.UserCreated, nameof(PortalUser), user.Id, $"{user.Email} — {Roles.DisplayName(model.Role)}");
        await db.SaveChangesAsync();
        Flash($"Đã tạo tài khoản {user.Email}.");
        return View("OneTimePassword", new OneTimePasswordView(user.Email!, user.DisplayName, password, IsNewAccount: true));
    }

    /// <summary>A new account must change its one-time password at its first sign-in.</summary>
    private PortalUser NewUser(UserFormModel model)
    {
        var email = model.Email.Trim();
        return new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = VietnameseText.ToNfc(model.DisplayName.Trim()),
            MustChangePassword = true,
            IsActive = true,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
    }

    [HttpGet("{id}/sua")]
    public async Task<IActionResult> Edit(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        return View(new UserEditView(Row(user, await RoleMapAsync(), time.GetUtcNow()), user.Id == CurrentUserId, await sessions.CountAsync(user.Id)));
    }

    [HttpPost("{id}/sua")]
    public async Task<IActionResult> Edit(string id, string? displayName, string? role)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        var current = (await users.GetRolesAsync(user)).FirstOrDefault();
        if (await EditRefusalAsync(user, displayName, role, current) is { } refusal)
        {
            Flash(refusal, isError: true);
            return RedirectToAction(nameof(Edit), new { id });
        }

        if (current != role)
        {
            await ChangeRoleAsync(user, current, role!);
        }

        user.DisplayName = VietnameseText.ToNfc(displayName!.Trim());
        await users.UpdateAsync(user);
        audit.Add(AuditActions.UserUpdated, nameof(PortalUser), user.Id, user.Email);
        await db.SaveChangesAsync();
        Flash("Đã lưu thông tin tài khoản.");
        return RedirectToAction(nameof(Edit), new { id });
    }

    /// <summary>Why an edit cannot be saved (a missing name, an unknown role, a role change that is not allowed), or null.</summary>
    private async Task<string?> EditRefusalAsync(PortalUser user, string? displayName, string? role, string? current)
    {
        if (string.IsNullOrWhiteSpace(displayName) || displayName.Length > 100)
        {
            return "Tên hiển thị là bắt buộc và không quá 100 ký tự.";
        }

        if (role is null || !Roles.All.Contains(role))
        {
            return "Vai trò không hợp lệ.";
        }

        if (current == role)
        {
            return null;
        }

        if (user.Id == CurrentUserId)
        {
            return "Bạn không thể tự thay đổi vai trò của chính mình.";
        }

        return current == Roles.Administrator && await IsLastActiveAdministratorAsync(user) ? LastAdministratorMessage : null;
    }

    private async Task ChangeRoleAsync(PortalUser user, string? current, string role)
    {
        if (current is not null)
        {
            await users.RemoveFromRoleAsync(user, current);
        }

        await users.AddToRoleAsync(user, role);

        // The new role must take effect everywhere, so every session of the account is ended.
        await users.UpdateSecurityStampAsync(user);
        // The new stamp would end other sessions within a minute; deleting them ends them now, on every instance.
        await sessions.EndAllAsync(user.Id);
        audit.Add(AuditActions.UserRoleChanged, nameof(PortalUser), user.Id, $"{user.Email}: {Roles.DisplayName(current ?? "")} → {Roles.DisplayName(role)}");
    }

    [HttpPost("{id}/dat-lai-mat-khau")]
    public async Task<IActionResult> ResetPassword(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        var password = OneTimePasswords.Generate();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            Flash(string.Join(" ", result.Errors.Select(e => e.Description)), isError: true);
            return RedirectToAction(nameof(Edit), new { id });
        }

        user.MustChangePassword = true;
        await users.UpdateAsync(user);
        audit.Add(AuditActions.UserPasswordReset, nameof(PortalUser), user.Id, user.Email);
        await db.SaveChangesAsync();
        Flash($"Đã đặt lại mật khẩu cho {user.Email}.");
        return View("OneTimePassword", new OneTimePasswordView(user.Email ?? "", user.DisplayName, password, IsNewAccount: false));
    }

    [HttpPost("{id}/khoa")]
    public async Task<IActionResult> Lock(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (await RefuseForSelfOrLastAdminAsync(user, "khóa"))
        {
            return RedirectToAction(nameof(Edit), new { id });
        }

        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(user);
        // The new stamp would end other sessions within a minute; deleting them ends them now, on every instance.
        await sessions.EndAllAsync(user.Id);
        audit.Add(AuditActions.UserLocked, nameof(PortalUser), user.Id, user.Email);
        await db.SaveChangesAsync();
        Flash($"Đã khóa tài khoản {user.Email}.");
        return RedirectToAction(nameof(Edit), new { id });
    }

    /// <summary>A lost phone or a shared computer: every session of the account ends at once, on every instance.</summary>
    [HttpPost("{id}/ket-thuc-phien")]
    public async Task<IActionResult> EndSessions(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (user.Id == CurrentUserId)
        {
            Flash("Để kết thúc các phiên của chính bạn, hãy dùng trang “Phiên đăng nhập” trong tài khoản của bạn.", isError: true);
            return RedirectToAction(nameof(Edit), new { id });
        }

        var ended = await sessions.EndAllAsync(user.Id);
        await audit.WriteAsync(AuditActions.UserSessionsEnded, nameof(PortalUser), user.Id, $"{user.Email}: {ended} phiên");
        Flash($"Đã kết thúc {ended} phiên đăng nhập của {user.Email}. Người dùng phải đăng nhập lại trên mọi thiết bị.");
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost("{id}/mo-khoa")]
    public async Task<IActionResult> Unlock(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        audit.Add(AuditActions.UserUnlocked, nameof(PortalUser), user.Id, user.Email);
        await db.SaveChangesAsync();
        Flash($"Đã mở khóa tài khoản {user.Email}.");
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost("{id}/ngung-hoat-dong")]
    public async Task<IActionResult> Deactivate(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (await RefuseForSelfOrLastAdminAsync(user, "ngừng kích hoạt"))
        {
            return RedirectToAction(nameof(Edit), new { id });
        }

        user.IsActive = false;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        // The new stamp would end other sessions within a minute; deleting them ends them now, on every instance.
        await sessions.EndAllAsync(user.Id);
        audit.Add(AuditActions.UserDeactivated, nameof(PortalUser), user.Id, user.Email);
        await db.SaveChangesAsync();
        Flash($"Đã ngừng kích hoạt tài khoản {user.Email}. Tài khoản không thể đăng nhập nữa.");
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost("{id}/kich-hoat")]
    public async Task<IActionResult> Activate(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        user.IsActive = true;
        await users.UpdateAsync(user);
        audit.Add(AuditActions.UserActivated, nameof(PortalUser), user.Id, user.Email);
        await db.SaveChangesAsync();
        Flash($"Đã kích hoạt lại tài khoản {user.Email}.");
        return RedirectToAction(nameof(Edit), new { id });
    }

    private async Task<bool> RefuseForSelfOrLastAdminAsync(PortalUser user, string verb)
    {
        if (user.Id == CurrentUserId)
        {
            Flash($"Bạn không thể tự {verb} tài khoản của chính mình.", isError: true);
            return true;
        }

        if (await users.IsInRoleAsync(user, Roles.Administrator) && await IsLastActiveAdministratorAsync(user))
        {
            Flash(LastAdministratorMessage, isError: true);
            return true;
        }

        return false;
    }

    private async Task<bool> IsLastActiveAdministratorAsync(PortalUser user)
    {
        var now = time.GetUtcNow();
        var admins = await users.GetUsersInRoleAsync(Roles.Administrator);
        return !admins.Any(a => a.Id != user.Id && a.IsActive && (a.LockoutEnd is null || a.LockoutEnd <= now));
    }

    private async Task<Dictionary<string, string>> RoleMapAsync() =>
        await (from userRole in db.UserRoles
               join role in db.Roles on userRole.RoleId equals role.Id
               select new { userRole.UserId, role.Name })
            .ToDictionaryAsync(x => x.UserId, x => x.Name ?? "");

    private static UserRow Row(PortalUser user, Dictionary<string, string> roles, DateTimeOffset now) => new(
        user.Id,
        user.Email ?? "",
        user.DisplayName,
        roles.GetValueOrDefault(user.Id, ""),
        user.IsActive,
        user.LockoutEnd is { } end && end > now,
        user.TwoFactorEnabled,
        user.MustChangePassword,
        user.CreatedAt);
}
