using System.Net;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Audit;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Tests.Search;

public sealed class SearchIndexAdminTests
{
    private const string PageUrl = "/quan-tri/chi-muc-tim-kiem";
    private const string RebuildUrl = "/quan-tri/chi-muc-tim-kiem/xay-dung-lai";

    [Fact]
    public async Task An_administrator_rebuilds_the_index_and_the_rebuild_is_audited()
    {
        using var factory = new PortalFactory();
        await factory.WithDbAsync(db => db.SearchEntries.Where(e => e.Kind == SearchEntryKind.Document).ExecuteDeleteAsync());
        var client = factory.CreateBrowserClient();
        await client.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        var page = await client.GetStringAsync(new Uri(PageUrl, UriKind.Relative));
        Assert.Contains("<h1>Chỉ mục tìm kiếm</h1>", page, StringComparison.Ordinal);

        var response = await client.PostFormAsync(PageUrl, RebuildUrl, []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(PageUrl, response.Headers.Location?.OriginalString);
        Assert.Contains("Đã bắt đầu xây dựng lại chỉ mục tìm kiếm", await client.GetStringAsync(new Uri(PageUrl, UriKind.Relative)), StringComparison.Ordinal);

        // The POST only starts it; the worker, woken at once, runs it in the background.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (await factory.WithDbAsync(db => db.SearchIndexStates.AnyAsync(s => s.BuildingGeneration != null)))
        {
            Assert.True(DateTime.UtcNow < deadline, "The rebuild did not finish.");
            await Task.Delay(200);
        }

        await factory.WithDbAsync(async db =>
        {
            Assert.Equal(await db.OfficialDocuments.CountAsync(d => d.IsPublished), await db.SearchEntries.CountAsync(e => e.Kind == SearchEntryKind.Document));
            var audit = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.SearchIndexRebuilt);
            Assert.Equal(PortalFactory.AdminEmail, audit.UserName);
        });
        var after = await client.GetStringAsync(new Uri(PageUrl, UriKind.Relative));
        Assert.Contains("Hoàn tất lúc ", after, StringComparison.Ordinal);
        Assert.Matches(@"Bắt đầu lúc \d{2}:\d{2} \d{2}/\d{2}/\d{4}, bởi " + System.Text.RegularExpressions.Regex.Escape(PortalFactory.AdminEmail), after);
    }

    [Fact]
    public async Task Only_administrators_may_rebuild_and_only_with_a_token()
    {
        using var factory = new PortalFactory();
        var anonymous = factory.CreateBrowserClient();
        var redirect = await anonymous.GetAsync(new Uri(PageUrl, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.StartsWith("/quan-tri/dang-nhap", redirect.Headers.Location?.AbsolutePath ?? redirect.Headers.Location?.OriginalString, StringComparison.Ordinal);

        var editor = factory.CreateBrowserClient();
        await editor.SignInAsync(await factory.CreateUserAsync(Roles.Editor), PortalFactory.StaffPassword);
        var denied = await editor.GetAsync(new Uri(PageUrl, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);

        var admin = factory.CreateBrowserClient();
        await admin.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var withoutToken = await admin.PostAsync(new Uri(RebuildUrl, UriKind.Relative), new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        await factory.WithDbAsync(async db => Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.SearchIndexRebuilt)));
    }
}
