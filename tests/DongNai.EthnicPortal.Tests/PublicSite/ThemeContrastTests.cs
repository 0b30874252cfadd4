using System.Globalization;
using System.Text.RegularExpressions;
using DongNai.EthnicPortal.Web.Infrastructure;

namespace DongNai.EthnicPortal.Tests.PublicSite;

/// <summary>Reads the theme colours from site.css and checks WCAG contrast for the pairs the stylesheet uses.</summary>
public sealed partial class ThemeContrastTests
{
    private static readonly string Css = File.ReadAllText(FindStylesheet());

    public static TheoryData<string> Themes() => new(SiteTheme.All.Select(theme => theme.Key));

    [Theory]
    [MemberData(nameof(Themes))]
    public void Every_theme_keeps_text_contrast_at_least_four_and_a_half(string key)
    {
        var colours = ThemeColours(key);
        AssertContrast(colours["--on-brand"], colours["--brand"], "text on the banner and widget titles");
        AssertContrast(colours["--on-brand"], colours["--brand-strong"], "menu text");
        AssertContrast("#ffffff", colours["--brand-dark"], "top bar and footer text");
        AssertContrast(colours["--link"], "#ffffff", "links on white");
        AssertContrast(colours["--link"], colours["--brand-tint"], "links on tinted blocks");
        AssertContrast(colours["--accent"], "#ffffff", "accent labels");
    }

    private static Dictionary<string, string> ThemeColours(string key)
    {
        var block = Regex.Match(Css, $"html\\.theme-{Regex.Escape(key)}\\s*\\{{([^}}]*)\\}}");
        Assert.True(block.Success, $"site.css has no block for theme {key}");
        return Declaration().Matches(block.Groups[1].Value).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
    }

    private static void AssertContrast(string foreground, string background, string what)
    {
        var ratio = Contrast(foreground, background);
        Assert.True(ratio >= 4.5, $"{what}: {foreground} on {background} is {ratio:0.00}:1");
    }

    private static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        hex = hex.TrimStart('#');
        if (hex.Length == 3)
        {
            hex = string.Concat(hex.Select(c => new string(c, 2)));
        }

        double Channel(int offset)
        {
            var value = int.Parse(hex.AsSpan(offset, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return value <= 0.03928 ? value / 12.92 : Math.Pow((value + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(0)) + (0.7152 * Channel(2)) + (0.0722 * Channel(4));
    }

    private static string FindStylesheet()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "src", "DongNai.EthnicPortal.Web", "wwwroot", "css", "site.css");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("site.css not found above the test output folder.");
    }

    [GeneratedRegex("(--[a-z-]+)\\s*:\\s*(#[0-9a-fA-F]{3,6})\\s*;")]
    private static partial Regex Declaration();
}
