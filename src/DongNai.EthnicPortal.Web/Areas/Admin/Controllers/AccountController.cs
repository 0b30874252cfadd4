using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Areas.Admin.Models;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Controllers;

public sealed class AccountController(
    SignInManager<PortalUser> signInManager,
    UserManager<PortalUser> userManager,
    AuditLog audit) : AdminControllerBase
{
    public const string InvalidCredentialsMessage = "Email hoặc mật khẩu không đúng.";
    public const string LockedOutMessage = "Tài khoản tạm thời bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 15 phút.";

    [AllowAnonymous]
    [HttpGet(IdentitySetup.SignInPath)]
    public IActionResult SignIn(string? returnUrl) => View(new SignInModel { ReturnUrl = returnUrl });

    [AllowAnonymous]
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
            await audit.WriteAsync("SignInFailed", details: "Tài khoản không tồn tại hoặc đã ngừng hoạt động", userName: model.Email);
            ModelState.AddModelError("", InvalidCredentialsMessage);
            return View(model);
        }

        var result = await signInManager.PasswordSignInAsync(user, model.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.WriteAsync("SignIn", nameof(PortalUser), user.Id, userName: user.Email);
            return LocalRedirect(Url.IsLocalUrl(model.ReturnUrl) ? model.ReturnUrl : PortalUrls.Admin);
        }

        if (result.IsLockedOut)
        {
            await audit.WriteAsync("LockedOut", nameof(PortalUser), user.Id, userName: user.Email);
            ModelState.AddModelError("", LockedOutMessage);
            return View(model);
        }

        await audit.WriteAsync("SignInFailed", nameof(PortalUser), user.Id, "Sai mật khẩu", userName: user.Email);
        ModelState.AddModelError("", InvalidCredentialsMessage);
        return View(model);
    }

    [HttpPost(IdentitySetup.SignOutPath)]
    public async Task<IActionResult> SignOutUser()
    {
        await signInManager.SignOutAsync();
        return LocalRedirect(IdentitySetup.SignInPath);
    }

    [AllowAnonymous]
    [HttpGet(IdentitySetup.AccessDeniedPath)]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }
}
