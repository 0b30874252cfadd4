using System.Globalization;
using System.Text;
using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Areas.Admin.Models;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Accounts;
using DongNai.EthnicPortal.Web.Services.Audit;
using DongNai.EthnicPortal.Web.Services.Site;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Controllers;

public sealed class AccountController(
    SignInManager<PortalUser> signInManager,
    UserManager<PortalUser> userManager,
    PortalDbContext db,
    AuditLog audit,
    AuthSessions sessions) : AdminControllerBase
{
    public const string InvalidCredentialsMessage = "Email hoặc mật khẩu không đúng.";
    public const string LockedOutMessage = "Tài khoản tạm thời bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 15 phút.";
    public const string TwoFactorPath = "/quan-tri/dang-nhap/ma-xac-thuc";
    public const string AccountPath = "/quan-tri/tai-khoan";

    [AllowAnonymous]
    [AllowWithPendingAccountSteps]
    [HttpGet(IdentitySetup.SignInPath)]
    public IActionResult SignIn(string? returnUrl) => View(new SignInModel { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [AllowWithPendingAccountSteps]
    [HttpPost(IdentitySetup.SignInPath)]
    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    public async Task<IActionResult> SignIn(SignInModel model)
    {
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var user = await userManager.FindByEmailAsync(model.Email.Trim());
        if (user is null || !user.IsActive)
        {
            // Hash anyway so that an unknown email takes as long as a wrong password.
            userManager.PasswordHasher.HashPassword(new PortalUser(), model.Password);
            await audit.WriteAsync(AuditActions.SignInFailed, details: "Tài khoản không tồn tại hoặc đã ngừng hoạt động", userName: model.Email);
            return Refused(model, InvalidCredentialsMessage);
        }

        var result = await signInManager.PasswordSignInAsync(user, model.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.WriteAsync(AuditActions.SignIn, nameof(PortalUser), user.Id, userName: user.Email);
            return LocalRedirect(SafeReturnUrl(model.ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return LocalRedirect($"{TwoFactorPath}?returnUrl={Uri.EscapeDataString(SafeReturnUrl(model.ReturnUrl))}");
        }

        return await PasswordRefusedAsync(model, user, result.IsLockedOut);
    }

    private async Task<IActionResult> PasswordRefusedAsync(SignInModel model, PortalUser user, bool lockedOut)
    {
        if (lockedOut)
        {
            await audit.WriteAsync(AuditActions.LockedOut, nameof(PortalUser), user.Id, userName: user.Email);
            return Refused(model, LockedOutMessage);
        }

        await audit.WriteAsync(AuditActions.SignInFailed, nameof(PortalUser), user.Id, "Sai mật khẩu", userName: user.Email);
        return Refused(model, InvalidCredentialsMessage);
    }

    /// <summary>The sign-in form again, with the reason above its fields.</summary>
    private ViewResult Refused(object model, string message)
    {
        ModelState.AddModelError("", message);
        return View(model);
    }

    [AllowAnonymous]
    [AllowWithPendingAccountSteps]
    [HttpGet(TwoFactorPath)]
    public async Task<IActionResult> TwoFactorSignIn(string? returnUrl)
    {
        if (await signInManager.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return LocalRedirect(IdentitySetup.SignInPath);
        }

        return View(new TwoFactorCodeModel { ReturnUrl = returnUrl });
    }

    [AllowAnonymous]
    [AllowWithPendingAccountSteps]
    [HttpPost(TwoFactorPath)]
    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    public async Task<IActionResult> TwoFactorSignIn(TwoFactorCodeModel model)
    {
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return LocalRedirect(IdentitySetup.SignInPath);
        }

        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var code = model.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = await signInManager.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await audit.WriteAsync(AuditActions.SignIn, nameof(PortalUser), user.Id, "Đăng nhập với xác thực hai bước", userName: user.Email);
            return LocalRedirect(SafeReturnUrl(model.ReturnUrl));
        }

        if (result.IsLockedOut)
        {
            await audit.WriteAsync(AuditActions.LockedOut, nameof(PortalUser), user.Id, "Sai mã xác thực hai bước nhiều lần", userName: user.Email);
            return Refused(model, LockedOutMessage);
        }

        await audit.WriteAsync(AuditActions.SignInFailed, nameof(PortalUser), user.Id, "Sai mã xác thực hai bước", userName: user.Email);
        return Refused(model, "Mã xác thực không đúng hoặc đã hết hạn.");
    }

    [AllowWithPendingAccountSteps]
    [HttpPost(IdentitySetup.SignOutPath)]
    public async Task<IActionResult> SignOutUser()
    {
        await signInManager.SignOutAsync();
        return LocalRedirect(IdentitySetup.SignInPath);
    }

    [AllowAnonymous]
    [AllowWithPendingAccountSteps]
    [HttpGet(IdentitySetup.AccessDeniedPath)]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }

    [HttpGet(AccountPath)]
    public async Task<IActionResult> Index()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var roles = await userManager.GetRolesAsync(user);
        return View(new AccountView(user.Email ?? "", user.DisplayName, roles.Select(Roles.DisplayName).ToList(), user.TwoFactorEnabled));
    }

    [AllowWithPendingAccountSteps]
    [HttpGet(ChangePasswordPath)]
    public async Task<IActionResult> ChangePassword()
    {
        var user = await userManager.GetUserAsync(User);
        ViewData["Forced"] = user?.MustChangePassword == true;
        return View(new ChangePasswordModel());
    }

    [AllowWithPendingAccountSteps]
    [HttpPost(ChangePasswordPath)]
    public async Task<IActionResult> ChangePassword(ChangePasswordModel model)
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        ViewData["Forced"] = user.MustChangePassword;
        if (!ModelState.IsValid || !await TryChangePasswordAsync(user, model))
        {
            return View(model);
        }

        user.MustChangePassword = false;
        await userManager.UpdateAsync(user);
        // The new security stamp would end the other sessions within a minute; deleting them ends them now.
        await signInManager.RefreshSignInAsync(user);
        var ended = await sessions.EndOthersAsync(user.Id, AuthSessions.CurrentKey(HttpContext));
        audit.Add(AuditActions.PasswordChanged, nameof(PortalUser), user.Id, ended > 0 ? $"Kết thúc {ended} phiên đăng nhập khác" : null, userName: user.Email);
        await db.SaveChangesAsync();
        Flash(ended > 0 ? $"Đã đổi mật khẩu. {ended} phiên đăng nhập khác của tài khoản đã bị đăng xuất." : "Đã đổi mật khẩu.");
        return LocalRedirect(PortalUrls.Admin);
    }

    /// <summary>Runs the password validators (length, common list); their refusals go to the field they concern.</summary>
    private async Task<bool> TryChangePasswordAsync(PortalUser user, ChangePasswordModel model)
    {
        if (string.Equals(model.CurrentPassword, model.NewPassword, StringComparison.Ordinal))
        {
            ModelState.AddModelError(nameof(model.NewPassword), "Mật khẩu mới phải khác mật khẩu hiện tại.");
            return false;
        }

        var result = await userManager.ChangePasswordAsync(user, model.CurrentPassword, model.NewPassword);
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(model.CurrentPassword) : nameof(model.NewPassword), error.Description);
        }

        return result.Succeeded;
    }

    [AllowWithPendingAccountSteps]
    [HttpGet(TwoFactorSetupPath)]
    public async Task<IActionResult> TwoFactor()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.MustChangePassword)
        {
            return LocalRedirect(ChangePasswordPath);
        }

        var required = await TwoFactorRequiredAsync();
        if (user.TwoFactorEnabled)
        {
            return View(new TwoFactorSetupView(true, null, null, required));
        }

        var key = await userManager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await userManager.ResetAuthenticatorKeyAsync(user);
            key = await userManager.GetAuthenticatorKeyAsync(user);
        }

        var issuer = Uri.EscapeDataString("Ban Dân tộc Đồng Nai");
        var uri = $"otpauth://totp/{issuer}:{Uri.EscapeDataString(user.Email ?? "")}?secret={key}&issuer={issuer}&digits=6";
        return View(new TwoFactorSetupView(false, FormatKey(key!), uri, required));
    }

    [AllowWithPendingAccountSteps]
    [HttpPost(TwoFactorSetupPath)]
    public async Task<IActionResult> TwoFactor(string? code)
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var cleaned = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var valid = cleaned.Length == 6 && await userManager.VerifyTwoFactorTokenAsync(user, userManager.Options.Tokens.AuthenticatorTokenProvider, cleaned);
        if (!valid)
        {
            Flash("Mã xác thực không đúng. Hãy kiểm tra giờ trên điện thoại và nhập mã mới nhất.", isError: true);
            return LocalRedirect(TwoFactorSetupPath);
        }

        await userManager.SetTwoFactorEnabledAsync(user, true);
        await userManager.UpdateSecurityStampAsync(user);
        audit.Add(AuditActions.TwoFactorEnabled, nameof(PortalUser), user.Id, userName: user.Email);
        await db.SaveChangesAsync();
        await signInManager.RefreshSignInAsync(user);
        Flash("Đã bật xác thực hai bước. Từ lần đăng nhập sau, bạn cần nhập mã từ ứng dụng xác thực.");
        return LocalRedirect(AccountPath);
    }

    [HttpPost("/quan-tri/xac-thuc-hai-buoc/tat")]
    public async Task<IActionResult> DisableTwoFactor()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (await TwoFactorRequiredAsync())
        {
            Flash("Quản trị viên đang yêu cầu mọi tài khoản dùng xác thực hai bước nên không thể tắt.", isError: true);
            return LocalRedirect(AccountPath);
        }

        await userManager.SetTwoFactorEnabledAsync(user, false);
        await userManager.ResetAuthenticatorKeyAsync(user);
        audit.Add(AuditActions.TwoFactorDisabled, nameof(PortalUser), user.Id, userName: user.Email);
        await db.SaveChangesAsync();
        await signInManager.RefreshSignInAsync(user);
        Flash("Đã tắt xác thực hai bước.");
        return LocalRedirect(AccountPath);
    }

    private Task<bool> TwoFactorRequiredAsync() =>
        db.SiteSettings.AsNoTracking().Where(s => s.Id == SiteSettings.SingletonId).Select(s => s.RequireTwoFactorForStaff).FirstOrDefaultAsync();

    private string SafeReturnUrl(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl : PortalUrls.Admin;

    private static string FormatKey(string key)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            builder.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return builder.ToString().TrimEnd().ToLower(CultureInfo.InvariantCulture);
    }
}
