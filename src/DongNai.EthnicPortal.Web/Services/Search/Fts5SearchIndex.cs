using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Services.Search;

/// <summary>
/// SQLite: an FTS5 table over <c>SearchEntries.FoldedText</c> and <c>Kind</c> (migration
/// SearchSortKey), kept in step by triggers on that table, so saving an entry is all there is to
/// indexing it. FTS5's own remove_diacritics would leave đ alone; the text is folded before it gets
/// there instead. The index's rowid is the entry's <see cref="SearchEntry.SortKey"/>, so newest-first
/// reads stop after the page they need, and the kind column lets FTS5 count one tab's matches alone.
/// </summary>
public sealed class Fts5SearchIndex(PortalDbContext db, SearchEntryBuilder builder, TimeProvider time) : SearchIndexBase(db, builder, time)
{
    /// <remarks>
    /// The expression goes in as a parameter: the visitor's text is never part of the SQL, and the
    /// column filter keeps their words off the kind column. The covering index (same migration) is
    /// named because the planner would otherwise read each matching row from the table, long texts
    /// included. bm25 weighs the kind column zero.
    /// </remarks>
    protected internal override IQueryable<SearchHit> Match(SearchQuery query, SearchEntryKind? kind, bool ranked, int generation)
    {
        var expression = "{FoldedText} : (" + query.ToFts5() + ")" + (kind is { } only ? $" AND {{Kind}} : \"{(int)only}\"" : "");
        return ranked
            ? Db.Database.SqlQuery<SearchHit>($"""
                SELECT e.Id AS Id, e.Kind AS Kind, e.Date AS Date, SearchFts.rowid AS SortKey, bm25(SearchFts, 1.0, 0.0) AS Score
                FROM SearchFts JOIN SearchEntries AS e INDEXED BY IX_SearchEntries_Search ON e.SortKey = SearchFts.rowid
                WHERE SearchFts MATCH {expression} AND e.Generation = {generation}
                """)
            : Db.Database.SqlQuery<SearchHit>($"""
                SELECT e.Id AS Id, e.Kind AS Kind, e.Date AS Date, SearchFts.rowid AS SortKey, 0.0 AS Score
                FROM SearchFts JOIN SearchEntries AS e INDEXED BY IX_SearchEntries_Search ON e.SortKey = SearchFts.rowid
                WHERE SearchFts MATCH {expression} AND e.Generation = {generation}
                """);
    }

    protected override Task WriteTermsAsync(IReadOnlyList<SearchEntry> entries, CancellationToken cancellationToken) => Task.CompletedTask;
}
