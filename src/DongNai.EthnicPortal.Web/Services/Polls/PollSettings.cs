namespace DongNai.EthnicPortal.Web.Services.Polls;

/// <summary>The "Portal:Polls" configuration section (<see cref="Infrastructure.PortalOptions.Polls"/>).</summary>
public sealed class PollSettings
{
    /// <summary>HMAC key for voter and IP hashes; when empty, a generated key kept under the storage root is used.</summary>
    public string? VoterKeySecret { get; set; }

    public int MaxVotesPerIpPerDay { get; set; } = 5;
}
