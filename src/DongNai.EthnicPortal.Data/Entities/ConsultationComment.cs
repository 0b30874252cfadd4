namespace DongNai.EthnicPortal.Data.Entities;

public enum ConsultationCommentStatus
{
    /// <summary>Received, not yet reviewed for publication.</summary>
    New = 0,

    /// <summary>Approved: shown publicly (organisation and text only) when the consultation publishes comments.</summary>
    Approved = 1,

    Spam = 2,
}

/// <summary>The agency's answer in the synthesis table (bảng tổng hợp, tiếp thu, giải trình).</summary>
public enum ConsultationResponseKind
{
    None = 0,

    /// <summary>Tiếp thu: the draft is changed accordingly.</summary>
    Accepted = 1,

    /// <summary>Giải trình: the draft stays, and the agency explains why.</summary>
    Explained = 2,

    /// <summary>Không tiếp thu, with the reason.</summary>
    Rejected = 3,
}

/// <summary>
/// One comment on a draft. Name, e-mail and phone are personal data: only editors see them, and
/// they are erased a configured time after the consultation is concluded. The receipt code is
/// derived from the id ("GY-2026-00042"), so two comments can never share one.
/// </summary>
public class ConsultationComment
{
    public int Id { get; set; }

    public int ConsultationId { get; set; }

    public Consultation Consultation { get; set; } = null!;

    /// <summary>Empty once erased.</summary>
    public string FullName { get; set; } = "";

    public string? Organisation { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    /// <summary>The article ("Điều N") commented on; null for the whole draft.</summary>
    public int? ArticleNumber { get; set; }

    public string Text { get; set; } = "";

    public DateTime SubmittedAt { get; set; }

    /// <summary>When the commenter ticked the consent box for the processing of their personal data.</summary>
    public DateTime ConsentedAt { get; set; }

    /// <summary>Keyed hash of the client IP (never the address), for the per-address daily cap.</summary>
    public string IpHash { get; set; } = "";

    /// <summary>The Vietnam-local day of submission, for the per-address daily cap.</summary>
    public DateOnly SubmittedOn { get; set; }

    public ConsultationCommentStatus Status { get; set; }

    public ConsultationResponseKind ResponseKind { get; set; }

    public string? ResponseText { get; set; }

    public string? RespondedById { get; set; }

    public string? RespondedByName { get; set; }

    public DateTime? RespondedAt { get; set; }

    public DateTime? ContactErasedAt { get; set; }
}
