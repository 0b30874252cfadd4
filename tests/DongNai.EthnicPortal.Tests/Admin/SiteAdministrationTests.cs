using System.Net;
using System.Text.RegularExpressions;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Tests.Admin;

public sealed partial class SiteAdministrationTests : IDisposable
{
    private readonly PortalFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task Settings_change_shows_at_once_on_public_pages_and_is_audited()
    {
        var home = factory.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.OK, (await home.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);

        var admin = await factory.AdministratorAsync();
        var form = await admin.GetStringAsync(new Uri("/quan-tri/cau-hinh", UriKind.Relative));
        var version = VersionInput().Match(form).Groups[1].Value;
        var response = await admin.PostFormAsync("/quan-tri/cau-hinh", "/quan-tri/cau-hinh", [
            new("SiteName", "CỔNG THÔNG TIN DÂN TỘC ĐỒNG NAI"),
            new("GoverningAgency", "Ủy ban nhân dân tỉnh Đồng Nai"),
            new("CopyrightLine", "© Ban Dân tộc"),
            new("VisitCounterOffset", "123456"),
            new("Version", version),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var page = await factory.CreateBrowserClient().GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("CỔNG THÔNG TIN DÂN TỘC ĐỒNG NAI", page, StringComparison.Ordinal);
        Assert.Contains("Ủy ban nhân dân tỉnh Đồng Nai", page, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "SettingsChanged")));

        // A form loaded before that save carries a stale version and changes nothing.
        var stale = await admin.PostFormAsync("/quan-tri/cau-hinh", "/quan-tri/cau-hinh", [new("SiteName", "Tên cũ ghi đè"), new("Version", version)]);
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Equal("CỔNG THÔNG TIN DÂN TỘC ĐỒNG NAI", await factory.WithDbAsync(db => db.SiteSettings.Select(s => s.SiteName).FirstAsync()));
    }

    [Fact]
    public async Task Required_two_factor_sends_staff_to_the_setup_page_first()
    {
        await factory.WithDbAsync(async db =>
        {
            var settings = await db.SiteSettings.FirstAsync();
            settings.RequireTwoFactorForStaff = true;
            await db.SaveChangesAsync();
        });

        var editor = await factory.SignedInAsync(Roles.Editor);
        var response = await editor.GetAsync(new Uri("/quan-tri/bai-viet", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/quan-tri/xac-thuc-hai-buoc", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(new Uri("/quan-tri/xac-thuc-hai-buoc", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Categories_and_web_links_appear_in_the_public_menu_and_sidebar_at_once()
    {
        var editor = await factory.SignedInAsync(Roles.Editor);
        Assert.DoesNotContain("Dân tộc và Phát triển", await factory.CreateBrowserClient().GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);

        var created = await editor.PostFormAsync("/quan-tri/chuyen-muc/tao", "/quan-tri/chuyen-muc/tao", [new("Name", "Dân tộc và Phát triển"), new("SortOrder", "99"), new("ShowInMenu", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var category = await factory.WithDbAsync(db => db.Categories.FirstAsync(c => c.Name == "Dân tộc và Phát triển"));
        Assert.Equal("dan-toc-va-phat-trien", category.Slug);
        Assert.Contains("/chuyen-muc/dan-toc-va-phat-trien", await factory.CreateBrowserClient().GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);

        var badLink = await editor.PostFormAsync("/quan-tri/lien-ket/tao", "/quan-tri/lien-ket/tao", [new("Name", "Mã độc"), new("Url", "javascript:alert(1)"), new("SortOrder", "1"), new("IsVisible", "true")]);
        Assert.Equal(HttpStatusCode.OK, badLink.StatusCode);
        Assert.Contains("http:// hoặc https://", System.Net.WebUtility.HtmlDecode(await badLink.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.WebLinks.AnyAsync(l => l.Name == "Mã độc")));
    }

    [Fact]
    public async Task A_category_cannot_take_the_slug_of_the_consultations_feed()
    {
        var editor = await factory.SignedInAsync(Roles.Editor);

        var refused = await editor.PostFormAsync("/quan-tri/chuyen-muc/tao", "/quan-tri/chuyen-muc/tao", [new("Name", "Lấy ý kiến"), new("SortOrder", "98")]);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("trùng với một địa chỉ cố định", System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Categories.AnyAsync(c => c.Slug == "lay-y-kien")));
        Assert.Contains("Lấy ý kiến dự thảo", await factory.CreateBrowserClient().GetStringAsync(new Uri("/rss/lay-y-kien", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Category_with_articles_and_fixed_pages_cannot_be_deleted()
    {
        var editor = await factory.SignedInAsync(Roles.Editor);
        var categoryId = await factory.WithDbAsync(db => db.Categories.Where(c => c.Articles.Any()).Select(c => c.Id).FirstAsync());
        await editor.PostFormAsync("/quan-tri/chuyen-muc", $"/quan-tri/chuyen-muc/{categoryId}/xoa", []);
        Assert.True(await factory.WithDbAsync(db => db.Categories.AnyAsync(c => c.Id == categoryId)));

        var pageId = await factory.WithDbAsync(db => db.Pages.Where(p => p.Slug == Page.IntroductionSlug).Select(p => p.Id).FirstAsync());
        await editor.PostFormAsync("/quan-tri/trang", $"/quan-tri/trang/{pageId}/xoa", []);
        Assert.True(await factory.WithDbAsync(db => db.Pages.AnyAsync(p => p.Id == pageId)));
    }

    [Fact]
    public async Task Page_body_is_sanitized_and_published_at_once()
    {
        var editor = await factory.SignedInAsync(Roles.Editor);
        var page = await factory.WithDbAsync(db => db.Pages.AsNoTracking().FirstAsync(p => p.Slug == Page.ContactSlug));
        var response = await editor.PostFormAsync($"/quan-tri/trang/{page.Id}/sua", $"/quan-tri/trang/{page.Id}/sua", [
            new("Title", "Liên hệ"),
            new("Language", "vi"),
            new("SortOrder", "5"),
            new("ShowInMenu", "true"),
            new("IsPublished", "true"),
            new("BodyHtml", "<p onclick=\"alert(1)\">Số 4/22/10A, đường Nguyễn Du</p><script>alert(2)</script>"),
            new("Version", page.Version.ToString()),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await factory.WithDbAsync(db => db.Pages.AsNoTracking().FirstAsync(p => p.Id == page.Id));
        Assert.Equal("<p>Số 4/22/10A, đường Nguyễn Du</p>", saved.BodyHtml);
        Assert.Equal(Page.ContactSlug, saved.Slug);
    }

    [GeneratedRegex("name=\"Version\" value=\"([^\"]+)\"")]
    private static partial Regex VersionInput();
}
