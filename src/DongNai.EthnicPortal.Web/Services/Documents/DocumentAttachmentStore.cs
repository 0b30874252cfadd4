using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Infrastructure;

namespace DongNai.EthnicPortal.Web.Services.Documents;

public sealed record AttachmentCheck(AttachmentFormat? Format, string? Error);

/// <summary>
/// Checks uploaded attachments and keeps them under generated names in the private documents folder
/// (never under wwwroot). A refused file leaves nothing behind.
/// </summary>
public sealed class DocumentAttachmentStore(StoragePaths storage)
{
    public const long MaxBytes = 30L * 1024 * 1024;

    /// <summary>
    /// The upload request limit: the file maximum plus 1 MB for the multipart envelope, so a file a little
    /// over 30 MB still gets the precise message; beyond that the Vietnamese 413 page answers before the body is read.
    /// It matches <c>client_max_body_size 31m</c> at the proxy (docs/operations.md).
    /// </summary>
    public const long MaxRequestBytes = MaxBytes + (1024 * 1024);

    private static readonly System.Buffers.SearchValues<char> ForbiddenNameCharacters = System.Buffers.SearchValues.Create("/\\:*?\"<>|");

    public static AttachmentCheck Check(string? fileName, byte[] content)
    {
        var name = fileName?.Trim() ?? "";
        if (name.Length == 0 || name.Length > 200 || name.StartsWith('.') || name.Contains("..", StringComparison.Ordinal)
            || name.IndexOfAny(ForbiddenNameCharacters) >= 0 || name.Any(char.IsControl))
        {
            return new(null, "Tên tệp không hợp lệ: tên không được chứa đường dẫn, dấu “..” hay các ký tự / \\ : * ? \" < > |, và dài tối đa 200 ký tự.");
        }

        if (content.Length == 0)
        {
            return new(null, $"Tệp “{name}” rỗng (0 byte).");
        }

        if (content.Length > MaxBytes)
        {
            return new(null, $"Tệp “{name}” có dung lượng {FileSizes.Format(content.Length)}, vượt quá giới hạn 30 MB.");
        }

        var format = AttachmentFormats.Detect(content);
        if (format is null)
        {
            return new(null, $"Nội dung tệp “{name}” không thuộc định dạng được chấp nhận (PDF, Word, Excel, PowerPoint, OpenDocument, TXT, RTF, ZIP, JPEG, PNG, WebP, GIF).");
        }

        // An office file may quote markup, but an image gets the media library's checks: it decodes, within the
        // pixel bound, and carries no markup (a GIF that is also a script, a tiny PNG that declares a huge canvas).
        if (format.ContentType.StartsWith("image/", StringComparison.Ordinal))
        {
            using var image = Media.ImageContent.Decode(content, name);
            if (image.Error is { } imageError)
            {
                return new(null, imageError);
            }
        }

        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (!format.Extensions.Contains(extension))
        {
            return new(null, $"Phần mở rộng của tệp “{name}” không khớp với nội dung thực của tệp ({format.Name}, phần mở rộng đúng là {format.Extension}).");
        }

        return new(format, null);
    }

    /// <summary>Writes a checked file under a fresh generated name and returns what the row that refers to it records.</summary>
    public async Task<StoredUpload> WriteAsync(string originalName, byte[] content, AttachmentFormat format, DateTime now, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(storage.Documents);
        var storedName = $"{Guid.NewGuid():N}{format.Extension}";
        await Data.Storage.AtomicFile.WriteAllBytesAsync(Path.Combine(storage.Documents, storedName), content, cancellationToken);
        return new StoredUpload(originalName.Trim(), format.ContentType, content.Length, $"documents/{storedName}", now);
    }

    /// <summary>The absolute path of a stored attachment, or null when the stored path would lead outside the documents folder.</summary>
    public string? Resolve(string storedPath)
    {
        var root = Path.GetFullPath(storage.Documents) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(storage.Uploads, storedPath));
        return full.StartsWith(root, StringComparison.Ordinal) ? full : null;
    }

    public void Delete(string storedPath)
    {
        if (Resolve(storedPath) is { } path && File.Exists(path))
        {
            File.Delete(path);
        }
    }
}

public static class FileSizes
{
    private static readonly System.Globalization.CultureInfo Vietnamese = new("vi-VN");

    /// <summary>"39,2 KB", "1,5 MB", "512 byte": Vietnamese decimal comma, binary units.</summary>
    public static string Format(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} byte",
        < 1024 * 1024 => (bytes / 1024d).ToString("0.#", Vietnamese) + " KB",
        _ => (bytes / (1024d * 1024)).ToString("0.#", Vietnamese) + " MB",
    };
}
