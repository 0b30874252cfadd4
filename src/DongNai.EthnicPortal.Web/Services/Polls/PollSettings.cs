namespace DongNai.EthnicPortal.Web.Services.Polls;

/// <summary>The "Portal:Polls" configuration section.</summary>
public sealed class PollSettings
{
    public const string SectionName = "Portal:Polls";

    /// <summary>HMAC key for voter and IP hashes; when empty, a generated key kept under the storage root is used.</summary>
    public string? VoterKeySecret { get; set; }

    public int MaxVotesPerIpPerDay { get; set; } = 5;
}
