namespace DongNai.EthnicPortal.Data.Entities;

/// <summary>Visits counted on one Vietnam-local day.</summary>
public class VisitDay
{
    public DateOnly Day { get; set; }

    public long Count { get; set; }
}
