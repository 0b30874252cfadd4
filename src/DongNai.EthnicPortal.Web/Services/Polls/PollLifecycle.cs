namespace DongNai.EthnicPortal.Web.Services.Polls;

public enum PollState
{
    NotStarted,
    Open,
    Closed,
}

public static class PollLifecycle
{
    /// <summary>A poll is open from its opening instant (inclusive) to its closing instant (exclusive).</summary>
    public static PollState StateAt(DateTime opensAt, DateTime? closesAt, DateTime nowUtc) =>
        nowUtc < opensAt ? PollState.NotStarted
        : closesAt is { } closes && nowUtc >= closes ? PollState.Closed
        : PollState.Open;

    public static string Describe(PollState state) => state switch
    {
        PollState.NotStarted => "Chưa bắt đầu",
        PollState.Open => "Đang diễn ra",
        _ => "Đã kết thúc",
    };
}
