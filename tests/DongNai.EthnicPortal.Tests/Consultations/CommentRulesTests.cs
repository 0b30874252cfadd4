using System.Net;
using AngleSharp.Html.Parser;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;
using DongNai.EthnicPortal.Web.Controllers;
using DongNai.EthnicPortal.Web.Services.Consultations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static DongNai.EthnicPortal.Tests.Consultations.ConsultationTestSupport;

namespace DongNai.EthnicPortal.Tests.Consultations;

/// <summary>What the comment endpoint accepts and refuses, on a fake clock.</summary>
public sealed class CommentRulesTests : IDisposable
{
    private readonly FakeTimeProvider time = new(Start);
    private readonly PortalFactory factory;

    public CommentRulesTests() => factory = NewFactory(time);

    public void Dispose() => factory.Dispose();

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private Task<int> CountAsync(int consultationId) => factory.WithDbAsync(db => db.ConsultationComments.CountAsync(c => c.ConsultationId == consultationId));

    [Fact]
    public async Task A_comment_one_second_before_the_opening_instant_is_refused_and_one_at_that_instant_is_stored()
    {
        var opensAt = Now.AddSeconds(11);
        var (id, _) = await CreateAsync(factory, opensAt, opensAt.AddDays(10));

        // A scheduled draft shows no form, so the antiforgery token comes from another draft's page and
        // the stamp is sealed for this one, as a form loaded from a stale copy of the page would carry.
        var (_, openUrl) = await CreateAsync(factory, Now.AddDays(-1), Now.AddDays(10), "Dự thảo đang mở để lấy mẫu biểu");
        var client = factory.Citizen();
        var form = (await LoadFormAsync(client, openUrl)) with { Stamp = factory.Services.GetRequiredService<FormStamp>().Issue(id) };

        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(opensAt.AddSeconds(-1), Now);
        var early = await PostAsync(client, id, form, ValidFields());
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains(ConsultationsController.NotOpenYetMessage, WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(id));

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(opensAt, Now);
        var onTime = await PostAsync(client, id, form, ValidFields());
        Assert.Equal(HttpStatusCode.OK, onTime.StatusCode);
        Assert.Matches(@"^GY-2026-\d{5}$", ReceiptCode(await onTime.Content.ReadAsStringAsync()));
        Assert.Equal(1, await CountAsync(id));
    }

    [Fact]
    public async Task A_comment_one_second_after_closing_is_refused_and_its_text_is_shown_back()
    {
        var (id, url) = await CreateAsync(factory, Now.AddDays(-5), Now.AddSeconds(20));
        var client = factory.Citizen();

        // One second before the closing instant: accepted.
        var form = await LoadFormAsync(client, url);
        time.Advance(TimeSpan.FromSeconds(19));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, id, form, ValidFields())).StatusCode);

        // The reader loaded the form in time but sends it one second after closing.
        var late = await LoadFormAsync(client, url);
        time.Advance(TimeSpan.FromSeconds(2));
        const string text = "Góp ý gửi muộn: đề nghị làm rõ nguồn kinh phí <thực hiện> & cơ chế giám sát.";
        var response = await PostAsync(client, id, late, ValidFields(text));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains("Đã hết thời gian lấy ý kiến", document.QuerySelector(".consultation-refused")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(text, document.QuerySelector("#refused-text")!.TextContent);
        Assert.Null(document.QuerySelector("form.comment-form"));
        Assert.Equal(1, await CountAsync(id));
    }

    [Fact]
    public async Task The_consent_box_is_required()
    {
        var (id, url) = await CreateAsync(factory, Now.AddDays(-1), Now.AddDays(10));
        var fields = ValidFields();
        fields.Remove("Form.Consent");
        var response = await CommentAsync(factory.Citizen(), time, url, id, fields);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains("đồng ý cho phép xử lý dữ liệu cá nhân", document.QuerySelector("#Form_Consent-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(fields["Form.Text"], document.QuerySelector("#Form_Text")!.TextContent);
        Assert.Equal(0, await CountAsync(id));
    }

    [Fact]
    public async Task A_filled_honeypot_is_refused_and_stores_nothing()
    {
        var (id, url) = await CreateAsync(factory, Now.AddDays(-1), Now.AddDays(10));
        var fields = ValidFields();
        fields["trang_web"] = "http://spam.example";
        var response = await CommentAsync(factory.Citizen(), time, url, id, fields);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await CountAsync(id));
    }

    [Fact]
    public async Task A_post_sooner_than_the_minimum_time_after_loading_is_refused_and_a_later_one_accepted()
    {
        var (id, url) = await CreateAsync(factory, Now.AddDays(-1), Now.AddDays(10));
        var client = factory.Citizen();
        var form = await LoadFormAsync(client, url);
        time.Advance(TimeSpan.FromSeconds(2));
        var fast = await PostAsync(client, id, form, ValidFields());
        Assert.Equal(HttpStatusCode.BadRequest, fast.StatusCode);
        Assert.Contains(ConsultationsController.TooFastMessage, WebUtility.HtmlDecode(await fast.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(id));

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, id, form, ValidFields())).StatusCode);
        Assert.Equal(1, await CountAsync(id));
    }

    [Fact]
    public async Task A_missing_or_foreign_stamp_is_refused()
    {
        var (id, url) = await CreateAsync(factory, Now.AddDays(-1), Now.AddDays(10));
        var (otherId, _) = await CreateAsync(factory, Now.AddDays(-1), Now.AddDays(10), "Dự thảo khác");
        var client = factory.Citizen();
        var form = await LoadFormAsync(client, url);
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(client, otherId, form, ValidFields())).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(client, id, form with { Stamp = "" }, ValidFields())).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(client, id, form with { Stamp = "gia-mao" }, ValidFields())).StatusCode);
        Assert.Equal(0, await CountAsync(id) + await CountAsync(otherId));
    }

    [Theory]
    [InlineData("Form.Email", "", "Form.Phone", "", "Form_Email-error")]
    [InlineData("Form.Email", "khong-phai-email", "Form.Phone", "", "Form_Email-error")]
    [InlineData("Form.Email", "", "Form.Phone", "12345", "Form_Phone-error")]
    [InlineData("Form.FullName", "", "Form.Organisation", "", "Form_FullName-error")]
    [InlineData("Form.Part", "9", "Form.Organisation", "", "Form_Part-error")]
    [InlineData("Form.Text", "   ", "Form.Organisation", "", "Form_Text-error")]
    public async Task Invalid_fields_are_refused_with_a_Vietnamese_message(string field, string value, string otherField, string otherValue, string errorId)
    {
        var (id, url) = await CreateAsync(factory, Now.AddDays(-1), Now.AddDays(10));
        var fields = ValidFields();
        fields[field] = value;
        fields[otherField] = otherValue;
        var response = await CommentAsync(factory.Citizen(), time, url, id, fields);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).GetElementById(errorId);
        Assert.NotNull(error);
        Assert.Matches("[àáảãạăâđèéêìíòóôơùúưỳý]", error.TextContent);
        Assert.Equal(0, await CountAsync(id));
    }

    [Fact]
    public async Task Text_up_to_5000_characters_is_stored_and_longer_is_refused()
    {
        var (id, url) = await CreateAsync(factory, Now.AddDays(-1), Now.AddDays(10));
        var client = factory.Citizen();
        var exact = string.Concat(Enumerable.Repeat("Góp ý\r\n", 833)) + "ab";
        Assert.Equal(HttpStatusCode.OK, (await CommentAsync(client, time, url, id, ValidFields(exact))).StatusCode);
        var stored = await factory.WithDbAsync(db => db.ConsultationComments.SingleAsync(c => c.ConsultationId == id));
        Assert.Equal(5000, stored.Text.Length);
        Assert.Equal(2, stored.ArticleNumber);
        Assert.Equal("0912345678", stored.Phone);
        Assert.Equal(ConsultationCommentStatus.New, stored.Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await CommentAsync(client, time, url, id, ValidFields(new string('a', 5001)))).StatusCode);
        Assert.Equal(1, await CountAsync(id));
    }

    [Fact]
    public async Task The_daily_cap_per_address_stops_a_flood_but_not_another_office()
    {
        factory.Settings["Portal:Consultations:MaxCommentsPerIpPerDay"] = "2";
        var (id, url) = await CreateAsync(factory, Now.AddDays(-1), Now.AddDays(10));
        var office = factory.Citizen("198.51.100.7");
        Assert.Equal(HttpStatusCode.OK, (await CommentAsync(office, time, url, id, ValidFields())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await CommentAsync(office, time, url, id, ValidFields())).StatusCode);
        var third = await CommentAsync(office, time, url, id, ValidFields("Góp ý thứ ba"));
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Contains("Góp ý thứ ba", WebUtility.HtmlDecode(await third.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await CommentAsync(factory.Citizen("198.51.100.8"), time, url, id, ValidFields())).StatusCode);
        Assert.Equal(3, await CountAsync(id));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var (id, url) = await CreateAsync(factory, Now.AddDays(-1), Now.AddDays(10));
        var client = factory.Citizen();
        var form = await LoadFormAsync(client, url);
        time.Advance(TimeSpan.FromSeconds(10));
        var response = await PostAsync(client, id, form with { Token = "" }, ValidFields());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await CountAsync(id));
    }
}
