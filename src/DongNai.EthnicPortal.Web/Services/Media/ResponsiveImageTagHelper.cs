using System.Net;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace DongNai.EthnicPortal.Web.Services.Media;

/// <summary>
/// <c>&lt;img portal-image="@image" sizes="…"&gt;</c>: writes the image's URL, intrinsic size and, only when
/// copies exist, its srcset and sizes (a sizes without a srcset is an error browsers ignore). With WebP
/// copies of a JPEG or PNG it wraps the image in a <c>&lt;picture&gt;</c> whose first source is WebP.
/// </summary>
[HtmlTargetElement("img", Attributes = ImageAttribute, TagStructure = TagStructure.WithoutEndTag)]
public sealed class ResponsiveImageTagHelper : TagHelper
{
    private const string ImageAttribute = "portal-image";

    [HtmlAttributeName(ImageAttribute)]
    public ImageModel Image { get; set; } = null!;

    /// <summary>The layout width the image takes, as a sizes attribute; written only beside a srcset.</summary>
    [HtmlAttributeName("sizes")]
    public string Sizes { get; set; } = "100vw";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.SetAttribute("src", Image.Url);
        if (Image.SrcSet is { } srcSet)
        {
            output.Attributes.SetAttribute("srcset", srcSet);
            output.Attributes.SetAttribute("sizes", Sizes);
        }

        output.Attributes.SetAttribute("width", Image.Width);
        output.Attributes.SetAttribute("height", Image.Height);
        if (Image.WebpSrcSet is { } webp)
        {
            output.PreElement.AppendHtml($"<picture><source type=\"{MediaUrls.WebpType}\" srcset=\"{WebUtility.HtmlEncode(webp)}\" sizes=\"{WebUtility.HtmlEncode(Sizes)}\">");
            output.PostElement.AppendHtml("</picture>");
        }
    }
}
