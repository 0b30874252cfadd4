namespace DongNai.EthnicPortal.Web.Areas.Admin.Models;

public sealed record MediaRow(int Id, string Url, string ThumbnailUrl, string AltText, string OriginalFileName, int Width, int Height, long SizeBytes, DateTime UploadedAt);

public sealed record MediaListView(IReadOnlyList<MediaRow> Items, int Page, int PageCount, string? Query, string? Error);

public sealed record MediaUsage(int ArticleId, string Title, bool AsCover);

public sealed record MediaDetailView(MediaRow Item, string? SrcSet, IReadOnlyList<MediaUsage> Usages);

public sealed record MediaPickerItem(int Id, string Url, string Thumbnail, string Alt, int Width, int Height);
