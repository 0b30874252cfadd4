using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace DongNai.EthnicPortal.Web.Services.Consultations;

/// <summary>
/// The instant the comment form was rendered, sealed by Data Protection so a client can neither read
/// nor forge it. A post that comes back sooner than a person could fill the form in is a bot's.
/// </summary>
public sealed class FormStamp(IDataProtectionProvider protection, TimeProvider time)
{
    private readonly IDataProtector protector = protection.CreateProtector("DongNai.EthnicPortal.Consultations.FormStamp.v1");

    public string Issue(int consultationId) =>
        protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{consultationId}:{time.GetUtcNow().UtcTicks}"));

    /// <summary>How long ago the form for this consultation was rendered, or null when the stamp is missing, forged or for another draft.</summary>
    public TimeSpan? Elapsed(string? stamp, int consultationId)
    {
        if (string.IsNullOrEmpty(stamp) || stamp.Length > 1000)
        {
            return null;
        }

        string plain;
        try
        {
            plain = protector.Unprotect(stamp);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }

        var parts = plain.Split(':');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id == consultationId
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            ? time.GetUtcNow().UtcDateTime - new DateTime(ticks, DateTimeKind.Utc)
            : null;
    }
}
