using System.Globalization;
using System.Text;

namespace DongNai.EthnicPortal.Web.Services.Documents.Extraction;

/// <summary>
/// The plain text of an RTF file: groups that are not text (font and colour tables, pictures, \* destinations)
/// are skipped, \par and \line become line breaks, \uN is a Unicode letter (Word writes Vietnamese so)
/// and \'hh a byte of the file's ANSI code page.
/// </summary>
public static class RtfText
{
    private static readonly HashSet<string> SkippedDestinations = new(StringComparer.Ordinal)
    {
        "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "header", "footer", "headerl", "headerr", "footerl", "footerr", "themedata", "colorschememapping", "datastore", "latentstyles", "listtable", "listoverridetable", "rsidtbl", "generator", "xmlnstbl", "mmathPr",
    };

    static RtfText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <param name="rtf">The file read as Latin-1, so each byte is one char.</param>
    public static string Read(string rtf)
    {
        var text = new StringBuilder();
        var ansi = new List<byte>();
        var encoding = Encoding.GetEncoding(1252);
        var skipDepth = new Stack<bool>();
        var skipping = false;
        var unicodeSkip = 1;
        var pendingSkip = 0;
        var i = 0;

        void FlushAnsi()
        {
            if (ansi.Count > 0)
            {
                text.Append(encoding.GetString([.. ansi]));
                ansi.Clear();
            }
        }

        while (i < rtf.Length)
        {
            var c = rtf[i];
            if (c == '{')
            {
                FlushAnsi();
                skipDepth.Push(skipping);
                i++;
                if (i + 1 < rtf.Length && rtf[i] == '\\' && rtf[i + 1] == '*')
                {
                    skipping = true;
                }

                continue;
            }

            if (c == '}')
            {
                FlushAnsi();
                skipping = skipDepth.Count > 0 && skipDepth.Pop();
                i++;
                continue;
            }

            if (c == '\\' && i + 1 < rtf.Length)
            {
                var next = rtf[i + 1];
                if (next == '\'' && i + 3 < rtf.Length)
                {
                    if (pendingSkip > 0)
                    {
                        pendingSkip--;
                    }
                    else if (!skipping && byte.TryParse(rtf.AsSpan(i + 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value))
                    {
                        ansi.Add(value);
                    }

                    i += 4;
                    continue;
                }

                if (!char.IsAsciiLetter(next))
                {
                    FlushAnsi();
                    if (!skipping && next is '\\' or '{' or '}')
                    {
                        text.Append(next);
                    }
                    else if (!skipping && next == '~')
                    {
                        text.Append(' ');
                    }

                    i += 2;
                    continue;
                }

                var start = i + 1;
                var end = start;
                while (end < rtf.Length && char.IsAsciiLetter(rtf[end]))
                {
                    end++;
                }

                var word = rtf[start..end];
                var numberStart = end;
                if (end < rtf.Length && rtf[end] == '-')
                {
                    end++;
                }

                while (end < rtf.Length && char.IsAsciiDigit(rtf[end]))
                {
                    end++;
                }

                int? parameter = end > numberStart && int.TryParse(rtf.AsSpan(numberStart, end - numberStart), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var p) ? p : null;
                if (end < rtf.Length && rtf[end] == ' ')
                {
                    end++;
                }

                i = end;
                FlushAnsi();
                if (SkippedDestinations.Contains(word))
                {
                    skipping = true;
                    continue;
                }

                if (skipping)
                {
                    continue;
                }

                switch (word)
                {
                    case "par" or "line" or "sect" or "page" or "row":
                        text.Append('\n');
                        break;
                    case "tab" or "cell":
                        text.Append(' ');
                        break;
                    case "ansicpg" when parameter is { } codePage:
                        encoding = CodePage(codePage);
                        break;
                    case "uc" when parameter is { } count:
                        unicodeSkip = Math.Max(0, count);
                        break;
                    case "u" when parameter is { } code:
                        text.Append((char)(code < 0 ? code + 65536 : code));
                        pendingSkip = unicodeSkip;
                        break;
                }

                continue;
            }

            i++;
            if (c is '\r' or '\n')
            {
                continue;
            }

            if (pendingSkip > 0)
            {
                pendingSkip--;
                continue;
            }

            if (!skipping)
            {
                ansi.Add((byte)c);
            }
        }

        FlushAnsi();
        return text.ToString();
    }

    private static Encoding CodePage(int codePage)
    {
        try
        {
            return Encoding.GetEncoding(codePage);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException)
        {
            return Encoding.GetEncoding(1252);
        }
    }
}
