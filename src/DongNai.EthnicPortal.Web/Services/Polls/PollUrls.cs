using DongNai.EthnicPortal.Web.Services.Site;
namespace DongNai.EthnicPortal.Web.Services.Polls;

/// <summary>Poll URLs beyond the results page, which <see cref="PortalUrls.Poll"/> builds.</summary>
public static class PollUrls
{
    public const string Archive = "/tham-do-y-kien";

    public const string JustVotedQuery = "da-binh-chon";

    public static string Vote(int id) => $"/tham-do-y-kien/{id}/binh-chon";

    public static string ResultsAfterVote(int id) => $"{PortalUrls.Poll(id)}?{JustVotedQuery}=1";
}
