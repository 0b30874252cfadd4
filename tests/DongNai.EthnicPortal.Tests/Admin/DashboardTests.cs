using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Tests.Infrastructure;

namespace DongNai.EthnicPortal.Tests.Admin;

public sealed class DashboardTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Dashboard_shows_what_waits_for_review_recent_changes_and_todays_visits()
    {
        await fixture.Factory.WithDbAsync(async db =>
        {
            db.VisitDays.Add(new VisitDay { Day = VietnamTime.Today(TimeProvider.System), Count = 4321 });
            await db.SaveChangesAsync();
        });
        var author = await fixture.Factory.SignedInAsync(Roles.Author);
        var otherAuthor = await fixture.Factory.SignedInAsync(Roles.Author);
        var editor = await fixture.Factory.SignedInAsync(Roles.Editor);
        var id = await author.CreateArticleAsync(fixture.Factory, "Bài chờ duyệt trên bảng điều khiển");
        await author.ArticleActionAsync(id, "gui-duyet");

        var editorView = await editor.GetStringAsync(new Uri("/quan-tri", UriKind.Relative));
        Assert.Contains($"/quan-tri/bai-viet/{id}/sua", editorView, StringComparison.Ordinal);
        Assert.Contains("4.321", editorView, StringComparison.Ordinal);
        Assert.Contains("Gửi duyệt bài viết: Bài chờ duyệt trên bảng điều khiển", editorView, StringComparison.Ordinal);

        var otherView = await otherAuthor.GetStringAsync(new Uri("/quan-tri", UriKind.Relative));
        Assert.DoesNotContain("Bài chờ duyệt trên bảng điều khiển", otherView, StringComparison.Ordinal);
    }
}
