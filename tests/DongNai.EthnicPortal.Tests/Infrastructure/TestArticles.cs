using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;

namespace DongNai.EthnicPortal.Tests.Infrastructure;

/// <summary>Articles written straight to the database, as the editors' workflow would leave them.</summary>
public static class TestArticles
{
    public static Article New(int categoryId, string title, ArticleStatus status, DateTime? publishedAt) => new()
    {
        Title = title,
        Slug = VietnameseText.Slugify(title),
        Summary = "Tóm tắt " + title,
        BodyHtml = "<p>Nội dung bài viết thử nghiệm.</p>",
        RenderedBodyHtml = "<p>Nội dung bài viết thử nghiệm.</p>",
        AuthorByline = "Phóng viên",
        CategoryId = categoryId,
        Status = status,
        PublishedAt = publishedAt,
        PublishAt = publishedAt,
        CreatedAt = DateTime.UtcNow,
        UpdatedAt = DateTime.UtcNow,
    };
}
