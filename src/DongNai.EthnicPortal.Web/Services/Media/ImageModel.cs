namespace DongNai.EthnicPortal.Web.Services.Media;

/// <summary>
/// An image as a view renders it: URL, responsive variants in the original format and in WebP (each null
/// when there are none) and intrinsic size.
/// </summary>
public sealed record ImageModel(string Url, string? SrcSet, string? WebpSrcSet, int Width, int Height, string Alt);
