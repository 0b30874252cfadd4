using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Web.Services.Caching;
using Microsoft.EntityFrameworkCore;

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
public sealed class OpenConsultations(PortalDbContext db, PublicCache cache, TimeProvider time)
{
    public async Task<IReadOnlyList<ConsultationTeaser>> GetAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var current = await cache.GetOrLoadAsync<IReadOnlyList<ConsultationTeaser>>(PublicCopy.OpenConsultations, async () =>
            await db.Consultations.AsNoTracking()
                .Where(c => c.IsPublished && c.ConcludedAt == null && c.ClosesAt > now)
                .OrderBy(c => c.ClosesAt).ThenBy(c => c.Id)
                .Select(c => new ConsultationTeaser(c.Id, c.Title, c.Slug, c.DraftingUnit, c.OpensAt, c.ClosesAt))
                .ToListAsync(cancellationToken));

        return current.Where(c => c.OpensAt <= now && now < c.ClosesAt).ToList();
    }
}
