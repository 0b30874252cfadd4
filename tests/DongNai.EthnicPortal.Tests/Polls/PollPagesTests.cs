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
        var page = HtmlPages.Parse(html);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Thăm dò ý kiến", page.One("aside").Text(), StringComparison.Ordinal);
        var form = page.One($"form.poll-form[action='/tham-do-y-kien/{seeded.Id}/binh-chon']");
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal(SeededQuestion, form.One("legend").Text());
        foreach (var option in seeded.Options)
        {
            var radio = form.One($"input#widget-poll-{seeded.Id}-option-{option.Id}");
            Assert.Equal(("radio", "optionId", option.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), (radio.GetAttribute("type"), radio.GetAttribute("name"), radio.GetAttribute("value")));
            Assert.Equal(option.Text, form.One($"label[for='{radio.Id}']").Text());
        }

        Assert.Equal("Bình chọn", form.One("button").Text());
        Assert.Contains(page.QuerySelectorAll($"a[href='/tham-do-y-kien/{seeded.Id}']"), a => a.Text() == "Xem kết quả");
        // The page is cached for everyone: no per-reader token may be anywhere in it, so the raw text is checked.
        Assert.DoesNotContain("__RequestVerificationToken", html, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task The_results_page_shows_counts_percentages_chart_table_and_dates()
    {
        var opensAt = new DateTime(2026, 1, 5, 1, 30, 0, DateTimeKind.Utc);
        var poll = await fixture.Factory.CreatePollAsync(opensAt, new DateTime(2026, 1, 31, 16, 0, 0, DateTimeKind.Utc), question: "Mức độ hài lòng với dịch vụ công trực tuyến?");
        await AddVotesAsync(poll, poll.OptionIds[0], poll.OptionIds[0], poll.OptionIds[1]);

        var page = await fixture.Factory.CreateBrowserClient().GetDocumentAsync($"/tham-do-y-kien/{poll.Id}");

        Assert.Equal("Mức độ hài lòng với dịch vụ công trực tuyến?", page.One("h1").Text());
        Assert.Equal("Tổng số phiếu: 3", page.One(".poll-total").Text());
        var rows = page.QuerySelectorAll("table tbody tr").Select(tr => (tr.One("th[scope=row]").Text(), tr.Texts("td"))).ToList();
        Assert.Contains(rows, row => row.Item1 == "Rất hài lòng" && row.Item2.Contains("2 phiếu") && row.Item2.Contains("66,7%"));
        Assert.Contains(rows, row => row.Item2.Contains("33,3%"));
        Assert.Contains(rows, row => row.Item2.Contains("0,0%"));
        var bars = page.QuerySelectorAll("svg.poll-bar rect.poll-bar-fill").Select(rect => (rect.GetAttribute("x"), rect.GetAttribute("y"), rect.GetAttribute("width"))).ToList();
        Assert.Contains(("0", "0", "66.7"), bars);
        Assert.Contains(("0", "0", "33.3"), bars);
        // CSP forbids inline styles, so the bars are drawn with attributes.
        Assert.Empty(page.QuerySelectorAll("[style], style"));
        var facts = page.QuerySelectorAll(".poll-facts dt").ToDictionary(dt => dt.Text(), dt => dt.NextElementSibling!.Text());
        Assert.Equal("08:30 05/01/2026", facts["Bắt đầu"]);
        Assert.Equal("23:00 31/01/2026", facts["Kết thúc"]);
        Assert.Contains("Đã kết thúc", facts["Trạng thái"], StringComparison.Ordinal);
        Assert.Empty(page.One("main").QuerySelectorAll("form[action$='/binh-chon']"));
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

        var page = await fixture.Factory.CreateBrowserClient().GetDocumentAsync($"/tham-do-y-kien/{poll.Id}");

        Assert.Contains(page.Texts(".poll-facts dd"), dd => dd.Contains("Đang diễn ra", StringComparison.Ordinal));
        var form = page.One("main").One($"form[action='/tham-do-y-kien/{poll.Id}/binh-chon']");
        Assert.Equal("checkbox", form.One($"input#results-poll-{poll.Id}-option-{poll.OptionIds[0]}").GetAttribute("type"));
        Assert.Contains("Có thể chọn nhiều phương án.", form.Text(), StringComparison.Ordinal);
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
