using Microsoft.Playwright;

namespace DongNai.EthnicPortal.BrowserTests.Infrastructure;

/// <summary>What the seeded database holds, and steps that several journeys share.</summary>
public static class Seed
{
    public const string ArticleTitle = "Triển khai thực hiện công tác bình đẳng giới và vì sự tiến bộ của phụ nữ trên địa bàn tỉnh Đồng Nai năm 2024";
    public const string ArticleCaption = "Thực hiện tuyên truyền pháp luật về bình đẳng giới cho đồng bào dân tộc thiểu số trên địa bàn tỉnh Đồng Nai";
    public const string ArticleAuthor = "Hồ Thị Tuyết Nhung";
    public const string Category = "Hoạt động chuyên ngành";
    public const string CategoryUrl = "/chuyen-muc/hoat-dong-chuyen-nganh";
    public const string CongVanLink = "Công văn số 9478/UBND-KGVX";
    public const string ImageUrl = "/media/seed-binh-dang-gioi.jpg";

    public static readonly string[] ThemeKeys = ["xanh-nuoc-bien", "do", "vang", "xanh-la-cay"];

    /// <summary>The seed article's address, read from the category page rather than guessed.</summary>
    public static async Task<string> ArticleUrlAsync(IPage page)
    {
        await page.GotoAsync(CategoryUrl);
        var href = await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = ArticleTitle }).First.GetAttributeAsync("href");
        return href ?? throw new InvalidOperationException("The seed article is not listed in its category.");
    }

    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/quan-tri/dang-nhap");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Mật khẩu").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bảng điều khiển" })).ToBeVisibleAsync();
    }
}
