using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Services.Search;

/// <summary>
/// SQLite: an FTS5 table over <c>SearchEntries.FoldedText</c> (migration AddSearchFts), kept in step
/// by triggers on that table, so saving an entry is all there is to indexing it. FTS5's own
/// remove_diacritics would leave đ alone; the text is folded before it gets there instead.
/// </summary>
public sealed class Fts5SearchIndex(PortalDbContext db, SearchEntryBuilder builder, TimeProvider time) : SearchIndexBase(db, builder, time)
{
    /// <remarks>
    /// The expression goes in as a parameter: the visitor's text is never part of the SQL. The
    /// covering index (same migration) is named because the planner would otherwise read each
    /// matching row from the table, long texts included.
    /// </remarks>
    protected internal override IQueryable<SearchHit> Match(SearchQuery query, bool ranked)
    {
        var expression = query.ToFts5();
        return ranked
            ? Db.Database.SqlQuery<SearchHit>($"""
                SELECT e.Id AS Id, e.Kind AS Kind, e.Date AS Date, bm25(SearchFts) AS Score
                FROM SearchFts JOIN SearchEntries AS e INDEXED BY IX_SearchEntries_Search ON e.Id = SearchFts.rowid
                WHERE SearchFts MATCH {expression}
                """)
            : Db.Database.SqlQuery<SearchHit>($"""
                SELECT e.Id AS Id, e.Kind AS Kind, e.Date AS Date, 0.0 AS Score
                FROM SearchFts JOIN SearchEntries AS e INDEXED BY IX_SearchEntries_Search ON e.Id = SearchFts.rowid
                WHERE SearchFts MATCH {expression}
                """);
    }

    protected override Task WriteTermsAsync(IReadOnlyList<SearchEntry> entries, CancellationToken cancellationToken) => Task.CompletedTask;
}
