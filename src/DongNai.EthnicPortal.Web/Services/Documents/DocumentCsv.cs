using System.Globalization;
using System.Text;

namespace DongNai.EthnicPortal.Web.Services.Documents;

/// <summary>
/// The registry as CSV (RFC 4180): one row per document, the column names of the JSON fields.
/// Attachments and relations are joined into one cell each; the full text is left to the JSON form,
/// since a spreadsheet cell cannot hold a long document.
/// </summary>
public static class DocumentCsv
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "id", "url", "numberAndSymbol", "type", "issuer", "field", "signer", "signerTitle", "issuedOn", "effectiveFrom", "effectiveUntil",
        "validity", "validityLabel", "validityNote", "abstract", "attachments", "relations",
    ];

    public static void AppendHeader(StringBuilder csv) => AppendLine(csv, Columns);

    public static void AppendRow(StringBuilder csv, DocumentRecord d) => AppendLine(csv,
    [
        d.Id.ToString(CultureInfo.InvariantCulture),
        d.Url,
        d.NumberAndSymbol,
        d.Type,
        d.Issuer,
        d.Field,
        d.Signer,
        d.SignerTitle,
        Iso(d.IssuedOn),
        d.EffectiveFrom is { } from ? Iso(from) : null,
        d.EffectiveUntil is { } until ? Iso(until) : null,
        d.Validity,
        d.ValidityLabel,
        d.ValidityNote,
        d.Abstract,
        string.Join(" | ", d.Attachments.Select(a => a.Url)),
        string.Join(" | ", d.Relations.Select(r => $"{r.Relation} {r.NumberAndSymbol}")),
    ]);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void AppendLine(StringBuilder csv, IEnumerable<string?> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                csv.Append(',');
            }

            first = false;
            AppendCell(csv, cell ?? "");
        }

        csv.Append("\r\n");
    }

    private static void AppendCell(StringBuilder csv, string value)
    {
        // A leading = + @ would make a spreadsheet run the cell as a formula (CSV injection); a quote mark keeps it text.
        if (value.Length > 0 && value[0] is '=' or '+' or '@')
        {
            value = "'" + value;
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            csv.Append(value);
            return;
        }

        csv.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
