using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Articles;
using DongNai.EthnicPortal.Web.Services.Caching;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Services.Documents;

/// <summary>
/// Keeps the stored rendered forms (article bodies, documents' full texts) and the article → document
/// citations in step with the registry, whenever an article or a document changes.
/// </summary>
public sealed class DocumentLinkingHandler(PortalDbContext db) : IContentChangeHandler
{
    public ContentChangeStage Stage => ContentChangeStage.Render;

    public async Task OnChangedAsync(ContentChange change, CancellationToken cancellationToken)
    {
        switch (change.Kind)
        {
            // A status change leaves the body, and so its rendering, as it was.
            case ContentKind.Article when change.BodyChanged:
                await RenderArticleAsync(change.Ids[0], cancellationToken);
                break;
            case ContentKind.Document:
            case ContentKind.DocumentLookups:
                foreach (var documentId in change.Ids)
                {
                    await RenderAroundDocumentAsync(documentId, change.FreedNumbers, cancellationToken);
                }

                break;
        }
    }

    private async Task RenderArticleAsync(int articleId, CancellationToken cancellationToken)
    {
        var article = await db.Articles.Include(a => a.Citations).FirstOrDefaultAsync(a => a.Id == articleId, cancellationToken);
        if (article is null)
        {
            // Its citations went with it (cascade).
            return;
        }

        var registry = await LoadRegistryAsync(db, cancellationToken);
        Render(article, registry, await ArticleBodies.LoadMediaAsync(db, [article.BodyHtml], cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task RenderAroundDocumentAsync(int documentId, IReadOnlyList<string> freedNumbers, CancellationToken cancellationToken)
    {
        var registry = await LoadRegistryAsync(db, cancellationToken);
        var document = await db.OfficialDocuments.AsNoTracking()
            .Where(d => d.Id == documentId)
            .Select(d => new { d.Number })
            .FirstOrDefaultAsync(cancellationToken);

        // Texts that may gain a link mention the number, or a number the document freed (the one left
        // with it is no longer ambiguous); texts that may lose one (a deleted, unpublished or renumbered
        // document) already link to its page. Only those are run through the linker.
        var linkPrefix = $"/van-ban/{documentId}/";
        var numbers = freedNumbers.Append(document?.Number).OfType<string>().Where(n => n.Length > 0).Distinct().ToList();

        var articles = await db.Articles.Include(a => a.Citations).Where(a => a.RenderedBodyHtml.Contains(linkPrefix)).ToListAsync(cancellationToken);
        var documents = await db.OfficialDocuments.Where(d => d.Id == documentId || (d.RenderedFullTextHtml != null && d.RenderedFullTextHtml.Contains(linkPrefix))).ToListAsync(cancellationToken);
        foreach (var number in numbers)
        {
            articles.AddRange(await db.Articles.Include(a => a.Citations).Where(a => a.BodyHtml.Contains(number)).ToListAsync(cancellationToken));
            documents.AddRange(await db.OfficialDocuments.Where(d => d.FullTextHtml != null && d.FullTextHtml.Contains(number)).ToListAsync(cancellationToken));
        }

        // The change tracker hands back the same instance for a row found twice.
        var distinctArticles = articles.Distinct().ToList();
        var media = await ArticleBodies.LoadMediaAsync(db, distinctArticles.Select(a => a.BodyHtml), cancellationToken);
        foreach (var article in distinctArticles)
        {
            Render(article, registry, media);
        }

        foreach (var other in documents.Distinct())
        {
            Render(other, registry);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The published registry as the linker needs it; unpublished documents have no page to link to.</summary>
    public static async Task<DocumentRegistrySnapshot> LoadRegistryAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var entries = await db.OfficialDocuments.AsNoTracking()
            .Where(d => d.IsPublished)
            .Select(d => new RegistryEntry(d.Id, d.Slug, d.NormalizedSymbol, d.IssuedOn, d.DocumentType.Name))
            .ToListAsync(cancellationToken);
        return new DocumentRegistrySnapshot(entries);
    }

    public static void Render(Article article, DocumentRegistrySnapshot registry, IReadOnlyDictionary<string, MediaFile> media)
    {
        var result = DocumentReferenceLinker.Link(article.BodyHtml, registry);
        var rendered = ArticleBodies.ForReaders(result.Html, media);
        if (!string.Equals(article.RenderedBodyHtml, rendered, StringComparison.Ordinal))
        {
            article.RenderedBodyHtml = rendered;
        }

        article.Citations.RemoveAll(c => !result.CitedDocumentIds.Contains(c.OfficialDocumentId));
        foreach (var id in result.CitedDocumentIds.Where(id => article.Citations.All(c => c.OfficialDocumentId != id)))
        {
            article.Citations.Add(new ArticleDocumentCitation { ArticleId = article.Id, OfficialDocumentId = id });
        }
    }

    public static void Render(OfficialDocument document, DocumentRegistrySnapshot registry)
    {
        var rendered = string.IsNullOrEmpty(document.FullTextHtml)
            ? null
            : DocumentReferenceLinker.Link(document.FullTextHtml, registry, excludeDocumentId: document.Id).Html;
        if (!string.Equals(document.RenderedFullTextHtml, rendered, StringComparison.Ordinal))
        {
            document.RenderedFullTextHtml = rendered;
        }
    }
}

/// <summary>Renders every article and document once demo content has just been seeded, so its references are links from the start.</summary>
public sealed class DocumentLinkingInitializer(PortalDbContext db) : IContentInitializer
{
    private const int BatchSize = 200;

    public async Task InitializeAsync(bool demoContentSeeded, CancellationToken cancellationToken)
    {
        if (!demoContentSeeded)
        {
            return;
        }

        var registry = await DocumentLinkingHandler.LoadRegistryAsync(db, cancellationToken);
        var lastId = 0;
        while (true)
        {
            var articles = await db.Articles.Include(a => a.Citations)
                .Where(a => a.Id > lastId)
                .OrderBy(a => a.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (articles.Count == 0)
            {
                break;
            }

            var media = await ArticleBodies.LoadMediaAsync(db, articles.Select(a => a.BodyHtml), cancellationToken);
            foreach (var article in articles)
            {
                DocumentLinkingHandler.Render(article, registry, media);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            lastId = articles[^1].Id;
        }

        var documents = await db.OfficialDocuments.Where(d => d.FullTextHtml != null).ToListAsync(cancellationToken);
        foreach (var document in documents)
        {
            DocumentLinkingHandler.Render(document, registry);
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
