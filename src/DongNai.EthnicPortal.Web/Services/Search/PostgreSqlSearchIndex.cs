using System.Globalization;
using System.Text;
using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Services.Search;

/// <summary>
/// PostgreSQL: full-text search over the already folded text, in two stored columns generated from
/// <c>"FoldedText"</c> (migrations PostgreSqlFullTextSearch and PostgreSqlSearchWords, PostgreSQL
/// set only): <c>SearchWords</c>, its lexemes without positions plus the marker lexemes "#kindN"
/// and, for very long texts, "#long", with the GIN index; and <c>SearchVector</c>, the same with
/// word positions, read only for phrases. The database keeps both
/// in step, so saving an entry is all there is to indexing it. The 'simple' configuration only splits
/// and lower-cases, so a folded word is its own lexeme. Results and order follow the term index's
/// rules: every word required, a phrase in order, newest first, then the shared re-rank.
/// </summary>
public sealed class PostgreSqlSearchIndex(PortalDbContext db, SearchEntryBuilder builder, TimeProvider time) : SearchIndexBase(db, builder, time)
{
    private const string LongMarker = "'''#long'''::tsquery";

    /// <remarks>
    /// Everything the visitor typed goes in as parameters, parsed by plainto_tsquery and
    /// phraseto_tsquery, which know no operators. The words are matched on <c>SearchWords</c>, which
    /// stays in the row: a count that stops at 1,001 matches then reads 1,001 rows, not 1,001
    /// TOASTed vectors with positions. The kind's marker lets GIN count one tab by intersecting with
    /// the kind's short list instead of reading every match's row. A phrase is decided by word
    /// positions (the "&lt;-&gt;" operator on <c>SearchVector</c>): in a folded text, whose words are
    /// letters and digits separated by single spaces, that is the term index's check on the text. Only
    /// in texts marked "#long", whose positions PostgreSQL caps at 16,383, does the folded text decide.
    /// Checking the text only there also keeps the planner's estimate right: it cannot estimate a LIKE
    /// over long texts, took a phrase of common words ("binh dang gioi", in 95 % of 100,000 entries)
    /// for 3 rows and scanned the whole table instead of reading the newest entries first.
    /// </remarks>
    protected internal override IQueryable<SearchHit> Match(SearchQuery query, SearchEntryKind? kind, bool ranked, int generation)
    {
        var parameters = new List<object> { string.Join(' ', query.Terms) };
        var tsquery = new StringBuilder("plainto_tsquery('simple', {0})");
        if (kind is { } only)
        {
            parameters.Add("'#kind" + ((int)only).ToString(CultureInfo.InvariantCulture) + "'");
            tsquery.Append(CultureInfo.InvariantCulture, $" && {{{parameters.Count - 1}}}::tsquery");
        }

        var phrases = new StringBuilder();
        foreach (var phrase in query.Clauses.Where(c => c.IsPhrase))
        {
            parameters.Add(string.Join(' ', phrase.Words));
            phrases.Append(CultureInfo.InvariantCulture, $" AND \"SearchVector\" @@ (phraseto_tsquery('simple', {{{parameters.Count - 1}}}) || {LongMarker})");
            parameters.Add(PhrasePattern(phrase));
            phrases.Append(CultureInfo.InvariantCulture, $" AND (NOT \"SearchWords\" @@ {LongMarker} OR (' ' || \"FoldedText\" || ' ') LIKE {{{parameters.Count - 1}}})");
        }

        // Only the fixed text above is SQL; {n} are placeholders that EF turns into parameters.
        var sql = """SELECT * FROM "SearchEntries" WHERE "SearchWords" @@ (""" + tsquery + ")" + phrases;
        return Unscored(Db.SearchEntries.FromSqlRaw(sql, [.. parameters]), kind, generation);
    }

    protected override Task WriteTermsAsync(IReadOnlyList<SearchEntry> entries, CancellationToken cancellationToken) => Task.CompletedTask;
}
