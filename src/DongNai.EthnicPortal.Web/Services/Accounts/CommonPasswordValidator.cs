using System.Collections.Frozen;
using DongNai.EthnicPortal.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace DongNai.EthnicPortal.Web.Services.Accounts;

/// <summary>
/// OWASP ASVS 6.2: length between 12 and 128 characters and not on a list of common passwords,
/// instead of composition rules. The list is bundled as an embedded resource.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<PortalUser>
{
    public const int MaximumLength = 128;

    private static readonly Lazy<FrozenSet<string>> CommonPasswords = new(Load);

    public static int ListSize => CommonPasswords.Value.Count;

    public static bool IsCommon(string password) =>
        CommonPasswords.Value.Contains(password.Trim().ToLowerInvariant());

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        if (password is null)
        {
            return Task.FromResult(IdentityResult.Success);
        }

        if (password.Length > MaximumLength)
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordTooLong", Description = $"Mật khẩu không được dài quá {MaximumLength} ký tự." }));
        }

        if (IsCommon(password))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordTooCommon", Description = "Mật khẩu này quá phổ biến và dễ bị đoán. Hãy chọn mật khẩu khác, ví dụ một cụm từ dài." }));
        }

        var identity = new[] { user.Email, user.UserName, user.DisplayName }
            .Where(value => !string.IsNullOrWhiteSpace(value))
            .Any(value => string.Equals(value, password, StringComparison.OrdinalIgnoreCase));
        return Task.FromResult(identity
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordIsIdentity", Description = "Mật khẩu không được trùng với email hoặc tên hiển thị." })
            : IdentityResult.Success);
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("DongNai.EthnicPortal.Web.Services.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                words.Add(line.Trim().ToLowerInvariant());
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
