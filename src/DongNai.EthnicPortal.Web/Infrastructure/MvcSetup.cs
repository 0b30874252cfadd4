using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace DongNai.EthnicPortal.Web.Infrastructure;

public static class MvcSetup
{
    public static WebApplicationBuilder AddPortalMvc(this WebApplicationBuilder builder)
    {
        builder.Services.AddControllersWithViews(options =>
        {
            // Every unsafe method needs a valid antiforgery token unless an action explicitly opts out.
            options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
            // A save the database refuses gives the user their input back with the reason, never a 500.
            options.Filters.Add<SaveFailureFilter>();
            VietnameseBindingMessages.Apply(options.ModelBindingMessageProvider);
            // First, so no string reaches validation or storage with control characters or in decomposed form.
            options.ModelBinderProviders.Insert(0, new BoundTextModelBinderProvider());
            // Last, so it also sees the [Required] that MVC's own provider adds for non-nullable reference types.
            options.ModelMetadataDetailsProviders.Add(new VietnameseValidationMetadataProvider());
            options.Conventions.Add(new HeadForGetConvention());
        });
        builder.Services.AddSingleton<Microsoft.AspNetCore.Mvc.DataAnnotations.IValidationAttributeAdapterProvider, VietnameseValidationAttributeAdapterProvider>();
        // Vietnamese text stays readable (and smaller) in the HTML instead of becoming numeric entities.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddRouting(options =>
        {
            options.LowercaseUrls = true;
            options.AppendTrailingSlash = false;
        });

        var vietnamese = new CultureInfo("vi-VN");
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(vietnamese);
            options.SupportedCultures = [vietnamese];
            options.SupportedUICultures = [vietnamese];
            options.RequestCultureProviders.Clear();
        });
        return builder;
    }
}

internal static class VietnameseBindingMessages
{
    public static void Apply(Microsoft.AspNetCore.Mvc.ModelBinding.Metadata.DefaultModelBindingMessageProvider messages)
    {
        messages.SetValueIsInvalidAccessor(value => $"Giá trị “{value}” không hợp lệ.");
        messages.SetValueMustBeANumberAccessor(field => $"Trường {field} phải là một số.");
        messages.SetMissingBindRequiredValueAccessor(field => $"Thiếu giá trị cho trường {field}.");
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"Giá trị “{value}” không hợp lệ cho trường {field}.");
        messages.SetMissingKeyOrValueAccessor(() => "Thiếu giá trị bắt buộc.");
        messages.SetUnknownValueIsInvalidAccessor(field => $"Giá trị của trường {field} không hợp lệ.");
        messages.SetValueMustNotBeNullAccessor(value => $"Trường {value} không được để trống.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Giá trị “{value}” không hợp lệ.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Giá trị không hợp lệ.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Giá trị phải là một số.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Thiếu nội dung yêu cầu.");
    }
}
