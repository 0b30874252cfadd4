namespace DongNai.EthnicPortal.Data.Entities;

public class WebLink
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string Url { get; set; } = "";

    public int SortOrder { get; set; }

    public bool IsVisible { get; set; } = true;
}
