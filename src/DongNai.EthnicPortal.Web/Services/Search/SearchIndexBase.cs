using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Services.Articles;
using DongNai.EthnicPortal.Web.Services.Lists;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Services.Search;

/// <summary>
/// What both engines share: keeping the <see cref="SearchEntry"/> rows current, and turning matches
/// into a ranked, paged, highlighted page of results. An engine only says which entries match
/// (<see cref="Match"/>) and keeps its own index beside the rows (<see cref="WriteTermsAsync"/>).
/// </summary>
public abstract class SearchIndexBase(PortalDbContext db, SearchEntryBuilder builder, TimeProvider time) : ISearchIndex
{
    /// <summary>How many of the best matches are re-ranked by exact spelling and title matches.</summary>
    public const int RerankWindow = 50;

    /// <summary>The characters of each candidate read for re-ranking; enough for the opening of a text.</summary>
    private const int RerankPrefix = 2000;

    /// <summary>The characters of a shown result that a snippet is cut from.</summary>
    private const int SnippetSource = 20000;

    protected PortalDbContext Db => db;

    public async Task IndexArticleAsync(int articleId, CancellationToken cancellationToken = default) =>
        await SaveOrRemoveAsync(SearchEntryKind.Article, articleId, await builder.ArticlesAsync(builder.PublishedArticles.Where(a => a.Id == articleId), cancellationToken), cancellationToken);

    public async Task IndexDocumentAsync(int documentId, CancellationToken cancellationToken = default) =>
        await SaveOrRemoveAsync(SearchEntryKind.Document, documentId, await builder.DocumentsAsync(builder.PublishedDocuments.Where(d => d.Id == documentId), cancellationToken), cancellationToken);

    public async Task IndexPageAsync(int pageId, CancellationToken cancellationToken = default) =>
        await SaveOrRemoveAsync(SearchEntryKind.Page, pageId, await builder.PagesAsync(builder.PublishedPages.Where(p => p.Id == pageId), cancellationToken), cancellationToken);

    public async Task RemoveAsync(SearchEntryKind kind, int entityId, CancellationToken cancellationToken = default) =>
        await db.SearchEntries.Where(e => e.Kind == kind && e.EntityId == entityId).ExecuteDeleteAsync(cancellationToken);

    public async Task<SearchBatch> AddBatchAsync(int generation, SearchEntryKind kind, int afterEntityId, int size, CancellationToken cancellationToken = default)
    {
        var entries = await BatchAfterAsync(kind, afterEntityId, size, cancellationToken);
        if (entries.Count == 0)
        {
            return new SearchBatch(0, null);
        }

        try
        {
            await AddNewAsync(entries, generation, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // An editor's change wrote one of these items into the new generation meanwhile; theirs is newer.
            db.ChangeTracker.Clear();
            await AddNewAsync(entries, generation, cancellationToken);
        }

        await DropWithdrawnAsync(kind, generation, entries.Select(e => e.EntityId).ToList(), cancellationToken);
        return new SearchBatch(entries.Count, entries.Max(e => e.EntityId));
    }

    public async Task DropGenerationsBeforeAsync(int generation, CancellationToken cancellationToken = default)
    {
        await db.SearchTerms.Where(t => db.SearchEntries.Any(e => e.Id == t.SearchEntryId && e.Generation < generation)).ExecuteDeleteAsync(cancellationToken);
        await db.SearchEntries.Where(e => e.Generation < generation).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<SearchResults> QueryAsync(SearchQuery query, SearchEntryKind? kind, int page, CancellationToken cancellationToken = default)
    {
        if (query.IsEmpty)
        {
            return SearchResults.Empty;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var generation = await SearchGenerations.ActiveAsync(db, cancellationToken);
        var pinned = await DocumentsByNumberAsync(query, generation, cancellationToken);
        var counts = await CountsAsync(query, generation, now, cancellationToken);

        if (pinned.Count > 0)
        {
            var alreadyCounted = await Visible(query, SearchEntryKind.Document, ranked: false, generation, now).Where(h => pinned.Contains(h.Id)).CountAsync(cancellationToken);
            counts[SearchEntryKind.Document] = Math.Min(SearchResults.CountLimit + 1, counts[SearchEntryKind.Document] + pinned.Count - alreadyCounted);
        }

        var tabPinned = kind is null or SearchEntryKind.Document ? pinned : [];
        var total = kind is { } only ? counts[only] : counts.Values.Sum();
        // Past the count limit paging stops, as on large search sites.
        var slice = PageSlice.Clamped(page, SearchResults.PageSize, Math.Min(total, SearchResults.CountLimit));
        var pageCount = total == 0 ? 0 : slice.PageCount;
        page = slice.Number;

        // Relevance is worth its cost only while every match can be scored; beyond that the newest
        // come first, read in index order, and the re-rank window still lifts the best of them.
        var ranked = total <= SearchResults.CountLimit;
        var hits = Visible(query, kind, ranked, generation, now).Where(h => !tabPinned.Contains(h.Id));
        var ordered = (ranked ? hits.OrderBy(h => h.Score).ThenByDescending(h => h.SortKey) : hits.OrderByDescending(h => h.SortKey))
            .Select(h => h.Id);
        var ids = await PageIdsAsync(query, ordered, tabPinned, (page - 1) * SearchResults.PageSize, cancellationToken);
        var items = await ResultsAsync(query, ids, cancellationToken);
        return new SearchResults(items, counts, total, page, pageCount);
    }

    public async Task<IReadOnlyList<int>> MatchingDocumentIdsAsync(SearchQuery query, int limit, CancellationToken cancellationToken = default)
    {
        if (query.Clauses.Count == 0)
        {
            return [];
        }

        var generation = await SearchGenerations.ActiveAsync(db, cancellationToken);
        var entryIds = Match(query, SearchEntryKind.Document, ranked: false, generation).Select(h => h.Id);
        return await db.SearchEntries.Where(e => entryIds.Contains(e.Id)).Select(e => e.EntityId).Distinct().Take(limit).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The entries of a kind (or of every kind) of one generation that contain every clause of the
    /// query, with the engine's score when <paramref name="ranked"/>.
    /// </summary>
    protected internal abstract IQueryable<SearchHit> Match(SearchQuery query, SearchEntryKind? kind, bool ranked, int generation);

    /// <summary>
    /// Keeps the entries that contain each quoted phrase in order, checked on the folded text, whose
    /// words are stored separated by single spaces; then projects them as unscored hits, newest first.
    /// </summary>
    protected static IQueryable<SearchHit> WithPhrases(IQueryable<SearchEntry> entries, SearchQuery query, SearchEntryKind? kind, int generation)
    {
        foreach (var phrase in query.Clauses.Where(c => c.IsPhrase))
        {
            var pattern = PhrasePattern(phrase);
            entries = entries.Where(e => EF.Functions.Like(" " + e.FoldedText + " ", pattern));
        }

        return Unscored(entries, kind, generation);
    }

    /// <summary>
    /// The LIKE pattern that finds a phrase in the folded text padded with a space at each end. Words
    /// hold only letters and digits, so the pattern has no wildcard in it but its own.
    /// </summary>
    protected static string PhrasePattern(SearchClause phrase) => "% " + string.Join(' ', phrase.Words) + " %";

    /// <summary>The entries of the active index (of one kind, if given) as hits without a score, which the caller orders newest first.</summary>
    protected static IQueryable<SearchHit> Unscored(IQueryable<SearchEntry> entries, SearchEntryKind? kind, int generation)
    {
        entries = entries.Where(e => e.Generation == generation);
        if (kind is { } only)
        {
            entries = entries.Where(e => e.Kind == only);
        }

        // Without a relevance score the newest come first; the re-rank window then puts the best on top.
        return entries.Select(e => new SearchHit { Id = e.Id, Kind = e.Kind, Date = e.Date, SortKey = e.SortKey, Score = 0 });
    }

    /// <summary>Brings the engine's own index up to date with entries just saved.</summary>
    protected abstract Task WriteTermsAsync(IReadOnlyList<SearchEntry> entries, CancellationToken cancellationToken);

    /// <summary>Matches that readers may see: an article dated in the future is not public yet.</summary>
    private IQueryable<SearchHit> Visible(SearchQuery query, SearchEntryKind? kind, bool ranked, int generation, DateTime now) =>
        query.Clauses.Count == 0
            ? db.SearchEntries.Where(_ => false).Select(e => new SearchHit { Id = e.Id, Kind = e.Kind, Date = e.Date, SortKey = e.SortKey })
            : Match(query, kind, ranked, generation).Where(h => h.Kind != SearchEntryKind.Article || h.Date <= now);

    /// <summary>
    /// The matches of each tab, in one statement. Counting stops past the limit: a broad query would
    /// otherwise walk every match three times.
    /// </summary>
    private async Task<Dictionary<SearchEntryKind, int>> CountsAsync(SearchQuery query, int generation, DateTime now, CancellationToken cancellationToken)
    {
        var articles = Visible(query, SearchEntryKind.Article, ranked: false, generation, now).Take(SearchResults.CountLimit + 1);
        var documents = Visible(query, SearchEntryKind.Document, ranked: false, generation, now).Take(SearchResults.CountLimit + 1);
        var pages = Visible(query, SearchEntryKind.Page, ranked: false, generation, now).Take(SearchResults.CountLimit + 1);
        var counts = await db.SearchIndexStates.AsNoTracking()
            .Where(s => s.Id == SearchIndexState.SingletonId)
            .Select(_ => new { Articles = articles.Count(), Documents = documents.Count(), Pages = pages.Count() })
            .SingleAsync(cancellationToken);
        return new()
        {
            [SearchEntryKind.Article] = counts.Articles,
            [SearchEntryKind.Document] = counts.Documents,
            [SearchEntryKind.Page] = counts.Pages,
        };
    }

    /// <summary>
    /// Writes an item's entry in the active index and, while a rebuild runs, in the one being built,
    /// so that the switch loses no change made during the rebuild.
    /// </summary>
    private async Task SaveOrRemoveAsync(SearchEntryKind kind, int entityId, List<SearchEntry> fresh, CancellationToken cancellationToken)
    {
        if (fresh.Count == 0)
        {
            await RemoveAsync(kind, entityId, cancellationToken);
            return;
        }

        foreach (var generation in await SearchGenerations.WrittenAsync(db, cancellationToken))
        {
            var entry = SearchGenerations.InGeneration(fresh[0], generation);
            try
            {
                await UpsertAsync(entry, cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Two changes to the same item raced to add its entry; the loser updates it instead.
                db.ChangeTracker.Entries<SearchEntry>().ToList().ForEach(e => e.State = EntityState.Detached);
                await UpsertAsync(SearchGenerations.InGeneration(fresh[0], generation), cancellationToken);
            }
        }
    }

    private async Task UpsertAsync(SearchEntry entry, CancellationToken cancellationToken)
    {
        var existing = await db.SearchEntries.FirstOrDefaultAsync(e => e.Generation == entry.Generation && e.Kind == entry.Kind && e.EntityId == entry.EntityId, cancellationToken);
        if (existing is null)
        {
            db.SearchEntries.Add(entry);
            existing = entry;
        }
        else
        {
            existing.Title = entry.Title;
            existing.Url = entry.Url;
            existing.PlainText = entry.PlainText;
            existing.FoldedText = entry.FoldedText;
            existing.Date = entry.Date;
            existing.SortKey = entry.SortKey;
        }

        await db.SaveChangesAsync(cancellationToken);
        await WriteTermsAsync([existing], cancellationToken);
        db.Entry(existing).State = EntityState.Detached;
    }

    private Task<List<SearchEntry>> BatchAfterAsync(SearchEntryKind kind, int afterEntityId, int size, CancellationToken cancellationToken) => kind switch
    {
        SearchEntryKind.Article => builder.ArticlesAsync(builder.PublishedArticles.Where(a => a.Id > afterEntityId).OrderBy(a => a.Id).Take(size), cancellationToken),
        SearchEntryKind.Document => builder.DocumentsAsync(builder.PublishedDocuments.Where(d => d.Id > afterEntityId).OrderBy(d => d.Id).Take(size), cancellationToken),
        _ => builder.PagesAsync(builder.PublishedPages.Where(p => p.Id > afterEntityId).OrderBy(p => p.Id).Take(size), cancellationToken),
    };

    /// <summary>
    /// An item withdrawn after the batch read it had its entries removed before the batch wrote it back;
    /// checked once the batch is written, so a withdrawal either is seen here or comes later and removes it.
    /// </summary>
    private async Task DropWithdrawnAsync(SearchEntryKind kind, int generation, List<int> ids, CancellationToken cancellationToken)
    {
        var stillPublished = kind switch
        {
            SearchEntryKind.Article => builder.PublishedArticles.Where(a => ids.Contains(a.Id)).Select(a => a.Id),
            SearchEntryKind.Document => builder.PublishedDocuments.Where(d => ids.Contains(d.Id)).Select(d => d.Id),
            _ => builder.PublishedPages.Where(p => ids.Contains(p.Id)).Select(p => p.Id),
        };
        await db.SearchEntries
            .Where(e => e.Generation == generation && e.Kind == kind && ids.Contains(e.EntityId) && !stillPublished.Contains(e.EntityId))
            .ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Adds the entries the generation lacks; one that an editor's change already wrote there is newer and stays.</summary>
    private async Task AddNewAsync(List<SearchEntry> entries, int generation, CancellationToken cancellationToken)
    {
        var kind = entries[0].Kind;
        var ids = entries.Select(e => e.EntityId).ToList();
        var present = await db.SearchEntries.Where(e => e.Generation == generation && e.Kind == kind && ids.Contains(e.EntityId)).Select(e => e.EntityId).ToListAsync(cancellationToken);
        var added = entries.Where(e => !present.Contains(e.EntityId)).Select(e => SearchGenerations.InGeneration(e, generation)).ToList();
        db.SearchEntries.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);
        await WriteTermsAsync(added, cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>Published documents whose symbol or number the query names, most exact first.</summary>
    private async Task<List<long>> DocumentsByNumberAsync(SearchQuery query, int generation, CancellationToken cancellationToken)
    {
        if (query.DocumentSymbols.Count == 0 && query.DocumentNumbers.Count == 0)
        {
            return [];
        }

        var symbols = query.DocumentSymbols;
        var numbers = query.DocumentNumbers;
        var documents = await builder.PublishedDocuments
            .Where(d => symbols.Contains(d.NormalizedSymbol) || numbers.Contains(d.Number))
            .Select(d => new { d.Id, d.NormalizedSymbol, d.IssuedOn })
            .ToListAsync(cancellationToken);
        var ordered = documents
            .OrderByDescending(d => symbols.Contains(d.NormalizedSymbol))
            .ThenByDescending(d => d.IssuedOn)
            .Select(d => d.Id)
            .ToList();
        var entries = await db.SearchEntries.AsNoTracking()
            .Where(e => e.Generation == generation && e.Kind == SearchEntryKind.Document && ordered.Contains(e.EntityId))
            .Select(e => new { e.Id, e.EntityId })
            .ToListAsync(cancellationToken);
        return ordered.SelectMany(id => entries.Where(e => e.EntityId == id).Select(e => e.Id)).ToList();
    }

    /// <summary>
    /// The entry ids of one page: documents named by number first, then the best matches re-ranked,
    /// then the engine's order. Only the re-rank window reads any text, and only its opening.
    /// </summary>
    private async Task<List<long>> PageIdsAsync(SearchQuery query, IQueryable<long> ordered, List<long> pinned, int offset, CancellationToken cancellationToken)
    {
        var headLength = pinned.Count + RerankWindow;
        if (offset >= headLength)
        {
            return await ordered.Skip(offset - pinned.Count).Take(SearchResults.PageSize).ToListAsync(cancellationToken);
        }

        var window = await ordered.Take(RerankWindow).ToListAsync(cancellationToken);
        var head = pinned.Concat(await RerankAsync(query, window, cancellationToken)).ToList();
        var ids = head.Skip(offset).Take(SearchResults.PageSize).ToList();
        if (ids.Count < SearchResults.PageSize && window.Count == RerankWindow)
        {
            var tailOffset = Math.Max(0, offset - head.Count) + RerankWindow;
            ids.AddRange(await ordered.Skip(tailOffset).Take(SearchResults.PageSize - ids.Count).ToListAsync(cancellationToken));
        }

        return ids;
    }

    private async Task<List<long>> RerankAsync(SearchQuery query, List<long> window, CancellationToken cancellationToken)
    {
        if (window.Count < 2)
        {
            return window;
        }

        var candidates = await db.SearchEntries.AsNoTracking()
            .Where(e => window.Contains(e.Id))
            .Select(e => new { e.Id, e.Title, Opening = e.PlainText.Substring(0, RerankPrefix) })
            .ToDictionaryAsync(e => e.Id, cancellationToken);
        return window
            .Select((id, position) => (id, position, score: candidates.TryGetValue(id, out var c) ? SearchRanking.Score(query, c.Title, c.Opening) : 0))
            .OrderByDescending(c => c.score)
            .ThenBy(c => c.position)
            .Select(c => c.id)
            .ToList();
    }

    private async Task<List<SearchResult>> ResultsAsync(SearchQuery query, List<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await db.SearchEntries.AsNoTracking()
            .Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, e.Kind, e.EntityId, e.Title, e.Url, e.Date, Text = e.PlainText.Substring(0, SnippetSource) })
            .ToDictionaryAsync(e => e.Id, cancellationToken);
        var terms = query.Terms;
        var results = new List<SearchResult>(ids.Count);
        foreach (var r in ids.Where(rows.ContainsKey).Select(id => rows[id]))
        {
            // A document may have matched on words that only its attached files hold: say where.
            var inAttachment = r.Kind == SearchEntryKind.Document ? await AttachmentPageHits.FindAsync(db, r.EntityId, terms, cancellationToken) : null;
            results.Add(new SearchResult(r.Kind, SearchSnippet.Highlight(r.Title, terms), r.Url, r.Date, SearchSnippet.Excerpt(r.Text, terms), inAttachment));
        }

        return results;
    }
}
