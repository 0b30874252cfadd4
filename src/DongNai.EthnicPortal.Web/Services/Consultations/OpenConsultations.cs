using DongNai.EthnicPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace DongNai.EthnicPortal.Web.Services.Consultations;

public sealed record ConsultationTeaser(int Id, string Title, string Slug, string DraftingUnit, DateTime OpensAt, DateTime ClosesAt)
{
    public string Url => ConsultationUrls.Show(Id, Slug);
}

/// <summary>
/// The consultations open now, for the home page's block. The home page is the hottest page, so the
/// published, unconcluded, not yet closed ones are kept in memory (dropped by <see cref="PublicCache"/>
/// on any change) and filtered by the clock on every read: one opening or closing needs no eviction.
/// </summary>
public sealed class OpenConsultations(PortalDbContext db, IMemoryCache cache, TimeProvider time)
{
    public const string CacheKey = "open-consultations";

    public async Task<IReadOnlyList<ConsultationTeaser>> GetAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (!cache.TryGetValue(CacheKey, out IReadOnlyList<ConsultationTeaser>? current) || current is null)
        {
            current = await db.Consultations.AsNoTracking()
                .Where(c => c.IsPublished && c.ConcludedAt == null && c.ClosesAt > now)
                .OrderBy(c => c.ClosesAt).ThenBy(c => c.Id)
                .Select(c => new ConsultationTeaser(c.Id, c.Title, c.Slug, c.DraftingUnit, c.OpensAt, c.ClosesAt))
                .ToListAsync(cancellationToken);
            cache.Set(CacheKey, current, TimeSpan.FromMinutes(10));
        }

        return current.Where(c => c.OpensAt <= now && now < c.ClosesAt).ToList();
    }
}
