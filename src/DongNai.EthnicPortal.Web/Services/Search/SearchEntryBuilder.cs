using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Web.Services.Articles;
using DongNai.EthnicPortal.Web.Services.Site;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Services.Search;

/// <summary>
/// Turns published content into <see cref="SearchEntry"/> rows. What counts as published is decided
/// here, once: articles with status Published (their date is checked again at query time, so an
/// article dated in the future stays hidden until then), documents and pages marked published.
/// </summary>
public sealed class SearchEntryBuilder(PortalDbContext db)
{
    /// <summary>Of a document's attachments, this much text is indexed; a very long file is found by its opening.</summary>
    public const int MaxAttachmentCharacters = 1_000_000;

    public IQueryable<Article> PublishedArticles =>
        db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published && a.PublishedAt != null);

    public IQueryable<OfficialDocument> PublishedDocuments => db.OfficialDocuments.AsNoTracking().Where(d => d.IsPublished);

    public IQueryable<Page> PublishedPages => db.Pages.AsNoTracking().Where(p => p.IsPublished);

    public async Task<List<SearchEntry>> ArticlesAsync(IQueryable<Article> articles, CancellationToken cancellationToken)
    {
        var rows = await articles
            .Select(a => new { a.Id, a.Title, a.Slug, a.Summary, a.RenderedBodyHtml, a.BodyHtml, a.PublishedAt })
            .ToListAsync(cancellationToken);
        return rows.Select(a => Entry(
                SearchEntryKind.Article,
                a.Id,
                a.Title,
                PortalUrls.Article(a.Id, a.Slug),
                a.Summary + "\n" + HtmlText.FromHtml(string.IsNullOrEmpty(a.RenderedBodyHtml) ? a.BodyHtml : a.RenderedBodyHtml),
                a.PublishedAt))
            .ToList();
    }

    public async Task<List<SearchEntry>> DocumentsAsync(IQueryable<OfficialDocument> documents, CancellationToken cancellationToken)
    {
        var rows = await documents
            .Select(d => new
            {
                d.Id,
                d.NumberAndSymbol,
                d.Slug,
                Type = d.DocumentType.Name,
                Issuer = d.IssuingBody.Name,
                d.SignerName,
                d.Abstract,
                d.RenderedFullTextHtml,
                d.FullTextHtml,
                d.IssuedOn,
            })
            .ToListAsync(cancellationToken);
        var attachmentTexts = await AttachmentTextsAsync(rows.Select(r => r.Id).ToList(), cancellationToken);
        return rows.Select(d => Entry(
                SearchEntryKind.Document,
                d.Id,
                $"{d.Type} số {d.NumberAndSymbol}",
                PortalUrls.Document(d.Id, d.Slug),
                $"{d.Abstract.TrimEnd('.', ' ')}. Cơ quan ban hành: {d.Issuer}. Người ký: {d.SignerName}.\n{HtmlText.FromHtml(d.RenderedFullTextHtml ?? d.FullTextHtml)}\n{attachmentTexts.GetValueOrDefault(d.Id)}",
                VietnamTime.StartOfDayUtc(d.IssuedOn)))
            .ToList();
    }

    /// <summary>
    /// The text read out of each document's attachments, page after page, so the document is found by
    /// words only its files hold. Cut at <see cref="MaxAttachmentCharacters"/> per document.
    /// </summary>
    private async Task<Dictionary<int, string>> AttachmentTextsAsync(List<int> documentIds, CancellationToken cancellationToken)
    {
        var pages = await db.AttachmentTextPages.AsNoTracking()
            .Join(db.DocumentAttachments, p => p.DocumentAttachmentId, a => a.Id, (p, a) => new { a.OfficialDocumentId, p.DocumentAttachmentId, p.PageNumber, p.Text })
            .Where(x => documentIds.Contains(x.OfficialDocumentId))
            .OrderBy(x => x.DocumentAttachmentId)
            .ThenBy(x => x.PageNumber)
            .Select(x => new { x.OfficialDocumentId, x.Text })
            .ToListAsync(cancellationToken);
        return pages.GroupBy(p => p.OfficialDocumentId).ToDictionary(g => g.Key, g =>
        {
            var text = string.Join('\n', g.Select(p => p.Text));
            return text.Length <= MaxAttachmentCharacters ? text : text[..MaxAttachmentCharacters];
        });
    }

    public async Task<List<SearchEntry>> PagesAsync(IQueryable<Page> pages, CancellationToken cancellationToken)
    {
        var rows = await pages.Select(p => new { p.Id, p.Title, p.Slug, p.BodyHtml, p.UpdatedAt }).ToListAsync(cancellationToken);
        return rows.Select(p => Entry(SearchEntryKind.Page, p.Id, p.Title, PortalUrls.Page(p.Slug), HtmlText.FromHtml(p.BodyHtml), p.UpdatedAt)).ToList();
    }

    private static SearchEntry Entry(SearchEntryKind kind, int id, string title, string url, string plainText, DateTime? date)
    {
        var text = VietnameseText.ToNfc(SearchText.CollapseWhitespace(plainText));
        return new SearchEntry
        {
            Kind = kind,
            EntityId = id,
            Title = Cut(VietnameseText.ToNfc(title), 500),
            Url = Cut(url, 500),
            PlainText = text,
            FoldedText = SearchText.FoldedForIndex(title, text),
            Date = date,
        };
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
