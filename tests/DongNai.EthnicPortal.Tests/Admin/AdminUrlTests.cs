using System.Net;
using System.Text.RegularExpressions;
using DongNai.EthnicPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DongNai.EthnicPortal.Tests.Admin;

/// <summary>
/// Every admin URL is Vietnamese, and every URL of the old English conventional route
/// (<c>/quan-tri/{controller}/{action}/{id}</c>) still reaches its page: 301 for GET and HEAD, 308 otherwise.
/// </summary>
public sealed partial class AdminUrlTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    /// <summary>Each action of the old conventional route, as it was written, and where it lives now (docs/architecture.md has the same table).</summary>
    private static readonly (string Method, string Old, string New)[] Moves =
    [
        ("GET", "/quan-tri/articles", "/quan-tri/bai-viet"),
        ("GET", "/quan-tri/articles/index", "/quan-tri/bai-viet"),
        ("GET", "/quan-tri/Articles?status=Scheduled", "/quan-tri/bai-viet?status=Scheduled"),
        ("GET", "/quan-tri/articles/create", "/quan-tri/bai-viet/tao"),
        ("POST", "/quan-tri/Articles/Create", "/quan-tri/bai-viet/tao"),
        ("GET", "/quan-tri/articles/edit/5", "/quan-tri/bai-viet/5/sua"),
        ("POST", "/quan-tri/articles/edit/5", "/quan-tri/bai-viet/5/sua"),
        ("GET", "/quan-tri/articles/preview/5", "/quan-tri/bai-viet/5/xem-truoc"),
        ("POST", "/quan-tri/articles/submit/5", "/quan-tri/bai-viet/5/gui-duyet"),
        ("POST", "/quan-tri/articles/publish/5", "/quan-tri/bai-viet/5/xuat-ban"),
        ("POST", "/quan-tri/articles/schedule/5", "/quan-tri/bai-viet/5/hen-gio"),
        ("POST", "/quan-tri/articles/reject/5", "/quan-tri/bai-viet/5/tra-lai"),
        ("POST", "/quan-tri/articles/withdraw/5", "/quan-tri/bai-viet/5/go-xuong"),
        ("POST", "/quan-tri/articles/delete/5", "/quan-tri/bai-viet/5/xoa"),
        ("GET", "/quan-tri/articles/revisions/5", "/quan-tri/bai-viet/5/phien-ban"),
        ("GET", "/quan-tri/articles/revision/7", "/quan-tri/bai-viet/phien-ban/7"),
        ("POST", "/quan-tri/articles/restore/7", "/quan-tri/bai-viet/phien-ban/7/khoi-phuc"),
        ("GET", "/quan-tri/medialibrary", "/quan-tri/thu-vien-anh"),
        ("GET", "/quan-tri/medialibrary?q=hoa&page=2", "/quan-tri/thu-vien-anh?q=hoa&page=2"),
        ("POST", "/quan-tri/medialibrary/upload", "/quan-tri/thu-vien-anh/tai-len"),
        ("GET", "/quan-tri/medialibrary/details/3", "/quan-tri/thu-vien-anh/3"),
        ("POST", "/quan-tri/medialibrary/details/3", "/quan-tri/thu-vien-anh/3"),
        ("POST", "/quan-tri/medialibrary/delete/3", "/quan-tri/thu-vien-anh/3/xoa"),
        ("GET", "/quan-tri/MediaLibrary/Picker", "/quan-tri/thu-vien-anh/chon-anh"),
        ("GET", "/quan-tri/categories", "/quan-tri/chuyen-muc"),
        ("GET", "/quan-tri/categories/create", "/quan-tri/chuyen-muc/tao"),
        ("POST", "/quan-tri/categories/create", "/quan-tri/chuyen-muc/tao"),
        ("GET", "/quan-tri/categories/edit/2", "/quan-tri/chuyen-muc/2/sua"),
        ("POST", "/quan-tri/categories/edit/2", "/quan-tri/chuyen-muc/2/sua"),
        ("POST", "/quan-tri/categories/delete/2", "/quan-tri/chuyen-muc/2/xoa"),
        ("GET", "/quan-tri/pages", "/quan-tri/trang"),
        ("GET", "/quan-tri/pages/create", "/quan-tri/trang/tao"),
        ("POST", "/quan-tri/pages/create", "/quan-tri/trang/tao"),
        ("GET", "/quan-tri/pages/edit/4", "/quan-tri/trang/4/sua"),
        ("POST", "/quan-tri/pages/edit/4", "/quan-tri/trang/4/sua"),
        ("POST", "/quan-tri/pages/delete/4", "/quan-tri/trang/4/xoa"),
        ("GET", "/quan-tri/weblinks", "/quan-tri/lien-ket"),
        ("GET", "/quan-tri/weblinks/create", "/quan-tri/lien-ket/tao"),
        ("POST", "/quan-tri/weblinks/create", "/quan-tri/lien-ket/tao"),
        ("GET", "/quan-tri/weblinks/edit/6", "/quan-tri/lien-ket/6/sua"),
        ("POST", "/quan-tri/weblinks/edit/6", "/quan-tri/lien-ket/6/sua"),
        ("POST", "/quan-tri/weblinks/delete/6", "/quan-tri/lien-ket/6/xoa"),
        ("GET", "/quan-tri/users", "/quan-tri/nguoi-dung"),
        ("GET", "/quan-tri/users/create", "/quan-tri/nguoi-dung/tao"),
        ("POST", "/quan-tri/users/create", "/quan-tri/nguoi-dung/tao"),
        ("GET", "/quan-tri/users/edit/abc-123", "/quan-tri/nguoi-dung/abc-123/sua"),
        ("POST", "/quan-tri/users/edit/abc-123", "/quan-tri/nguoi-dung/abc-123/sua"),
        ("POST", "/quan-tri/users/resetpassword/abc-123", "/quan-tri/nguoi-dung/abc-123/dat-lai-mat-khau"),
        ("POST", "/quan-tri/users/lock/abc-123", "/quan-tri/nguoi-dung/abc-123/khoa"),
        ("POST", "/quan-tri/users/unlock/abc-123", "/quan-tri/nguoi-dung/abc-123/mo-khoa"),
        ("POST", "/quan-tri/users/deactivate/abc-123", "/quan-tri/nguoi-dung/abc-123/ngung-hoat-dong"),
        ("POST", "/quan-tri/users/activate/abc-123", "/quan-tri/nguoi-dung/abc-123/kich-hoat"),
        ("GET", "/quan-tri/settings", "/quan-tri/cau-hinh"),
        ("POST", "/quan-tri/settings", "/quan-tri/cau-hinh"),
        ("GET", "/quan-tri/audit", "/quan-tri/nhat-ky"),
        ("GET", "/quan-tri/audit?kind=ArticlePublished&page=2", "/quan-tri/nhat-ky?kind=ArticlePublished&page=2"),
        ("HEAD", "/quan-tri/audit", "/quan-tri/nhat-ky"),
    ];

    public static TheoryData<string, string, string> OldUrls => new(Moves);

    [Theory]
    [MemberData(nameof(OldUrls))]
    public async Task An_old_english_admin_url_redirects_permanently_to_its_vietnamese_url(string method, string oldUrl, string newUrl)
    {
        using var client = fixture.Factory.CreateBrowserClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), oldUrl);
        if (method == "POST")
        {
            request.Content = new FormUrlEncodedContent([new("Title", "giữ nguyên")]);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(method is "GET" or "HEAD" ? HttpStatusCode.MovedPermanently : HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal(newUrl, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Every_old_url_in_the_table_names_a_new_url_the_app_serves()
    {
        var templates = AdminTemplates().Select(t => new Regex("^/" + Regex.Replace(t.Template, "\\{[^}]+\\}", "[^/]+") + "$")).ToList();
        foreach (var newUrl in Moves.Select(row => row.New).Select(url => url.Split('?')[0]).Distinct())
        {
            Assert.True(templates.Any(t => t.IsMatch(newUrl)), $"{newUrl} matches no admin route");
        }

        // The old route only ever served these controllers; the others had Vietnamese attribute routes already.
        var oldControllers = Moves.Select(row => row.Old.Split('/', '?')[2].ToLowerInvariant()).ToHashSet();
        Assert.Equal(["articles", "audit", "categories", "medialibrary", "pages", "settings", "users", "weblinks"], oldControllers.Order());
        using var client = fixture.Factory.CreateBrowserClient();
        using var unknown = await client.GetAsync(new Uri("/quan-tri/articles/khong-co", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public void Every_admin_route_template_is_vietnamese()
    {
        var templates = AdminTemplates();
        Assert.True(templates.Count > 80, $"only {templates.Count} admin endpoints found");

        // English words an admin URL could be made of: every word of every admin controller and action name.
        var english = templates
            .SelectMany(t => new[] { t.Controller, t.Action })
            .SelectMany(name => Words().Matches(name).Select(m => m.Value).Append(name))
            .Select(word => word.ToLowerInvariant())
            .ToHashSet();
        foreach (var (template, controller, action) in templates)
        {
            Assert.True(template == "quan-tri" || template.StartsWith("quan-tri/", StringComparison.Ordinal), $"{controller}.{action}: {template} is outside /quan-tri");
            var literals = template.Split('/').Where(segment => !segment.StartsWith('{')).ToList();
            Assert.All(literals, segment => Assert.Matches("^[a-z0-9-]+$", segment));
            var found = literals.SelectMany(segment => segment.Split('-')).Where(english.Contains).ToList();
            Assert.True(found.Count == 0, $"{controller}.{action}: {template} has English segments {string.Join(", ", found)}");
        }
    }

    private List<(string Template, string Controller, string Action)> AdminTemplates()
    {
        using var starter = fixture.Factory.CreateClient();
        return [.. fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Action: e.Metadata.GetMetadata<ControllerActionDescriptor>()))
            .Where(e => e.Action is not null && e.Action.RouteValues.TryGetValue("area", out var area) && area == "Admin")
            .Select(e => (e.Endpoint.RoutePattern.RawText!.Trim('/'), e.Action!.ControllerName, e.Action.ActionName))];
    }

    [GeneratedRegex("[A-Z][a-z0-9]*")]
    private static partial Regex Words();
}
