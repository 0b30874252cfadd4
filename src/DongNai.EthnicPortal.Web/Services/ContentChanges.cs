using DongNai.EthnicPortal.Web.Infrastructure;

namespace DongNai.EthnicPortal.Web.Services;

/// <summary>
/// Keeps derived content in step with what editors change: rendered document links, the search
/// index and so on. Each concern registers a handler; the entity may have been deleted.
/// </summary>
public interface IContentChangeHandler
{
    Task OnArticleChangedAsync(int articleId, CancellationToken cancellationToken);

    Task OnDocumentChangedAsync(int documentId, CancellationToken cancellationToken);

    Task OnPageChangedAsync(int pageId, CancellationToken cancellationToken);
}

/// <summary>
/// Called after an article, document or page has been saved (or deleted). It runs every handler,
/// then evicts the public caches, so readers see the change at once.
/// </summary>
public sealed class ContentChanges(IEnumerable<IContentChangeHandler> handlers, PublicCache cache)
{
    public async Task ArticleChangedAsync(int articleId, CancellationToken cancellationToken = default)
    {
        foreach (var handler in handlers)
        {
            await handler.OnArticleChangedAsync(articleId, cancellationToken);
        }

        await cache.EvictAsync(CacheTags.Articles, CacheTags.Article(articleId));
    }

    public async Task DocumentChangedAsync(int documentId, CancellationToken cancellationToken = default)
    {
        foreach (var handler in handlers)
        {
            await handler.OnDocumentChangedAsync(documentId, cancellationToken);
        }

        // Article bodies link to documents, so both kinds of pages may change.
        await cache.EvictAsync(CacheTags.Documents, CacheTags.Document(documentId), CacheTags.Articles);
    }

    /// <summary>A consultation, its files or its published comments changed: its page, the list, the feed and the home block.</summary>
    public Task ConsultationChangedAsync(int consultationId) =>
        cache.EvictAsync(CacheTags.Consultations, CacheTags.Consultation(consultationId));

    public async Task PageChangedAsync(int pageId, CancellationToken cancellationToken = default)
    {
        foreach (var handler in handlers)
        {
            await handler.OnPageChangedAsync(pageId, cancellationToken);
        }

        // Page titles appear in the menu of every page.
        await cache.EvictEverythingAsync();
    }
}
