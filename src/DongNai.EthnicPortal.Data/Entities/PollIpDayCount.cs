namespace DongNai.EthnicPortal.Data.Entities;

/// <summary>
/// Ballots cast from one hashed IP for one poll on one Vietnam day. The per-IP cap is taken from this
/// counter with a conditional increment (<c>Count = Count + 1 WHERE Count &lt; cap</c>), which the database
/// applies atomically, so the cap holds exactly however many instances take votes at once.
/// </summary>
public class PollIpDayCount
{
    public int PollId { get; set; }

    public DateOnly Day { get; set; }

    public string IpHash { get; set; } = "";

    public int Count { get; set; }
}
