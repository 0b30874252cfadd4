using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Admin;
using DongNai.EthnicPortal.Tests.Documents;
using DongNai.EthnicPortal.Tests.Infrastructure;
using DongNai.EthnicPortal.Tests.Polls;
using DongNai.EthnicPortal.Web.Services.Caching;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DongNai.EthnicPortal.Tests.Performance;

/// <summary>
/// Every admin write endpoint, read from the app's endpoint data, is either shown to change nothing a
/// reader sees, or has a scenario: an anonymous reader's page is in the output cache, an editor posts
/// the real form, and the reader's next request shows the change at once.
/// </summary>
public sealed class EvictionTests : IAsyncLifetime
{
    /// <summary>Admin writes that change nothing a reader can see, and why.</summary>
    private static readonly Dictionary<string, string> NotPublic = new(StringComparer.Ordinal)
    {
        ["Articles.Create"] = "a new article is a draft",
        ["Articles.Submit"] = "a submitted article is not public",
        ["Articles.Schedule"] = "a scheduled article is not public until the scheduler publishes it",
        ["Articles.Reject"] = "only submitted or scheduled articles, neither public, can be returned",
        ["MediaLibrary.Upload"] = "a new image is used nowhere yet",
        ["MediaLibrary.Delete"] = "only an image no article uses can be deleted",
        ["Users.Create"] = "accounts",
        ["Users.Edit"] = "accounts",
        ["Users.ResetPassword"] = "accounts",
        ["Users.Lock"] = "accounts",
        ["Users.Unlock"] = "accounts",
        ["Users.Deactivate"] = "accounts",
        ["Users.Activate"] = "accounts",
        ["Users.EndSessions"] = "ends an account's sign-in sessions; readers never sign in",
        ["AccountSessions.End"] = "ends one of the user's own sign-in sessions; readers never sign in",
        ["AccountSessions.EndOthers"] = "ends the user's other sign-in sessions; readers never sign in",
        ["Account.SignIn"] = "accounts",
        ["Account.TwoFactorSignIn"] = "accounts",
        ["Account.SignOutUser"] = "accounts",
        ["Account.ChangePassword"] = "accounts",
        ["Account.TwoFactor"] = "accounts",
        ["Account.DisableTwoFactor"] = "accounts",
        ["ArticleAutosave.Save"] = "an autosave is the editor's private copy",
        ["ArticleAutosave.Discard"] = "an autosave is the editor's private copy",
        ["ArticleAutosave.SaveUnsaved"] = "an autosave of a never-saved article is the editor's private copy",
        ["ArticleAutosave.DiscardUnsaved"] = "an autosave of a never-saved article is the editor's private copy",
        ["PageAutosave.Save"] = "a page autosave is the editor's private copy, never the page",
        ["PageAutosave.Discard"] = "a page autosave is the editor's private copy, never the page",
        ["PageAutosave.SaveUnsaved"] = "an autosave of a never-saved page is the editor's private copy",
        ["PageAutosave.DiscardUnsaved"] = "an autosave of a never-saved page is the editor's private copy",
        ["EditorImages.Upload"] = "a new image is used nowhere yet",
        ["AttachmentTexts.QueueNeverRead"] = "only queues extraction; the worker announces each document when its text is read (AttachmentTextTests)",
        ["AttachmentTexts.Requeue"] = "only queues extraction; the worker announces the document when its text is read (AttachmentTextTests)",
    };

    private readonly PortalFactory factory = new();
    private HttpClient admin = null!;
    private HttpClient author = null!;
    private HttpClient reader = null!;
    private List<AppEndpoint> gets = null!;
    private List<AppEndpoint> posts = null!;
    private int counter;

    public async ValueTask InitializeAsync()
    {
        gets = [.. AppEndpoints.Read(factory, "GET").Where(e => e.Area == "Admin")];
        posts = [.. AppEndpoints.Read(factory, "POST").Where(e => e.Area == "Admin")];
        admin = await factory.AdministratorAsync();
        author = await factory.SignedInAsync(Roles.Author);

        // No cookies and no user agent: not counted as a visit, so every page it reads can be cached.
        reader = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });
    }

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Every_admin_write_that_changes_public_content_shows_at_once()
    {
        var scenarios = Scenarios();
        var adminWrites = posts.Select(e => e.Key).Distinct().ToList();
        Assert.True(adminWrites.Count >= 40, $"Only {adminWrites.Count} admin write endpoints found");
        var unclassified = adminWrites.Where(key => !scenarios.ContainsKey(key) && !NotPublic.ContainsKey(key)).ToList();
        Assert.True(unclassified.Count == 0, "Give these admin writes an eviction scenario or a reason: " + string.Join(", ", unclassified));
        var stale = scenarios.Keys.Concat(NotPublic.Keys).Where(key => !adminWrites.Contains(key)).ToList();
        Assert.True(stale.Count == 0, "No such admin write endpoints: " + string.Join(", ", stale));

        var failures = new List<string>();
        foreach (var (key, scenario) in scenarios)
        {
            try
            {
                await scenario();
            }
            catch (Exception exception) when (exception is Xunit.Sdk.XunitException or InvalidOperationException)
            {
                failures.Add($"{key}: {exception.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private Dictionary<string, Func<Task>> Scenarios() => new(StringComparer.Ordinal)
    {
        ["Articles.Edit"] = async () =>
        {
            var (id, categoryUrl) = await PublishedArticleAsync();
            var title = Unique("Tiêu đề đã sửa");
            await WarmAsync(categoryUrl);
            await SubmitAsync(Get("Articles.Edit", id), Post("Articles.Edit", id), ("Title", title));
            await ShowsAsync(categoryUrl, title);
        },
        ["Articles.Publish"] = async () =>
        {
            var title = Unique("Bài chờ xuất bản");
            var id = await author.CreateArticleAsync(factory, title);
            var categoryUrl = await CategoryUrlAsync(id);
            await WarmAsync(categoryUrl);
            await SubmitAsync(Get("Articles.Edit", id), Post("Articles.Publish", id));
            await ShowsAsync(categoryUrl, title);
        },
        ["Articles.Withdraw"] = async () =>
        {
            var (id, _) = await PublishedArticleAsync();
            var url = await ArticleUrlAsync(id);
            await WarmAsync(url);
            await SubmitAsync(Get("Articles.Edit", id), Post("Articles.Withdraw", id), ("reason", "Gỡ để kiểm tra bộ nhớ đệm"));
            await AnswersAsync(url, HttpStatusCode.NotFound);
        },
        ["Articles.Delete"] = async () =>
        {
            var (id, categoryUrl) = await PublishedArticleAsync();
            var title = (await factory.ArticleAsync(id)).Title;
            await WarmAsync(categoryUrl);
            await SubmitAsync(Get("Articles.Edit", id), Post("Articles.Delete", id));
            await HidesAsync(categoryUrl, title);
        },
        ["Articles.Restore"] = async () =>
        {
            var first = Unique("Phiên bản đầu");
            var id = await author.CreateArticleAsync(factory, first);
            await SubmitAsync(Get("Articles.Edit", id), Post("Articles.Edit", id), ("Title", Unique("Phiên bản sau")));
            await SubmitAsync(Get("Articles.Edit", id), Post("Articles.Publish", id));
            var categoryUrl = await CategoryUrlAsync(id);
            var revision = await factory.WithDbAsync(db => db.ArticleRevisions.Where(r => r.ArticleId == id).MinAsync(r => r.Id));
            await WarmAsync(categoryUrl);
            await SubmitAsync(Get("Articles.Revisions", id), Post("Articles.Restore", revision));
            await ShowsAsync(categoryUrl, first);
        },
        ["Documents.Create"] = async () =>
        {
            var symbol = $"{Next()}/KH-BDT";
            var typeId = await factory.WithDbAsync(db => db.DocumentTypes.MinAsync(t => t.Id));
            var issuerId = await factory.WithDbAsync(db => db.IssuingBodies.MinAsync(b => b.Id));
            await WarmAsync("/van-ban");
            await SubmitAsync(Get("Documents.Create"), Post("Documents.Create"),
                ("NumberAndSymbol", symbol), ("DocumentTypeId", Text(typeId)), ("IssuingBodyId", Text(issuerId)),
                ("SignerName", "Nguyễn Văn A"), ("Abstract", "Kế hoạch thử bộ nhớ đệm"), ("IsPublished", "true"));
            await ShowsAsync("/van-ban", symbol);
        },
        ["Documents.Edit"] = async () =>
        {
            var (id, url) = await PublishedDocumentAsync();
            var signer = Unique("Người ký");
            await WarmAsync(url);
            await SubmitAsync(Get("Documents.Edit", id), Post("Documents.Edit", id), ("SignerName", signer));
            await ShowsAsync(url, signer);
        },
        ["Documents.Delete"] = async () =>
        {
            var (id, _) = await PublishedDocumentAsync();
            var symbol = await factory.WithDbAsync(db => db.OfficialDocuments.Where(d => d.Id == id).Select(d => d.NumberAndSymbol).FirstAsync());
            await WarmAsync("/van-ban");
            await SubmitAsync(Get("Documents.Delete", id), Post("Documents.Delete", id));
            await HidesAsync("/van-ban", symbol);
        },
        ["DocumentAttachments.Upload"] = async () =>
        {
            var (id, url) = await PublishedDocumentAsync();
            var fileName = $"bao-cao-{Next()}.txt";
            await WarmAsync(url);
            await UploadAsync(Get("Documents.Edit", id), Post("DocumentAttachments.Upload", id), fileName, "Báo cáo thử nghiệm."u8.ToArray());
            await ShowsAsync(url, fileName);
        },
        ["DocumentAttachments.Replace"] = async () =>
        {
            var (id, url) = await PublishedDocumentAsync();
            await UploadAsync(Get("Documents.Edit", id), Post("DocumentAttachments.Upload", id), $"ban-cu-{Next()}.txt", "Bản cũ."u8.ToArray());
            var attachmentId = await factory.WithDbAsync(db => db.DocumentAttachments.Where(a => a.OfficialDocumentId == id).MaxAsync(a => a.Id));
            var fileName = $"ban-moi-{Next()}.txt";
            await WarmAsync(url);
            await UploadAsync(Get("Documents.Edit", id), Post("DocumentAttachments.Replace", id, attachmentId), fileName, "Bản mới."u8.ToArray());
            await ShowsAsync(url, fileName);
        },
        ["AttachmentTexts.Correct"] = async () =>
        {
            var (id, _) = await PublishedDocumentAsync();
            var fileName = $"bien-ban-{Next()}.txt";
            await UploadAsync(Get("Documents.Edit", id), Post("DocumentAttachments.Upload", id), fileName, "Biên bản họp thử nghiệm."u8.ToArray());
            var attachmentId = await factory.WithDbAsync(db => db.DocumentAttachments.Where(a => a.OfficialDocumentId == id).MaxAsync(a => a.Id));
            await ExtractedAsync(attachmentId);
            var word = $"chinhsua{Next()}";
            var search = $"/tim-kiem?q={word}";
            await WarmAsync(search);
            await SubmitAsync(Get("AttachmentTexts.Page", id, attachmentId), Post("AttachmentTexts.Correct", id, attachmentId, 1), ("text", "Biên bản đã sửa " + word));
            await ShowsAsync(search, fileName);
        },
        ["DocumentAttachments.RemoveAttachment"] = async () =>
        {
            var (id, url) = await PublishedDocumentAsync();
            var fileName = $"phu-luc-{Next()}.txt";
            await UploadAsync(Get("Documents.Edit", id), Post("DocumentAttachments.Upload", id), fileName, "Phụ lục thử nghiệm."u8.ToArray());
            var attachmentId = await factory.WithDbAsync(db => db.DocumentAttachments.Where(a => a.OfficialDocumentId == id).MaxAsync(a => a.Id));
            await WarmAsync(url);
            await SubmitAsync(Get("Documents.Edit", id), Post("DocumentAttachments.RemoveAttachment", id, attachmentId));
            await HidesAsync(url, fileName);
        },
        ["DocumentRelations.AddRelation"] = async () =>
        {
            var (id, url) = await PublishedDocumentAsync();
            var (otherId, _) = await PublishedDocumentAsync();
            var other = await factory.WithDbAsync(db => db.OfficialDocuments.Where(d => d.Id == otherId).Select(d => d.NumberAndSymbol).FirstAsync());
            await WarmAsync(url);
            await SubmitAsync(Get("Documents.Edit", id), Post("DocumentRelations.AddRelation", id), ("target", other));
            await ShowsAsync(url, other);
        },
        ["DocumentRelations.RemoveRelation"] = async () =>
        {
            var (id, url) = await PublishedDocumentAsync();
            var (otherId, _) = await PublishedDocumentAsync();
            var other = await factory.WithDbAsync(db => db.OfficialDocuments.Where(d => d.Id == otherId).Select(d => d.NumberAndSymbol).FirstAsync());
            await SubmitAsync(Get("Documents.Edit", id), Post("DocumentRelations.AddRelation", id), ("target", other));
            var relationId = await factory.WithDbAsync(db => db.DocumentRelations.Where(r => r.FromDocumentId == id).MaxAsync(r => r.Id));
            await WarmAsync(url);
            await SubmitAsync(Get("Documents.Edit", id), Post("DocumentRelations.RemoveRelation", id, relationId));
            await HidesAsync(url, other);
        },
        ["DocumentLookups.AddLookup"] = async () =>
        {
            var name = Unique("Cơ quan thử");
            await WarmAsync("/van-ban");
            await SubmitAsync(Get("DocumentLookups.Index"), Post("DocumentLookups.AddLookup", "co-quan"), ("name", name));
            await ShowsAsync("/van-ban", name);
        },
        ["DocumentLookups.RenameLookup"] = async () =>
        {
            var issuerId = await factory.WithDbAsync(db => db.IssuingBodies.MinAsync(b => b.Id));
            var name = Unique("Cơ quan đổi tên");
            await WarmAsync("/van-ban");
            await SubmitAsync(Get("DocumentLookups.Index"), Post("DocumentLookups.RenameLookup", "co-quan", issuerId), ("name", name));
            await ShowsAsync("/van-ban", name);
        },
        ["Pages.Create"] = async () =>
        {
            var title = Unique("Trang mới");
            await WarmAsync("/");
            await SubmitAsync(Get("Pages.Create"), Post("Pages.Create"), ("Title", title), ("Language", "vi"), ("ShowInMenu", "true"), ("IsPublished", "true"));
            await ShowsAsync("/", title);
        },
        ["Pages.Edit"] = async () =>
        {
            var id = await factory.WithDbAsync(db => db.Pages.Where(p => p.Slug == Page.IntroductionSlug).Select(p => p.Id).FirstAsync());
            var title = Unique("Giới thiệu chung");
            await WarmAsync("/gioi-thieu");
            await SubmitAsync(Get("Pages.Edit", id), Post("Pages.Edit", id), ("Title", title));
            await ShowsAsync("/gioi-thieu", title);
        },
        ["Pages.Delete"] = async () =>
        {
            var title = Unique("Trang sẽ xóa");
            var id = await AddAsync(new Page { Title = title, Slug = $"trang-se-xoa-{Next()}", Language = "vi", ShowInMenu = true, IsPublished = true, BodyHtml = "<p>Tạm.</p>", UpdatedAt = DateTime.UtcNow });
            await WarmAsync("/");
            await SubmitAsync(Get("Pages.Edit", id), Post("Pages.Delete", id));
            await HidesAsync("/", title);
        },
        ["Categories.Create"] = async () =>
        {
            var name = Unique("Chuyên mục mới");
            await WarmAsync("/");
            await SubmitAsync(Get("Categories.Create"), Post("Categories.Create"), ("Name", name), ("ShowInMenu", "true"));
            await ShowsAsync("/", name);
        },
        ["Categories.Edit"] = async () =>
        {
            var id = await factory.FirstCategoryIdAsync();
            var name = Unique("Chuyên mục đổi tên");
            await WarmAsync("/");
            await SubmitAsync(Get("Categories.Edit", id), Post("Categories.Edit", id), ("Name", name), ("ShowInMenu", "true"));
            await ShowsAsync("/", name);
        },
        ["Categories.Delete"] = async () =>
        {
            var name = Unique("Chuyên mục sẽ xóa");
            var id = await AddAsync(new Category { Name = name, Slug = $"chuyen-muc-se-xoa-{Next()}", ShowInMenu = true, SortOrder = 99 });
            await WarmAsync("/");
            await SubmitAsync(Get("Categories.Index"), Post("Categories.Delete", id));
            await HidesAsync("/", name);
        },
        ["WebLinks.Create"] = async () =>
        {
            var name = Unique("Liên kết mới");
            await WarmAsync("/");
            await SubmitAsync(Get("WebLinks.Create"), Post("WebLinks.Create"), ("Name", name), ("Url", "https://dongnai.gov.vn/"), ("IsVisible", "true"));
            await ShowsAsync("/", name);
        },
        ["WebLinks.Edit"] = async () =>
        {
            var id = await AddAsync(new WebLink { Name = Unique("Liên kết cũ"), Url = "https://dongnai.gov.vn/", IsVisible = true, SortOrder = 99 });
            var name = Unique("Liên kết đổi tên");
            await WarmAsync("/");
            await SubmitAsync(Get("WebLinks.Edit", id), Post("WebLinks.Edit", id), ("Name", name));
            await ShowsAsync("/", name);
        },
        ["WebLinks.Delete"] = async () =>
        {
            var name = Unique("Liên kết sẽ xóa");
            var id = await AddAsync(new WebLink { Name = name, Url = "https://dongnai.gov.vn/", IsVisible = true, SortOrder = 99 });
            await WarmAsync("/");
            await SubmitAsync(Get("WebLinks.Index"), Post("WebLinks.Delete", id));
            await HidesAsync("/", name);
        },
        ["Settings.Index"] = async () =>
        {
            var phone = $"0251 {Next()}";
            await WarmAsync("/");
            await SubmitAsync(Get("Settings.Index"), Post("Settings.Index"), ("Phone", phone));
            await ShowsAsync("/", phone);
        },
        ["Polls.Create"] = async () =>
        {
            var question = Unique("Câu hỏi mới");
            await WarmAsync("/tham-do-y-kien");
            await SubmitAsync(Get("Polls.Create"), Post("Polls.Create"), ("Question", question), ("Options[0].Text", "Có"), ("Options[1].Text", "Không"), ("IsVisible", "true"));
            await ShowsAsync("/tham-do-y-kien", question);
        },
        ["Polls.Edit"] = async () =>
        {
            // The sidebar widget's poll: it sits on every page and in an in-memory copy.
            var poll = await factory.CreatePollAsync(DateTime.UtcNow.AddSeconds(-1));
            var question = Unique("Câu hỏi đã sửa");
            await WarmAsync("/");
            await SubmitAsync(Get("Polls.Edit", poll.Id), Post("Polls.Edit", poll.Id), ("Question", question));
            await ShowsAsync("/", question);
        },
        ["Polls.Open"] = async () =>
        {
            var poll = await factory.CreatePollAsync(DateTime.UtcNow.AddDays(-1), visible: false, question: Unique("Câu hỏi chưa mở"));
            var question = await factory.WithDbAsync(db => db.Polls.Where(p => p.Id == poll.Id).Select(p => p.Question).FirstAsync());
            await WarmAsync("/tham-do-y-kien");
            await SubmitAsync(Get("Polls.Index"), Post("Polls.Open", poll.Id));
            await ShowsAsync("/tham-do-y-kien", question);
        },
        ["Polls.Close"] = async () =>
        {
            var poll = await factory.CreatePollAsync(DateTime.UtcNow.AddDays(-1));
            var results = $"/tham-do-y-kien/{poll.Id}";
            var vote = $"{results}/binh-chon";
            await WarmAsync(results);
            Assert.True(HasForm(await ReadAsync(results), vote), "An open poll's results page should offer its vote form");
            await SubmitAsync(Get("Polls.Index"), Post("Polls.Close", poll.Id));
            Assert.False(HasForm(await ReadAsync(results), vote), $"{results} still offers the vote form after the poll was closed");
        },
        ["MediaLibrary.Details"] = async () =>
        {
            await UploadAsync(Get("MediaLibrary.Index"), Post("MediaLibrary.Upload"), "anh-bia.jpg", TestImages.Solid(64, 48), ("altText", "Mô tả cũ"));
            var mediaId = await factory.WithDbAsync(db => db.MediaFiles.MaxAsync(m => m.Id));
            var (articleId, _) = await PublishedArticleAsync(coverImageId: mediaId);
            var url = await ArticleUrlAsync(articleId);
            var altText = Unique("Mô tả ảnh mới");
            await WarmAsync(url);
            await SubmitAsync(Get("MediaLibrary.Details", mediaId), Post("MediaLibrary.Details", mediaId), ("altText", altText));
            var page = await ReadAsync(url);
            Assert.True(page.QuerySelectorAll("img").Any(img => img.GetAttribute("alt") == altText), $"{url} does not show the cover's new description");
        },
        ["SearchIndex.Rebuild"] = async () =>
        {
            var (id, _) = await PublishedArticleAsync();
            var word = $"tukhoa{Next()}";

            // Written around the change path, so only a rebuild puts the word into the index.
            await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Title, "Bài có " + word)));
            var url = $"/tim-kiem?q={word}";
            await WarmAsync(url);
            await HidesAsync(url, "Bài có " + word);
            await SubmitAsync(Get("SearchIndex.Index"), Post("SearchIndex.Rebuild"));
            await RebuiltAsync();

            // The worker switches the index, then evicts: for that moment readers still get the old page.
            // Waiting a few seconds, far less than a page's cache lifetime, still fails without the eviction.
            for (var attempt = 0; attempt < 50 && !(await ReadAsync(url)).Body!.TextContent.Contains("Bài có " + word, StringComparison.Ordinal); attempt++)
            {
                await Task.Delay(100);
            }

            await ShowsAsync(url, "Bài có " + word);
        },
        ["Consultations.Create"] = async () =>
        {
            var title = Unique("Dự thảo mới");
            var opens = Data.Text.VietnamTime.ToLocal(DateTime.UtcNow.AddDays(-1)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
            await WarmAsync("/lay-y-kien");
            await SubmitAsync(Get("Consultations.Create"), Post("Consultations.Create"), ("Title", title), ("Summary", "Tóm tắt dự thảo."), ("OpensAt", opens), ("IsPublished", "true"));
            await ShowsAsync("/lay-y-kien", title);
        },
        ["Consultations.Edit"] = async () =>
        {
            var (id, _) = await OpenConsultationAsync();
            var title = Unique("Dự thảo đổi tên");
            await WarmAsync("/lay-y-kien");
            await SubmitAsync(Get("Consultations.Edit", id), Post("Consultations.Edit", id), ("Title", title));
            await ShowsAsync("/lay-y-kien", title);
        },
        ["Consultations.Conclude"] = async () =>
        {
            var (id, url) = await ClosedConsultationAsync();
            await WarmAsync(url);
            await SubmitAsync(Get("Consultations.Edit", id), Post("Consultations.Conclude", id));
            await ShowsAsync(url, "Kết quả lấy ý kiến");
        },
        ["ConsultationFiles.Upload"] = async () =>
        {
            var (id, url) = await ClosedConsultationAsync();
            var fileName = $"Du-thao-{Next()}.pdf";
            await WarmAsync(url);
            await UploadAsync(Get("Consultations.Edit", id), Post("ConsultationFiles.Upload", id), fileName, MinimalPdf, ("kind", "Draft"));
            await ShowsAsync(url, fileName);
        },
        ["ConsultationFiles.RemoveFile"] = async () =>
        {
            var (id, url) = await ClosedConsultationAsync();
            var fileName = $"Tep-go-{Next()}.pdf";
            await UploadAsync(Get("Consultations.Edit", id), Post("ConsultationFiles.Upload", id), fileName, MinimalPdf, ("kind", "Draft"));
            var fileId = await factory.WithDbAsync(db => db.ConsultationFiles.Where(f => f.ConsultationId == id).Select(f => f.Id).SingleAsync());
            await WarmAsync(url);
            await SubmitAsync(Get("Consultations.Edit", id), Post("ConsultationFiles.RemoveFile", id, fileId));
            await HidesAsync(url, fileName);
        },
        ["ConsultationFiles.ImportText"] = async () =>
        {
            var (id, url) = await ClosedConsultationAsync(draftText: null);
            var clause = Unique("Điều 1. Phạm vi điều chỉnh của dự thảo");
            await UploadAsync(Get("Consultations.Edit", id), Post("ConsultationFiles.Upload", id), "du-thao.docx", Docx(clause), ("kind", "Draft"));
            var fileId = await factory.WithDbAsync(db => db.ConsultationFiles.Where(f => f.ConsultationId == id).Select(f => f.Id).SingleAsync());
            await WarmAsync(url);
            await SubmitAsync(Get("Consultations.Edit", id), Post("ConsultationFiles.ImportText", id, fileId));
            await ShowsAsync(url, clause);
        },
        ["ConsultationComments.SetStatus"] = async () =>
        {
            var (id, url) = await ClosedConsultationAsync(publishComments: true);
            var text = Unique("Góp ý về chính sách hỗ trợ");
            var commentId = await AddAsync(Comment(id, text, ConsultationCommentStatus.New));
            await WarmAsync(url);
            await SubmitAsync(Get("ConsultationComments.Show", commentId), Post("ConsultationComments.SetStatus", commentId), ("status", "Approved"));
            await ShowsAsync(url, text);
        },
        ["ConsultationComments.Respond"] = async () =>
        {
            var (id, url) = await ClosedConsultationAsync(publishComments: true);
            var commentId = await AddAsync(Comment(id, Unique("Góp ý đã duyệt"), ConsultationCommentStatus.Approved));
            var answer = Unique("Nội dung đã có tại Điều 3");
            await WarmAsync(url);
            await SubmitAsync(Get("ConsultationComments.Show", commentId), Post("ConsultationComments.Respond", commentId), ("kind", "Explained"), ("text", answer));
            await ShowsAsync(url, answer);
        },
    };

    /// <summary>The background worker reads a text file in moments; bounded (90 s on a loaded machine), so a stuck queue fails the scenario.</summary>
    private async Task ExtractedAsync(int attachmentId)
    {
        for (var attempt = 0; attempt < 900; attempt++)
        {
            if (await factory.WithDbAsync(db => db.AttachmentTextPages.AnyAsync(p => p.DocumentAttachmentId == attachmentId)))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"Attachment {attachmentId} was not extracted within 90 s");
    }

    /// <summary>The rebuild runs in the background and evicts when it switches; bounded like the extraction wait.</summary>
    private async Task RebuiltAsync()
    {
        for (var attempt = 0; attempt < 900; attempt++)
        {
            if (!await factory.WithDbAsync(db => db.SearchIndexStates.AnyAsync(s => s.BuildingGeneration != null)))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("The search index was not rebuilt within 90 s");
    }

    private static readonly byte[] MinimalPdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();

    private static byte[] Docx(string paragraph)
    {
        using var stream = new MemoryStream();
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var body = new DocumentFormat.OpenXml.Wordprocessing.Body(
                new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text(paragraph))));
            document.AddMainDocumentPart().Document = new DocumentFormat.OpenXml.Wordprocessing.Document(body);
        }

        return stream.ToArray();
    }

    private Task<(int Id, string Url)> OpenConsultationAsync(bool publishComments = false, string? draftText = "Điều 1. Nội dung thử nghiệm.") =>
        Consultations.ConsultationTestSupport.CreateAsync(factory, DateTime.UtcNow.AddDays(-1), DateTime.UtcNow.AddDays(30), Unique("Dự thảo lấy ý kiến"), publishComments, draftText);

    /// <summary>Past its closing date: its page has no comment form, so the output cache keeps it.</summary>
    private Task<(int Id, string Url)> ClosedConsultationAsync(bool publishComments = false, string? draftText = "Điều 1. Nội dung thử nghiệm.") =>
        Consultations.ConsultationTestSupport.CreateAsync(factory, DateTime.UtcNow.AddDays(-30), DateTime.UtcNow.AddDays(-1), Unique("Dự thảo đã hết hạn góp ý"), publishComments, draftText);

    private static ConsultationComment Comment(int consultationId, string text, ConsultationCommentStatus status) => new()
    {
        ConsultationId = consultationId,
        FullName = "Nguyễn Văn A",
        Organisation = "UBND xã Tà Lài",
        Text = text,
        SubmittedAt = DateTime.UtcNow,
        ConsentedAt = DateTime.UtcNow,
        SubmittedOn = DateOnly.FromDateTime(DateTime.UtcNow),
        IpHash = "thu-nghiem",
        Status = status,
    };

    private string Get(string key, params object[] values) => UrlOf(gets, key, values);

    private string Post(string key, params object[] values) => UrlOf(posts, key, values);

    /// <summary>The endpoint's own template, its parameters filled in order.</summary>
    private static string UrlOf(List<AppEndpoint> endpoints, string key, object[] values)
    {
        var endpoint = endpoints.Where(e => e.Key == key).MinBy(e => e.Template.Length) ?? throw new InvalidOperationException($"No endpoint {key}");
        var queue = new Queue<object>(values);
        return endpoint.Url(_ => Convert.ToString(queue.Dequeue(), CultureInfo.InvariantCulture)!);
    }

    private async Task SubmitAsync(string pageUrl, string action, params (string Name, string? Value)[] changes)
    {
        var response = await admin.SubmitFormAsync(pageUrl, action, changes);
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther, $"POST {action} answered {(int)response.StatusCode}");
        await NoFlashErrorAsync(response);
    }

    private async Task UploadAsync(string pageUrl, string action, string fileName, byte[] content, params KeyValuePair<string, string>[] fields)
    {
        var response = await admin.PostFileAsync(pageUrl, action, fileName, content, fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"POST {action} answered {(int)response.StatusCode}");
        await NoFlashErrorAsync(response);
    }

    /// <summary>A redirect can still carry a refusal ("Vui lòng …"), shown once on the next page.</summary>
    private async Task NoFlashErrorAsync(HttpResponseMessage response)
    {
        var next = new HtmlParser().ParseDocument(await admin.GetStringAsync(response.Headers.Location));
        var error = next.QuerySelector(".flash-error")?.TextContent;
        Assert.True(error is null, $"{response.RequestMessage?.RequestUri?.AbsolutePath} was refused: {error}");
    }

    private Task UploadAsync(string pageUrl, string action, string fileName, byte[] content, (string Name, string Value) field) =>
        UploadAsync(pageUrl, action, fileName, content, new KeyValuePair<string, string>(field.Name, field.Value));

    /// <summary>Reads the page twice; the second answer must come from the output cache, or the scenario proves nothing.</summary>
    /// <remarks>
    /// Background work (an attachment's text extraction) may evict the page between the two reads; the page
    /// is then read again, a bounded number of times, so the scenario starts from a cached page.
    /// </remarks>
    private async Task WarmAsync(string url)
    {
        for (var attempt = 0; ; attempt++)
        {
            await AnswersAsync(url, HttpStatusCode.OK);
            var second = await reader.GetAsync(new Uri(url, UriKind.Relative));
            if (second.Headers.Age is not null)
            {
                return;
            }

            Assert.True(attempt < 20, $"{url} was not served from the output cache");
            await Task.Delay(100);
        }
    }

    private async Task AnswersAsync(string url, HttpStatusCode status)
    {
        var response = await reader.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.StatusCode == status, $"{url} answered {(int)response.StatusCode}, expected {(int)status}");
    }

    private async Task<IDocument> ReadAsync(string url)
    {
        var response = await reader.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    private async Task ShowsAsync(string url, string text) =>
        Assert.True((await ReadAsync(url)).Body!.TextContent.Contains(text, StringComparison.Ordinal), $"{url} does not show “{text}”");

    private async Task HidesAsync(string url, string text) =>
        Assert.False((await ReadAsync(url)).Body!.TextContent.Contains(text, StringComparison.Ordinal), $"{url} still shows “{text}”");

    private static bool HasForm(IDocument page, string action) =>
        page.QuerySelectorAll("form").Any(f => f.GetAttribute("action") == action);

    /// <summary>A published article, the newest of its category, so the category's first page lists it.</summary>
    private async Task<(int Id, string CategoryUrl)> PublishedArticleAsync(int? coverImageId = null)
    {
        var categoryId = await factory.FirstCategoryIdAsync();
        var article = TestArticles.New(categoryId, Unique("Bài đã đăng"), ArticleStatus.Published, DateTime.UtcNow.AddSeconds(-1));
        article.CoverImageId = coverImageId;
        var id = await AddAsync(article);
        await factory.WithDbAsync(async db =>
        {
            db.ArticleRevisions.Add(new ArticleRevision { ArticleId = id, Title = article.Title, Summary = article.Summary, BodyHtml = article.BodyHtml, CategoryId = categoryId, AuthorByline = article.AuthorByline, SavedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        return (id, await CategoryUrlAsync(id));
    }

    private async Task<(int Id, string Url)> PublishedDocumentAsync()
    {
        var document = await factory.WithDbAsync(async db =>
        {
            var created = DocumentsTestSupport.NewDocument(db, $"{Next()}/BC-BDT", DateOnly.FromDateTime(DateTime.UtcNow));
            db.OfficialDocuments.Add(created);
            await db.SaveChangesAsync();
            return created;
        });
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ContentChanges>().DocumentChangedAsync(document.Id);
        }

        return (document.Id, $"/van-ban/{document.Id}/{document.Slug}");
    }

    private Task<string> CategoryUrlAsync(int articleId) =>
        factory.WithDbAsync(db => db.Articles.Where(a => a.Id == articleId).Select(a => "/chuyen-muc/" + a.Category.Slug).FirstAsync());

    private Task<string> ArticleUrlAsync(int articleId) =>
        factory.WithDbAsync(db => db.Articles.Where(a => a.Id == articleId).Select(a => "/tin-tuc/" + a.Slug + "-" + a.Id).FirstAsync());

    private async Task<int> AddAsync<T>(T entity)
        where T : class
    {
        await factory.WithDbAsync(async db =>
        {
            db.Add(entity);
            await db.SaveChangesAsync();
        });
        return (int)typeof(T).GetProperty("Id")!.GetValue(entity)!;
    }

    private int Next() => Interlocked.Increment(ref counter) + 9000;

    private string Unique(string text) => $"{text} {Next()}";

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
