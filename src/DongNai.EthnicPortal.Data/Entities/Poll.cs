namespace DongNai.EthnicPortal.Data.Entities;

public class Poll : IVersioned
{
    public int Id { get; set; }

    public string Question { get; set; } = "";

    public bool AllowMultipleChoices { get; set; }

    public DateTime OpensAt { get; set; }

    public DateTime? ClosesAt { get; set; }

    /// <summary>A hidden poll is neither shown nor open, whatever its dates.</summary>
    public bool IsVisible { get; set; } = true;

    public DateTime CreatedAt { get; set; }

    public Guid Version { get; set; }

    public List<PollOption> Options { get; set; } = [];

    public List<PollVote> Votes { get; set; } = [];
}

public class PollOption
{
    public int Id { get; set; }

    public int PollId { get; set; }

    public Poll Poll { get; set; } = null!;

    public string Text { get; set; } = "";

    public int SortOrder { get; set; }

    public List<PollVoteChoice> Choices { get; set; } = [];
}

/// <summary>One ballot. Voter and IP keys are keyed hashes, never the raw values.</summary>
public class PollVote
{
    public long Id { get; set; }

    public int PollId { get; set; }

    public Poll Poll { get; set; } = null!;

    public string VoterKeyHash { get; set; } = "";

    public string IpHash { get; set; } = "";

    /// <summary>The Vietnam-local day of the vote, for the per-IP daily cap.</summary>
    public DateOnly CastOn { get; set; }

    public DateTime CastAt { get; set; }

    public List<PollVoteChoice> Choices { get; set; } = [];
}

public class PollVoteChoice
{
    public long PollVoteId { get; set; }

    public PollVote PollVote { get; set; } = null!;

    public int PollOptionId { get; set; }

    public PollOption PollOption { get; set; } = null!;
}
