using DongNai.EthnicPortal.Data.Entities;

namespace DongNai.EthnicPortal.Web.Services.Search;

/// <summary>
/// Packs an entry's date, kind, item and generation into one number that sorts newest first when
/// descending: the minute since 1970 in the high bits, then two bits of kind, twenty-nine of item id
/// and the generation's parity. Distinct items never share a key, nor does one item in the active
/// index and in the rebuild beside it, which FTS5 needs of the rowid it is given.
/// </summary>
public static class SearchSortKey
{
    private const int EntityBits = 29;
    private const int KindBits = 2;

    public const int MaxEntityId = (1 << EntityBits) - 1;

    public static long For(SearchEntryKind kind, int entityId, DateTime? date, int generation)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(entityId);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(entityId, MaxEntityId);
        // Clamped so the shifted minute stays below the sign bit (dates up to the year 6053).
        var minutes = date is { } value ? Math.Clamp((long)(value - DateTime.UnixEpoch).TotalMinutes, 0, int.MaxValue) : 0;
        return (minutes << (KindBits + EntityBits + 1)) | ((long)kind << (EntityBits + 1)) | ((long)entityId << 1) | (long)(generation & 1);
    }
}
