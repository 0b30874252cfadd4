using DongNai.EthnicPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DongNai.EthnicPortal.Data.Configurations;

internal sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200).IsRequired();
    }
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200).IsRequired();
        builder.Property(c => c.Slug).HasMaxLength(200).IsRequired();
        builder.Property(c => c.Description).HasMaxLength(1000);
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.HasIndex(c => new { c.ShowInMenu, c.SortOrder });
    }
}

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(300).IsRequired();
        builder.Property(a => a.Slug).HasMaxLength(300).IsRequired();
        builder.Property(a => a.Summary).HasMaxLength(1000).IsRequired();
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
        builder.HasIndex(a => new { a.CategoryId, a.Status, a.PublishedAt });

        // The home page's featured article: without it, finding an old featured article walks every published row.
        builder.HasIndex(a => new { a.IsFeatured, a.Status, a.PublishedAt });
        builder.HasIndex(a => new { a.Status, a.PublishAt });
        builder.HasIndex(a => new { a.CreatedById, a.Status });
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

internal sealed class PageConfiguration : IEntityTypeConfiguration<Page>
{
    public void Configure(EntityTypeBuilder<Page> builder)
    {
        builder.Property(p => p.Slug).HasMaxLength(100).IsRequired();
        builder.Property(p => p.Title).HasMaxLength(300).IsRequired();
        builder.Property(p => p.BodyHtml).IsRequired();
        builder.Property(p => p.Language).HasMaxLength(10).IsRequired();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => p.Slug).IsUnique();
    }
}

internal sealed class WebLinkConfiguration : IEntityTypeConfiguration<WebLink>
{
    public void Configure(EntityTypeBuilder<WebLink> builder)
    {
        builder.Property(l => l.Name).HasMaxLength(200).IsRequired();
        builder.Property(l => l.Url).HasMaxLength(500).IsRequired();
        builder.HasIndex(l => l.SortOrder);
    }
}

internal sealed class SiteSettingsConfiguration : IEntityTypeConfiguration<SiteSettings>
{
    public void Configure(EntityTypeBuilder<SiteSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.SiteName).HasMaxLength(200).IsRequired();
        builder.Property(s => s.GoverningAgency).HasMaxLength(200).IsRequired();
        builder.Property(s => s.ResponsiblePerson).HasMaxLength(200).IsRequired();
        builder.Property(s => s.ResponsiblePersonTitle).HasMaxLength(200).IsRequired();
        builder.Property(s => s.Address).HasMaxLength(500).IsRequired();
        builder.Property(s => s.Phone).HasMaxLength(50).IsRequired();
        builder.Property(s => s.Email).HasMaxLength(200).IsRequired();
        builder.Property(s => s.CopyrightLine).HasMaxLength(300).IsRequired();
        builder.Property(s => s.MapUrl).HasMaxLength(500);
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}

internal sealed class MediaFileConfiguration : IEntityTypeConfiguration<MediaFile>
{
    public void Configure(EntityTypeBuilder<MediaFile> builder)
    {
        builder.Property(m => m.OriginalFileName).HasMaxLength(260).IsRequired();
        builder.Property(m => m.StoredName).HasMaxLength(100).IsRequired();
        builder.Property(m => m.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(m => m.VariantWidths).HasMaxLength(100).IsRequired();
        builder.Property(m => m.AltText).HasMaxLength(300).IsRequired();
        builder.Property(m => m.UploadedById).HasMaxLength(450);
        builder.HasIndex(m => m.StoredName).IsUnique();
        builder.HasIndex(m => m.UploadedAt);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.Action).HasMaxLength(100).IsRequired();
        builder.Property(a => a.EntityType).HasMaxLength(100);
        builder.Property(a => a.EntityId).HasMaxLength(100);
        builder.Property(a => a.Details).HasMaxLength(4000);
        builder.Property(a => a.IpAddress).HasMaxLength(64);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.Action, a.At });
        builder.HasIndex(a => new { a.UserId, a.At });
    }
}

internal sealed class VisitDayConfiguration : IEntityTypeConfiguration<VisitDay>
{
    public void Configure(EntityTypeBuilder<VisitDay> builder)
    {
        builder.HasKey(v => v.Day);
    }
}

internal sealed class SearchEntryConfiguration : IEntityTypeConfiguration<SearchEntry>
{
    public void Configure(EntityTypeBuilder<SearchEntry> builder)
    {
        builder.Property(s => s.Title).HasMaxLength(500).IsRequired();
        builder.Property(s => s.Url).HasMaxLength(500).IsRequired();
        builder.Property(s => s.PlainText).IsRequired();
        builder.Property(s => s.FoldedText).IsRequired();
        builder.HasIndex(s => new { s.Kind, s.EntityId }).IsUnique();
        builder.HasIndex(s => s.SortKey).IsUnique();
    }
}

internal sealed class SearchTermConfiguration : IEntityTypeConfiguration<SearchTerm>
{
    public void Configure(EntityTypeBuilder<SearchTerm> builder)
    {
        builder.HasKey(t => new { t.Term, t.SearchEntryId });
        builder.Property(t => t.Term).HasMaxLength(64);
        builder.HasOne<SearchEntry>().WithMany().HasForeignKey(t => t.SearchEntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.SearchEntryId);
    }
}
