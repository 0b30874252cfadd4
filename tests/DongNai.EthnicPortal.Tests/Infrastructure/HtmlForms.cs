using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

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

    /// <summary>
    /// Submits the form of <paramref name="pageUrl"/> that posts to <paramref name="action"/> the way a browser
    /// would: every field with the value the page gave it (checked boxes only, the selected option), then the
    /// <paramref name="changes"/> (a null value removes the field).
    /// </summary>
    public static Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string pageUrl, string action, params (string Name, string? Value)[] changes) =>
        client.SubmitFormToAsync(pageUrl, action, action, changes);

    /// <summary>
    /// Sends the fields of the form that posts to <paramref name="action"/> to <paramref name="postUrl"/> instead, the
    /// way the editor's autosave sends the whole form in the background.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFormToAsync(this HttpClient client, string pageUrl, string action, string postUrl, params (string Name, string? Value)[] changes)
    {
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri(pageUrl, UriKind.Relative)));
        var form = page.Forms.FirstOrDefault(f => f.GetAttribute("action")?.Split('?')[0] == action);
        Assert.True(form is not null, $"No form on {pageUrl} posts to {action}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var name = element.GetAttribute("name")!;
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio", IsChecked: false } or IHtmlInputElement { Type: "file" or "submit" }:
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlSelectElement select:
                    var chosen = select.SelectedOptions.Length > 0 ? select.SelectedOptions[0] : select.Options.Length > 0 ? select.Options[0] : null;
                    fields.Add(new(name, chosen?.Value ?? ""));
                    break;
                case IHtmlTextAreaElement textarea:
                    fields.Add(new(name, textarea.Value));
                    break;
            }
        }

        foreach (var (name, value) in changes)
        {
            fields.RemoveAll(f => f.Key == name);
            if (value is not null)
            {
                fields.Add(new(name, value));
            }
        }

        return await client.PostAsync(new Uri(postUrl, UriKind.Relative), new FormUrlEncodedContent(fields));
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
