using DongNai.EthnicPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DongNai.EthnicPortal.Data.Configurations;

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> builder)
    {
        builder.Property(c => c.Title).HasMaxLength(500).IsRequired();
        builder.Property(c => c.Slug).HasMaxLength(300).IsRequired();
        builder.Property(c => c.DraftingUnit).HasMaxLength(300).IsRequired();
        builder.Property(c => c.Summary).HasMaxLength(2000).IsRequired();
        builder.Property(c => c.OutcomeText).HasMaxLength(20000);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne(c => c.ResultDocument).WithMany().HasForeignKey(c => c.ResultDocumentId).OnDelete(DeleteBehavior.SetNull);

        // The public list and the home block: published ones by their period.
        builder.HasIndex(c => new { c.IsPublished, c.ClosesAt });
        builder.HasIndex(c => new { c.IsPublished, c.OpensAt });
    }
}

internal sealed class ConsultationFileConfiguration : IEntityTypeConfiguration<ConsultationFile>
{
    public void Configure(EntityTypeBuilder<ConsultationFile> builder)
    {
        builder.Property(f => f.FileName).HasMaxLength(260).IsRequired();
        builder.Property(f => f.ContentType).HasMaxLength(200).IsRequired();
        builder.Property(f => f.StoredPath).HasMaxLength(300).IsRequired();
        builder.HasOne(f => f.Consultation).WithMany(c => c.Files).HasForeignKey(f => f.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.ConsultationId, f.Kind });
    }
}

internal sealed class ConsultationCommentConfiguration : IEntityTypeConfiguration<ConsultationComment>
{
    public void Configure(EntityTypeBuilder<ConsultationComment> builder)
    {
        builder.Property(c => c.FullName).HasMaxLength(200).IsRequired();
        builder.Property(c => c.Organisation).HasMaxLength(300);
        builder.Property(c => c.Email).HasMaxLength(254);
        builder.Property(c => c.Phone).HasMaxLength(30);
        builder.Property(c => c.Text).HasMaxLength(5000).IsRequired();
        builder.Property(c => c.IpHash).HasMaxLength(64).IsRequired();
        builder.Property(c => c.ResponseText).HasMaxLength(5000);
        builder.Property(c => c.RespondedById).HasMaxLength(450);
        builder.Property(c => c.RespondedByName).HasMaxLength(256);
        builder.HasOne(c => c.Consultation).WithMany(c => c.Comments).HasForeignKey(c => c.ConsultationId).OnDelete(DeleteBehavior.Cascade);

        // The inbox (by part and state) and the per-address daily cap.
        builder.HasIndex(c => new { c.ConsultationId, c.ArticleNumber, c.Id });
        builder.HasIndex(c => new { c.ConsultationId, c.IpHash, c.SubmittedOn });
    }
}
