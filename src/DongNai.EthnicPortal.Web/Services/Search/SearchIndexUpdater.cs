using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Caching;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Services.Search;

/// <summary>Keeps the index in step with editors' changes: publish, edit, withdraw, delete.</summary>
public sealed class SearchIndexUpdater(ISearchIndex index) : IContentChangeHandler
{
    public ContentChangeStage Stage => ContentChangeStage.Index;

    public async Task OnChangedAsync(ContentChange change, CancellationToken cancellationToken)
    {
        foreach (var id in change.Ids)
        {
            switch (change.Kind)
            {
                case ContentKind.Article:
                    await index.IndexArticleAsync(id, cancellationToken);
                    break;

                // A renamed type is part of a document's indexed text and its URL.
                case ContentKind.Document or ContentKind.DocumentLookups:
                    await index.IndexDocumentAsync(id, cancellationToken);
                    break;
                case ContentKind.Page:
                    await index.IndexPageAsync(id, cancellationToken);
                    break;
            }
        }
    }
}

/// <summary>
/// Builds the index at start-up when it is empty, when demo content was just seeded, or when the
/// application was started with <c>--rebuild-search-index</c>.
/// </summary>
public sealed class SearchIndexInitializer(SearchIndexRebuild rebuild, PortalDbContext db, SearchStartup startup, ILogger<SearchIndexInitializer> logger) : IContentInitializer
{
    public async Task InitializeAsync(bool demoContentSeeded, CancellationToken cancellationToken)
    {
        if (!demoContentSeeded && !startup.RebuildRequested && await db.SearchEntries.AnyAsync(cancellationToken))
        {
            return;
        }

        var count = await rebuild.RunToEndAsync(cancellationToken);
        logger.LogInformation("Search index built with {Count} entries.", count);
    }
}

/// <summary>Start-up switches for search, read from the command line.</summary>
public sealed record SearchStartup(bool RebuildRequested)
{
    public const string RebuildSwitch = "--rebuild-search-index";
}
