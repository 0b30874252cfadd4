using DongNai.EthnicPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DongNai.EthnicPortal.Data.Configurations;

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
