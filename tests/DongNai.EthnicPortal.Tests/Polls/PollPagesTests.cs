using System.Net;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Tests.Polls;

/// <summary>The results page, the archive and the sidebar widget, over the seeded polls plus a few of the tests' own.</summary>
public sealed class PollPagesTests(PollsFixture fixture) : IClassFixture<PollsFixture>
{
    private const string SeededQuestion = "Đánh giá về trang thông tin điện tử Ban Dân tộc tỉnh Đồng Nai";
    private const string ArchivedQuestion = "Bạn thường tìm hiểu chính sách dân tộc qua kênh thông tin nào?";

    [Fact]
    public async Task The_widget_on_every_page_shows_the_current_poll_without_a_token_or_cookie()
    {
        // An application of its own, so the seeded poll is the newest open one.
        using var factory = new PortalFactory();
        var seeded = await factory.WithDbAsync(db => db.Polls.Include(p => p.Options).SingleAsync(p => p.Question == SeededQuestion));
        var client = factory.CreateBrowserClient();

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Thăm dò ý kiến", html, StringComparison.Ordinal);
        Assert.Contains($"<form method=\"post\" action=\"/tham-do-y-kien/{seeded.Id}/binh-chon\" class=\"poll-form\">", html, StringComparison.Ordinal);
        Assert.Contains($"<legend>{SeededQuestion}</legend>", html, StringComparison.Ordinal);
        foreach (var option in seeded.Options)
        {
            Assert.Contains($"type=\"radio\" id=\"widget-poll-{seeded.Id}-option-{option.Id}\" name=\"optionId\" value=\"{option.Id}\"", html, StringComparison.Ordinal);
            Assert.Contains(option.Text, html, StringComparison.Ordinal);
        }

        Assert.Contains(">Bình chọn</button>", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/tham-do-y-kien/{seeded.Id}\">Xem kết quả</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("__RequestVerificationToken", html, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task The_results_page_shows_counts_percentages_chart_table_and_dates()
    {
        var opensAt = new DateTime(2026, 1, 5, 1, 30, 0, DateTimeKind.Utc);
        var poll = await fixture.Factory.CreatePollAsync(opensAt, new DateTime(2026, 1, 31, 16, 0, 0, DateTimeKind.Utc), question: "Mức độ hài lòng với dịch vụ công trực tuyến?");
        await AddVotesAsync(poll, poll.OptionIds[0], poll.OptionIds[0], poll.OptionIds[1]);

        var html = await fixture.Factory.CreateBrowserClient().GetStringAsync(new Uri($"/tham-do-y-kien/{poll.Id}", UriKind.Relative));

        Assert.Contains("<h1>Mức độ hài lòng với dịch vụ công trực tuyến?</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Tổng số phiếu: 3", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Rất hài lòng</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td>2 phiếu</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>66,7%</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>33,3%</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>0,0%</td>", html, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"poll-bar\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"poll-bar-fill\" x=\"0\" y=\"0\" width=\"66.7\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"poll-bar-fill\" x=\"0\" y=\"0\" width=\"33.3\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
        Assert.Contains("08:30 05/01/2026", html, StringComparison.Ordinal);
        Assert.Contains("23:00 31/01/2026", html, StringComparison.Ordinal);
        Assert.Contains("Đã kết thúc", html, StringComparison.Ordinal);
        Assert.DoesNotContain("binh-chon", html.Split("<main")[1].Split("</main>")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_results_page_is_cached_and_a_vote_evicts_it()
    {
        var poll = await fixture.Factory.CreatePollAsync(DateTime.UtcNow.AddDays(-1));
        var url = new Uri($"/tham-do-y-kien/{poll.Id}", UriKind.Relative);
        Assert.Contains("Tổng số phiếu: 0", await fixture.Factory.CreateBrowserClient().GetStringAsync(url), StringComparison.Ordinal);

        // Written behind the application's back: the cached page must not notice …
        await AddVotesAsync(poll, poll.OptionIds[2]);
        var cached = await fixture.Factory.CreateBrowserClient().GetAsync(url);
        Assert.Contains("Tổng số phiếu: 0", await cached.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(cached.Headers.Age.HasValue);

        // … until a vote through the site evicts it.
        Assert.Equal(HttpStatusCode.SeeOther, (await fixture.Browser("10.30.0.1").VoteAsync(poll.Id, poll.OptionIds[0])).StatusCode);
        Assert.Contains("Tổng số phiếu: 2", await fixture.Factory.CreateBrowserClient().GetStringAsync(url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_open_poll_page_offers_the_vote_form_and_multiple_choice_uses_checkboxes()
    {
        var poll = await fixture.Factory.CreatePollAsync(DateTime.UtcNow.AddDays(-1), multiple: true);

        var html = await fixture.Factory.CreateBrowserClient().GetStringAsync(new Uri($"/tham-do-y-kien/{poll.Id}", UriKind.Relative));

        Assert.Contains("Đang diễn ra", html, StringComparison.Ordinal);
        Assert.Contains($"type=\"checkbox\" id=\"results-poll-{poll.Id}-option-{poll.OptionIds[0]}\"", html, StringComparison.Ordinal);
        Assert.Contains("Có thể chọn nhiều phương án.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_archive_lists_past_polls_but_not_hidden_or_future_ones()
    {
        var hidden = await fixture.Factory.CreatePollAsync(DateTime.UtcNow.AddDays(-30), DateTime.UtcNow.AddDays(-20), visible: false, question: "Câu hỏi ẩn không được liệt kê");
        var future = await fixture.Factory.CreatePollAsync(DateTime.UtcNow.AddDays(5), question: "Câu hỏi tương lai không được liệt kê");

        var html = await fixture.Factory.CreateBrowserClient().GetStringAsync(new Uri("/tham-do-y-kien", UriKind.Relative));

        var past = html.Split("Các cuộc thăm dò đã kết thúc")[1];
        Assert.Contains(ArchivedQuestion, past, StringComparison.Ordinal);
        Assert.Contains("01/03/2022", past, StringComparison.Ordinal);
        Assert.DoesNotContain("Câu hỏi ẩn không được liệt kê", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Câu hỏi tương lai không được liệt kê", html, StringComparison.Ordinal);
        Assert.NotEqual(hidden.Id, future.Id);
    }

    private Task AddVotesAsync(TestPoll poll, params int[] optionIds) => fixture.Factory.WithDbAsync(async db =>
    {
        foreach (var optionId in optionIds)
        {
            db.PollVotes.Add(new PollVote
            {
                PollId = poll.Id,
                VoterKeyHash = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"),
                IpHash = "test",
                CastOn = DateOnly.FromDateTime(DateTime.UtcNow),
                CastAt = DateTime.UtcNow,
                Choices = [new PollVoteChoice { PollOptionId = optionId }],
            });
        }

        await db.SaveChangesAsync();
    });
}
