using System.ComponentModel.DataAnnotations;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Models;

public sealed class UserFormModel
{
    [Required(ErrorMessage = "Vui lòng nhập email.")]
    [EmailAddress(ErrorMessage = "Email không hợp lệ.")]
    [StringLength(256, ErrorMessage = "Email quá dài.")]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Vui lòng nhập tên hiển thị.")]
    [StringLength(100, ErrorMessage = "Tên hiển thị không được dài quá 100 ký tự.")]
    [Display(Name = "Tên hiển thị")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Vui lòng chọn vai trò.")]
    [Display(Name = "Vai trò")]
    public string Role { get; set; } = Data.Entities.Roles.Author;
}

public sealed record UserRow(string Id, string Email, string DisplayName, string Role, bool IsActive, bool IsLocked, bool TwoFactorEnabled, bool MustChangePassword, DateTime CreatedAt);

public sealed record UserListView(string? Query, List<UserRow> Users);

/// <param name="Sessions">How many sessions of the account are signed in now.</param>
public sealed record UserEditView(UserRow User, bool IsSelf, int Sessions);

public sealed record OneTimePasswordView(string Email, string DisplayName, string Password, bool IsNewAccount);
