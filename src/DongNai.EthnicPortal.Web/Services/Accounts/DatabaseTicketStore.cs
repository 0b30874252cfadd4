using System.Security.Claims;
using System.Security.Cryptography;
using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Services.Accounts;

/// <summary>
/// Keeps sign-in tickets in the database; the cookie carries only a random key. A deleted row is a
/// session ended on every instance at once (sign-out, password or role change, lock, "end all sessions").
/// The ticket is protected with the data-protection key ring, which the farm already shares in the
/// database. Last-seen is written at most once every <see cref="LastSeenResolution"/> per session.
/// </summary>
public sealed class DatabaseTicketStore(IServiceScopeFactory scopes, IDataProtectionProvider protection, IHttpContextAccessor http, TimeProvider time) : ITicketStore
{
    public static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(5);

    private readonly IDataProtector protector = protection.CreateProtector("DongNai.EthnicPortal.AuthSessions");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow().UtcDateTime;
        var context = http.HttpContext;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.AuthSessions.Add(new AuthSession
        {
            Id = key,
            UserId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            Ticket = Protect(ticket),
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = ticket.Properties.ExpiresUtc?.UtcDateTime,
            Device = Cut(context?.Request.Headers.UserAgent.ToString() ?? "", 300),
            Address = Cut(context?.Connection.RemoteIpAddress?.ToString() ?? "", 64),
        });
        await db.SaveChangesAsync();
        AuthSessions.RememberCurrent(context, key);
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var ticketBytes = Protect(ticket);
        var expires = ticket.Properties.ExpiresUtc?.UtcDateTime;
        // Never re-creates a revoked session: a renewal of a deleted row updates nothing.
        await db.AuthSessions.Where(s => s.Id == key)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Ticket, ticketBytes).SetProperty(s => s.ExpiresAt, expires).SetProperty(s => s.LastSeenAt, now));
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var session = await db.AuthSessions.AsNoTracking().Where(s => s.Id == key).Select(s => new { s.Ticket, s.LastSeenAt, s.ExpiresAt }).FirstOrDefaultAsync();
        if (session is null || session.ExpiresAt < now)
        {
            return null;
        }

        AuthSessions.RememberCurrent(http.HttpContext, key);
        if (now - session.LastSeenAt >= LastSeenResolution)
        {
            await db.AuthSessions.Where(s => s.Id == key).ExecuteUpdateAsync(set => set.SetProperty(s => s.LastSeenAt, now));
        }

        try
        {
            return TicketSerializer.Default.Deserialize(protector.Unprotect(session.Ticket));
        }
        catch (CryptographicException)
        {
            // A key retired from the ring: the session cannot be read, so it is over.
            return null;
        }
    }

    public async Task RemoveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AuthSessions.Where(s => s.Id == key).ExecuteDeleteAsync();
    }

    private byte[] Protect(AuthenticationTicket ticket) => protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
