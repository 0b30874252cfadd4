namespace DongNai.EthnicPortal.Data.Text;

/// <summary>Canonical forms of a document's number and symbol, shared by the registry, search and the linker.</summary>
public static class DocumentSymbol
{
    /// <summary>"9478/ubnd-kgvx " becomes "9478/UBND-KGVX": folded, upper-case, without spaces.</summary>
    public static string Normalize(string? numberAndSymbol)
    {
        var folded = VietnameseText.Fold(numberAndSymbol);
        var builder = new System.Text.StringBuilder(folded.Length);
        foreach (var character in folded)
        {
            if (!char.IsWhiteSpace(character))
            {
                builder.Append(char.ToUpperInvariant(character));
            }
        }

        return builder.ToString();
    }

    /// <summary>The leading number of a symbol: "9478" of "9478/UBND-KGVX", "250" of "250-KL/TU".</summary>
    public static string LeadingNumber(string? numberAndSymbol)
    {
        var text = (numberAndSymbol ?? "").TrimStart();
        var length = 0;
        while (length < text.Length && char.IsAsciiDigit(text[length]))
        {
            length++;
        }

        return text[..length];
    }
}
