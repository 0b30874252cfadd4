using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Tests.Polls;

public sealed record TestPoll(int Id, IReadOnlyList<int> OptionIds);

public static class PollTestData
{
    public const string Origin = "https://localhost";

    public const string BrowserAgent = "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36";

    public static async Task<TestPoll> CreatePollAsync(this PortalFactory factory, DateTime opensAt, DateTime? closesAt = null, bool multiple = false, bool visible = true, string? question = null)
    {
        var poll = new Poll
        {
            Question = question ?? $"Câu hỏi thử nghiệm {Guid.NewGuid():N}",
            AllowMultipleChoices = multiple,
            OpensAt = opensAt,
            ClosesAt = closesAt,
            IsVisible = visible,
            CreatedAt = opensAt,
            Options = [new PollOption { Text = "Rất hài lòng", SortOrder = 1 }, new PollOption { Text = "Hài lòng", SortOrder = 2 }, new PollOption { Text = "Chưa hài lòng", SortOrder = 3 }],
        };
        await factory.WithDbAsync(async db =>
        {
            db.Polls.Add(poll);
            await db.SaveChangesAsync();
        });
        return new TestPoll(poll.Id, poll.Options.OrderBy(o => o.SortOrder).Select(o => o.Id).ToList());
    }

    public static Task<int> CountVotesAsync(this PortalFactory factory, int pollId) =>
        factory.WithDbAsync(db => db.PollVotes.CountAsync(v => v.PollId == pollId));

    /// <summary>Posts the widget's form the way a browser on this site would: same-origin, no antiforgery token.</summary>
    public static async Task<HttpResponseMessage> VoteAsync(this HttpClient client, int pollId, IEnumerable<string> optionIds, string? origin = Origin, string? referer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/tham-do-y-kien/{pollId}/binh-chon", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(optionIds.Select(id => new KeyValuePair<string, string>("optionId", id))),
        };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (referer is not null)
        {
            request.Headers.Referrer = new Uri(referer);
        }

        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> VoteAsync(this HttpClient client, int pollId, params int[] optionIds) =>
        client.VoteAsync(pollId, optionIds.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
