namespace DongNai.EthnicPortal.Web.Services.Consultations;

/// <summary>The consultation part of the public URL map (PORTAL.md) and its admin pages.</summary>
public static class ConsultationUrls
{
    public const string Index = "/lay-y-kien";
    public const string Feed = "/rss/lay-y-kien";
    public const string Admin = "/quan-tri/lay-y-kien";

    public static string Show(int id, string slug) => $"/lay-y-kien/{id}/{slug}";

    public static string Comment(int id) => $"/lay-y-kien/{id}/gop-y";

    public static string File(int fileId) => $"/lay-y-kien/tep/{fileId}";

    public static string AdminEdit(int id) => $"{Admin}/{id}/sua";

    public static string AdminComments(int id) => $"{Admin}/{id}/gop-y";

    public static string AdminComment(int commentId) => $"/quan-tri/gop-y-du-thao/{commentId}";
}
