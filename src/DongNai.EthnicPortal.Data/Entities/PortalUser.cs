using Microsoft.AspNetCore.Identity;

namespace DongNai.EthnicPortal.Data.Entities;

public class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public bool IsActive { get; set; } = true;

    /// <summary>Set for new accounts and after a reset, so the one-time password is replaced at the next sign-in.</summary>
    public bool MustChangePassword { get; set; }

    public DateTime CreatedAt { get; set; }
}
