using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Audit;
using DongNai.EthnicPortal.Web.Services.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DongNai.EthnicPortal.Tests.Admin;

/// <summary>Every admin search box folds case, diacritics and đ the way the public search does.</summary>
public sealed class AdminSearchTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Theory]
    [InlineData("dong nai khong dau")]
    [InlineData("ĐỒNG NAI KHÔNG DẤU")]
    [InlineData("Đồng Nai không dấu")]
    public async Task Article_search_finds_a_title_typed_without_diacritics_or_in_capitals(string typed)
    {
        var categoryId = await fixture.Factory.FirstCategoryIdAsync();
        await fixture.Factory.WithDbAsync(async db =>
        {
            if (!await db.Articles.AnyAsync(a => a.Title == "Bình đẳng giới ở Đồng Nai không dấu"))
            {
                db.Articles.Add(TestArticles.New(categoryId, "Bình đẳng giới ở Đồng Nai không dấu", ArticleStatus.Draft, null));
                await db.SaveChangesAsync();
            }
        });
        var editor = await fixture.Factory.SignedInAsync(Roles.Editor);

        var list = await editor.GetStringAsync(new Uri("/quan-tri/bai-viet?q=" + Uri.EscapeDataString(typed), UriKind.Relative));

        Assert.Contains("Bình đẳng giới ở Đồng Nai không dấu", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Document_search_matches_the_abstract_folded()
    {
        var editor = await fixture.Factory.SignedInAsync(Roles.Editor);

        var list = await editor.GetStringAsync(new Uri("/quan-tri/van-ban?q=" + Uri.EscapeDataString("BINH DANG GIOI"), UriKind.Relative));

        // Seeded: Kế hoạch 13346/KH-UBND, "… Chiến lược quốc gia về bình đẳng giới …".
        Assert.Contains("13346/KH-UBND", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Media_search_matches_alt_text_and_file_name_folded()
    {
        await fixture.Factory.WithDbAsync(async db =>
        {
            db.MediaFiles.Add(new MediaFile { OriginalFileName = "Lễ-hội-Đắk.jpg", StoredName = "tim-kiem-" + Guid.NewGuid().ToString("N"), ContentType = "image/jpeg", Width = 10, Height = 10, AltText = "Đồng bào dân tộc Chơ Ro", UploadedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        var editor = await fixture.Factory.SignedInAsync(Roles.Editor);

        var byAlt = await editor.GetStringAsync(new Uri("/quan-tri/thu-vien-anh?q=" + Uri.EscapeDataString("dong bao dan toc cho ro"), UriKind.Relative));
        var byName = await editor.GetStringAsync(new Uri("/quan-tri/thu-vien-anh?q=" + Uri.EscapeDataString("LE-HOI-DAK"), UriKind.Relative));

        Assert.Contains("Đồng bào dân tộc Chơ Ro", byAlt, StringComparison.Ordinal);
        Assert.Contains("Đồng bào dân tộc Chơ Ro", byName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_log_user_search_is_folded()
    {
        await fixture.Factory.WithDbAsync(async db =>
        {
            db.AuditEntries.Add(new AuditEntry { At = DateTime.UtcNow, UserName = "Đoàn.Văn.Bình@So-Noi-Vu.vn", Action = AuditActions.SignIn });
            await db.SaveChangesAsync();
        });
        var admin = await fixture.Factory.AdministratorAsync();

        var list = await admin.GetStringAsync(new Uri("/quan-tri/nhat-ky?user=" + Uri.EscapeDataString("doan.van.binh@so-noi-vu"), UriKind.Relative));

        Assert.Contains("Đoàn.Văn.Bình@So-Noi-Vu.vn", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task User_search_matches_display_name_and_email_folded()
    {
        await fixture.Factory.SignedInAsync(Roles.Editor);
        var admin = await fixture.Factory.AdministratorAsync();

        var list = await admin.GetStringAsync(new Uri("/quan-tri/nguoi-dung?q=" + Uri.EscapeDataString("BIEN TAP VIEN"), UriKind.Relative));

        Assert.Contains("Biên tập viên thử nghiệm", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Quản trị viên thử nghiệm", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rows_stored_before_the_folded_columns_are_filled_at_start_up()
    {
        var categoryId = await fixture.Factory.FirstCategoryIdAsync();
        var id = await fixture.Factory.WithDbAsync(async db =>
        {
            var article = TestArticles.New(categoryId, "Điều tra kinh tế xã hội trước khi có cột gấp", ArticleStatus.Draft, null);
            db.Articles.Add(article);
            await db.SaveChangesAsync();
            // As the migration leaves a row stored before it.
            await db.Articles.Where(a => a.Id == article.Id).ExecuteUpdateAsync(set => set.SetProperty(a => a.TitleFolded, "").SetProperty(a => a.SummaryFolded, ""));
            return article.Id;
        });

        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var backfill = scope.ServiceProvider.GetServices<IContentInitializer>().OfType<FoldedColumnsBackfill>().Single();
            await backfill.InitializeAsync(false, CancellationToken.None);
        }

        var folded = await fixture.Factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.TitleFolded).SingleAsync());
        Assert.Equal("dieu tra kinh te xa hoi truoc khi co cot gap", folded);
    }
}
