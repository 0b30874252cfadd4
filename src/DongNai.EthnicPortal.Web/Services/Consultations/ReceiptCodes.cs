using System.Globalization;
using DongNai.EthnicPortal.Data.Text;

namespace DongNai.EthnicPortal.Web.Services.Consultations;

/// <summary>
/// "GY-2026-00042": the Vietnam year of submission and the comment's id. Built from the primary key,
/// so concurrent comments can never share a code and no counter row has to be locked.
/// </summary>
public static class ReceiptCodes
{
    public static string Format(int commentId, DateTime submittedAtUtc) =>
        string.Create(CultureInfo.InvariantCulture, $"GY-{VietnamTime.ToLocal(submittedAtUtc).Year}-{commentId:D5}");

    /// <summary>The comment id in a code an editor types ("gy-2026-42" too), or null.</summary>
    public static int? TryParseId(string? code)
    {
        var parts = code?.Trim().Split('-');
        return parts is { Length: 3 } && parts[0].Equals("GY", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }
}
