namespace DongNai.EthnicPortal.Data.Entities;

public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string Editor = nameof(Editor);
    public const string Author = nameof(Author);

    public static readonly IReadOnlyList<string> All = [Administrator, Editor, Author];

    public static string DisplayName(string role) => role switch
    {
        Administrator => "Quản trị viên",
        Editor => "Biên tập viên",
        Author => "Phóng viên",
        _ => role,
    };
}
