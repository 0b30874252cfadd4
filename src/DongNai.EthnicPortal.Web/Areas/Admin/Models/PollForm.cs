using System.ComponentModel.DataAnnotations;
using DongNai.EthnicPortal.Web.Services.Polls;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Models;

/// <summary>Create and edit form of a poll. Times are Vietnam local time, as editors type them.</summary>
public sealed class PollForm
{
    /// <summary>Blank option rows offered for new options.</summary>
    public const int BlankOptionRows = 3;

    public int Id { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập câu hỏi.")]
    [StringLength(500, ErrorMessage = "Câu hỏi không được dài quá 500 ký tự.")]
    [Display(Name = "Câu hỏi")]
    public string Question { get; set; } = "";

    [Display(Name = "Cho phép chọn nhiều phương án")]
    public bool AllowMultipleChoices { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập thời điểm bắt đầu.")]
    [Display(Name = "Bắt đầu (giờ Việt Nam)")]
    public DateTime? OpensAt { get; set; }

    [Display(Name = "Kết thúc (giờ Việt Nam, để trống nếu chưa ấn định)")]
    public DateTime? ClosesAt { get; set; }

    [Display(Name = "Hiển thị trên trang công khai")]
    public bool IsVisible { get; set; } = true;

    public Guid Version { get; set; }

    public List<PollOptionInput> Options { get; set; } = [];

    /// <summary>Options that already have ballots cannot be removed.</summary>
    public int VoteCount { get; set; }
}

public sealed class PollOptionInput
{
    public int Id { get; set; }

    [StringLength(300, ErrorMessage = "Mỗi phương án không được dài quá 300 ký tự.")]
    public string? Text { get; set; }

    public int Votes { get; set; }
}

public sealed record AdminPollRow(int Id, string Question, DateTime OpensAt, DateTime? ClosesAt, bool IsVisible, PollState State, int Votes, Guid Version)
{
    public string StatusText => IsVisible ? PollLifecycle.Describe(State) : "Đang ẩn";
}
