using DongNai.EthnicPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DongNai.EthnicPortal.Data.Configurations;

internal sealed class DocumentTypeConfiguration : IEntityTypeConfiguration<DocumentType>
{
    public void Configure(EntityTypeBuilder<DocumentType> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(100).IsRequired();
        builder.Property(t => t.Code).HasMaxLength(20).IsRequired();
        builder.HasIndex(t => t.Name).IsUnique();
    }
}

internal sealed class IssuingBodyConfiguration : IEntityTypeConfiguration<IssuingBody>
{
    public void Configure(EntityTypeBuilder<IssuingBody> builder)
    {
        builder.Property(b => b.Name).HasMaxLength(300).IsRequired();
        builder.HasIndex(b => b.Name).IsUnique();
    }
}

internal sealed class DocumentFieldConfiguration : IEntityTypeConfiguration<DocumentField>
{
    public void Configure(EntityTypeBuilder<DocumentField> builder)
    {
        builder.Property(f => f.Name).HasMaxLength(200).IsRequired();
        builder.HasIndex(f => f.Name).IsUnique();
    }
}

internal sealed class OfficialDocumentConfiguration : IEntityTypeConfiguration<OfficialDocument>
{
    public void Configure(EntityTypeBuilder<OfficialDocument> builder)
    {
        builder.Property(d => d.NumberAndSymbol).HasMaxLength(100).IsRequired();
        builder.Property(d => d.Number).HasMaxLength(20).IsRequired();
        builder.Property(d => d.NormalizedSymbol).HasMaxLength(100).IsRequired();
        builder.Property(d => d.Slug).HasMaxLength(300).IsRequired();
        builder.Property(d => d.SignerName).HasMaxLength(200).IsRequired();
        builder.Property(d => d.SignerTitle).HasMaxLength(200);
        builder.Property(d => d.ValidityNote).HasMaxLength(500);
        builder.Property(d => d.Abstract).HasMaxLength(2000).IsRequired();
        builder.Property(d => d.AbstractFolded).HasMaxLength(2000).IsRequired();
        builder.Property(d => d.Version).IsConcurrencyToken();

        builder.HasOne(d => d.DocumentType).WithMany().HasForeignKey(d => d.DocumentTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(d => d.IssuingBody).WithMany().HasForeignKey(d => d.IssuingBodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(d => d.Field).WithMany().HasForeignKey(d => d.FieldId).OnDelete(DeleteBehavior.SetNull);

        builder.HasIndex(d => new { d.IsPublished, d.IssuedOn });

        // The admin list: every document, newest first, a page at a time.
        builder.HasIndex(d => new { d.IssuedOn, d.Id });
        builder.HasIndex(d => d.NormalizedSymbol);
        builder.HasIndex(d => d.Number);
        builder.HasIndex(d => new { d.DocumentTypeId, d.IssuedOn });
        builder.HasIndex(d => new { d.IssuingBodyId, d.IssuedOn });
        builder.HasIndex(d => new { d.FieldId, d.IssuedOn });
    }
}

internal sealed class DocumentAttachmentConfiguration : IEntityTypeConfiguration<DocumentAttachment>
{
    public void Configure(EntityTypeBuilder<DocumentAttachment> builder)
    {
        builder.Property(a => a.FileName).HasMaxLength(260).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(a => a.StoredPath).HasMaxLength(300).IsRequired();
        builder.HasOne(a => a.OfficialDocument).WithMany(d => d.Attachments).HasForeignKey(a => a.OfficialDocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DocumentRelationConfiguration : IEntityTypeConfiguration<DocumentRelation>
{
    public void Configure(EntityTypeBuilder<DocumentRelation> builder)
    {
        builder.HasOne(r => r.FromDocument).WithMany(d => d.RelationsFrom).HasForeignKey(r => r.FromDocumentId).OnDelete(DeleteBehavior.Cascade);
        // SQL Server refuses two cascade paths into one table; the second side is cleaned up by the application.
        builder.HasOne(r => r.ToDocument).WithMany(d => d.RelationsTo).HasForeignKey(r => r.ToDocumentId).OnDelete(DeleteBehavior.ClientCascade);
        builder.HasIndex(r => new { r.FromDocumentId, r.ToDocumentId, r.Kind }).IsUnique();
        builder.HasIndex(r => r.ToDocumentId);
    }
}
