namespace DongNai.EthnicPortal.Data.Entities;

public enum ValidityStatus
{
    NotYetInForce = 0,
    InForce = 1,
    Expired = 2,
}

public class OfficialDocument : IVersioned, IAdminSearchable
{
    public int Id { get; set; }

    public int DocumentTypeId { get; set; }

    public DocumentType DocumentType { get; set; } = null!;

    /// <summary>Số ký hiệu as printed, e.g. 9478/UBND-KGVX or 250-KL/TU.</summary>
    public string NumberAndSymbol { get; set; } = "";

    /// <summary>The leading number alone ("9478"), for lookups by number.</summary>
    public string Number { get; set; } = "";

    /// <summary>Upper-case, diacritic-folded, space-free symbol, for case-insensitive matching.</summary>
    public string NormalizedSymbol { get; set; } = "";

    public string Slug { get; set; } = "";

    public int IssuingBodyId { get; set; }

    public IssuingBody IssuingBody { get; set; } = null!;

    public int? FieldId { get; set; }

    public DocumentField? Field { get; set; }

    public string SignerName { get; set; } = "";

    public string? SignerTitle { get; set; }

    public DateOnly IssuedOn { get; set; }

    public DateOnly? EffectiveFrom { get; set; }

    public DateOnly? EffectiveUntil { get; set; }

    /// <summary>An editor's override of the status computed from the dates, e.g. when repealed.</summary>
    public ValidityStatus? ValidityOverride { get; set; }

    public string? ValidityNote { get; set; }

    public string Abstract { get; set; } = "";

    /// <summary>The folded abstract, what the admin search compares (see <see cref="IAdminSearchable"/>).</summary>
    public string AbstractFolded { get; set; } = "";

    public void RefreshFoldedColumns() => AbstractFolded = Text.VietnameseText.Fold(Abstract);

    public string? FullTextHtml { get; set; }

    public string? RenderedFullTextHtml { get; set; }

    public bool IsPublished { get; set; } = true;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Guid Version { get; set; }

    public List<DocumentAttachment> Attachments { get; set; } = [];

    public List<DocumentRelation> RelationsFrom { get; set; } = [];

    public List<DocumentRelation> RelationsTo { get; set; } = [];

    public List<ArticleDocumentCitation> CitedBy { get; set; } = [];
}

public class DocumentAttachment : IStoredFile
{
    public int Id { get; set; }

    public int OfficialDocumentId { get; set; }

    public OfficialDocument OfficialDocument { get; set; } = null!;

    /// <summary>The original file name, shown and offered on download.</summary>
    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long SizeBytes { get; set; }

    /// <summary>A generated name under the private upload folder; never derived from user input.</summary>
    public string StoredPath { get; set; } = "";

    public DateTime UploadedAt { get; set; }
}

public enum DocumentRelationKind
{
    Implements = 0,
    Replaces = 1,
    BasedOn = 2,
    Amends = 3,
    Guides = 4,
}

/// <summary>"From" stands in <see cref="Kind"/> to "To": a plan implements a conclusion.</summary>
public class DocumentRelation
{
    public int Id { get; set; }

    public int FromDocumentId { get; set; }

    public OfficialDocument FromDocument { get; set; } = null!;

    public int ToDocumentId { get; set; }

    public OfficialDocument ToDocument { get; set; } = null!;

    public DocumentRelationKind Kind { get; set; }
}
