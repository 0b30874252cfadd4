namespace DongNai.EthnicPortal.Web.Services.Consultations;

public enum ConsultationStage
{
    /// <summary>Not published: only staff see it.</summary>
    Draft,
    Scheduled,
    Open,
    Closed,
    Concluded,
}

public static class ConsultationLifecycle
{
    /// <summary>Open from the opening instant (inclusive) to the closing instant (exclusive), unless concluded.</summary>
    public static ConsultationStage StageAt(bool isPublished, DateTime opensAt, DateTime closesAt, DateTime? concludedAt, DateTime nowUtc) =>
        !isPublished ? ConsultationStage.Draft
        : concludedAt is not null ? ConsultationStage.Concluded
        : nowUtc < opensAt ? ConsultationStage.Scheduled
        : nowUtc < closesAt ? ConsultationStage.Open
        : ConsultationStage.Closed;

    public static string Describe(ConsultationStage stage) => stage switch
    {
        ConsultationStage.Draft => "Bản nháp",
        ConsultationStage.Scheduled => "Sắp lấy ý kiến",
        ConsultationStage.Open => "Đang lấy ý kiến",
        ConsultationStage.Closed => "Đã hết hạn góp ý",
        _ => "Đã có kết quả",
    };

    /// <summary>"Còn 12 ngày", counted in started days so the last afternoon still says "còn 1 ngày".</summary>
    public static string TimeLeft(DateTime closesAt, DateTime nowUtc)
    {
        var left = closesAt - nowUtc;
        if (left <= TimeSpan.Zero)
        {
            return "Đã hết hạn góp ý";
        }

        return left < TimeSpan.FromDays(1) ? $"Còn {Math.Max(1, (int)Math.Ceiling(left.TotalHours))} giờ" : $"Còn {(int)Math.Ceiling(left.TotalDays)} ngày";
    }
}
