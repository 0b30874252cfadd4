using DongNai.EthnicPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DongNai.EthnicPortal.Data.Configurations;

internal sealed class VisitDayConfiguration : IEntityTypeConfiguration<VisitDay>
{
    public void Configure(EntityTypeBuilder<VisitDay> builder)
    {
        builder.HasKey(v => v.Day);
    }
}
