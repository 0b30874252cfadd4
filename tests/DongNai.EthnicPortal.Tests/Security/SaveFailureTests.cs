using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Admin;
using DongNai.EthnicPortal.Tests.Consultations;
using DongNai.EthnicPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace DongNai.EthnicPortal.Tests.Security;

/// <summary>
/// A save the real database refuses answers 409 with a Vietnamese reason and the user's input, ready to
/// send again, never a 500. Each test makes its own database refuse in a real way (a unique index, a
/// trigger that skips the update, a trigger that deletes the parent row as another editor would) and
/// drives the ordinary forms over HTTP.
/// </summary>
public sealed class SaveFailureTests : IDisposable
{
    private readonly PortalFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task A_duplicate_refused_by_a_unique_index_gives_the_typed_form_back_and_sending_it_again_works()
    {
        await SqlAsync("CREATE UNIQUE INDEX \"IX_Test_WebLinks_Name\" ON \"WebLinks\" (\"Name\")");
        var admin = await factory.AdministratorAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await AddLinkAsync(admin, "Cổng dịch vụ công", "https://dichvucong.gov.vn/")).StatusCode);

        var refused = await AddLinkAsync(admin, "Cổng dịch vụ công", "https://dichvucong.dongnai.gov.vn/");

        var page = await SaveFailedPageAsync(refused, "cùng giá trị");
        var form = FormPostingTo(page, "/quan-tri/lien-ket/tao");
        Assert.Equal("https://dichvucong.dongnai.gov.vn/", Field(form, "Url"));
        Assert.Equal("Tên liên kết", page.QuerySelector($"label[for='{form.QuerySelector("[name=Name]")!.Id}']")!.TextContent);

        var again = await SendAgainAsync(admin, form, ("Name", "Cổng dịch vụ công tỉnh"));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.WebLinks.AnyAsync(l => l.Name == "Cổng dịch vụ công tỉnh" && l.Url == "https://dichvucong.dongnai.gov.vn/")));
    }

    [Fact]
    public async Task An_update_that_reaches_no_row_is_a_concurrency_conflict_with_the_input_kept()
    {
        var admin = await factory.AdministratorAsync();
        await AddLinkAsync(admin, "Báo Đồng Nai (thử nghiệm)", "https://baodongnai.com.vn/");
        var id = await factory.WithDbAsync(db => db.WebLinks.Where(l => l.Name == "Báo Đồng Nai (thử nghiệm)").Select(l => l.Id).SingleAsync());
        // The row "disappears" under the update, as when another editor deleted or changed it meanwhile.
        await SqlAsync(TestDatabase.IsSqlite
            ? "CREATE TRIGGER \"Test_SkipWebLinkUpdates\" BEFORE UPDATE ON \"WebLinks\" BEGIN SELECT RAISE(IGNORE); END"
            : "CREATE FUNCTION test_skip_update() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$; "
              + "CREATE TRIGGER test_skip_web_link_updates BEFORE UPDATE ON \"WebLinks\" FOR EACH ROW EXECUTE FUNCTION test_skip_update()");

        var refused = await admin.SubmitFormAsync($"/quan-tri/lien-ket/{id}/sua", $"/quan-tri/lien-ket/{id}/sua", ("Name", "Báo Đồng Nai điện tử (thử nghiệm)"));

        var page = await SaveFailedPageAsync(refused, "người khác thay đổi hoặc xóa");
        Assert.Equal("Báo Đồng Nai điện tử (thử nghiệm)", Field(FormPostingTo(page, $"/quan-tri/lien-ket/{id}/sua"), "Name"));
        Assert.Equal("Báo Đồng Nai (thử nghiệm)", await factory.WithDbAsync(db => db.WebLinks.Where(l => l.Id == id).Select(l => l.Name).SingleAsync()));
    }

    [Fact]
    public async Task An_article_whose_category_was_deleted_meanwhile_is_a_foreign_key_refusal_with_the_body_kept()
    {
        var admin = await factory.AdministratorAsync();
        await admin.SubmitFormAsync("/quan-tri/chuyen-muc/tao", "/quan-tri/chuyen-muc/tao", ("Name", "Chuyên mục sắp bị xóa"), ("Slug", "sap-bi-xoa"));
        var categoryId = await factory.WithDbAsync(db => db.Categories.Where(c => c.Slug == "sap-bi-xoa").Select(c => c.Id).SingleAsync());
        // Another editor deletes the category between the form's check and the insert.
        await SqlAsync(TestDatabase.IsSqlite
            ? "CREATE TRIGGER \"Test_DeleteCategory\" BEFORE INSERT ON \"Articles\" BEGIN DELETE FROM \"Categories\" WHERE \"Id\" = NEW.\"CategoryId\"; END"
            : "CREATE FUNCTION test_delete_category() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN DELETE FROM \"Categories\" WHERE \"Id\" = NEW.\"CategoryId\"; RETURN NEW; END $$; "
              + "CREATE TRIGGER test_delete_category BEFORE INSERT ON \"Articles\" FOR EACH ROW EXECUTE FUNCTION test_delete_category()");
        const string body = "<p>Bài viết <strong>rất dài</strong> mà biên tập viên không muốn mất.</p>";

        var refused = await admin.PostFormAsync("/quan-tri/bai-viet/tao", "/quan-tri/bai-viet/tao", [
            new("Title", "Bài viết của chuyên mục bị xóa"),
            new("Summary", "Tóm tắt"),
            new("CategoryId", categoryId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("AuthorByline", "Phóng viên"),
            new("BodyHtml", body),
        ]);

        var page = await SaveFailedPageAsync(refused, "mục liên quan");
        var form = FormPostingTo(page, "/quan-tri/bai-viet/tao");
        Assert.Equal(body, Field(form, "BodyHtml"));
        Assert.Equal("Bài viết của chuyên mục bị xóa", Field(form, "Title"));
        Assert.False(await factory.WithDbAsync(db => db.Articles.AnyAsync(a => a.Title == "Bài viết của chuyên mục bị xóa")));
    }

    [Fact]
    public async Task A_public_comment_the_database_refuses_is_given_back_to_the_citizen_on_the_public_layout()
    {
        var time = new FakeTimeProvider(ConsultationTestSupport.Start);
        using var consultations = ConsultationTestSupport.NewFactory(time);
        var (id, url) = await ConsultationTestSupport.CreateAsync(consultations, time.GetUtcNow().UtcDateTime.AddDays(-1), time.GetUtcNow().UtcDateTime.AddDays(10));
        await consultations.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("CREATE UNIQUE INDEX \"IX_Test_OneCommentPerDraft\" ON \"ConsultationComments\" (\"ConsultationId\")"));
        var citizen = consultations.Citizen();
        Assert.Equal(HttpStatusCode.OK, (await ConsultationTestSupport.CommentAsync(citizen, time, url, id, ConsultationTestSupport.ValidFields())).StatusCode);
        const string text = "Góp ý thứ hai, viết rất công phu, không được phép mất.";

        var refused = await ConsultationTestSupport.CommentAsync(citizen, time, url, id, ConsultationTestSupport.ValidFields(text));

        var page = await SaveFailedPageAsync(refused, "chưa được lưu");
        var form = FormPostingTo(page, $"/lay-y-kien/{id}/gop-y");
        Assert.Equal(text, Field(form, "Form.Text"));
        Assert.NotNull(page.QuerySelector("footer.site-footer"));
        Assert.Null(page.QuerySelector(".admin-nav"));
    }

    private Task<int> SqlAsync(string sql) => factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql));

    private static Task<HttpResponseMessage> AddLinkAsync(HttpClient admin, string name, string url) =>
        admin.SubmitFormAsync("/quan-tri/lien-ket/tao", "/quan-tri/lien-ket/tao", ("Name", name), ("Url", url));

    private static async Task<IHtmlDocument> SaveFailedPageAsync(HttpResponseMessage response, string reason)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"{(int)response.StatusCode}: {html[..Math.Min(html.Length, 2000)]}");
        var page = new HtmlParser().ParseDocument(html);
        Assert.Equal("Chưa lưu được", page.QuerySelector("h1")!.TextContent);
        Assert.Contains(reason, page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        return page;
    }

    private static IHtmlFormElement FormPostingTo(IHtmlDocument page, string action)
    {
        var form = page.Forms.SingleOrDefault(f => f.GetAttribute("action") == action);
        Assert.True(form is not null, $"No form posts again to {action}");
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        return form;
    }

    private static string? Field(IHtmlFormElement form, string name) =>
        form.QuerySelector($"[name='{name}']") switch
        {
            IHtmlTextAreaElement textarea => textarea.Value,
            IHtmlInputElement input => input.Value,
            _ => null,
        };

    /// <summary>Sends the given-back form as a browser would, with the fields it carries and the <paramref name="changes"/>.</summary>
    private static Task<HttpResponseMessage> SendAgainAsync(HttpClient client, IHtmlFormElement form, params (string Name, string Value)[] changes)
    {
        var fields = form.QuerySelectorAll("input[name], textarea[name]")
            .Select(e => new KeyValuePair<string, string>(e.GetAttribute("name")!, e is IHtmlTextAreaElement t ? t.Value : ((IHtmlInputElement)e).Value))
            .Where(f => !changes.Any(c => c.Name == f.Key))
            .Concat(changes.Select(c => new KeyValuePair<string, string>(c.Name, c.Value)));
        return client.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), new FormUrlEncodedContent(fields));
    }
}
