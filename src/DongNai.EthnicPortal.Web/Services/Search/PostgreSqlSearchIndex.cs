using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Services.Search;

/// <summary>
/// PostgreSQL: full-text search over the already folded text. The migration PostgreSqlFullTextSearch
/// (PostgreSQL set only) adds <c>SearchEntries.SearchVector</c>, a stored column generated as
/// <c>to_tsvector('simple', "FoldedText")</c>, and a GIN index on it; the database keeps it in step,
/// so saving an entry is all there is to indexing it. The 'simple' configuration only splits and
/// lower-cases, so a folded word is its own lexeme. Results and order follow the term index's rules:
/// every word required, a phrase checked on the folded text, newest first, then the shared re-rank.
/// </summary>
public sealed class PostgreSqlSearchIndex(PortalDbContext db, SearchEntryBuilder builder, TimeProvider time) : SearchIndexBase(db, builder, time)
{
    protected internal override IQueryable<SearchHit> Match(SearchQuery query, SearchEntryKind? kind, bool ranked)
    {
        // The words go in as one parameter; plainto_tsquery ANDs them and knows no operators.
        var words = string.Join(' ', query.Terms);
        return WithPhrases(Db.SearchEntries.FromSql($"""SELECT * FROM "SearchEntries" WHERE "SearchVector" @@ plainto_tsquery('simple', {words})"""), query, kind);
    }

    protected override Task WriteTermsAsync(IReadOnlyList<SearchEntry> entries, CancellationToken cancellationToken) => Task.CompletedTask;
}
