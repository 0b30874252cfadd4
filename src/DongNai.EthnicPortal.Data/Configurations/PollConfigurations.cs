using DongNai.EthnicPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DongNai.EthnicPortal.Data.Configurations;

internal sealed class PollConfiguration : IEntityTypeConfiguration<Poll>
{
    public void Configure(EntityTypeBuilder<Poll> builder)
    {
        builder.Property(p => p.Question).HasMaxLength(500).IsRequired();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => new { p.IsVisible, p.OpensAt });
    }
}

internal sealed class PollOptionConfiguration : IEntityTypeConfiguration<PollOption>
{
    public void Configure(EntityTypeBuilder<PollOption> builder)
    {
        builder.Property(o => o.Text).HasMaxLength(300).IsRequired();
        builder.HasOne(o => o.Poll).WithMany(p => p.Options).HasForeignKey(o => o.PollId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => new { o.PollId, o.SortOrder });
    }
}

internal sealed class PollVoteConfiguration : IEntityTypeConfiguration<PollVote>
{
    public void Configure(EntityTypeBuilder<PollVote> builder)
    {
        builder.Property(v => v.VoterKeyHash).HasMaxLength(64).IsRequired();
        builder.Property(v => v.IpHash).HasMaxLength(64).IsRequired();
        builder.HasOne(v => v.Poll).WithMany(p => p.Votes).HasForeignKey(v => v.PollId).OnDelete(DeleteBehavior.Cascade);
        // The unique key is what makes "one vote per browser" hold under concurrent requests.
        builder.HasIndex(v => new { v.PollId, v.VoterKeyHash }).IsUnique();
        builder.HasIndex(v => new { v.PollId, v.IpHash, v.CastOn });
    }
}

internal sealed class PollVoteChoiceConfiguration : IEntityTypeConfiguration<PollVoteChoice>
{
    public void Configure(EntityTypeBuilder<PollVoteChoice> builder)
    {
        builder.HasKey(c => new { c.PollVoteId, c.PollOptionId });
        builder.HasOne(c => c.PollVote).WithMany(v => v.Choices).HasForeignKey(c => c.PollVoteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.PollOption).WithMany(o => o.Choices).HasForeignKey(c => c.PollOptionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.PollOptionId);
    }
}

internal sealed class PollIpDayCountConfiguration : IEntityTypeConfiguration<PollIpDayCount>
{
    public void Configure(EntityTypeBuilder<PollIpDayCount> builder)
    {
        builder.HasKey(c => new { c.PollId, c.Day, c.IpHash });
        builder.Property(c => c.IpHash).HasMaxLength(64);
        builder.HasOne<Poll>().WithMany().HasForeignKey(c => c.PollId).OnDelete(DeleteBehavior.Cascade);
    }
}
