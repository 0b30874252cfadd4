using System.ComponentModel.DataAnnotations;
using DongNai.EthnicPortal.Web.Services.Accounts;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Models;

public sealed class ChangePasswordModel
{
    [Required(ErrorMessage = "Vui lòng nhập mật khẩu hiện tại.")]
    [StringLength(CommonPasswordValidator.MaximumLength, ErrorMessage = "Mật khẩu không được dài quá 128 ký tự.")]
    [DataType(DataType.Password)]
    [Display(Name = "Mật khẩu hiện tại")]
    public string CurrentPassword { get; set; } = "";

    [Required(ErrorMessage = "Vui lòng nhập mật khẩu mới.")]
    [StringLength(CommonPasswordValidator.MaximumLength, MinimumLength = 12, ErrorMessage = "Mật khẩu mới phải dài từ 12 đến 128 ký tự.")]
    [DataType(DataType.Password)]
    [Display(Name = "Mật khẩu mới")]
    public string NewPassword { get; set; } = "";

    [Compare(nameof(NewPassword), ErrorMessage = "Hai lần nhập mật khẩu mới không khớp.")]
    [DataType(DataType.Password)]
    [Display(Name = "Nhập lại mật khẩu mới")]
    public string ConfirmPassword { get; set; } = "";
}

public sealed class TwoFactorCodeModel
{
    [Required(ErrorMessage = "Vui lòng nhập mã 6 chữ số từ ứng dụng xác thực.")]
    [StringLength(7, MinimumLength = 6, ErrorMessage = "Mã xác thực gồm 6 chữ số.")]
    [Display(Name = "Mã xác thực")]
    public string Code { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

public sealed record TwoFactorSetupView(bool Enabled, string? SharedKey, string? AuthenticatorUri, bool Required);

public sealed record AccountView(string Email, string DisplayName, IReadOnlyList<string> Roles, bool TwoFactorEnabled);
