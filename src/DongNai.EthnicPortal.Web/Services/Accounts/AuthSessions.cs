using System.Security.Cryptography;
using System.Text;
using DongNai.EthnicPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Services.Accounts;

/// <summary>
/// A user's signed-in sessions (rows of <see cref="DatabaseTicketStore"/>): listing them and ending one,
/// the others or all, on every instance at once. A page never shows a session's key, which the cookie
/// carries: it names a session by a hash of the key.
/// </summary>
public sealed class AuthSessions(PortalDbContext db, TimeProvider time)
{
    private const string CurrentKeyItem = "DongNai.EthnicPortal.AuthSessionKey";

    /// <summary>Called by the ticket store when it reads or writes this request's session.</summary>
    public static void RememberCurrent(HttpContext? context, string key)
    {
        if (context is not null)
        {
            context.Items[CurrentKeyItem] = key;
        }
    }

    public static string? CurrentKey(HttpContext context) => context.Items[CurrentKeyItem] as string;

    public async Task<IReadOnlyList<SessionRow>> ListAsync(string userId, string? currentKey)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var sessions = await db.AuthSessions.AsNoTracking()
            .Where(s => s.UserId == userId && (s.ExpiresAt == null || s.ExpiresAt > now))
            .Select(s => new { s.Id, s.Device, s.Address, s.CreatedAt, s.LastSeenAt })
            .ToListAsync();
        return sessions
            .Select(s => new SessionRow(PublicId(s.Id), DeviceNames.Describe(s.Device), s.Address, s.CreatedAt, s.LastSeenAt, s.Id == currentKey))
            .OrderByDescending(s => s.IsCurrent).ThenByDescending(s => s.LastSeenAt)
            .ToList();
    }

    public Task<int> CountAsync(string userId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.AuthSessions.CountAsync(s => s.UserId == userId && (s.ExpiresAt == null || s.ExpiresAt > now));
    }

    /// <summary>Ends the user's session named <paramref name="publicId"/>; false when the user has none by that name.</summary>
    public async Task<bool> EndAsync(string userId, string publicId)
    {
        // A user has a handful of sessions, so the hash is compared here rather than stored.
        var keys = await db.AuthSessions.Where(s => s.UserId == userId).Select(s => s.Id).ToListAsync();
        var key = keys.FirstOrDefault(k => string.Equals(PublicId(k), publicId, StringComparison.Ordinal));
        return key is not null && await db.AuthSessions.Where(s => s.Id == key).ExecuteDeleteAsync() > 0;
    }

    /// <summary>Ends every session of the user but <paramref name="keptKey"/> (a password change keeps the session that made it).</summary>
    public Task<int> EndOthersAsync(string userId, string? keptKey) =>
        db.AuthSessions.Where(s => s.UserId == userId && s.Id != keptKey).ExecuteDeleteAsync();

    /// <summary>Ends every session of a user (role change, lock, deactivation, an administrator's "end all sessions").</summary>
    public Task<int> EndAllAsync(string userId) =>
        db.AuthSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync();

    private static string PublicId(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(key)))[..20];
}

/// <param name="Id">A hash of the session's key, never the key itself.</param>
/// <param name="IsCurrent">The session this page was requested in ("phiên này").</param>
public sealed record SessionRow(string Id, string Device, string Address, DateTime SignedInAt, DateTime LastSeenAt, bool IsCurrent);
