using Microsoft.AspNetCore.Identity;

namespace DongNai.EthnicPortal.Data.Entities;

public class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public bool IsActive { get; set; } = true;

    /// <summary>Set for new accounts and after a reset, so the one-time password is replaced at the next sign-in.</summary>
    public bool MustChangePassword { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The 30-second time step of the last authenticator code accepted, so no code is accepted twice (OWASP ASVS 6.5).</summary>
    public long? LastTotpTimeStep { get; set; }
}
