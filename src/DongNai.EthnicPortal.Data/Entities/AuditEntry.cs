namespace DongNai.EthnicPortal.Data.Entities;

/// <summary>Append-only record of who did what, when and from where.</summary>
public class AuditEntry : IAdminSearchable
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    public string? UserId { get; set; }

    public string? UserName { get; set; }

    /// <summary>The folded user name, what the audit log's user box compares (see <see cref="IAdminSearchable"/>).</summary>
    public string UserNameFolded { get; set; } = "";

    public void RefreshFoldedColumns() => UserNameFolded = Text.VietnameseText.Fold(UserName);

    public string Action { get; set; } = "";

    public string? EntityType { get; set; }

    public string? EntityId { get; set; }

    public string? Details { get; set; }

    public string? IpAddress { get; set; }
}
