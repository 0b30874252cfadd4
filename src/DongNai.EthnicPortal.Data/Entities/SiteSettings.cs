namespace DongNai.EthnicPortal.Data.Entities;

/// <summary>The single row of site-wide settings shown in the header and footer.</summary>
public class SiteSettings : IVersioned
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public string SiteName { get; set; } = "";

    public string GoverningAgency { get; set; } = "";

    public string ResponsiblePerson { get; set; } = "";

    public string ResponsiblePersonTitle { get; set; } = "";

    public string Address { get; set; } = "";

    public string Phone { get; set; } = "";

    public string Email { get; set; } = "";

    public string CopyrightLine { get; set; } = "";

    public string? MapUrl { get; set; }

    /// <summary>Visits carried over from the old site, added to the all-time total.</summary>
    public long VisitCounterOffset { get; set; }

    public bool RequireTwoFactorForStaff { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Guid Version { get; set; }
}
