namespace DongNai.EthnicPortal.Web.Services.Accounts;

/// <summary>
/// A short Vietnamese name for the browser and system of a user agent ("Firefox trên Windows"), enough
/// for a person to recognise their own sessions; the full string is not shown.
/// </summary>
public static class DeviceNames
{
    // Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari", Android also says "Linux".
    private static readonly (string Token, string Name)[] Browsers =
    [
        ("Edg/", "Edge"), ("OPR/", "Opera"), ("CocCoc", "Cốc Cốc"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("CriOS/", "Chrome"), ("Safari/", "Safari"),
    ];

    private static readonly (string Token, string Name)[] Systems =
    [
        ("Windows", "Windows"), ("Android", "Android"), ("iPhone", "iPhone"), ("iPad", "iPad"), ("CrOS", "ChromeOS"), ("Mac OS X", "macOS"), ("Linux", "Linux"),
    ];

    public static string Describe(string userAgent)
    {
        var browser = Browsers.FirstOrDefault(b => userAgent.Contains(b.Token, StringComparison.Ordinal)).Name;
        var system = Systems.FirstOrDefault(s => userAgent.Contains(s.Token, StringComparison.Ordinal)).Name;
        return (browser, system) switch
        {
            (null, null) => string.IsNullOrWhiteSpace(userAgent) ? "Không rõ thiết bị" : "Trình duyệt khác",
            (null, _) => $"Trình duyệt khác trên {system}",
            (_, null) => browser,
            _ => $"{browser} trên {system}",
        };
    }
}
