using AngleSharp.Dom;
using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace DongNai.EthnicPortal.Tests.Documents;

/// <summary>A shared app whose clock stands on 15/01/2026 (Vietnam): three seed plans have expired by then, the others are in force.</summary>
public sealed class DocumentsFixture : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 1, 15, 3, 0, 0, TimeSpan.Zero);

    public PortalFactory Factory { get; } = new() { Time = new FakeTimeProvider(Now) };

    public void Dispose() => Factory.Dispose();
}

internal static class DocumentsTestSupport
{
    /// <summary>The numbers and symbols of the registry list, in order.</summary>
    public static async Task<string[]> ListedSymbolsAsync(this HttpClient client, string url)
    {
        var page = await client.GetDocumentAsync(url);
        return page.QuerySelectorAll(".document-item-title a")
            .Select(a => a.TextContent[(a.TextContent.IndexOf(" số ", StringComparison.Ordinal) + 4)..])
            .ToArray();
    }

    public static async Task<(int Id, string Slug)> FindDocumentAsync(this PortalFactory factory, string symbol) =>
        await factory.WithDbAsync(async db =>
        {
            var document = await db.OfficialDocuments.Where(d => d.NumberAndSymbol == symbol).Select(d => new { d.Id, d.Slug }).SingleAsync();
            return (document.Id, document.Slug);
        });

    public static async Task<int> LookupIdAsync(this PortalFactory factory, Func<PortalDbContext, Task<int>> query) => await factory.WithDbAsync(query);

    public static Dictionary<string, string> Fields(IDocument page)
    {
        var list = page.QuerySelector("dl.document-fields")!;
        return list.QuerySelectorAll("dt").ToDictionary(dt => dt.TextContent.Trim(), dt => Normalize(dt.NextElementSibling!.TextContent));
    }

    public static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static OfficialDocument NewDocument(PortalDbContext db, string symbol, DateOnly issued, string type = "Công văn", string issuer = "Ban Dân tộc tỉnh Đồng Nai", string abstractText = "Văn bản thử nghiệm") => new()
    {
        NumberAndSymbol = symbol,
        Number = Data.Text.DocumentSymbol.LeadingNumber(symbol),
        NormalizedSymbol = Data.Text.DocumentSymbol.Normalize(symbol),
        Slug = Data.Text.VietnameseText.Slugify($"{type} {symbol} {abstractText}"),
        DocumentTypeId = db.DocumentTypes.Single(t => t.Name == type).Id,
        IssuingBodyId = db.IssuingBodies.Single(b => b.Name == issuer).Id,
        SignerName = "Người ký thử",
        IssuedOn = issued,
        Abstract = abstractText,
        CreatedAt = DateTime.UtcNow,
        UpdatedAt = DateTime.UtcNow,
    };
}
