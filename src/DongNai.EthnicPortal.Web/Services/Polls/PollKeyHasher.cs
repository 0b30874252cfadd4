using System.Net;
using System.Security.Cryptography;
using System.Text;
using DongNai.EthnicPortal.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace DongNai.EthnicPortal.Web.Services.Polls;

/// <summary>
/// Turns voter keys and client IPs into keyed hashes (HMAC-SHA256, hex), so the database never
/// holds either raw value and the hashes cannot be recomputed without the secret.
/// </summary>
public sealed class PollKeyHasher
{
    public const string SecretFileName = "poll-secret";

    private readonly byte[] key;

    public PollKeyHasher(IOptions<PollSettings> settings, StoragePaths storage)
    {
        var configured = settings.Value.VoterKeySecret;
        key = string.IsNullOrWhiteSpace(configured)
            ? LoadOrCreateSecret(Path.Combine(storage.Keys, SecretFileName))
            : Encoding.UTF8.GetBytes(configured);
    }

    public string HashVoterKey(string voterKey) => Hash("voter:" + voterKey);

    public string HashIp(IPAddress? address)
    {
        // An IPv4 client seen through a dual-stack socket must hash the same as plain IPv4.
        var normalized = address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;
        return Hash("ip:" + (normalized?.ToString() ?? "unknown"));
    }

    private string Hash(string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value)));

    /// <summary>
    /// A generated secret must survive restarts, or every earlier vote would stop matching its
    /// voter and the per-IP cap would reset. CreateNew makes concurrent first starts agree on one file.
    /// </summary>
    private static byte[] LoadOrCreateSecret(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (!File.Exists(path))
        {
            try
            {
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                stream.Write(Encoding.ASCII.GetBytes(Convert.ToHexString(RandomNumberGenerator.GetBytes(32))));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another instance created it first; use theirs.
            }
        }

        for (var attempt = 0; ; attempt++)
        {
            var text = File.ReadAllText(path).Trim();
            if (text.Length > 0)
            {
                return Encoding.UTF8.GetBytes(text);
            }

            if (attempt >= 20)
            {
                throw new InvalidOperationException($"The poll secret file {path} is empty.");
            }

            // The creating instance may not have written its bytes yet.
            Thread.Sleep(50);
        }
    }
}
