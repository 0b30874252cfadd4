using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;

namespace DongNai.EthnicPortal.Web.Services.Documents;

/// <summary>A file an editor uploaded, checked by content and written to the private documents folder.</summary>
public sealed record StoredUpload(string FileName, string ContentType, long SizeBytes, string StoredPath, DateTime UploadedAt)
{
    /// <summary>What the audit log records of an upload: "name (content type, size byte)".</summary>
    public string AuditDetail => $"{FileName} ({ContentType}, {SizeBytes} byte)";

    /// <summary>Points a new or existing row at this file.</summary>
    public T ApplyTo<T>(T row)
        where T : IStoredFile
    {
        row.FileName = FileName;
        row.ContentType = ContentType;
        row.SizeBytes = SizeBytes;
        row.StoredPath = StoredPath;
        row.UploadedAt = UploadedAt;
        return row;
    }
}

/// <summary>The stored file, or (Stored null) why the upload was refused, in Vietnamese for the editor.</summary>
public sealed record UploadOutcome(StoredUpload? Stored, string Error = "");

/// <summary>
/// Stores an uploaded registry or consultation file: present, within 30 MB, its content of an accepted
/// format that matches its extension (<see cref="DocumentAttachmentStore.Check"/>), its name in NFC;
/// and keeps the stored files and the rows that refer to them in step.
/// </summary>
public sealed class DocumentUploads(DocumentAttachmentStore store, TimeProvider time)
{
    public async Task<UploadOutcome> StoreAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return new(null, "Vui lòng chọn một tệp để đính kèm.");
        }

        if (file.Length > DocumentAttachmentStore.MaxBytes)
        {
            return new(null, $"Tệp “{file.FileName}” có dung lượng {FileSizes.Format(file.Length)}, vượt quá giới hạn 30 MB.");
        }

        var content = await ReadAsync(file, cancellationToken);
        var check = DocumentAttachmentStore.Check(file.FileName, content);
        if (check.Format is not { } format)
        {
            return new(null, $"Không thể đính kèm: {check.Error}");
        }

        return new(await store.WriteAsync(VietnameseText.ToNfc(file.FileName), content, format, time.GetUtcNow().UtcDateTime, cancellationToken));
    }

    /// <summary>Saves the rows that refer to a just-stored file; if the save fails, the file goes too, since nothing may stay on disk for a row that was never saved.</summary>
    public async Task SaveReferringRowsAsync(PortalDbContext db, StoredUpload stored, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            store.Delete(stored.StoredPath);
            throw;
        }
    }

    /// <summary>Removes a row and then its stored file: the file goes only once the row is gone, so no saved row ever points at a missing file.</summary>
    public async Task RemoveAsync<T>(PortalDbContext db, T row, CancellationToken cancellationToken)
        where T : class, IStoredFile
    {
        db.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
        store.Delete(row.StoredPath);
    }

    private static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        await using var stream = file.OpenReadStream();
        using var buffer = new MemoryStream((int)file.Length);
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
