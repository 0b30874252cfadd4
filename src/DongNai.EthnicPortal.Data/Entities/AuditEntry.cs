namespace DongNai.EthnicPortal.Data.Entities;

/// <summary>Append-only record of who did what, when and from where.</summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    public string? UserId { get; set; }

    public string? UserName { get; set; }

    public string Action { get; set; } = "";

    public string? EntityType { get; set; }

    public string? EntityId { get; set; }

    public string? Details { get; set; }

    public string? IpAddress { get; set; }
}
