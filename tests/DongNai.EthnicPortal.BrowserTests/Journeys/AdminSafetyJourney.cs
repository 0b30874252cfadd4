using DongNai.EthnicPortal.BrowserTests.Infrastructure;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DongNai.EthnicPortal.BrowserTests.Journeys;

[Collection(BrowserSuite.Name)]
public sealed class AdminSafetyJourney(BrowserHost host)
{
    [Fact]
    public async Task Staff_sign_in_and_sign_out_and_the_sign_in_page_is_accessible()
    {
        var page = await host.NewPageAsync();
        var email = await host.Factory.CreateUserAsync(Roles.Editor);

        await page.GotoAsync("/quan-tri");
        Assert.Contains("/quan-tri/dang-nhap", page.Url, StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Mật khẩu").FillAsync(PortalFactory.StaffPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bảng điều khiển" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Đăng nhập quản trị" })).ToBeVisibleAsync();
        await page.GotoAsync("/quan-tri");
        Assert.Contains("/quan-tri/dang-nhap", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repeated_failures_show_the_lockout_message()
    {
        var page = await host.NewPageAsync(360, 740);
        var email = await host.Factory.CreateUserAsync(Roles.Author);
        await page.GotoAsync("/quan-tri/dang-nhap");
        for (var attempt = 0; attempt < 6; attempt++)
        {
            await page.GetByLabel("Email").FillAsync(email);
            await page.GetByLabel("Mật khẩu").FillAsync("mat-khau-sai-" + attempt);
            await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        }

        await Assertions.Expect(page.GetByText("Tài khoản tạm thời bị khóa")).ToBeVisibleAsync();
        await host.ScreenshotAsync(page, "admin-lockout-360");
    }
}
