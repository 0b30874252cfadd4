using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Tests.Infrastructure;
using DongNai.EthnicPortal.Tests.Polls;
using DongNai.EthnicPortal.Web.Services.Caching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DongNai.EthnicPortal.Tests.Consultations;

/// <summary>A consultation written straight to the database, and a citizen's browser that fills in its form.</summary>
public static partial class ConsultationTestSupport
{
    public const string DraftText = """
        KẾ HOẠCH
        Điều 1. Phạm vi điều chỉnh
        Kế hoạch áp dụng trên địa bàn tỉnh.
        Điều 2. Nhiệm vụ trọng tâm
        Hỗ trợ sinh kế cho đồng bào.
        Điều 3. Tổ chức thực hiện
        Ban Dân tộc chủ trì.
        """;

    public static readonly DateTimeOffset Start = new(2026, 11, 28, 2, 0, 0, TimeSpan.Zero);

    /// <summary>A factory on a fake clock, with the anti-spam limits opened wide unless a test narrows them.</summary>
    public static PortalFactory NewFactory(FakeTimeProvider time)
    {
        var factory = new PortalFactory { Time = time };
        factory.TestServices.Add(TestClientAddress.Register);
        factory.Settings["Portal:Consultations:MinSecondsBeforeSubmit"] = "3";
        factory.Settings["Portal:Consultations:MaxCommentsPerIpPerDay"] = "1000";
        factory.Settings["Portal:RateLimits:CommentsPerMinute"] = "100000";
        return factory;
    }

    public static async Task<(int Id, string Url)> CreateAsync(PortalFactory factory, DateTime opensAt, DateTime closesAt, string title = "Dự thảo Kế hoạch thử nghiệm lấy ý kiến", bool publishComments = false, string? draftText = DraftText)
    {
        var consultation = new Consultation
        {
            Title = title,
            Slug = VietnameseText.Slugify(title),
            DraftingUnit = "Ban Dân tộc tỉnh Đồng Nai",
            Summary = "Tóm tắt " + title,
            DraftText = draftText,
            OpensAt = opensAt,
            ClosesAt = closesAt,
            IsPublished = true,
            PublishComments = publishComments,
            CreatedAt = opensAt,
            UpdatedAt = opensAt,
        };
        await factory.WithDbAsync(async db =>
        {
            db.Consultations.Add(consultation);
            await db.SaveChangesAsync();
        });
        await factory.AnnounceAsync(consultation.Id);
        return (consultation.Id, $"/lay-y-kien/{consultation.Id}/{consultation.Slug}");
    }

    /// <summary>What an editor's save does after writing: the cached lists and the home block forget the old state.</summary>
    public static Task AnnounceAsync(this PortalFactory factory, int consultationId) =>
        factory.Services.GetRequiredService<ContentChanges>().ConsultationChangedAsync(consultationId);

    public sealed record LoadedForm(string Token, string Stamp);

    /// <summary>Loads the page of an open draft as a browser does and reads the hidden fields of its form.</summary>
    public static async Task<LoadedForm> LoadFormAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var form = document.QuerySelector("form.comment-form");
        Assert.NotNull(form);
        return new(
            form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            form.QuerySelector("input[name=dau_thoi_gian]")!.GetAttribute("value")!);
    }

    public static Dictionary<string, string> ValidFields(string text = "Đề nghị bổ sung nội dung hỗ trợ đào tạo nghề cho thanh niên dân tộc thiểu số.") => new(StringComparer.Ordinal)
    {
        ["Form.FullName"] = "Nguyễn Văn An",
        ["Form.Organisation"] = "UBND xã Phú Lý",
        ["Form.Email"] = "nguyenvanan@example.vn",
        ["Form.Phone"] = "0912 345 678",
        ["Form.Part"] = "2",
        ["Form.Text"] = text,
        ["Form.Consent"] = "true",
    };

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, int consultationId, LoadedForm form, IDictionary<string, string> fields)
    {
        var content = new FormUrlEncodedContent(fields
            .Append(new("__RequestVerificationToken", form.Token))
            .Append(new("dau_thoi_gian", form.Stamp)));
        return client.PostAsync(new Uri($"/lay-y-kien/{consultationId}/gop-y", UriKind.Relative), content);
    }

    /// <summary>Loads the form, waits as a person would, and sends the comment.</summary>
    public static async Task<HttpResponseMessage> CommentAsync(HttpClient client, FakeTimeProvider time, string url, int consultationId, IDictionary<string, string> fields)
    {
        var form = await LoadFormAsync(client, url);
        time.Advance(TimeSpan.FromSeconds(10));
        return await PostAsync(client, consultationId, form, fields);
    }

    public static string? ReceiptCode(string html) => Receipt().Match(html) is { Success: true } match ? match.Groups[1].Value : null;

    public static HttpClient Citizen(this PortalFactory factory, string address = "203.0.113.10") => factory.CreateBrowserClient().From(address);

    [GeneratedRegex(@"Mã góp ý: <strong>(GY-\d{4}-\d{5,})</strong>")]
    private static partial Regex Receipt();
}
