using DongNai.EthnicPortal.Web.Services.Formatting;
using DongNai.EthnicPortal.Web.Services.Polls;
using DongNai.EthnicPortal.Web.Services.Site;

namespace DongNai.EthnicPortal.Web.Models;

public sealed record PollOptionItem(int Id, string Text);

/// <summary>What the sidebar widget needs: the definition only, never the counts.</summary>
public sealed record PollWidgetModel(int Id, string Question, bool AllowMultipleChoices, IReadOnlyList<PollOptionItem> Options)
{
    public string ResultsUrl => PortalUrls.Poll(Id);

    public string VoteUrl => PollUrls.Vote(Id);
}

public sealed record PollOptionResult(int Id, string Text, int Votes, double Percent)
{
    public string VotesText => $"{VietnameseNumbers.Count(Votes)} phiếu";

    public string PercentText => PollNumbers.Percent(Percent);
}

public sealed record PollResultsModel(
    int Id,
    string Question,
    bool AllowMultipleChoices,
    DateTime OpensAt,
    DateTime? ClosesAt,
    PollState State,
    int TotalVotes,
    IReadOnlyList<PollOptionResult> Options)
{
    public string StatusText => PollLifecycle.Describe(State);

    public PollWidgetModel ToForm() => new(Id, Question, AllowMultipleChoices, Options.Select(o => new PollOptionItem(o.Id, o.Text)).ToList());
}

public sealed record PollArchiveItem(int Id, string Question, DateTime OpensAt, DateTime? ClosesAt, PollState State, int TotalVotes)
{
    public string Url => PortalUrls.Poll(Id);

    public string StatusText => PollLifecycle.Describe(State);
}

/// <summary>The vote form, shown in the sidebar and on an open poll's results page; the prefix keeps element ids unique on a page that shows both.</summary>
public sealed record PollVoteFormModel(PollWidgetModel Poll, string IdPrefix);

public sealed record VoteRejectedModel(int PollId, string Message)
{
    public string ResultsUrl => PortalUrls.Poll(PollId);
}
