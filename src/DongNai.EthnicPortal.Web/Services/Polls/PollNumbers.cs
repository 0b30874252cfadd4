using DongNai.EthnicPortal.Web.Services.Formatting;

namespace DongNai.EthnicPortal.Web.Services.Polls;

/// <summary>Vote shares, written the Vietnamese way ("42,9%") with <see cref="VietnameseNumbers"/>.</summary>
public static class PollNumbers
{
    /// <summary>The share of ballots that chose an option; on multi-choice polls the shares can add up to more than 100.</summary>
    public static double Share(int votes, int totalBallots) =>
        totalBallots <= 0 ? 0 : Math.Round(votes * 100.0 / totalBallots, 1, MidpointRounding.AwayFromZero);

    public static string Percent(double percent) => percent.ToString("#,##0.0", VietnameseNumbers.Format) + "%";
}
