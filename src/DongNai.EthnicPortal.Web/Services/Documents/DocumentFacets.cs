using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Web.Models;
using DongNai.EthnicPortal.Web.Services.Caching;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Services.Documents;

public sealed record DocumentFacetLists(
    IReadOnlyList<LookupOption> Types,
    IReadOnlyList<LookupOption> Issuers,
    IReadOnlyList<LookupOption> Fields,
    IReadOnlyList<int> Years);

/// <summary>
/// The registry's filter choices: types, issuers, fields and the years that have published documents.
/// Every registry page shows them and the years alone mean reading every document, so they are kept in
/// memory until <see cref="PublicCache"/> evicts them on any document change.
/// </summary>
public sealed class DocumentFacets(PortalDbContext db, PublicCache cache)
{
    public Task<DocumentFacetLists> GetAsync(CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync(PublicCopy.DocumentFacets, () => LoadAsync(cancellationToken));

    private async Task<DocumentFacetLists> LoadAsync(CancellationToken cancellationToken) =>
        new DocumentFacetLists(
            await db.DocumentTypes.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Name).Select(t => new LookupOption(t.Id, t.Name)).ToListAsync(cancellationToken),
            await db.IssuingBodies.AsNoTracking().OrderBy(b => b.SortOrder).ThenBy(b => b.Name).Select(b => new LookupOption(b.Id, b.Name)).ToListAsync(cancellationToken),
            await db.DocumentFields.AsNoTracking().OrderBy(f => f.SortOrder).ThenBy(f => f.Name).Select(f => new LookupOption(f.Id, f.Name)).ToListAsync(cancellationToken),
            await db.OfficialDocuments.AsNoTracking().Where(d => d.IsPublished).Select(d => d.IssuedOn.Year).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken));
}
