using System.Net;
using System.Text.RegularExpressions;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Tests.Admin;

/// <summary>Helpers for driving the admin area through its real forms.</summary>
public static partial class AdminClient
{
    public static async Task<HttpClient> SignedInAsync(this PortalFactory factory, string role)
    {
        var email = await factory.CreateUserAsync(role);
        var client = factory.CreateBrowserClient();
        await client.SignInAsync(email, PortalFactory.StaffPassword);
        return client;
    }

    public static async Task<HttpClient> AdministratorAsync(this PortalFactory factory)
    {
        var client = factory.CreateBrowserClient();
        await client.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        return client;
    }

    public static Task<int> FirstCategoryIdAsync(this PortalFactory factory) =>
        factory.WithDbAsync(db => db.Categories.OrderBy(c => c.SortOrder).Select(c => c.Id).FirstAsync());

    /// <summary>Creates an article through the form and returns its id.</summary>
    public static async Task<int> CreateArticleAsync(this HttpClient client, PortalFactory factory, string title, string body = "<p>Nội dung thử nghiệm.</p>")
    {
        var categoryId = await factory.FirstCategoryIdAsync();
        var response = await client.PostFormAsync("/quan-tri/bai-viet/tao", "/quan-tri/bai-viet/tao", [
            new("Title", title),
            new("Summary", "Tóm tắt thử nghiệm"),
            new("CategoryId", categoryId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("AuthorByline", "Phóng viên"),
            new("BodyHtml", body),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var match = EditLocation().Match(response.Headers.Location!.OriginalString);
        Assert.True(match.Success, response.Headers.Location.OriginalString);
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Posts one of the workflow buttons of the edit page; <paramref name="action"/> is the last path segment (<c>gui-duyet</c>, <c>xuat-ban</c>, …).</summary>
    public static Task<HttpResponseMessage> ArticleActionAsync(this HttpClient client, int id, string action, params (string Name, string Value)[] fields) =>
        client.PostFormAsync($"/quan-tri/bai-viet/{id}/sua", $"/quan-tri/bai-viet/{id}/{action}", fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    public static Task<Article> ArticleAsync(this PortalFactory factory, int id) =>
        factory.WithDbAsync(db => db.Articles.AsNoTracking().FirstAsync(a => a.Id == id));

    public static async Task<string> VersionOnEditPageAsync(this HttpClient client, int id)
    {
        var html = await client.GetStringAsync(new Uri($"/quan-tri/bai-viet/{id}/sua", UriKind.Relative));
        return VersionInput().Match(html).Groups[1].Value;
    }

    [GeneratedRegex(@"/quan-tri/bai-viet/(\d+)/sua$")]
    private static partial Regex EditLocation();

    [GeneratedRegex("name=\"Version\" value=\"([^\"]+)\"")]
    private static partial Regex VersionInput();
}
