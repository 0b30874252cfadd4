using DongNai.EthnicPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DongNai.EthnicPortal.Data.Configurations;

internal sealed class WebLinkConfiguration : IEntityTypeConfiguration<WebLink>
{
    public void Configure(EntityTypeBuilder<WebLink> builder)
    {
        builder.Property(l => l.Name).HasMaxLength(200).IsRequired();
        builder.Property(l => l.Url).HasMaxLength(500).IsRequired();
        builder.HasIndex(l => l.SortOrder);
    }
}
