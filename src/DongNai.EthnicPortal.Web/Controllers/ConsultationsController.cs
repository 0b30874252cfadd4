using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Models;
using DongNai.EthnicPortal.Web.Services.Consultations;
using DongNai.EthnicPortal.Web.Services.Documents;
using DongNai.EthnicPortal.Web.Services.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DongNai.EthnicPortal.Web.Controllers;

/// <summary>
/// Lấy ý kiến dự thảo: the list, one draft with its comment form, the comment endpoint and the draft files.
/// The page of an open draft is not output-cached: its form carries a fresh sealed timestamp (the
/// minimum-time check) and so it carries the ordinary antiforgery token too (see docs/architecture.md).
/// </summary>
public sealed class ConsultationsController(
    PortalDbContext db,
    CommentSubmissions submissions,
    FormStamp stamps,
    DocumentAttachmentStore store,
    IOptions<ConsultationSettings> settings,
    TimeProvider time) : Controller
{
    public const string NotOpenYetMessage = "Dự thảo chưa đến thời gian lấy ý kiến, nên góp ý chưa được nhận.";
    public const string ClosedMessage = "Đã hết thời gian lấy ý kiến đối với dự thảo này, nên góp ý của bạn không được nhận. Nội dung bạn đã viết được giữ lại dưới đây để bạn sao chép, gửi cho cơ quan soạn thảo theo cách khác nếu cần.";
    public const string SpamMessage = "Không thể nhận góp ý này. Nếu bạn là người gửi, vui lòng tải lại trang, điền lại biểu mẫu rồi gửi.";
    public const string TooFastMessage = "Góp ý được gửi quá nhanh sau khi tải trang. Vui lòng kiểm tra lại nội dung rồi bấm “Gửi góp ý” một lần nữa.";

    [HttpGet(ConsultationUrls.Index)]
    [OutputCache(PolicyName = CachePolicies.PublicPage, Tags = [CacheTags.Consultations])]
    public async Task<IActionResult> Index(int trang = 1, CancellationToken cancellationToken = default)
    {
        return View(await ConsultationListQuery.LoadAsync(db, trang, time.GetUtcNow().UtcDateTime, cancellationToken));
    }

    [HttpGet("/lay-y-kien/{id:int}/{slug?}")]
    [OutputCache(PolicyName = CachePolicies.PublicPage, Tags = [CacheTags.Consultations])]
    public async Task<IActionResult> Show(int id, string? slug, [FromQuery(Name = "phan")] int? part, CancellationToken cancellationToken)
    {
        var model = await LoadAsync(id, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        if (slug != model.Slug)
        {
            return RedirectPermanent(model.Url);
        }

        HttpContext.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(CacheTags.Consultation(id));
        if (part is { } chosen && model.Articles.Any(a => a.Number == chosen))
        {
            model.Form.Part = chosen;
        }

        return ShowPage(model);
    }

    [HttpPost("/lay-y-kien/{id:int}/gop-y")]
    [EnableRateLimiting(RateLimitPolicies.Comment)]
    public async Task<IActionResult> Comment(int id, CommentForm form, [FromForm(Name = "dau_thoi_gian")] string? stamp, [FromForm(Name = CommentForm.HoneypotField)] string? honeypot, CancellationToken cancellationToken)
    {
        var model = await LoadAsync(id, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        if (RefusalBeforeSubmit(model, form, stamp, honeypot) is { } refusal)
        {
            return refusal;
        }

        var result = await submissions.SubmitAsync(id, form.ToInput(), HttpContext.Connection.RemoteIpAddress, cancellationToken);
        return result.Outcome switch
        {
            CommentOutcome.Accepted => View("Receipt", new CommentReceiptModel(model.Title, model.Url, result.ReceiptCode!, DraftText.PartLabel(form.Part, model.Articles))),
            CommentOutcome.NotFound => NotFound(),
            CommentOutcome.NotOpenYet => Refused(model, form, StatusCodes.Status409Conflict, NotOpenYetMessage),
            CommentOutcome.Closed => Refused(model, form, StatusCodes.Status409Conflict, ClosedMessage),
            _ => Refused(model, form, StatusCodes.Status429TooManyRequests, IpLimitMessage(submissions.MaxCommentsPerIpPerDay)),
        };
    }

    /// <summary>The page that refuses a comment before it reaches the store (a bot, a draft not open, invalid fields, sent too fast), or null.</summary>
    private ViewResult? RefusalBeforeSubmit(ConsultationPageModel model, CommentForm form, string? stamp, string? honeypot)
    {
        if (!string.IsNullOrEmpty(honeypot) || stamps.Elapsed(stamp, model.Id) is not { } elapsed)
        {
            return Refused(model, form, StatusCodes.Status400BadRequest, SpamMessage);
        }

        var errors = form.Validate(model.Articles);
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError($"{nameof(model.Form)}.{field}", message);
        }

        if (model.Stage is not ConsultationStage.Open)
        {
            return Refused(model, form, StatusCodes.Status409Conflict, model.Stage is ConsultationStage.Scheduled ? NotOpenYetMessage : ClosedMessage);
        }

        if (errors.Count == 0 && elapsed >= TimeSpan.FromSeconds(settings.Value.MinSecondsBeforeSubmit))
        {
            return null;
        }

        if (errors.Count == 0)
        {
            ModelState.AddModelError("", TooFastMessage);
        }

        model.Form = form;
        return ShowPage(model, StatusCodes.Status400BadRequest);
    }

    public static string IpLimitMessage(int limit) =>
        $"Hôm nay đã có {limit} góp ý cho dự thảo này từ địa chỉ mạng của bạn, mức tối đa cho phép. Vui lòng gửi tiếp vào ngày mai; nội dung bạn đã viết được giữ lại dưới đây.";

    [HttpGet("/lay-y-kien/tep/{id:int}")]
    public async Task<IActionResult> File(int id, CancellationToken cancellationToken)
    {
        var file = await db.ConsultationFiles.AsNoTracking()
            .Where(f => f.Id == id && f.Consultation.IsPublished)
            .Select(f => new { f.FileName, f.ContentType, f.StoredPath })
            .FirstOrDefaultAsync(cancellationToken);
        return file is null ? NotFound() : AttachmentsController.StoredFile(this, store, file.StoredPath, file.FileName, file.ContentType);
    }

    private ViewResult ShowPage(ConsultationPageModel model, int statusCode = StatusCodes.Status200OK)
    {
        if (model.Stage == ConsultationStage.Open)
        {
            // The form's stamp and antiforgery token belong to this reader alone.
            if (HttpContext.Features.Get<IOutputCacheFeature>()?.Context is { } cache)
            {
                cache.AllowCacheStorage = false;
            }

            model.FormStamp = stamps.Issue(model.Id);
        }

        var view = View("Show", model);
        view.StatusCode = statusCode;
        return view;
    }

    private ViewResult Refused(ConsultationPageModel model, CommentForm form, int statusCode, string message)
    {
        model.RefusedText = form.Text;
        model.RefusedMessage = message;
        model.Form = form;
        return ShowPage(model, statusCode);
    }

    private async Task<ConsultationPageModel?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var consultation = await db.Consultations.AsNoTracking()
            .Where(c => c.Id == id && c.IsPublished)
            .Select(c => new
            {
                c.Id,
                c.Title,
                c.Slug,
                c.DraftingUnit,
                c.Summary,
                c.DraftText,
                c.OpensAt,
                c.ClosesAt,
                c.ConcludedAt,
                c.OutcomeText,
                c.PublishComments,
                Result = c.ResultDocument != null && c.ResultDocument.IsPublished
                    ? new { c.ResultDocument.Id, c.ResultDocument.Slug, c.ResultDocument.NumberAndSymbol, Type = c.ResultDocument.DocumentType.Name }
                    : null,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (consultation is null)
        {
            return null;
        }

        var files = await db.ConsultationFiles.AsNoTracking()
            .Where(f => f.ConsultationId == id)
            .OrderBy(f => f.Id)
            .Select(f => new { f.Kind, Link = new ConsultationFileLink(f.Id, f.FileName, f.ContentType, f.SizeBytes) })
            .ToListAsync(cancellationToken);
        var articles = DraftText.Articles(consultation.DraftText);

        // Published comments show the organisation (or "Cá nhân") and the text: never a name or contact detail.
        var comments = consultation.PublishComments
            ? (await db.ConsultationComments.AsNoTracking()
                .Where(c => c.ConsultationId == id && c.Status == ConsultationCommentStatus.Approved)
                .OrderBy(c => c.Id)
                .Select(c => new { c.Organisation, c.ArticleNumber, c.Text, c.ResponseKind, c.ResponseText })
                .ToListAsync(cancellationToken))
                .Select(c => new PublishedComment(string.IsNullOrWhiteSpace(c.Organisation) ? "Cá nhân" : c.Organisation, DraftText.PartLabel(c.ArticleNumber, articles), c.Text, SynthesisTable.Response(c.ResponseKind, c.ResponseText)))
                .ToList()
            : [];

        return new ConsultationPageModel
        {
            Id = consultation.Id,
            Title = consultation.Title,
            Slug = consultation.Slug,
            DraftingUnit = consultation.DraftingUnit,
            Summary = consultation.Summary,
            OpensAt = consultation.OpensAt,
            ClosesAt = consultation.ClosesAt,
            Stage = ConsultationLifecycle.StageAt(true, consultation.OpensAt, consultation.ClosesAt, consultation.ConcludedAt, now),
            Now = now,
            Draft = DraftText.Parse(consultation.DraftText),
            Articles = articles,
            DraftFiles = files.Where(f => f.Kind == ConsultationFileKind.Draft).Select(f => f.Link).ToList(),
            ReportFiles = files.Where(f => f.Kind == ConsultationFileKind.Report).Select(f => f.Link).ToList(),
            Comments = comments,
            OutcomeText = consultation.ConcludedAt is null ? null : consultation.OutcomeText,
            ResultDocument = consultation.Result is { } result
                ? new ResultDocumentLink(PortalUrls.Document(result.Id, result.Slug), $"{result.Type} số {result.NumberAndSymbol}")
                : null,
        };
    }
}
