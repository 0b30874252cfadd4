using System.Security.Cryptography;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Models;
using DongNai.EthnicPortal.Web.Services.Caching;
using DongNai.EthnicPortal.Web.Services.Polls;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;

namespace DongNai.EthnicPortal.Web.Controllers;

public sealed class PollsController(PollService polls, ContentChanges changes) : Controller
{
    /// <summary>Durable, random per-browser key; only its keyed hash is stored with a ballot.</summary>
    public const string VoterCookieName = "portal.voter";

    /// <summary>The polls this browser voted in, as dot-separated ids, for the widget's script.</summary>
    public const string VotedCookieName = "portal.voted";

    private const int MaxRememberedPolls = 20;

    public const string AcceptedMessage = "Cảm ơn bạn đã tham gia bình chọn. Phiếu của bạn đã được ghi nhận.";
    public const string AlreadyVotedMessage = "Bạn đã bình chọn cho cuộc thăm dò này.";
    public const string NotStartedMessage = "Cuộc thăm dò chưa bắt đầu.";
    public const string ClosedMessage = "Cuộc thăm dò đã kết thúc.";
    public const string NoChoiceMessage = "Bạn chưa chọn phương án nào. Vui lòng chọn một phương án rồi bấm “Bình chọn”.";
    public const string InvalidChoiceMessage = "Phương án đã chọn không thuộc cuộc thăm dò này.";
    public const string TooManyChoicesMessage = "Cuộc thăm dò này chỉ cho phép chọn một phương án.";

    [HttpGet("/tham-do-y-kien")]
    [OutputCache(PolicyName = CachePolicies.PublicPage, Tags = [CacheTags.Polls])]
    public async Task<IActionResult> Index() => View(await polls.GetArchiveAsync());

    [HttpGet("/tham-do-y-kien/{id:int}")]
    [OutputCache(PolicyName = CachePolicies.PublicPage, Tags = [CacheTags.Polls])]
    public async Task<IActionResult> Results(int id, [FromQuery(Name = PollUrls.JustVotedQuery)] string? justVoted)
    {
        if (HttpContext.Features.Get<IOutputCacheFeature>()?.Context is { } cache)
        {
            cache.Tags.Add(CacheTags.Poll(id));

            // The voter must see the count that includes their ballot, not a copy another request stored meanwhile.
            cache.AllowCacheStorage &= justVoted != "1";
        }

        var model = await polls.GetResultsAsync(id);
        if (model is null)
        {
            return NotFound();
        }

        ViewData["JustVoted"] = justVoted == "1";
        return View(model);
    }

    /// <summary>
    /// The vote form sits on output-cached pages, so it carries no antiforgery token; a strict
    /// same-origin check and SameSite cookies stand in for it (see docs/architecture.md).
    /// </summary>
    [HttpPost("/tham-do-y-kien/{id:int}/binh-chon")]
    [IgnoreAntiforgeryToken]
    [SameOriginRequest]
    [EnableRateLimiting(RateLimitPolicies.Vote)]
    public async Task<IActionResult> Vote(int id, [FromForm(Name = "optionId")] int[]? optionIds, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Rejected(id, StatusCodes.Status400BadRequest, InvalidChoiceMessage);
        }

        var existingKey = Request.Cookies[VoterCookieName];
        var voterKey = IsWellFormedVoterKey(existingKey) ? existingKey! : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var outcome = await polls.CastAsync(id, optionIds ?? [], voterKey, HttpContext.Connection.RemoteIpAddress, cancellationToken);
        switch (outcome)
        {
            case VoteOutcome.Accepted:
                Response.Cookies.Append(VoterCookieName, voterKey, VoteCookie(httpOnly: true));
                RememberVoted(id);
                await changes.VoteCastAsync(id, cancellationToken);
                Response.Headers.Location = PollUrls.ResultsAfterVote(id);
                return StatusCode(StatusCodes.Status303SeeOther);
            case VoteOutcome.PollNotFound:
                return NotFound();
            case VoteOutcome.AlreadyVoted:
                RememberVoted(id);
                return Rejected(id, StatusCodes.Status409Conflict, RefusalMessage(outcome));
            case VoteOutcome.IpLimitReached:
                return Rejected(id, StatusCodes.Status409Conflict, RefusalMessage(outcome));
            default:
                return Rejected(id, StatusCodes.Status400BadRequest, RefusalMessage(outcome));
        }
    }

    private string RefusalMessage(VoteOutcome outcome) => outcome switch
    {
        VoteOutcome.AlreadyVoted => AlreadyVotedMessage,
        VoteOutcome.IpLimitReached => IpLimitMessage(polls.MaxVotesPerIpPerDay),
        VoteOutcome.NotStarted => NotStartedMessage,
        VoteOutcome.Closed => ClosedMessage,
        VoteOutcome.NoChoice => NoChoiceMessage,
        VoteOutcome.TooManyChoices => TooManyChoicesMessage,
        _ => InvalidChoiceMessage,
    };

    public static string IpLimitMessage(int limit) =>
        $"Đã có {limit} lượt bình chọn cho cuộc thăm dò này từ địa chỉ mạng của bạn trong hôm nay, mức tối đa cho phép. Vui lòng thử lại vào ngày mai.";

    private ViewResult Rejected(int pollId, int statusCode, string message)
    {
        var view = View("VoteRejected", new VoteRejectedModel(pollId, message));
        view.StatusCode = statusCode;
        return view;
    }

    /// <summary>The vote cookies hold no credential, so they are Secure only over HTTPS and a plain-HTTP site keeps them too.</summary>
    private CookieOptions VoteCookie(bool httpOnly) => new()
    {
        HttpOnly = httpOnly,
        SameSite = SameSiteMode.Lax,
        Secure = PlainHttp.SecureFlagFor(Request),
        IsEssential = true,
        MaxAge = TimeSpan.FromDays(365),
        Path = "/",
    };

    /// <summary>
    /// Adds the poll to the list of polls this browser voted in, which site.js reads to show "Bạn đã
    /// bình chọn" in the widget of cached pages. It holds only poll ids, never the voter key, so it
    /// may be readable by scripts; the newest <see cref="MaxRememberedPolls"/> are kept.
    /// </summary>
    private void RememberVoted(int pollId)
    {
        var ids = (Request.Cookies[VotedCookieName] ?? "").Split('.')
            .Select(part => int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : 0)
            .Where(value => value > 0 && value != pollId)
            .TakeLast(MaxRememberedPolls - 1)
            .Append(pollId);
        Response.Cookies.Append(VotedCookieName, string.Join('.', ids), VoteCookie(httpOnly: false));
    }

    private static bool IsWellFormedVoterKey(string? value) =>
        value is { Length: 32 } && value.All(char.IsAsciiHexDigitLower);
}
