using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Services.Documents;

/// <summary>The published documents a filter selects, in registry order, with the total.</summary>
public sealed record DocumentSelection(IQueryable<OfficialDocument> Ordered, int TotalCount, DateOnly Today);

/// <summary>
/// The one query behind every form of the registry (/van-ban, /van-ban.json, /van-ban.csv, /van-ban/rss):
/// the same filter, over the same published documents, in the same order, so the forms can never disagree.
/// </summary>
public sealed class DocumentRegistryQuery(PortalDbContext db, TimeProvider time, DocumentSearchCatalog catalog)
{
    public async Task<DocumentSelection> SelectAsync(DocumentFilter filter, CancellationToken cancellationToken)
    {
        var today = VietnamTime.Today(time);

        // Compared with a variable, the flag can lead into the (IsPublished, IssuedOn) index.
        var published = true;
        var query = db.OfficialDocuments.AsNoTracking().Where(d => d.IsPublished == published);
        if (filter.Type is { } typeId)
        {
            query = query.Where(d => d.DocumentTypeId == typeId);
        }

        if (filter.Issuer is { } issuerId)
        {
            query = query.Where(d => d.IssuingBodyId == issuerId);
        }

        if (filter.Field is { } fieldId)
        {
            query = query.Where(d => d.FieldId == fieldId);
        }

        if (filter.Year is { } wantedYear)
        {
            // A date range rather than .Year keeps the (…, IssuedOn) indexes usable.
            var first = new DateOnly(wantedYear, 1, 1);
            var last = new DateOnly(wantedYear, 12, 31);
            query = query.Where(d => d.IssuedOn >= first && d.IssuedOn <= last);
        }

        if (filter.Validity is { } validityStatus)
        {
            query = query.Where(DocumentValidity.Is(validityStatus, today));
        }

        IReadOnlyList<int> exact = [];
        if (filter.Query is { } searchText)
        {
            var match = await catalog.MatchAsync(db, searchText, cancellationToken);
            var matching = match.MatchingIds;
            exact = match.ExactIds;
            query = query.Where(d => matching.Contains(d.Id));
        }

        var total = await query.CountAsync(cancellationToken);

        // Exact number matches lead only when there are some: the extra sort key would otherwise make
        // SQLite sort every published document instead of reading the IssuedOn index in order.
        var ordered = exact.Count > 0
            ? query.OrderByDescending(d => exact.Contains(d.Id)).ThenByDescending(d => d.IssuedOn)
            : query.OrderByDescending(d => d.IssuedOn);
        return new DocumentSelection(ordered.ThenByDescending(d => d.Id), total, today);
    }
}
