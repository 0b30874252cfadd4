using DongNai.EthnicPortal.BrowserTests.Infrastructure;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DongNai.EthnicPortal.BrowserTests.Journeys;

[Collection(BrowserSuite.Name)]
public sealed class ConsultationEditorJourney(BrowserHost host)
{
    [Fact]
    public async Task An_editor_finds_a_comment_in_the_inbox_records_the_response_and_sees_the_export_links()
    {
        // A citizen comments on Điều 3 first.
        var citizen = await host.NewPageAsync(1280, 900);
        await citizen.GotoAsync("/lay-y-kien");
        await citizen.Locator("main").GetByRole(AriaRole.Link, new() { Name = ConsultationJourney.DraftTitle }).ClickAsync();
        await citizen.GetByLabel("Họ và tên *").FillAsync("Lâm Văn Tùng");
        await citizen.GetByLabel("Cơ quan, tổ chức (nếu có)").FillAsync("Hội Nông dân xã Xuân Bắc");
        await citizen.GetByLabel("E-mail").FillAsync("lamvantung@example.vn");
        await citizen.Locator("#Form_Part").SelectOptionAsync("3");
        await citizen.Locator("#Form_Text").FillAsync("Đề nghị ghi rõ nguồn kinh phí của từng nhiệm vụ tại Điều 2.");
        await citizen.Locator("#Form_Consent").CheckAsync();
        await Task.Delay(TimeSpan.FromSeconds(5.5));
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Gửi góp ý" }).ClickAsync();
        await Assertions.Expect(citizen.Locator(".receipt-code")).ToBeVisibleAsync();

        var page = await host.NewPageAsync(1280, 900);
        await Seed.SignInAsync(page, await host.Factory.CreateUserAsync(Roles.Editor), PortalFactory.StaffPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "Lấy ý kiến dự thảo" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lấy ý kiến dự thảo" })).ToBeVisibleAsync();
        await host.ScreenshotAsync(page, "admin-consultations-1280");

        await page.GetByRole(AriaRole.Link, new() { Name = $"Sửa “{ConsultationJourney.DraftTitle}”" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tải bảng tổng hợp (Word)" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await host.ScreenshotAsync(page, "admin-consultation-edit-1280");

        await page.GetByRole(AriaRole.Link, new() { Name = "Hộp góp ý" }).First.ClickAsync();
        await page.Locator("#phan").SelectOptionAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        var row = page.Locator("tbody tr").Filter(new() { HasText = "Hội Nông dân xã Xuân Bắc" });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Accessibility.AssertNoViolationsAsync(page);
        await host.ScreenshotAsync(page, "admin-consultation-inbox-1280");

        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByText("lamvantung@example.vn")).ToBeVisibleAsync();
        await page.GetByLabel("Tiếp thu", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Nội dung tiếp thu, giải trình hoặc lý do không tiếp thu").FillAsync("Tiếp thu, bổ sung bảng phân bổ kinh phí vào Điều 3.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu ý kiến" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Đã ghi ý kiến của cơ quan soạn thảo.")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await host.ScreenshotAsync(page, "admin-consultation-comment-1280");
    }
}
