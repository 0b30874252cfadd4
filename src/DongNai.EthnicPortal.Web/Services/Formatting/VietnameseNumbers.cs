using System.Globalization;

namespace DongNai.EthnicPortal.Web.Services.Formatting;

/// <summary>Numbers written the Vietnamese way ("1.234", "42,9"): vote counts, percentages and the visit counter.</summary>
public static class VietnameseNumbers
{
    // Spelled out rather than taken from the host's ICU data, so the output is the same on every machine.
    public static readonly NumberFormatInfo Format = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        NumberGroupSizes = [3],
    };

    public static string Count(long count) => count.ToString("#,##0", Format);
}
