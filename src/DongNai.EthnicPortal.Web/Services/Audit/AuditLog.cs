using System.Security.Claims;
using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Services.Audit;

/// <summary>Writes append-only audit entries with the acting user and client IP taken from the request.</summary>
public sealed class AuditLog(PortalDbContext db, IHttpContextAccessor httpContextAccessor, TimeProvider time)
{
    /// <summary>Adds the entry to the current unit of work; it is saved with the change it describes.</summary>
    public void Add(string action, string? entityType = null, object? entityId = null, string? details = null, string? userName = null)
    {
        var httpContext = httpContextAccessor.HttpContext;
        var user = httpContext?.User;
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow().UtcDateTime,
            UserId = user?.FindFirstValue(ClaimTypes.NameIdentifier),
            UserName = userName ?? user?.Identity?.Name,
            Action = action,
            EntityType = entityType,
            EntityId = entityId?.ToString(),
            Details = details is { Length: > 4000 } ? details[..4000] : details,
            IpAddress = httpContext?.Connection.RemoteIpAddress?.ToString(),
        });
    }

    /// <summary>
    /// Saves a new entity together with its audit entry. The entry names the id the database assigns, so
    /// it is written by a second statement inside the same transaction: both are stored, or neither.
    /// </summary>
    public Task SaveCreatedAsync<T>(T entity, string action, string? details, CancellationToken cancellationToken = default)
        where T : class =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            Add(action, typeof(T).Name, db.Entry(entity).Property("Id").CurrentValue, details);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });

    /// <summary>Records an event that has no other change to travel with, such as a failed sign-in.</summary>
    public async Task WriteAsync(string action, string? entityType = null, object? entityId = null, string? details = null, string? userName = null)
    {
        Add(action, entityType, entityId, details, userName);
        await db.SaveChangesAsync();
    }
}
