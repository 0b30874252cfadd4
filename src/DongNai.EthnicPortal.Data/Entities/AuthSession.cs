namespace DongNai.EthnicPortal.Data.Entities;

/// <summary>
/// A signed-in session: the authentication ticket kept on the server (the cookie carries only its key),
/// so signing out, a password or role change, a lock or an administrator ends it at once on every instance.
/// </summary>
public class AuthSession
{
    /// <summary>Random key carried by the cookie.</summary>
    public string Id { get; set; } = "";

    public string UserId { get; set; } = "";

    /// <summary>The serialized ticket, protected by the data-protection key ring shared in the database.</summary>
    public byte[] Ticket { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime LastSeenAt { get; set; }

    public DateTime? ExpiresAt { get; set; }

    public string Device { get; set; } = "";

    public string Address { get; set; } = "";
}
