using DongNai.EthnicPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DongNai.EthnicPortal.Data.Configurations;

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

internal sealed class PageAutosaveConfiguration : IEntityTypeConfiguration<PageAutosave>
{
    public void Configure(EntityTypeBuilder<PageAutosave> builder)
    {
        builder.Property(a => a.UserId).HasMaxLength(450).IsRequired();
        builder.Property(a => a.Title).HasMaxLength(300).IsRequired();
        builder.Property(a => a.Slug).HasMaxLength(200).IsRequired();
        builder.Property(a => a.BodyHtml).IsRequired();
        builder.Property(a => a.Language).HasMaxLength(10).IsRequired();
        builder.HasOne(a => a.Page).WithMany().HasForeignKey(a => a.PageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.PageId, a.UserId }).IsUnique();
        builder.HasIndex(a => new { a.UserId, a.DraftKey }).IsUnique();
    }
}
