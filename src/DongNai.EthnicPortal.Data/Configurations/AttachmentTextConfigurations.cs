using DongNai.EthnicPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DongNai.EthnicPortal.Data.Configurations;

internal sealed class AttachmentTextConfiguration : IEntityTypeConfiguration<AttachmentText>
{
    public void Configure(EntityTypeBuilder<AttachmentText> builder)
    {
        builder.HasKey(t => t.DocumentAttachmentId);
        builder.HasOne(t => t.Attachment).WithOne().HasForeignKey<AttachmentText>(t => t.DocumentAttachmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.FailureReason).HasMaxLength(500);
        builder.Property(t => t.ClaimedBy).HasMaxLength(200);

        // The queue is read by state, oldest first.
        builder.HasIndex(t => new { t.State, t.QueuedAt });
        builder.HasMany(t => t.Pages).WithOne().HasForeignKey(p => p.DocumentAttachmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AttachmentTextPageConfiguration : IEntityTypeConfiguration<AttachmentTextPage>
{
    public void Configure(EntityTypeBuilder<AttachmentTextPage> builder)
    {
        builder.HasIndex(p => new { p.DocumentAttachmentId, p.PageNumber }).IsUnique();
        builder.Property(p => p.Text).IsRequired();
        builder.Property(p => p.FoldedText).IsRequired();
        builder.Property(p => p.CorrectedBy).HasMaxLength(256);
    }
}
