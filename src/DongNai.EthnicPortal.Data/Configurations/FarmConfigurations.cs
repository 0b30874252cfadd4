using DongNai.EthnicPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DongNai.EthnicPortal.Data.Configurations;

internal sealed class PortalSecretConfiguration : IEntityTypeConfiguration<PortalSecret>
{
    public void Configure(EntityTypeBuilder<PortalSecret> builder)
    {
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.Property(s => s.Value).HasMaxLength(200);
    }
}

internal sealed class BackgroundLeaseConfiguration : IEntityTypeConfiguration<BackgroundLease>
{
    public void Configure(EntityTypeBuilder<BackgroundLease> builder)
    {
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(100);
        builder.Property(l => l.Holder).HasMaxLength(200);
    }
}
