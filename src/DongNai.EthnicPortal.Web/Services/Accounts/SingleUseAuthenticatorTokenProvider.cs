using System.Security.Cryptography;
using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Services.Accounts;

/// <summary>
/// The authenticator-app code (RFC 6238, 30-second steps, 6 digits, one step of clock drift either way),
/// usable once: the accepted step is claimed in the database with one conditional UPDATE, so the same
/// code, or an older one, is refused afterwards on every instance, even when two arrive at once.
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider(PortalDbContext db, TimeProvider time) : AuthenticatorTokenProvider<PortalUser>
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<PortalUser> manager, PortalUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token.Length != 6 || !int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code))
        {
            return false;
        }

        var secret = Base32Decode(key);
        var current = time.GetUtcNow().ToUnixTimeSeconds() / (long)Step.TotalSeconds;
        for (var step = current - 1; step <= current + 1; step++)
        {
            if (Code(secret, step) == code)
            {
                var claimed = await db.Users
                    .Where(u => u.Id == user.Id && (u.LastTotpTimeStep == null || u.LastTotpTimeStep < step))
                    .ExecuteUpdateAsync(set => set.SetProperty(u => u.LastTotpTimeStep, step));
                user.LastTotpTimeStep = claimed == 1 ? step : user.LastTotpTimeStep;
                return claimed == 1;
            }
        }

        return false;
    }

    private static int Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // RFC 6238 and every authenticator app use HMAC-SHA1.
        HMACSHA1.HashData(secret, counter, hash);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return binary % 1_000_000;
    }

    private static byte[] Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                continue;
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}
