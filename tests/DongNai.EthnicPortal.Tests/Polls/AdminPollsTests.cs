using System.Net;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Tests.Polls;

public sealed class AdminPollsTests(PollsFixture fixture) : IClassFixture<PollsFixture>
{
    private const string ListUrl = "/quan-tri/tham-do-y-kien";
    private const string CreateUrl = "/quan-tri/tham-do-y-kien/tao-moi";

    [Fact]
    public async Task Authors_may_not_manage_polls()
    {
        var client = fixture.Factory.CreateBrowserClient();
        await client.SignInAsync(await fixture.Factory.CreateUserAsync(Roles.Author), PortalFactory.StaffPassword);

        var response = await client.GetAsync(new Uri(ListUrl, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_editor_creates_a_poll_in_vietnam_time_and_it_is_audited()
    {
        var client = await EditorAsync();
        var question = $"Bạn đánh giá thế nào về chuyên mục mới {Guid.NewGuid():N}?";

        var response = await client.PostFormAsync(CreateUrl, CreateUrl,
        [
            new("Question", question),
            new("OpensAt", "2026-12-01T08:00"),
            new("ClosesAt", "2026-12-31T17:00"),
            new("IsVisible", "true"),
            new("AllowMultipleChoices", "true"),
            new("Options[0].Text", "Rất tốt"),
            new("Options[1].Text", "  Tốt  "),
            new("Options[2].Text", ""),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var poll = await fixture.Factory.WithDbAsync(db => db.Polls.Include(p => p.Options).SingleAsync(p => p.Question == question));
        Assert.Equal(new DateTime(2026, 12, 1, 1, 0, 0), poll.OpensAt);
        Assert.Equal(new DateTime(2026, 12, 31, 10, 0, 0), poll.ClosesAt);
        Assert.True(poll.AllowMultipleChoices);
        Assert.Equal(["Rất tốt", "Tốt"], poll.Options.OrderBy(o => o.SortOrder).Select(o => o.Text));
        var entityId = poll.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await fixture.Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "PollCreated" && a.EntityId == entityId)));
    }

    [Theory]
    [InlineData("", "2026-12-01T08:00", "", "Vui lòng nhập câu hỏi.")]
    [InlineData("Một phương án", "2026-12-01T08:00", "", "Cuộc thăm dò cần ít nhất hai phương án.")]
    [InlineData("Trùng", "2026-12-01T08:00", "", "Các phương án không được trùng nhau.")]
    [InlineData("Ngày sai", "2026-12-01T08:00", "2026-11-01T08:00", "Thời điểm kết thúc phải sau thời điểm bắt đầu.")]
    public async Task Invalid_polls_are_refused_with_a_vietnamese_message(string question, string opensAt, string closesAt, string message)
    {
        var client = await EditorAsync();
        var before = await fixture.Factory.WithDbAsync(db => db.Polls.CountAsync());
        string[] options = question switch
        {
            "Một phương án" => ["Chỉ một"],
            "Trùng" => ["Đồng ý", "đồng ý"],
            _ => ["Có", "Không"],
        };

        var response = await client.PostFormAsync(CreateUrl, CreateUrl,
            [new("Question", question), new("OpensAt", opensAt), new("ClosesAt", closesAt), .. options.Select((text, i) => new KeyValuePair<string, string>($"Options[{i}].Text", text))]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await fixture.Factory.WithDbAsync(db => db.Polls.CountAsync()));
    }

    [Fact]
    public async Task Closing_a_poll_ends_voting_at_once_and_the_results_page_says_so()
    {
        var poll = await fixture.Factory.CreatePollAsync(DateTime.UtcNow.AddDays(-1));
        var resultsUrl = new Uri($"/tham-do-y-kien/{poll.Id}", UriKind.Relative);
        Assert.Contains("Đang diễn ra", await fixture.Factory.CreateBrowserClient().GetStringAsync(resultsUrl), StringComparison.Ordinal);
        var client = await EditorAsync();
        var version = await fixture.Factory.WithDbAsync(db => db.Polls.Where(p => p.Id == poll.Id).Select(p => p.Version).SingleAsync());

        var response = await client.PostFormAsync(ListUrl, $"/quan-tri/tham-do-y-kien/{poll.Id}/dong", [new("version", version.ToString())]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Đã kết thúc", await fixture.Factory.CreateBrowserClient().GetStringAsync(resultsUrl), StringComparison.Ordinal);
        var vote = await fixture.Browser("10.50.0.1").VoteAsync(poll.Id, poll.OptionIds[0]);
        Assert.Equal(HttpStatusCode.BadRequest, vote.StatusCode);
        var entityId = poll.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await fixture.Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "PollClosed" && a.EntityId == entityId)));
    }

    [Fact]
    public async Task An_option_with_votes_cannot_be_removed()
    {
        var poll = await fixture.Factory.CreatePollAsync(DateTime.UtcNow.AddDays(-1));
        Assert.Equal(HttpStatusCode.SeeOther, (await fixture.Browser("10.51.0.1").VoteAsync(poll.Id, poll.OptionIds[0])).StatusCode);
        var client = await EditorAsync();
        var editUrl = $"/quan-tri/tham-do-y-kien/{poll.Id}/sua";
        var version = await fixture.Factory.WithDbAsync(db => db.Polls.Where(p => p.Id == poll.Id).Select(p => p.Version).SingleAsync());

        var response = await client.PostFormAsync(editUrl, editUrl,
        [
            new("Question", "Câu hỏi đã sửa"), new("OpensAt", "2026-01-01T08:00"), new("IsVisible", "true"), new("Version", version.ToString()),
            new("Options[0].Id", poll.OptionIds[0].ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Options[0].Text", ""),
            new("Options[1].Id", poll.OptionIds[1].ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Options[1].Text", "Hài lòng"),
            new("Options[2].Id", poll.OptionIds[2].ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Options[2].Text", "Chưa hài lòng"),
        ]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Không thể xóa phương án đã có phiếu bình chọn.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(3, await fixture.Factory.WithDbAsync(db => db.PollOptions.CountAsync(o => o.PollId == poll.Id)));
    }

    private async Task<HttpClient> EditorAsync()
    {
        var client = fixture.Factory.CreateBrowserClient();
        await client.SignInAsync(await fixture.Factory.CreateUserAsync(Roles.Editor), PortalFactory.StaffPassword);
        return client;
    }
}
