using System.Net;
using System.Security.Cryptography;
using System.Text;
using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Persistence;
using Microsoft.Extensions.Options;

namespace DongNai.EthnicPortal.Web.Services.Polls;

/// <summary>
/// Turns voter keys and client IPs into keyed hashes (HMAC-SHA256, hex), so the database never
/// holds either raw value and the hashes cannot be recomputed without the secret.
/// </summary>
public sealed class PollKeyHasher
{
    /// <summary>Where the generated secret was kept before it moved into the database; read once, on the first start after the upgrade.</summary>
    public const string LegacySecretFileName = "poll-secret";

    private readonly Lazy<byte[]> key;

    public PollKeyHasher(IOptions<PollSettings> settings, IServiceScopeFactory scopes, StoragePaths storage, TimeProvider time)
    {
        var configured = settings.Value.VoterKeySecret;
        key = string.IsNullOrWhiteSpace(configured)
            ? new Lazy<byte[]>(() => LoadSharedSecret(scopes, Path.Combine(storage.Keys, LegacySecretFileName), time))
            : new Lazy<byte[]>(Encoding.UTF8.GetBytes(configured));
    }

    public string HashVoterKey(string voterKey) => Hash("voter:" + voterKey);

    public string HashIp(IPAddress? address)
    {
        // An IPv4 client seen through a dual-stack socket must hash the same as plain IPv4.
        var normalized = address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;
        return Hash("ip:" + (normalized?.ToString() ?? "unknown"));
    }

    /// <summary>Loads (or creates) the generated secret now rather than on the first vote; start-up calls it so the legacy file is taken over at once.</summary>
    public void EnsureSecret() => _ = key.Value;

    private string Hash(string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key.Value, Encoding.UTF8.GetBytes(value)));

    /// <summary>
    /// A generated secret must be the same on every instance and survive restarts, or earlier votes
    /// would stop matching their voter and the per-IP cap would reset, so it lives in the database.
    /// </summary>
    private static byte[] LoadSharedSecret(IServiceScopeFactory scopes, string legacyFile, TimeProvider time)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return Encoding.UTF8.GetBytes(SharedSecrets.GetOrCreate(db, PortalSecret.PollVoterKey, legacyFile, time));
    }
}
