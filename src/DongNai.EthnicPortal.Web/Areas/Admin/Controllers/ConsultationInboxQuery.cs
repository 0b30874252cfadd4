using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Areas.Admin.Models;
using DongNai.EthnicPortal.Web.Services.Consultations;
using DongNai.EthnicPortal.Web.Services.Lists;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Controllers;

/// <summary>The comment inbox of one consultation: filtered by part of the draft (<c>phan</c>) and state (<c>trang-thai</c>), in order of receipt.</summary>
public static class ConsultationInboxQuery
{
    public const int PageSize = 50;

    /// <summary>The inbox page, or null when there is no such consultation. Names are shown only when <paramref name="showNames"/> (editors).</summary>
    public static async Task<InboxModel?> LoadAsync(PortalDbContext db, int id, string? part, string? state, int page, bool showNames, CancellationToken cancellationToken)
    {
        var consultation = await db.Consultations.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Title, c.DraftText }).FirstOrDefaultAsync(cancellationToken);
        if (consultation is null)
        {
            return null;
        }

        var comments = ByState(ByPart(db.ConsultationComments.AsNoTracking().Where(c => c.ConsultationId == id), part), state);
        var (rows, slice) = await comments.OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Organisation, c.FullName, c.ArticleNumber, c.Text, c.SubmittedAt, c.Status, c.ResponseKind })
            .PageAsync(page, PageSize, cancellationToken);
        var items = rows.Select(c => new InboxRow(
            c.Id,
            ReceiptCodes.Format(c.Id, c.SubmittedAt),
            SynthesisTable.Commenter(c.Organisation, showNames ? c.FullName : ""),
            c.ArticleNumber is { } n ? $"Điều {n}" : DraftText.WholeDraftLabel,
            c.Text.Length > 200 ? c.Text[..200] + "…" : c.Text,
            c.SubmittedAt,
            c.Status,
            c.ResponseKind)).ToList();
        return new InboxModel(id, consultation.Title, DraftText.Articles(consultation.DraftText), part, state, items, slice.Number, slice.PageCount, slice.TotalCount);
    }

    private static IQueryable<ConsultationComment> ByPart(IQueryable<ConsultationComment> comments, string? part) => part switch
    {
        "toan-bo" => comments.Where(c => c.ArticleNumber == null),
        _ when int.TryParse(part, out var article) => comments.Where(c => c.ArticleNumber == article),
        _ => comments,
    };

    private static IQueryable<ConsultationComment> ByState(IQueryable<ConsultationComment> comments, string? state) => state switch
    {
        "chua-tra-loi" => comments.Where(c => c.Status != ConsultationCommentStatus.Spam && c.ResponseKind == ConsultationResponseKind.None),
        "tiep-thu" => comments.Where(c => c.ResponseKind == ConsultationResponseKind.Accepted),
        "giai-trinh" => comments.Where(c => c.ResponseKind == ConsultationResponseKind.Explained),
        "khong-tiep-thu" => comments.Where(c => c.ResponseKind == ConsultationResponseKind.Rejected),
        "cong-khai" => comments.Where(c => c.Status == ConsultationCommentStatus.Approved),
        "rac" => comments.Where(c => c.Status == ConsultationCommentStatus.Spam),
        _ => comments.Where(c => c.Status != ConsultationCommentStatus.Spam),
    };
}
