namespace DongNai.EthnicPortal.Data.Entities;

/// <summary>Loại văn bản: Công văn, Kế hoạch, Kết luận …</summary>
public class DocumentType
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The abbreviation used inside symbols, e.g. KH for Kế hoạch or KL for Kết luận.</summary>
    public string Code { get; set; } = "";

    public int SortOrder { get; set; }
}

/// <summary>Cơ quan ban hành.</summary>
public class IssuingBody
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public int SortOrder { get; set; }
}

/// <summary>Lĩnh vực.</summary>
public class DocumentField
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public int SortOrder { get; set; }
}
