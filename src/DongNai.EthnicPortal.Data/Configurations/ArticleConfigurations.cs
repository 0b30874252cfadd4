using DongNai.EthnicPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DongNai.EthnicPortal.Data.Configurations;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(300).IsRequired();
        builder.Property(a => a.Slug).HasMaxLength(300).IsRequired();
        builder.Property(a => a.Summary).HasMaxLength(1000).IsRequired();
        builder.Property(a => a.TitleFolded).HasMaxLength(300).IsRequired();
        builder.Property(a => a.SummaryFolded).HasMaxLength(1000).IsRequired();
        builder.Property(a => a.BodyHtml).IsRequired();
        builder.Property(a => a.RenderedBodyHtml).IsRequired();
        builder.Property(a => a.CoverImageCaption).HasMaxLength(500);
        builder.Property(a => a.AuthorByline).HasMaxLength(200).IsRequired();
        builder.Property(a => a.ReviewRemark).HasMaxLength(1000);
        builder.Property(a => a.WithdrawnReason).HasMaxLength(1000);
        builder.Property(a => a.CreatedById).HasMaxLength(450);
        builder.Property(a => a.UpdatedById).HasMaxLength(450);
        builder.Property(a => a.PublishedById).HasMaxLength(450);
        builder.Property(a => a.Version).IsConcurrencyToken();

        builder.HasOne(a => a.Category).WithMany(c => c.Articles).HasForeignKey(a => a.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.CoverImage).WithMany().HasForeignKey(a => a.CoverImageId).OnDelete(DeleteBehavior.SetNull);

        // Listing and paging: newest published first, overall and per category.
        builder.HasIndex(a => new { a.Status, a.PublishedAt });

        // Start-up's FoldedColumnsBackfill finds unfilled rows here rather than behind every body.
        builder.HasIndex(a => a.TitleFolded);

        // Category pages find a page's ids in this index alone (Id included, for PostgreSQL, whose
        // indexes do not carry the key), then read only those rows.
        builder.HasIndex(a => new { a.CategoryId, a.Status, a.PublishedAt, a.Id });

        // The home page's featured article: without it, finding an old featured article walks every published row.
        builder.HasIndex(a => new { a.IsFeatured, a.Status, a.PublishedAt });
        builder.HasIndex(a => new { a.Status, a.PublishAt });

        // The admin list and dashboard, last changed first: overall, by status, and an author's own.
        builder.HasIndex(a => a.UpdatedAt);
        builder.HasIndex(a => new { a.Status, a.UpdatedAt });
        builder.HasIndex(a => new { a.CreatedById, a.Status, a.UpdatedAt });
    }

    /// <summary>
    /// The admin search box: a substring of the folded title or summary, last changed first. The index
    /// holds the order and both folded columns, so the search walks it newest first and stops after the
    /// page (and its count at a limit) without reading any row: an article's columns sit behind its
    /// body. SQLite has no INCLUDE, so there they are key columns; on SQL Server that key (2,616 bytes)
    /// would exceed the 1,700-byte limit, so SQL Server and PostgreSQL carry them as INCLUDE columns.
    /// </summary>
    public static void ConfigureAdminSearchIndex(EntityTypeBuilder<Article> builder, DatabaseFacade database)
    {
        const string Name = "IX_Articles_AdminSearch";
        if (database.IsSqlServer())
        {
            SqlServerIndexBuilderExtensions.IncludeProperties(builder.HasIndex(a => new { a.UpdatedAt, a.Id }, Name), a => new { a.TitleFolded, a.SummaryFolded });
        }
        else if (database.IsNpgsql())
        {
            NpgsqlIndexBuilderExtensions.IncludeProperties(builder.HasIndex(a => new { a.UpdatedAt, a.Id }, Name), a => new { a.TitleFolded, a.SummaryFolded });
        }
        else
        {
            builder.HasIndex(a => new { a.UpdatedAt, a.Id, a.TitleFolded, a.SummaryFolded }, Name);
        }
    }
}

internal sealed class ArticleRevisionConfiguration : IEntityTypeConfiguration<ArticleRevision>
{
    public void Configure(EntityTypeBuilder<ArticleRevision> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(300).IsRequired();
        builder.Property(r => r.Summary).HasMaxLength(1000).IsRequired();
        builder.Property(r => r.BodyHtml).IsRequired();
        builder.Property(r => r.CoverImageCaption).HasMaxLength(500);
        builder.Property(r => r.AuthorByline).HasMaxLength(200).IsRequired();
        builder.Property(r => r.SavedById).HasMaxLength(450);
        builder.Property(r => r.SavedByName).HasMaxLength(200);
        builder.HasOne(r => r.Article).WithMany(a => a.Revisions).HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.ArticleId, r.SavedAt });
    }
}

internal sealed class ArticleDocumentCitationConfiguration : IEntityTypeConfiguration<ArticleDocumentCitation>
{
    public void Configure(EntityTypeBuilder<ArticleDocumentCitation> builder)
    {
        builder.HasKey(c => new { c.ArticleId, c.OfficialDocumentId });
        builder.HasOne(c => c.Article).WithMany(a => a.Citations).HasForeignKey(c => c.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.OfficialDocument).WithMany(d => d.CitedBy).HasForeignKey(c => c.OfficialDocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.OfficialDocumentId);
    }
}

internal sealed class ArticleAutosaveConfiguration : IEntityTypeConfiguration<ArticleAutosave>
{
    public void Configure(EntityTypeBuilder<ArticleAutosave> builder)
    {
        builder.Property(a => a.UserId).HasMaxLength(450).IsRequired();
        builder.Property(a => a.Title).HasMaxLength(300).IsRequired();
        builder.Property(a => a.Summary).HasMaxLength(1000).IsRequired();
        builder.Property(a => a.BodyHtml).IsRequired();
        builder.Property(a => a.CoverImageCaption).HasMaxLength(500);
        builder.Property(a => a.AuthorByline).HasMaxLength(200).IsRequired();
        builder.HasOne(a => a.Article).WithMany().HasForeignKey(a => a.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.ArticleId, a.UserId }).IsUnique();
        builder.HasIndex(a => new { a.UserId, a.DraftKey }).IsUnique();
    }
}
