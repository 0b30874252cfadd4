using System.Globalization;
using DongNai.EthnicPortal.Web.Services.Formatting;
using DongNai.EthnicPortal.Web.Services.Search;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Models;

public sealed record SearchIndexModel(int Articles, int Documents, int Pages, SearchRebuildProgress Rebuild)
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>"12.500 / 30.000 mục (41%)" while running; what the last rebuild produced once finished.</summary>
    public static string ProgressText(SearchRebuildProgress progress) =>
        progress.Running
            ? $"Đã xử lý {progress.Done.ToString("N0", Vietnamese)} / {progress.Total.ToString("N0", Vietnamese)} mục ({progress.Percent}%)."
            : progress.FinishedAt is { } finished
                ? $"Hoàn tất lúc {VietnamDates.DateTime(finished)}, chỉ mục có {progress.Done.ToString("N0", Vietnamese)} mục."
                : "Chưa có lần xây dựng lại nào.";

    public static string StartedText(SearchRebuildProgress progress) =>
        progress.StartedAt is { } started
            ? $"Bắt đầu lúc {VietnamDates.DateTime(started)}, bởi {progress.StartedBy}."
            : "";
}
