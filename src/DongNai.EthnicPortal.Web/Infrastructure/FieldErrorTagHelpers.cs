using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace DongNai.EthnicPortal.Web.Infrastructure;

/// <summary>
/// Ties a field's error message to the field for screen readers: a field bound with <c>asp-for</c>
/// that has an error gets <c>aria-invalid="true"</c> and <c>aria-describedby</c> pointing at its
/// <c>asp-validation-for</c> message, which <see cref="FieldErrorMessageTagHelper"/> gives the id.
/// Every form built with the tag helpers gets it, admin and public alike.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public sealed class FieldErrorAriaTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    // After the framework's own helpers, which write id and name.
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        if (ViewContext.ViewData.ModelState.GetFieldValidationState(name) != ModelValidationState.Invalid)
        {
            return;
        }

        var errorId = FieldErrorMessageTagHelper.ErrorId(name);
        output.Attributes.SetAttribute("aria-invalid", "true");
        var describedBy = output.Attributes.TryGetAttribute("aria-describedby", out var existing) ? existing.Value + " " + errorId : errorId;
        output.Attributes.SetAttribute("aria-describedby", describedBy);
    }
}

/// <summary>Gives a field's validation message the id that <see cref="FieldErrorAriaTagHelper"/> refers to.</summary>
[HtmlTargetElement("span", Attributes = "asp-validation-for")]
public sealed class FieldErrorMessageTagHelper : TagHelper
{
    [HtmlAttributeName("asp-validation-for")]
    public ModelExpression For { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override int Order => 1000;

    public static string ErrorId(string fullName) => TagBuilder.CreateSanitizedId(fullName, "_") + "-error";

    public override void Process(TagHelperContext context, TagHelperOutput output) =>
        output.Attributes.SetAttribute("id", ErrorId(ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name)));
}
