namespace DongNai.EthnicPortal.Data.Entities;

/// <summary>
/// A draft document put out for public comment (lấy ý kiến dự thảo). Its stage (draft, scheduled,
/// open, closed, concluded) is derived from <see cref="IsPublished"/>, the dates and <see cref="ConcludedAt"/>.
/// </summary>
public class Consultation : IVersioned
{
    public int Id { get; set; }

    public string Title { get; set; } = "";

    public string Slug { get; set; } = "";

    /// <summary>Cơ quan chủ trì soạn thảo, e.g. "Ban Dân tộc tỉnh Đồng Nai".</summary>
    public string DraftingUnit { get; set; } = "";

    public string Summary { get; set; } = "";

    /// <summary>The draft's plain text as an editor pasted or imported it; "Điều N." lines start articles.</summary>
    public string? DraftText { get; set; }

    /// <summary>Comments are accepted from this instant (inclusive)...</summary>
    public DateTime OpensAt { get; set; }

    /// <summary>...until this instant (exclusive).</summary>
    public DateTime ClosesAt { get; set; }

    /// <summary>An unpublished consultation is a draft that only staff see.</summary>
    public bool IsPublished { get; set; }

    /// <summary>Whether approved comments are shown on the public page (organisation and text only).</summary>
    public bool PublishComments { get; set; }

    /// <summary>Set by the editor's "concluded" step; the retention period of contact details runs from here.</summary>
    public DateTime? ConcludedAt { get; set; }

    /// <summary>The outcome shown once concluded: the synthesis of comments and what follows.</summary>
    public string? OutcomeText { get; set; }

    /// <summary>The document issued as a result, in the registry.</summary>
    public int? ResultDocumentId { get; set; }

    public OfficialDocument? ResultDocument { get; set; }

    /// <summary>When the commenters' names and contact details were erased at the end of the retention period.</summary>
    public DateTime? ContactsErasedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Guid Version { get; set; }

    public List<ConsultationFile> Files { get; set; } = [];

    public List<ConsultationComment> Comments { get; set; } = [];
}

public enum ConsultationFileKind
{
    /// <summary>The draft itself (PDF, DOCX) and its annexes.</summary>
    Draft = 0,

    /// <summary>The synthesis report published with the outcome.</summary>
    Report = 1,
}

/// <summary>A file of a consultation, kept like a document attachment under a generated name.</summary>
public class ConsultationFile : IStoredFile
{
    public int Id { get; set; }

    public int ConsultationId { get; set; }

    public Consultation Consultation { get; set; } = null!;

    public ConsultationFileKind Kind { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long SizeBytes { get; set; }

    public string StoredPath { get; set; } = "";

    public DateTime UploadedAt { get; set; }
}
