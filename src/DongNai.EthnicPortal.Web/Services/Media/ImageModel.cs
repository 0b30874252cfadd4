namespace DongNai.EthnicPortal.Web.Services.Media;

/// <summary>An image as a view renders it: URL, responsive variants and intrinsic size.</summary>
public sealed record ImageModel(string Url, string? SrcSet, int Width, int Height, string Alt);
