namespace DongNai.EthnicPortal.Data.Entities;

public class MediaFile : IAdminSearchable
{
    public int Id { get; set; }

    public string OriginalFileName { get; set; } = "";

    /// <summary>A generated base name; variants are stored as {StoredName}-{width}.{ext}.</summary>
    public string StoredName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long SizeBytes { get; set; }

    public int Width { get; set; }

    public int Height { get; set; }

    /// <summary>Comma-separated widths of the downscaled variants, e.g. "480,960".</summary>
    public string VariantWidths { get; set; } = "";

    /// <summary>
    /// Comma-separated widths of the WebP copies {StoredName}-{width}.webp, the full width included, e.g.
    /// "360,720,1200"; empty until the copies are made (a WebP original needs none: its variants are WebP).
    /// </summary>
    public string WebpWidths { get; set; } = "";

    public string AltText { get; set; } = "";

    /// <summary>Folded alt text and file name, what the admin search compares (see <see cref="IAdminSearchable"/>).</summary>
    public string AltTextFolded { get; set; } = "";

    public string FileNameFolded { get; set; } = "";

    public void RefreshFoldedColumns()
    {
        AltTextFolded = Text.VietnameseText.Fold(AltText);
        FileNameFolded = Text.VietnameseText.Fold(OriginalFileName);
    }

    public DateTime UploadedAt { get; set; }

    public string? UploadedById { get; set; }
}
