using DongNai.EthnicPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DongNai.EthnicPortal.Data.Configurations;

internal sealed class SearchEntryConfiguration : IEntityTypeConfiguration<SearchEntry>
{
    public void Configure(EntityTypeBuilder<SearchEntry> builder)
    {
        builder.Property(s => s.Title).HasMaxLength(500).IsRequired();
        builder.Property(s => s.Url).HasMaxLength(500).IsRequired();
        builder.Property(s => s.PlainText).IsRequired();
        builder.Property(s => s.FoldedText).IsRequired();
        builder.HasIndex(s => new { s.Generation, s.Kind, s.EntityId }).IsUnique();
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

internal sealed class SearchIndexStateConfiguration : IEntityTypeConfiguration<SearchIndexState>
{
    public void Configure(EntityTypeBuilder<SearchIndexState> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.StartedBy).HasMaxLength(256);
        builder.HasData(new SearchIndexState { Id = SearchIndexState.SingletonId });
    }
}
