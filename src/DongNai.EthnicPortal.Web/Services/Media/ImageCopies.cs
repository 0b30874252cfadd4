using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Articles;
using DongNai.EthnicPortal.Web.Services.Documents;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Services.Media;

/// <summary>
/// Makes the resized copies of images stored before there were any: the seed images right after seeding,
/// and every older upload when the operator runs the app once with <c>--generate-image-copies</c>. Article
/// bodies that show one of them are rendered again, so their figures get the new srcset.
/// </summary>
public sealed class ImageCopies(PortalDbContext db, ImageStore store, ILogger<ImageCopies> logger) : IContentInitializer
{
    private const int BatchSize = 100;

    public Task InitializeAsync(bool demoContentSeeded, CancellationToken cancellationToken) =>
        demoContentSeeded ? MakeMissingAsync(cancellationToken) : Task.CompletedTask;

    /// <summary>Returns how many images got their copies.</summary>
    public async Task<int> MakeMissingAsync(CancellationToken cancellationToken)
    {
        var made = new HashSet<string>(StringComparer.Ordinal);
        var lastId = 0;
        while (true)
        {
            var files = await db.MediaFiles.Where(m => m.Id > lastId).OrderBy(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (files.Count == 0)
            {
                break;
            }

            foreach (var file in files.Where(ImageStore.LacksCopies))
            {
                if (store.MakeCopies(file))
                {
                    made.Add(file.StoredName);
                }
                else
                {
                    logger.LogWarning("Media file {StoredName} is missing or does not decode; no copies were made.", file.StoredName);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            lastId = files[^1].Id;
        }

        if (made.Count > 0)
        {
            await RenderBodiesShowingAsync(made, cancellationToken);
        }

        return made.Count;
    }

    private async Task RenderBodiesShowingAsync(HashSet<string> storedNames, CancellationToken cancellationToken)
    {
        var registry = await DocumentLinkingHandler.LoadRegistryAsync(db, cancellationToken);
        var lastId = 0;
        while (true)
        {
            var articles = await db.Articles.Include(a => a.Citations)
                .Where(a => a.Id > lastId && a.BodyHtml.Contains("/media/"))
                .OrderBy(a => a.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (articles.Count == 0)
            {
                break;
            }

            var showing = articles.Where(a => storedNames.Any(name => a.BodyHtml.Contains("/media/" + name, StringComparison.Ordinal))).ToList();
            var media = await ArticleBodies.LoadMediaAsync(db, showing.Select(a => a.BodyHtml), cancellationToken);
            foreach (var article in showing)
            {
                DocumentLinkingHandler.Render(article, registry, media);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            lastId = articles[^1].Id;
        }
    }
}
