using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace DongNai.EthnicPortal.Web.Infrastructure;

/// <summary>
/// Marks an action whose form carries a rich-text body (article, page, document full text), so it gets
/// the larger <see cref="PortalOptions.RequestLimitOptions.RichTextFormBytes"/> instead of the plain-form limit.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false)]
public sealed class RichTextFormAttribute : Attribute;

/// <summary>
/// Fits the request body limit to the endpoint: the upload actions' own <c>[RequestSizeLimit]</c>, the
/// rich-text limit for <see cref="RichTextFormAttribute"/> actions, the small plain-form limit for the rest.
/// An oversized request is answered 413 (the Vietnamese error page) before any of it is read, so nothing
/// is bound, validated or written.
/// </summary>
public static class RequestSizeLimits
{
    /// <summary>The limit a refused request exceeded, for the 413 page to name.</summary>
    public const string LimitItemKey = "portal.request-size-limit";

    public static WebApplication UseRequestSizeLimits(this WebApplication app)
    {
        var limits = app.Services.GetRequiredService<IOptions<PortalOptions>>().Value.RequestLimits;
        app.Use(async (context, next) =>
        {
            // The error page re-runs the pipeline for the same request; it must render, not be refused again.
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null)
            {
                await next(context);
                return;
            }

            var limit = LimitFor(context.GetEndpoint(), limits);
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = limit;
            }

            if (context.Request.ContentLength > limit)
            {
                RefuseTooLarge(context, limit);
                return;
            }

            // A chunked body announces no length; it is counted as it is read, in Kestrel and under a test server alike.
            SizeLimitedBody? counted = null;
            if (limit is { } max && context.Request.ContentLength is null && CanHaveBody(context))
            {
                counted = new SizeLimitedBody(context.Request.Body, max);
                context.Request.Body = counted;
            }

            try
            {
                await next(context);
            }
            catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
            {
                RefuseTooLarge(context, limit);
                return;
            }

            // The antiforgery filter turns a failed form read into a bare 400; the real cause is the size.
            if (counted is { Exceeded: true } && !context.Response.HasStarted)
            {
                RefuseTooLarge(context, limit);
            }
        });
        return app;
    }

    private static bool CanHaveBody(HttpContext context) =>
        context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody
            ?? !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method));

    private static void RefuseTooLarge(HttpContext context, long? limit)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        context.Items[LimitItemKey] = limit;
        // The error page is rendered by re-running the pipeline for this request; it must find no body to read,
        // nor the failed form read cached from the first pass.
        context.Features.Set<IFormFeature>(null);
        context.Request.Body = Stream.Null;
        context.Request.ContentLength = 0;
    }

    /// <summary>The body limit of an endpoint in bytes; null when the endpoint disables the limit.</summary>
    public static long? LimitFor(Endpoint? endpoint, PortalOptions.RequestLimitOptions limits)
    {
        if (endpoint?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } explicitLimit)
        {
            return explicitLimit.MaxRequestBodySize;
        }

        return endpoint?.Metadata.GetMetadata<RichTextFormAttribute>() is not null ? limits.RichTextFormBytes : limits.FormBytes;
    }
}

/// <summary>A request body that fails like Kestrel's own limit once more than the allowed bytes arrive, and remembers it.</summary>
internal sealed class SizeLimitedBody(Stream inner, long limit) : Stream
{
    private long read;

    public bool Exceeded { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(() => inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return Counted(await inner.ReadAsync(buffer, cancellationToken));
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            Exceeded = true;
            throw;
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(Func<int> readInner)
    {
        try
        {
            return Counted(readInner());
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            Exceeded = true;
            throw;
        }
    }

    private int Counted(int bytes)
    {
        read += bytes;
        if (read > limit)
        {
            Exceeded = true;
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        }

        return bytes;
    }
}
