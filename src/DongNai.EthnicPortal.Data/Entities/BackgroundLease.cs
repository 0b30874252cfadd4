namespace DongNai.EthnicPortal.Data.Entities;

/// <summary>
/// A named, time-limited lease on a piece of background work (the scheduled publisher, start-up
/// initialization). Taken with one conditional UPDATE, so of several instances exactly one holds it.
/// </summary>
public class BackgroundLease
{
    public string Name { get; set; } = "";

    /// <summary>The instance holding the lease (its name plus a per-process id); empty when released.</summary>
    public string Holder { get; set; } = "";

    public DateTime ExpiresAt { get; set; }
}
