using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.Extensions.Localization;

namespace DongNai.EthnicPortal.Web.Infrastructure;

/// <summary>
/// The Vietnamese default message of every data annotation that declares none, set once for the whole
/// app. It covers the attributes MVC adds by itself too: the implicit [Required] of non-nullable types,
/// which the client-side adapters create afresh and would otherwise render as "The Id field is required.".
/// </summary>
public static class VietnameseValidation
{
    public static void Apply(ValidationAttribute attribute)
    {
        if (attribute.ErrorMessage is not null || attribute.ErrorMessageResourceName is not null)
        {
            return;
        }

        attribute.ErrorMessage = attribute switch
        {
            RequiredAttribute => "Vui lòng nhập {0}.",
            StringLengthAttribute { MinimumLength: > 0 } => "{0} phải dài từ {2} đến {1} ký tự.",
            StringLengthAttribute or MaxLengthAttribute => "{0} chỉ được dài tối đa {1} ký tự.",
            MinLengthAttribute => "{0} phải dài ít nhất {1} ký tự.",
            RangeAttribute => "{0} phải nằm trong khoảng từ {1} đến {2}.",
            EmailAddressAttribute => "{0} không phải là địa chỉ email hợp lệ.",
            UrlAttribute => "{0} không phải là địa chỉ web hợp lệ.",
            PhoneAttribute => "{0} không phải là số điện thoại hợp lệ.",
            CompareAttribute => "{0} và {1} không khớp nhau.",
            RegularExpressionAttribute => "{0} không đúng định dạng.",
            _ => "{0} không hợp lệ.",
        };
    }
}

/// <summary>Server side: declared and implicit attributes in the model metadata get their Vietnamese default.</summary>
public sealed class VietnameseValidationMetadataProvider : IValidationMetadataProvider
{
    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        foreach (var attribute in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
        {
            VietnameseValidation.Apply(attribute);
        }
    }
}

/// <summary>Client side: the adapters that write the data-val-* attributes, including the implicit [Required] created per render.</summary>
public sealed class VietnameseValidationAttributeAdapterProvider : IValidationAttributeAdapterProvider
{
    private readonly ValidationAttributeAdapterProvider inner = new();

    public IAttributeAdapter? GetAttributeAdapter(ValidationAttribute attribute, IStringLocalizer? stringLocalizer)
    {
        VietnameseValidation.Apply(attribute);
        return inner.GetAttributeAdapter(attribute, stringLocalizer);
    }
}
