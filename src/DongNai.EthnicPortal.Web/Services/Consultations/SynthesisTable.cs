using System.Text;
using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Services.Consultations;

public sealed record SynthesisRow(int Number, string ReceiptCode, string Commenter, string Part, string Comment, string Response);

public sealed record SynthesisGroup(string Part, IReadOnlyList<SynthesisRow> Rows);

/// <summary>
/// The "bảng tổng hợp, tiếp thu, giải trình ý kiến" of one consultation: every comment that is not
/// spam, grouped by the part of the draft it names (the whole draft first, then by article), numbered
/// through. Commenters appear by organisation, or by name when they gave none; never by contact details.
/// </summary>
public sealed record SynthesisTable(string Title, string DraftingUnit, DateTime OpensAt, DateTime ClosesAt, IReadOnlyList<SynthesisGroup> Groups)
{
    public static readonly string[] Headers = ["STT", "Tổ chức, cá nhân góp ý", "Điều khoản", "Nội dung góp ý", "Ý kiến tiếp thu, giải trình"];

    public int RowCount => Groups.Sum(g => g.Rows.Count);

    public static async Task<SynthesisTable?> LoadAsync(PortalDbContext db, int consultationId, CancellationToken cancellationToken)
    {
        var consultation = await db.Consultations.AsNoTracking()
            .Where(c => c.Id == consultationId)
            .Select(c => new { c.Title, c.DraftingUnit, c.OpensAt, c.ClosesAt, c.DraftText })
            .FirstOrDefaultAsync(cancellationToken);
        if (consultation is null)
        {
            return null;
        }

        var comments = await db.ConsultationComments.AsNoTracking()
            .Where(c => c.ConsultationId == consultationId && c.Status != ConsultationCommentStatus.Spam)
            .OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.SubmittedAt, c.FullName, c.Organisation, c.ArticleNumber, c.Text, c.ResponseKind, c.ResponseText })
            .ToListAsync(cancellationToken);

        var articles = DraftText.Articles(consultation.DraftText);
        var number = 0;
        var groups = comments
            .GroupBy(c => c.ArticleNumber)
            .OrderBy(g => g.Key is null ? 0 : 1).ThenBy(g => g.Key)
            .Select(g =>
            {
                var part = DraftText.PartLabel(g.Key, articles);
                var rows = g.Select(c => new SynthesisRow(
                    ++number,
                    ReceiptCodes.Format(c.Id, c.SubmittedAt),
                    Commenter(c.Organisation, c.FullName),
                    g.Key is { } article ? $"Điều {article}" : DraftText.WholeDraftLabel,
                    c.Text,
                    Response(c.ResponseKind, c.ResponseText))).ToList();
                return new SynthesisGroup(part, rows);
            })
            .ToList();
        return new SynthesisTable(consultation.Title, consultation.DraftingUnit, consultation.OpensAt, consultation.ClosesAt, groups);
    }

    public static string Commenter(string? organisation, string fullName) =>
        !string.IsNullOrWhiteSpace(organisation) ? organisation
        : !string.IsNullOrWhiteSpace(fullName) ? fullName
        : "Cá nhân";

    public static string Response(ConsultationResponseKind kind, string? text) => kind switch
    {
        ConsultationResponseKind.Accepted => Join("Tiếp thu.", text),
        ConsultationResponseKind.Explained => Join("Giải trình:", text),
        ConsultationResponseKind.Rejected => Join("Không tiếp thu. Lý do:", text),
        _ => "",
    };

    private static string Join(string label, string? text) => string.IsNullOrWhiteSpace(text) ? label : $"{label} {text}";

    /// <summary>Drops the characters XML 1.0 cannot carry, so no stored text can break an export.</summary>
    public static string XmlSafe(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var character = text[i];
            if (char.IsHighSurrogate(character) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(character).Append(text[++i]);
            }
            else if (System.Xml.XmlConvert.IsXmlChar(character))
            {
                builder.Append(character);
            }
        }

        return builder.ToString();
    }
}
