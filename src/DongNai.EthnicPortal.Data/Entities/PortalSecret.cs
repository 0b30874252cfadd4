namespace DongNai.EthnicPortal.Data.Entities;

/// <summary>
/// A generated secret that every instance must share (the poll hashing key). Kept in the database,
/// the one store all instances of a farm have in common, so any instance started in any order uses it.
/// </summary>
public class PortalSecret
{
    public const string PollVoterKey = "polls:voter-key";

    public string Name { get; set; } = "";

    public string Value { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}
