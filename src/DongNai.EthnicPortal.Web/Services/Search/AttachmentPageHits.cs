using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Web.Services.Documents;
using DongNai.EthnicPortal.Web.Services.Site;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Services.Search;

/// <summary>Where in a document's attachments a result matched: the file, the page and an excerpt of that page.</summary>
public sealed record AttachmentPageHit(string FileName, int PageNumber, bool HasPages, string Url, string SnippetHtml)
{
    public string Label => HasPages ? $"{FileName}, trang {PageNumber}" : FileName;
}

/// <summary>
/// Finds, for a document among the results, the first attachment page that holds every word of the
/// query, so the result can quote it and link to it (<c>…#page=N</c> opens a PDF at that page).
/// </summary>
public static class AttachmentPageHits
{
    /// <summary>The characters of a matching page read for its excerpt.</summary>
    private const int PageSource = 20000;

    public static async Task<AttachmentPageHit?> FindAsync(PortalDbContext db, int documentId, IReadOnlyList<string> foldedTerms, CancellationToken cancellationToken)
    {
        if (foldedTerms.Count == 0)
        {
            return null;
        }

        var pages = db.AttachmentTextPages.AsNoTracking()
            .Join(db.DocumentAttachments, p => p.DocumentAttachmentId, a => a.Id, (p, a) => new { Page = p, Attachment = a })
            .Where(x => x.Attachment.OfficialDocumentId == documentId);
        foreach (var term in foldedTerms)
        {
            // Folded words hold only letters and digits, so the pattern has no wildcard but its own.
            var pattern = "%" + term + "%";
            pages = pages.Where(x => EF.Functions.Like(x.Page.FoldedText, pattern));
        }

        var hit = await pages
            .OrderBy(x => x.Attachment.Id)
            .ThenBy(x => x.Page.PageNumber)
            .Select(x => new { x.Attachment.Id, x.Attachment.FileName, x.Attachment.ContentType, x.Page.PageNumber, Text = x.Page.Text.Substring(0, PageSource) })
            .FirstOrDefaultAsync(cancellationToken);
        if (hit is null)
        {
            return null;
        }

        var paged = hit.ContentType == AttachmentFormats.Pdf.ContentType;
        var url = PortalUrls.Attachment(hit.Id) + (paged ? $"#page={hit.PageNumber}" : "");
        return new AttachmentPageHit(hit.FileName, hit.PageNumber, paged, url, SearchSnippet.Excerpt(hit.Text, [.. foldedTerms]));
    }
}
