using System.Globalization;

namespace DongNai.EthnicPortal.Web.Services.Polls;

/// <summary>Vote counts and percentages written the Vietnamese way: "1.234 phiếu", "42,9%".</summary>
public static class PollNumbers
{
    // Spelled out rather than taken from the host's ICU data, so the output is the same on every machine.
    private static readonly NumberFormatInfo Vietnamese = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        NumberGroupSizes = [3],
    };

    /// <summary>The share of ballots that chose an option; on multi-choice polls the shares can add up to more than 100.</summary>
    public static double Share(int votes, int totalBallots) =>
        totalBallots <= 0 ? 0 : Math.Round(votes * 100.0 / totalBallots, 1, MidpointRounding.AwayFromZero);

    public static string Percent(double percent) => percent.ToString("#,##0.0", Vietnamese) + "%";

    public static string Count(long count) => count.ToString("#,##0", Vietnamese);
}
