using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using DongNai.EthnicPortal.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Infrastructure;

/// <summary>
/// The data-protection key ring (sign-in cookies, antiforgery tokens) lives in the database, so every
/// instance of a farm, started in any order, reads and writes the same keys: a cookie made by one
/// instance and a form loaded from it are accepted by all the others.
/// </summary>
public static class DataProtectionSetup
{
    public const string ApplicationName = "DongNai.EthnicPortal";

    public static IServiceCollection AddPortalDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var protection = services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<PortalDbContext>();

        // Optional encryption at rest: without it the keys are stored as plain XML, readable by anyone who can read the database.
        if (LoadCertificate(configuration) is { } certificate)
        {
            protection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        return services;
    }

    /// <summary>
    /// Before the database held the key ring, each installation kept it as XML files under
    /// <c>keys/</c>. On the first start after the upgrade those keys are copied into the database,
    /// so existing sign-ins and forms stay valid. Keys already there are left alone.
    /// </summary>
    public static async Task<int> ImportFileKeysAsync(PortalDbContext db, string keysFolder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(keysFolder))
        {
            return 0;
        }

        var known = (await db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var imported = 0;
        foreach (var file in Directory.EnumerateFiles(keysFolder, "key-*.xml").Order(StringComparer.Ordinal))
        {
            // The file system repository names a key "key-{id}", the same friendly name the database repository gives it.
            var friendlyName = Path.GetFileNameWithoutExtension(file);
            if (known.Contains(friendlyName))
            {
                continue;
            }

            var element = XElement.Parse(await File.ReadAllTextAsync(file, cancellationToken));
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
            imported++;
        }

        if (imported > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return imported;
    }

    private static X509Certificate2? LoadCertificate(IConfiguration configuration)
    {
        var path = configuration[$"{PortalOptions.SectionName}:DataProtection:CertificatePath"];
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        var password = configuration[$"{PortalOptions.SectionName}:DataProtection:CertificatePassword"];
        return X509CertificateLoader.LoadPkcs12FromFile(path, string.IsNullOrEmpty(password) ? null : password);
    }
}
