using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Web.Areas.Admin.Models;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Audit;
using DongNai.EthnicPortal.Web.Services.Caching;
using DongNai.EthnicPortal.Web.Services.Polls;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Controllers;

/// <summary>Editors create polls, edit them and their options, and open or close them.</summary>
[Authorize(Policy = Policies.Editors)]
public sealed class PollsController(PortalDbContext db, AuditLog audit, ContentChanges changes, TimeProvider time) : AdminControllerBase
{
    public const string IndexPath = "/quan-tri/tham-do-y-kien";
    public const string ConcurrencyMessage = "Cuộc thăm dò vừa được người khác thay đổi. Vui lòng tải lại trang và thực hiện lại.";

    [HttpGet(IndexPath)]
    public async Task<IActionResult> Index()
    {
        var now = time.GetUtcNow().UtcDateTime;
        var polls = await db.Polls.AsNoTracking()
            .OrderByDescending(p => p.OpensAt)
            .ThenByDescending(p => p.Id)
            .Select(p => new { p.Id, p.Question, p.OpensAt, p.ClosesAt, p.IsVisible, Votes = p.Votes.Count, p.Version })
            .ToListAsync();
        return View(polls.Select(p => new AdminPollRow(p.Id, p.Question, p.OpensAt, p.ClosesAt, p.IsVisible, PollLifecycle.StateAt(p.OpensAt, p.ClosesAt, now), p.Votes, p.Version)).ToList());
    }

    [HttpGet(IndexPath + "/tao-moi")]
    public IActionResult Create()
    {
        var form = new PollForm { OpensAt = VietnamTime.ToLocal(time.GetUtcNow().UtcDateTime).Date };
        PadOptions(form);
        return View("Form", form);
    }

    [HttpPost(IndexPath + "/tao-moi")]
    public async Task<IActionResult> Create(PollForm form)
    {
        form.Id = 0;
        var options = Validate(form, existing: null);
        if (!ModelState.IsValid)
        {
            PadOptions(form);
            return View("Form", form);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var poll = new Poll
        {
            Question = form.Question.Trim(),
            AllowMultipleChoices = form.AllowMultipleChoices,
            OpensAt = VietnamTime.ToUtc(form.OpensAt!.Value),
            ClosesAt = form.ClosesAt is { } closes ? VietnamTime.ToUtc(closes) : null,
            IsVisible = form.IsVisible,
            CreatedAt = now,
            Options = options.Select((text, i) => new PollOption { Text = text, SortOrder = i + 1 }).ToList(),
        };
        db.Polls.Add(poll);
        await audit.SaveCreatedAsync(poll, AuditActions.PollCreated, poll.Question);
        await changes.PollChangedAsync(poll.Id);
        Flash("Đã tạo cuộc thăm dò.");
        return Redirect(IndexPath);
    }

    [HttpGet(IndexPath + "/{id:int}/sua")]
    public async Task<IActionResult> Edit(int id)
    {
        var poll = await db.Polls.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new PollForm
            {
                Id = p.Id,
                Question = p.Question,
                AllowMultipleChoices = p.AllowMultipleChoices,
                OpensAt = p.OpensAt,
                ClosesAt = p.ClosesAt,
                IsVisible = p.IsVisible,
                Version = p.Version,
                VoteCount = p.Votes.Count,
                Options = p.Options.OrderBy(o => o.SortOrder).ThenBy(o => o.Id).Select(o => new PollOptionInput { Id = o.Id, Text = o.Text, Votes = o.Choices.Count }).ToList(),
            })
            .FirstOrDefaultAsync();
        if (poll is null)
        {
            return NotFound();
        }

        poll.OpensAt = VietnamTime.ToLocal(poll.OpensAt!.Value);
        poll.ClosesAt = poll.ClosesAt is { } closes ? VietnamTime.ToLocal(closes) : null;
        PadOptions(poll);
        return View("Form", poll);
    }

    [HttpPost(IndexPath + "/{id:int}/sua")]
    public async Task<IActionResult> Edit(int id, PollForm form)
    {
        var poll = await db.Polls.Include(p => p.Options).FirstOrDefaultAsync(p => p.Id == id);
        if (poll is null)
        {
            return NotFound();
        }

        form.Id = id;
        var votesByOption = await VotesByOptionAsync(form);
        if (form.Options.Any(o => o.Id != 0 && poll.Options.All(existing => existing.Id != o.Id)))
        {
            return BadRequest();
        }

        ValidateEdit(poll, form, votesByOption);
        if (!ModelState.IsValid || !await SaveEditAsync(poll, form))
        {
            PadOptions(form);
            return View("Form", form);
        }

        await changes.PollChangedAsync(poll.Id);
        Flash("Đã lưu cuộc thăm dò.");
        return Redirect(IndexPath);
    }

    /// <summary>Applies and saves the edit with its audit row, unless the poll changed since the form was loaded.</summary>
    private async Task<bool> SaveEditAsync(Poll poll, PollForm form)
    {
        Apply(poll, form);
        audit.Add(AuditActions.PollUpdated, nameof(Poll), poll.Id, poll.Question);
        return await db.SaveEditAsync(poll, form.Version, ModelState, ConcurrencyMessage);
    }

    /// <summary>Makes the poll visible and open from now on, unless it already is.</summary>
    [HttpPost(IndexPath + "/{id:int}/mo")]
    public Task<IActionResult> Open(int id, Guid version) => ChangeStateAsync(id, version, AuditActions.PollOpened, "Đã mở cuộc thăm dò.", (poll, now) =>
    {
        poll.IsVisible = true;
        if (poll.OpensAt > now)
        {
            poll.OpensAt = now;
        }

        if (poll.ClosesAt <= now)
        {
            poll.ClosesAt = null;
        }
    });

    /// <summary>Ends voting now; the results stay public in the archive.</summary>
    [HttpPost(IndexPath + "/{id:int}/dong")]
    public Task<IActionResult> Close(int id, Guid version) => ChangeStateAsync(id, version, AuditActions.PollClosed, "Đã đóng cuộc thăm dò.", (poll, now) =>
    {
        if (poll.OpensAt > now)
        {
            poll.OpensAt = now;
        }

        poll.ClosesAt = now;
    });

    private async Task<IActionResult> ChangeStateAsync(int id, Guid version, string action, string message, Action<Poll, DateTime> change)
    {
        var poll = await db.Polls.FirstOrDefaultAsync(p => p.Id == id);
        if (poll is null)
        {
            return NotFound();
        }

        if (poll.Version != version)
        {
            Flash(ConcurrencyMessage, isError: true);
            return Redirect(IndexPath);
        }

        change(poll, time.GetUtcNow().UtcDateTime);
        audit.Add(action, nameof(Poll), poll.Id, poll.Question);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            Flash(ConcurrencyMessage, isError: true);
            return Redirect(IndexPath);
        }

        await changes.PollChangedAsync(poll.Id);
        Flash(message);
        return Redirect(IndexPath);
    }

    /// <summary>Votes per option and in all, shown next to the options so an editor sees what a change would touch.</summary>
    private async Task<Dictionary<int, int>> VotesByOptionAsync(PollForm form)
    {
        var votesByOption = await db.PollVoteChoices.Where(c => c.PollOption.PollId == form.Id)
            .GroupBy(c => c.PollOptionId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count);
        form.VoteCount = await db.PollVotes.CountAsync(v => v.PollId == form.Id);
        foreach (var option in form.Options)
        {
            option.Votes = votesByOption.GetValueOrDefault(option.Id);
        }

        return votesByOption;
    }

    private void ValidateEdit(Poll poll, PollForm form, Dictionary<int, int> votesByOption)
    {
        if (poll.Version != form.Version)
        {
            ModelState.AddModelError("", ConcurrencyMessage);
        }

        if (form.VoteCount > 0 && form.AllowMultipleChoices != poll.AllowMultipleChoices)
        {
            ModelState.AddModelError(nameof(form.AllowMultipleChoices), "Không thể đổi hình thức chọn khi cuộc thăm dò đã có phiếu bình chọn.");
        }

        Validate(form, votesByOption);
    }

    /// <summary>Copies the form onto the poll: emptied options are removed, new ones added, the rest renumbered in form order.</summary>
    private void Apply(Poll poll, PollForm form)
    {
        poll.Question = form.Question.Trim();
        poll.AllowMultipleChoices = form.AllowMultipleChoices;
        poll.OpensAt = VietnamTime.ToUtc(form.OpensAt!.Value);
        poll.ClosesAt = form.ClosesAt is { } closes ? VietnamTime.ToUtc(closes) : null;
        poll.IsVisible = form.IsVisible;

        var sortOrder = 0;
        foreach (var input in form.Options)
        {
            var text = input.Text?.Trim() ?? "";
            var existing = input.Id == 0 ? null : poll.Options.Single(o => o.Id == input.Id);
            if (text.Length == 0)
            {
                if (existing is not null)
                {
                    db.PollOptions.Remove(existing);
                }

                continue;
            }

            sortOrder++;
            if (existing is null)
            {
                poll.Options.Add(new PollOption { Text = text, SortOrder = sortOrder });
            }
            else
            {
                existing.Text = text;
                existing.SortOrder = sortOrder;
            }
        }
    }

    /// <summary>Returns the cleaned option texts in order, adding model errors for what is wrong.</summary>
    private List<string> Validate(PollForm form, Dictionary<int, int>? existing)
    {
        if (string.IsNullOrWhiteSpace(form.Question))
        {
            ModelState.AddModelError(nameof(form.Question), "Vui lòng nhập câu hỏi.");
        }

        if (form.OpensAt is { } opens && form.ClosesAt is { } closes && closes <= opens)
        {
            ModelState.AddModelError(nameof(form.ClosesAt), "Thời điểm kết thúc phải sau thời điểm bắt đầu.");
        }

        var texts = new List<string>();
        foreach (var option in form.Options)
        {
            var text = option.Text?.Trim() ?? "";
            if (text.Length == 0)
            {
                if (option.Id != 0 && existing?.GetValueOrDefault(option.Id) > 0)
                {
                    ModelState.AddModelError("", "Không thể xóa phương án đã có phiếu bình chọn.");
                }

                continue;
            }

            texts.Add(text);
        }

        if (texts.Count < 2)
        {
            ModelState.AddModelError("", "Cuộc thăm dò cần ít nhất hai phương án.");
        }

        if (texts.Select(VietnameseText.Fold).Distinct(StringComparer.Ordinal).Count() != texts.Count)
        {
            ModelState.AddModelError("", "Các phương án không được trùng nhau.");
        }

        return texts;
    }

    private static void PadOptions(PollForm form)
    {
        form.Options.RemoveAll(o => o.Id == 0 && string.IsNullOrWhiteSpace(o.Text));
        for (var i = 0; i < PollForm.BlankOptionRows; i++)
        {
            form.Options.Add(new PollOptionInput());
        }
    }
}
