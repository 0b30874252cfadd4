using System.Security.Cryptography;
using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Services.Polls;

namespace DongNai.EthnicPortal.Web.Services.Persistence;

/// <summary>
/// Generated secrets that every instance must agree on, kept in the database. The first instance to
/// need one inserts it; a racing instance loses on the primary key and reads the winner's value.
/// </summary>
public static class SharedSecrets
{
    /// <param name="legacyFile">Where an installation before the farm kept the secret; its content is taken over, so earlier hashes keep matching.</param>
    public static string GetOrCreate(PortalDbContext db, string name, string? legacyFile, TimeProvider time)
    {
        if (db.PortalSecrets.Find(name) is { } existing)
        {
            return existing.Value;
        }

        var value = ReadLegacy(legacyFile) ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        db.PortalSecrets.Add(new PortalSecret { Name = name, Value = value, CreatedAt = time.GetUtcNow().UtcDateTime });
        try
        {
            db.SaveChanges();
            return value;
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
        {
            db.ChangeTracker.Clear();
            return db.PortalSecrets.Find(name)?.Value ?? throw new InvalidOperationException($"The shared secret {name} vanished after a concurrent insert.");
        }
    }

    private static string? ReadLegacy(string? path) =>
        path is not null && File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } text ? text : null;
}
