using System.Globalization;
using System.Text;
using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Web.Services.Documents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Controllers;

/// <summary>
/// Serves the files attached to published documents. PDFs open in the browser, everything else
/// downloads; the original Vietnamese name travels in an RFC 5987 filename* with an ASCII fallback.
/// </summary>
public sealed class AttachmentsController(PortalDbContext db, DocumentAttachmentStore store) : Controller
{
    [HttpGet("/van-ban/tep/{id:int}")]
    public async Task<IActionResult> Download(int id, CancellationToken cancellationToken)
    {
        var attachment = await db.DocumentAttachments.AsNoTracking()
            .Where(a => a.Id == id && a.OfficialDocument.IsPublished)
            .Select(a => new { a.FileName, a.ContentType, a.StoredPath })
            .FirstOrDefaultAsync(cancellationToken);
        return attachment is null ? NotFound() : StoredFile(this, store, attachment.StoredPath, attachment.FileName, attachment.ContentType);
    }

    /// <summary>Serves a checked upload from the private documents folder: PDFs inline, the rest as downloads.</summary>
    public static IActionResult StoredFile(ControllerBase controller, DocumentAttachmentStore store, string storedPath, string fileName, string contentType)
    {
        if (store.Resolve(storedPath) is not { } path || !System.IO.File.Exists(path))
        {
            return controller.NotFound();
        }

        var headers = controller.Response.Headers;
        headers.ContentDisposition = ContentDisposition(contentType == AttachmentFormats.Pdf.ContentType ? "inline" : "attachment", fileName);
        headers.XContentTypeOptions = "nosniff";
        // Short, so that a file withdrawn from the site stops being served by shared caches soon.
        headers.CacheControl = "public, max-age=300";
        return controller.PhysicalFile(path, contentType, enableRangeProcessing: true);
    }

    public static string ContentDisposition(string disposition, string fileName) =>
        $"{disposition}; filename=\"{AsciiFallback(fileName)}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";

    /// <summary>"Công văn 9478.pdf" becomes "Cong van 9478.pdf" for clients that ignore filename*.</summary>
    public static string AsciiFallback(string fileName)
    {
        var builder = new StringBuilder(fileName.Length);
        foreach (var character in fileName.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(character switch
            {
                'đ' => 'd',
                'Đ' => 'D',
                '"' or '\\' => '_',
                _ when character is < ' ' or > '~' => '_',
                _ => character,
            });
        }

        return builder.ToString();
    }
}
