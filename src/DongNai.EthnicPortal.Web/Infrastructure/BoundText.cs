using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.Extensions.Primitives;

namespace DongNai.EthnicPortal.Web.Infrastructure;

/// <summary>
/// What every bound string goes through before validation and storage: C0 control characters other
/// than tab, newline and the CR of a CRLF are removed (PostgreSQL refuses U+0000 in text, XML feeds
/// cannot carry them, and no person types them), and the text is composed to NFC.
/// </summary>
public static class BoundText
{
    public static string Clean(string value)
    {
        var clean = HasControlCharacters(value) ? StripControls(value) : value;
        return clean.IsNormalized(NormalizationForm.FormC) ? clean : clean.Normalize(NormalizationForm.FormC);
    }

    private static bool HasControlCharacters(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] < ' ' && !IsKept(value, i))
            {
                return true;
            }
        }

        return false;
    }

    private static string StripControls(string value)
    {
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] >= ' ' || IsKept(value, i))
            {
                text.Append(value[i]);
            }
        }

        return text.ToString();
    }

    private static bool IsKept(string value, int index) => value[index] switch
    {
        '\t' or '\n' => true,
        '\r' => index + 1 < value.Length && value[index + 1] == '\n',
        _ => false,
    };
}

/// <summary>Puts <see cref="BoundText.Clean"/> in front of every string MVC binds, from forms, queries and routes alike.</summary>
public sealed class BoundTextModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(string) && context.BindingInfo.BindingSource?.CanAcceptDataFrom(BindingSource.Body) != true
            ? new BoundTextModelBinder(new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>()))
            : null;

    private sealed class BoundTextModelBinder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            await inner.BindModelAsync(bindingContext);
            if (bindingContext.Result is { IsModelSet: true, Model: string value })
            {
                var clean = BoundText.Clean(value);
                if (!ReferenceEquals(clean, value))
                {
                    // The same rule SimpleTypeModelBinder applies: a value that is now blank counts as absent.
                    var model = bindingContext.ModelMetadata.ConvertEmptyStringToNull && string.IsNullOrWhiteSpace(clean) ? null : clean;
                    bindingContext.Result = ModelBindingResult.Success(model);
                }
            }
        }
    }
}

/// <summary>
/// Reads URL-encoded forms with the stream reader, which decodes <c>%00</c>, instead of ASP.NET Core's
/// fast reader, which refuses the whole form ("The path contains null characters") and so loses an
/// editor's work to a bare 400. Every value is cleaned by <see cref="BoundText.Clean"/> on the way in.
/// </summary>
public static class CleanForms
{
    public static WebApplication UseCleanForms(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint() is not null && IsUrlEncodedForm(context.Request))
            {
                var limits = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<FormOptions>>().Value;
                using var reader = new Microsoft.AspNetCore.WebUtilities.FormReader(context.Request.Body)
                {
                    ValueCountLimit = limits.ValueCountLimit,
                    KeyLengthLimit = limits.KeyLengthLimit,
                    ValueLengthLimit = limits.ValueLengthLimit,
                };
                try
                {
                    var fields = await reader.ReadFormAsync(context.RequestAborted);
                    var clean = fields.ToDictionary(field => field.Key, field => new StringValues([.. field.Value.Select(value => value is null ? null : BoundText.Clean(value))]));
                    context.Features.Set<IFormFeature>(new FormFeature(new FormCollection(clean)));
                }
                catch (InvalidDataException exception)
                {
                    // Too many fields or a value past the limits: refused like any malformed request, and said why in the log.
                    context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CleanForms))
                        .LogWarning(exception, "Form of {Path} refused: {Reason}", context.Request.Path, exception.Message);
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
                    return;
                }
            }

            await next(context);
        });
        return app;
    }

    private static bool IsUrlEncodedForm(HttpRequest request) =>
        request.ContentType is { } type
        && type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
        && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method));
}
