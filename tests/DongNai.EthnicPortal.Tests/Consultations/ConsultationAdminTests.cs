using System.Net;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Admin;
using DongNai.EthnicPortal.Tests.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Audit;
using DongNai.EthnicPortal.Web.Services.Consultations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using static DongNai.EthnicPortal.Tests.Consultations.ConsultationTestSupport;
using W = DocumentFormat.OpenXml.Wordprocessing;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace DongNai.EthnicPortal.Tests.Consultations;

/// <summary>The admin side: roles around contact details, the audit log, the exports, the conclusion and the erasure.</summary>
public sealed class ConsultationAdminTests : IDisposable
{
    private readonly FakeTimeProvider time = new(Start);
    private readonly PortalFactory factory;

    public ConsultationAdminTests() => factory = NewFactory(time);

    public void Dispose() => factory.Dispose();

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public static async Task<int> AddCommentAsync(PortalFactory factory, int consultationId, DateTime at, string text, int? article = null, string? organisation = null,
        ConsultationCommentStatus status = ConsultationCommentStatus.New, ConsultationResponseKind response = ConsultationResponseKind.None, string? responseText = null,
        string name = "Lê Văn Bình", string? email = "levanbinh@example.vn", string? phone = "0911222333")
    {
        var comment = new ConsultationComment
        {
            ConsultationId = consultationId,
            FullName = name,
            Organisation = organisation,
            Email = email,
            Phone = phone,
            ArticleNumber = article,
            Text = text,
            SubmittedAt = at,
            ConsentedAt = at,
            SubmittedOn = DateOnly.FromDateTime(at),
            IpHash = "test",
            Status = status,
            ResponseKind = response,
            ResponseText = responseText,
        };
        await factory.WithDbAsync(async db =>
        {
            db.ConsultationComments.Add(comment);
            await db.SaveChangesAsync();
        });
        return comment.Id;
    }

    private Task<int> AuditCountAsync(string action) => factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == action));

    [Fact]
    public async Task An_author_reads_the_inbox_and_answers_but_never_sees_contact_details_which_editors_see_with_an_audit_entry()
    {
        var (id, _) = await CreateAsync(factory, Now.AddDays(-1), Now.AddDays(10));
        var commentId = await AddCommentAsync(factory, id, Now, "Đề nghị làm rõ Điều 2.", article: 2);

        var author = await factory.SignedInAsync(Roles.Author);
        var inbox = await author.GetStringAsync(new Uri($"/quan-tri/lay-y-kien/{id}/gop-y", UriKind.Relative));
        Assert.Contains("Đề nghị làm rõ Điều 2.", inbox, StringComparison.Ordinal);
        Assert.DoesNotContain("Lê Văn Bình", inbox, StringComparison.Ordinal);
        var detail = await author.GetStringAsync(new Uri($"/quan-tri/gop-y-du-thao/{commentId}", UriKind.Relative));
        foreach (var secret in new[] { "Lê Văn Bình", "levanbinh@example.vn", "0911222333" })
        {
            Assert.DoesNotContain(secret, detail, StringComparison.Ordinal);
        }

        Assert.Equal(0, await AuditCountAsync("ConsultationContactViewed"));
        Assert.Equal(HttpStatusCode.Forbidden, (await author.GetAsync(new Uri($"/quan-tri/lay-y-kien/{id}/xuat-word", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.GetAsync(new Uri($"/quan-tri/lay-y-kien/{id}/sua", UriKind.Relative))).StatusCode);

        // An author may draft the agency's answer, which records who wrote it.
        var answer = await author.PostFormAsync($"/quan-tri/gop-y-du-thao/{commentId}", $"/quan-tri/gop-y-du-thao/{commentId}/tra-loi", [new("kind", "Explained"), new("text", "Nội dung đã có tại Điều 3.")]);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var stored = await factory.WithDbAsync(db => db.ConsultationComments.SingleAsync(c => c.Id == commentId));
        Assert.Equal(ConsultationResponseKind.Explained, stored.ResponseKind);
        Assert.Equal("Phóng viên thử nghiệm", stored.RespondedByName);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.PostFormAsync($"/quan-tri/gop-y-du-thao/{commentId}", $"/quan-tri/gop-y-du-thao/{commentId}/trang-thai", [new("status", "Approved")])).StatusCode);

        var editor = await factory.SignedInAsync(Roles.Editor);
        var editorView = await editor.GetStringAsync(new Uri($"/quan-tri/gop-y-du-thao/{commentId}", UriKind.Relative));
        Assert.Contains("levanbinh@example.vn", editorView, StringComparison.Ordinal);
        Assert.Contains("0911222333", editorView, StringComparison.Ordinal);
        Assert.Equal(1, await AuditCountAsync("ConsultationContactViewed"));
    }

    [Fact]
    public async Task The_exported_rows_equal_the_stored_comments_grouped_by_article_and_each_export_is_audited()
    {
        var (id, _) = await CreateAsync(factory, Now.AddDays(-10), Now.AddDays(-1));
        await AddCommentAsync(factory, id, Now.AddDays(-5), "Góp ý chung về bố cục.", organisation: "Sở Tư pháp", response: ConsultationResponseKind.Accepted, responseText: "Đã chỉnh bố cục.");
        await AddCommentAsync(factory, id, Now.AddDays(-4), "Bổ sung chỉ tiêu giảm nghèo.", article: 2, response: ConsultationResponseKind.Rejected, responseText: "Chỉ tiêu đã có trong chương trình khác.");
        await AddCommentAsync(factory, id, Now.AddDays(-4), "Làm rõ trách nhiệm.", article: 3, organisation: "UBND xã Phú Lý");
        await AddCommentAsync(factory, id, Now.AddDays(-3), "Dòng một\nDòng hai của góp ý.", article: 2, organisation: "Hội Phụ nữ tỉnh");
        await AddCommentAsync(factory, id, Now.AddDays(-3), "Mua thuốc giá rẻ tại đây", status: ConsultationCommentStatus.Spam);

        var editor = await factory.SignedInAsync(Roles.Editor);
        var docx = await editor.GetAsync(new Uri($"/quan-tri/lay-y-kien/{id}/xuat-word", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal(SynthesisExports.DocxContentType, docx.Content.Headers.ContentType?.MediaType);
        var xlsx = await editor.GetAsync(new Uri($"/quan-tri/lay-y-kien/{id}/xuat-excel", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal(2, await AuditCountAsync("ConsultationExported"));

        var expected = await factory.WithDbAsync(db => db.ConsultationComments.AsNoTracking()
            .Where(c => c.ConsultationId == id && c.Status != ConsultationCommentStatus.Spam)
            .OrderBy(c => c.ArticleNumber == null ? 0 : 1).ThenBy(c => c.ArticleNumber).ThenBy(c => c.Id)
            .Select(c => new { c.Text, c.Organisation, c.FullName, c.ArticleNumber, c.ResponseKind, c.ResponseText })
            .ToListAsync());
        var expectedRows = expected.Select((c, i) => new[]
        {
            (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            SynthesisTable.Commenter(c.Organisation, c.FullName),
            c.ArticleNumber is { } n ? $"Điều {n}" : "Toàn bộ dự thảo",
            c.Text,
            SynthesisTable.Response(c.ResponseKind, c.ResponseText),
        }).ToList();

        var (wordRows, wordGroups) = WordRows(await docx.Content.ReadAsByteArrayAsync());
        Assert.Equal(expectedRows, wordRows);
        Assert.Equal(["Toàn bộ dự thảo", "Điều 2. Nhiệm vụ trọng tâm", "Điều 3. Tổ chức thực hiện"], wordGroups);
        Assert.Equal(expectedRows, ExcelRows(await xlsx.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task Script_in_every_field_is_plain_text_on_every_page_and_in_the_exports()
    {
        const string payload = "<script>alert('gy')</script><img src=x onerror=alert(1)>";
        var (id, url) = await CreateAsync(factory, Now.AddDays(-1), Now.AddDays(10), title: "Dự thảo " + payload, publishComments: true, draftText: "Điều 1. " + payload + "\n" + payload);
        await factory.WithDbAsync(async db =>
        {
            var consultation = await db.Consultations.SingleAsync(c => c.Id == id);
            consultation.Summary = payload;
            consultation.DraftingUnit = payload;
            await db.SaveChangesAsync();
        });
        var fields = ValidFields(payload);
        fields["Form.FullName"] = payload;
        fields["Form.Organisation"] = payload;
        fields["Form.Part"] = "1";
        var response = await CommentAsync(factory.Citizen(), time, url, id, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Security.ExecutableMarkup.AssertNone(await response.Content.ReadAsStringAsync(), "the receipt");
        var commentId = await factory.WithDbAsync(db => db.ConsultationComments.Where(c => c.ConsultationId == id).Select(c => c.Id).SingleAsync());
        await factory.WithDbAsync(async db =>
        {
            var comment = await db.ConsultationComments.SingleAsync(c => c.Id == commentId);
            comment.Status = ConsultationCommentStatus.Approved;
            comment.ResponseKind = ConsultationResponseKind.Explained;
            comment.ResponseText = payload;
            await db.SaveChangesAsync();
        });
        await factory.AnnounceAsync(id);

        var reader = factory.CreateBrowserClient();
        var editor = await factory.SignedInAsync(Roles.Editor);
        foreach (var (client, page) in new[]
        {
            (reader, url), (reader, "/lay-y-kien"), (reader, "/"),
            (editor, "/quan-tri/lay-y-kien"), (editor, $"/quan-tri/lay-y-kien/{id}/sua"), (editor, $"/quan-tri/lay-y-kien/{id}/gop-y"), (editor, $"/quan-tri/gop-y-du-thao/{commentId}"),
        })
        {
            var html = await client.GetStringAsync(new Uri(page, UriKind.Relative));
            Security.ExecutableMarkup.AssertNone(html, page);
            Assert.Contains(payload, new HtmlParser().ParseDocument(html).Body!.TextContent, StringComparison.Ordinal);
        }

        var feed = await reader.GetStringAsync(new Uri("/rss/lay-y-kien", UriKind.Relative));
        Assert.DoesNotContain("<script", feed, StringComparison.Ordinal);
        Assert.Contains("Dự thảo " + payload, System.Xml.Linq.XDocument.Parse(feed).Descendants("title").Select(t => t.Value));

        var docx = await editor.GetByteArrayAsync(new Uri($"/quan-tri/lay-y-kien/{id}/xuat-word", UriKind.Relative));
        var (rows, _) = WordRows(docx);
        Assert.Equal([payload, "Điều 1", payload, "Giải trình: " + payload], rows.Single()[1..]);
        Assert.DoesNotContain("<script", DocumentXml(docx), StringComparison.Ordinal);
        var xlsx = await editor.GetByteArrayAsync(new Uri($"/quan-tri/lay-y-kien/{id}/xuat-excel", UriKind.Relative));
        Assert.Equal(payload, ExcelRows(xlsx).Single()[1]);
    }

    [Fact]
    public async Task Contact_details_are_erased_after_the_retention_period_and_the_text_and_organisation_kept()
    {
        // A year on the fake clock would fire every periodic timer of the host once per period; the test runs the eraser itself.
        factory.TestServices.Add(services => services.RemoveAll<Microsoft.Extensions.Hosting.IHostedService>());
        var (id, _) = await CreateAsync(factory, Now.AddDays(-10), Now.AddSeconds(30));
        var commentId = await AddCommentAsync(factory, id, Now.AddDays(-2), "Góp ý cần lưu hồ sơ.", organisation: "Sở Nội vụ");
        var editor = await factory.SignedInAsync(Roles.Editor);

        // Concluding is refused while the draft is still open, then done once it has closed.
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/quan-tri/lay-y-kien/{id}/sua", $"/quan-tri/lay-y-kien/{id}/ket-thuc", [])).StatusCode);
        Assert.Null(await factory.WithDbAsync(db => db.Consultations.Where(c => c.Id == id).Select(c => c.ConcludedAt).SingleAsync()));
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/quan-tri/lay-y-kien/{id}/sua", $"/quan-tri/lay-y-kien/{id}/ket-thuc", [])).StatusCode);
        Assert.NotNull(await factory.WithDbAsync(db => db.Consultations.Where(c => c.Id == id).Select(c => c.ConcludedAt).SingleAsync()));

        var eraser = factory.Services.GetRequiredService<ContactEraser>();
        time.Advance(TimeSpan.FromDays(365) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await eraser.EraseDueAsync());
        Assert.Equal("levanbinh@example.vn", await factory.WithDbAsync(db => db.ConsultationComments.Where(c => c.Id == commentId).Select(c => c.Email).SingleAsync()));

        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await eraser.EraseDueAsync());
        var comment = await factory.WithDbAsync(db => db.ConsultationComments.AsNoTracking().SingleAsync(c => c.Id == commentId));
        Assert.Equal("", comment.FullName);
        Assert.Null(comment.Email);
        Assert.Null(comment.Phone);
        Assert.Equal("Góp ý cần lưu hồ sơ.", comment.Text);
        Assert.Equal("Sở Nội vụ", comment.Organisation);
        Assert.NotNull(comment.ContactErasedAt);
        Assert.Equal(1, await AuditCountAsync(AuditActions.ConsultationContactsErased));
        Assert.Equal(0, await eraser.EraseDueAsync());
    }

    [Fact]
    public async Task An_editor_creates_a_consultation_that_the_public_list_shows_at_once()
    {
        var editor = await factory.SignedInAsync(Roles.Editor);
        var reader = factory.CreateBrowserClient();
        Assert.DoesNotContain("Dự thảo Quy chế phối hợp", await reader.GetStringAsync(new Uri("/lay-y-kien", UriKind.Relative)), StringComparison.Ordinal);
        var opens = Data.Text.VietnamTime.ToLocal(Now).AddHours(-1).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var closes = Data.Text.VietnamTime.ToLocal(Now).AddDays(5).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var created = await editor.PostFormAsync("/quan-tri/lay-y-kien/tao", "/quan-tri/lay-y-kien/tao", [
            new("Title", "Dự thảo Quy chế phối hợp"), new("DraftingUnit", "Ban Dân tộc tỉnh Đồng Nai"), new("Summary", "Tóm tắt quy chế."),
            new("OpensAt", opens), new("ClosesAt", closes), new("DraftText", "Điều 1. Phạm vi\nNội dung."), new("IsPublished", "true"), new("IsPublished", "false"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("Dự thảo Quy chế phối hợp", await reader.GetStringAsync(new Uri("/lay-y-kien", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains("Dự thảo Quy chế phối hợp", await reader.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal(1, await AuditCountAsync("ConsultationCreated"));

        var refused = await editor.PostFormAsync("/quan-tri/lay-y-kien/tao", "/quan-tri/lay-y-kien/tao", [
            new("Title", "Sai thời gian"), new("DraftingUnit", "Ban"), new("Summary", "Tóm tắt."), new("OpensAt", closes), new("ClosesAt", opens),
        ]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("phải sau thời điểm bắt đầu", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public static (List<string[]> Rows, List<string> Groups) WordRows(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var table = document.MainDocumentPart!.Document!.Body!.Elements<W.Table>().Last();
        var rows = new List<string[]>();
        var groups = new List<string>();
        foreach (var row in table.Elements<W.TableRow>().Skip(1))
        {
            var cells = row.Elements<W.TableCell>().Select(c => string.Join('\n', c.Elements<W.Paragraph>().Select(p => p.InnerText))).ToArray();
            if (cells.Length == 1)
            {
                groups.Add(cells[0]);
            }
            else
            {
                rows.Add(cells);
            }
        }

        return (rows, groups);
    }

    public static List<string[]> ExcelRows(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet!;
        return sheet.Descendants<X.Row>()
            .Where(r => r.Elements<X.Cell>().FirstOrDefault()?.DataType?.Value == X.CellValues.Number)
            .Select(r => r.Elements<X.Cell>().Select(c => c.CellValue?.Text ?? c.InlineString?.InnerText ?? "").ToArray())
            .ToList();
    }

    private static string DocumentXml(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        using var reader = new StreamReader(document.MainDocumentPart!.GetStream());
        return reader.ReadToEnd();
    }
}
