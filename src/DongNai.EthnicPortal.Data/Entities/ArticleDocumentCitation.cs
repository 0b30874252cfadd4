namespace DongNai.EthnicPortal.Data.Entities;

/// <summary>Records that an article's text cites a registry document, for "Tin bài liên quan".</summary>
public class ArticleDocumentCitation
{
    public int ArticleId { get; set; }

    public Article Article { get; set; } = null!;

    public int OfficialDocumentId { get; set; }

    public OfficialDocument OfficialDocument { get; set; } = null!;
}
