namespace DongNai.EthnicPortal.Data.Entities;

public class Category
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string Slug { get; set; } = "";

    public string? Description { get; set; }

    public int SortOrder { get; set; }

    public bool ShowInMenu { get; set; } = true;

    /// <summary>Main categories get their own block on the home page.</summary>
    public bool ShowOnHome { get; set; }

    public List<Article> Articles { get; set; } = [];
}
