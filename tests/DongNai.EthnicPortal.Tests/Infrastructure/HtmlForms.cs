using System.Text.RegularExpressions;

namespace DongNai.EthnicPortal.Tests.Infrastructure;

public static partial class HtmlForms
{
    /// <summary>Reads the antiforgery token that a page's form carries.</summary>
    public static async Task<string> GetAntiforgeryTokenAsync(this HttpClient client, string url)
    {
        var html = await client.GetStringAsync(new Uri(url, UriKind.Relative));
        var match = TokenInput().Match(html);
        Assert.True(match.Success, $"No antiforgery token on {url}");
        return System.Net.WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Posts a form the way a browser would, with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string formPageUrl, string postUrl, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = await client.GetAntiforgeryTokenAsync(formPageUrl);
        var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await client.PostAsync(new Uri(postUrl, UriKind.Relative), content);
    }

    /// <summary>Posts a multipart form with one file, the way a browser's upload form does, with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFileAsync(this HttpClient client, string formPageUrl, string postUrl, string fileName, byte[] content, params IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = await client.GetAntiforgeryTokenAsync(formPageUrl);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        if (fileName.Any(char.IsControl))
        {
            // HttpClient will not quote a control character; an attacker sends it RFC 5987-encoded, as filename*.
            file.Headers.ContentDisposition = new("form-data") { Name = "\"file\"", FileNameStar = fileName };
            form.Add(file);
        }
        else
        {
            form.Add(file, "file", fileName);
        }
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync(new Uri(postUrl, UriKind.Relative), form);
    }

    /// <summary>Signs in through the real login form.</summary>
    public static async Task SignInAsync(this HttpClient client, string email, string password)
    {
        var response = await client.PostFormAsync("/quan-tri/dang-nhap", "/quan-tri/dang-nhap", [new("Email", email), new("Password", password)]);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
