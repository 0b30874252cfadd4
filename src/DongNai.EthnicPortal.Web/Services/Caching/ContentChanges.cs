using DongNai.EthnicPortal.Web.Services.Site;
namespace DongNai.EthnicPortal.Web.Services.Caching;

/// <summary>What changed, as the handlers and the cache need to know it.</summary>
public enum ContentKind
{
    Article,
    Document,
    Page,

    /// <summary>What every page shows around its content: categories, web links, site settings.</summary>
    SiteChrome,
    Poll,
    Vote,
    Media,
    DocumentLookups,
    SearchIndex,

    /// <summary>A public consultation, its files or its published comments.</summary>
    Consultation,
}

/// <summary>
/// One change an editor (or the scheduler, or a voter) made. <see cref="Ids"/> are the entities it
/// concerns; <see cref="BodyChanged"/> is false when only an article's status moved, so its stored
/// rendering is still right. <see cref="FreedNumbers"/> are document numbers a deleted or renumbered
/// document no longer holds: texts that mention them may now name a single document, or none.
/// </summary>
public sealed record ContentChange(ContentKind Kind, IReadOnlyList<int> Ids, bool BodyChanged = true)
{
    public IReadOnlyList<string> FreedNumbers { get; init; } = [];

    public int? Id => Ids.Count > 0 ? Ids[0] : null;
}

/// <summary>When a handler runs; every handler sees the work of the stages before it.</summary>
public enum ContentChangeStage
{
    /// <summary>Derived stored forms: rendered document links in article bodies and full texts.</summary>
    Render = 1,

    /// <summary>The search index, which reads the rendered forms.</summary>
    Index = 2,
}

/// <summary>Keeps derived content in step with what changed. Each concern registers one; the entity may have been deleted.</summary>
public interface IContentChangeHandler
{
    ContentChangeStage Stage { get; }

    Task OnChangedAsync(ContentChange change, CancellationToken cancellationToken);
}

/// <summary>
/// The one path of every change a reader can see: a write saves, then makes one call here. The
/// handlers run in the order of their <see cref="ContentChangeStage"/>, and the public caches are
/// evicted last (<see cref="PublicCache.EvictAsync(ContentChange)"/>), so readers see the change at once.
/// </summary>
public sealed class ContentChanges(IEnumerable<IContentChangeHandler> handlers, PublicCache cache)
{
    private readonly IContentChangeHandler[] ordered = [.. handlers.OrderBy(h => h.Stage)];

    /// <summary>An article's text, fields or existence changed.</summary>
    public Task ArticleChangedAsync(int articleId, CancellationToken cancellationToken = default) =>
        RunAsync(new ContentChange(ContentKind.Article, [articleId]), cancellationToken);

    /// <summary>Only the workflow status moved (submit, publish, schedule, reject, withdraw): nothing is re-rendered.</summary>
    public Task ArticleStatusChangedAsync(int articleId, CancellationToken cancellationToken = default) =>
        RunAsync(new ContentChange(ContentKind.Article, [articleId], BodyChanged: false), cancellationToken);

    public Task DocumentChangedAsync(int documentId, CancellationToken cancellationToken = default) =>
        RunAsync(new ContentChange(ContentKind.Document, [documentId]), cancellationToken);

    /// <summary>A document was deleted or renumbered: the number it held is free, or less ambiguous, now.</summary>
    public Task DocumentChangedAsync(int documentId, string freedNumber, CancellationToken cancellationToken = default) =>
        RunAsync(new ContentChange(ContentKind.Document, [documentId]) { FreedNumbers = [freedNumber] }, cancellationToken);

    /// <summary>A change that touches several documents at once, such as a relation between two.</summary>
    public Task DocumentsChangedAsync(IReadOnlyList<int> documentIds, CancellationToken cancellationToken = default) =>
        RunAsync(new ContentChange(ContentKind.Document, documentIds), cancellationToken);

    public Task PageChangedAsync(int pageId, CancellationToken cancellationToken = default) =>
        RunAsync(new ContentChange(ContentKind.Page, [pageId]), cancellationToken);

    /// <summary>A category, web link or the site settings changed.</summary>
    public Task SiteChromeChangedAsync(CancellationToken cancellationToken = default) =>
        RunAsync(new ContentChange(ContentKind.SiteChrome, []), cancellationToken);

    /// <summary>An editor created, edited, opened or closed a poll.</summary>
    public Task PollChangedAsync(int pollId, CancellationToken cancellationToken = default) =>
        RunAsync(new ContentChange(ContentKind.Poll, [pollId]), cancellationToken);

    /// <summary>A reader's ballot was counted.</summary>
    public Task VoteCastAsync(int pollId, CancellationToken cancellationToken = default) =>
        RunAsync(new ContentChange(ContentKind.Vote, [pollId]), cancellationToken);

    /// <summary>An image's description changed; pages that show it as a cover must follow.</summary>
    public Task MediaChangedAsync(int mediaId, CancellationToken cancellationToken = default) =>
        RunAsync(new ContentChange(ContentKind.Media, [mediaId]), cancellationToken);

    /// <summary>A document type, issuer or field was added or renamed; <paramref name="resluggedDocumentIds"/> got new slugs.</summary>
    public Task DocumentLookupsChangedAsync(IReadOnlyList<int> resluggedDocumentIds, CancellationToken cancellationToken = default) =>
        RunAsync(new ContentChange(ContentKind.DocumentLookups, resluggedDocumentIds), cancellationToken);

    /// <summary>A consultation, its files or its published comments changed: its page, the list, the feed and the home block.</summary>
    public Task ConsultationChangedAsync(int consultationId, CancellationToken cancellationToken = default) =>
        RunAsync(new ContentChange(ContentKind.Consultation, [consultationId]), cancellationToken);

    /// <summary>The search index was rebuilt from scratch.</summary>
    public Task SearchIndexRebuiltAsync(CancellationToken cancellationToken = default) =>
        RunAsync(new ContentChange(ContentKind.SearchIndex, []), cancellationToken);

    private async Task RunAsync(ContentChange change, CancellationToken cancellationToken)
    {
        foreach (var handler in ordered)
        {
            await handler.OnChangedAsync(change, cancellationToken);
        }

        await cache.EvictAsync(change);
    }
}
