using DongNai.EthnicPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DongNai.EthnicPortal.Data.Configurations;

internal sealed class MediaFileConfiguration : IEntityTypeConfiguration<MediaFile>
{
    public void Configure(EntityTypeBuilder<MediaFile> builder)
    {
        builder.Property(m => m.OriginalFileName).HasMaxLength(260).IsRequired();
        builder.Property(m => m.StoredName).HasMaxLength(100).IsRequired();
        builder.Property(m => m.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(m => m.VariantWidths).HasMaxLength(100).IsRequired();
        builder.Property(m => m.WebpWidths).HasMaxLength(100).IsRequired();
        builder.Property(m => m.AltText).HasMaxLength(300).IsRequired();
        builder.Property(m => m.AltTextFolded).HasMaxLength(300).IsRequired();
        builder.Property(m => m.FileNameFolded).HasMaxLength(260).IsRequired();
        builder.Property(m => m.UploadedById).HasMaxLength(450);
        builder.HasIndex(m => m.StoredName).IsUnique();
        builder.HasIndex(m => m.UploadedAt);
    }
}
