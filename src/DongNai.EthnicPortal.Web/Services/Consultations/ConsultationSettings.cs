namespace DongNai.EthnicPortal.Web.Services.Consultations;

/// <summary>The "Portal:Consultations" configuration section (<see cref="Infrastructure.PortalOptions.Consultations"/>).</summary>
public sealed class ConsultationSettings
{
    /// <summary>Days after a consultation is concluded before commenters' names and contact details are erased.</summary>
    public int RetainContactDays { get; set; } = 365;

    /// <summary>Seconds a person needs at least between loading the form and sending it; bots post at once.</summary>
    public int MinSecondsBeforeSubmit { get; set; } = 5;

    /// <summary>
    /// Comments per consultation per client address per Vietnam day. A department or a commune office
    /// sends everyone's comments from one address, so the cap is a brake on floods, not a per-person quota.
    /// </summary>
    public int MaxCommentsPerIpPerDay { get; set; } = 30;
}
