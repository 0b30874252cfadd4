using System.Globalization;
using DongNai.EthnicPortal.Data.Text;

namespace DongNai.EthnicPortal.Web.Services.Formatting;

/// <summary>How dates are shown to readers: Vietnam time, dd/MM/yyyy.</summary>
public static class VietnamDates
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Date(DateTime utc) => VietnamTime.ToLocal(utc).ToString("dd/MM/yyyy", Invariant);

    public static string Date(DateOnly day) => day.ToString("dd/MM/yyyy", Invariant);

    public static string Time(DateTime utc) => VietnamTime.ToLocal(utc).ToString("HH:mm", Invariant);

    public static string DateTime(DateTime utc) => VietnamTime.ToLocal(utc).ToString("HH:mm dd/MM/yyyy", Invariant);

    /// <summary>ISO 8601 with the +07:00 offset, for datetime attributes, feeds and JSON-LD.</summary>
    public static string Iso(DateTime utc) => new DateTimeOffset(VietnamTime.ToLocal(utc), TimeSpan.FromHours(7)).ToString("yyyy-MM-ddTHH:mm:sszzz", Invariant);

    /// <summary>The header date as on the seed page: "Thứ 6 - 26/02/2016".</summary>
    public static string HeaderDate(DateTime utc)
    {
        var local = VietnamTime.ToLocal(utc);
        return $"{Weekday(local.DayOfWeek)} - {local.ToString("dd/MM/yyyy", Invariant)}";
    }

    public static string Weekday(DayOfWeek day) => day switch
    {
        DayOfWeek.Sunday => "Chủ nhật",
        _ => $"Thứ {(int)day + 1}",
    };
}
