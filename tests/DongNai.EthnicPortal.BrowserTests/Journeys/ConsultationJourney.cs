using System.Diagnostics;
using DongNai.EthnicPortal.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace DongNai.EthnicPortal.BrowserTests.Journeys;

[Collection(BrowserSuite.Name)]
public sealed class ConsultationJourney(BrowserHost host)
{
    public const string DraftTitle = "Dự thảo Kế hoạch thực hiện công tác dân tộc trên địa bàn tỉnh Đồng Nai giai đoạn 2026 – 2030";

    [Fact]
    public async Task A_citizen_on_a_phone_comments_on_article_2_of_the_open_draft_with_the_keyboard_only()
    {
        var page = await host.NewPageAsync(360, 740);
        await page.GotoAsync("/lay-y-kien");

        // Tab to the draft in the list and open it with Enter.
        var draftLink = page.Locator("main").GetByRole(AriaRole.Link, new() { Name = DraftTitle });
        await KeyboardOnly.TabToAsync(page, draftLink, maxPresses: 120);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = DraftTitle, Level = 1 })).ToBeVisibleAsync();
        var loaded = Stopwatch.StartNew();

        // The link under "Điều 2" opens the form with that article chosen.
        var articleLink = page.GetByRole(AriaRole.Link, new() { Name = "Góp ý về Điều 2" });
        await KeyboardOnly.TabToAsync(page, articleLink, maxPresses: 120);
        await KeyboardOnly.AssertFocusIsVisibleAsync(articleLink);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#Form_Part")).ToHaveValueAsync("2");
        loaded.Restart();

        var name = page.GetByLabel("Họ và tên *");
        await KeyboardOnly.TabToAsync(page, name, maxPresses: 120);
        await page.Keyboard.TypeAsync("Điểu Thị Hoa");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByLabel("Cơ quan, tổ chức (nếu có)")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Chi hội Phụ nữ ấp 4, xã Phú Lý");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByLabel("Số điện thoại")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("0912 345 678");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("#Form_Part")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("#Form_Text")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Đề nghị bổ sung lớp dạy nghề dệt thổ cẩm cho phụ nữ Chơ Ro tại ấp.");
        await page.Keyboard.PressAsync("Tab");
        var consent = page.Locator("#Form_Consent");
        await Assertions.Expect(consent).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(consent).ToBeCheckedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Gửi góp ý" })).ToBeFocusedAsync();
        await host.ScreenshotAsync(page, "consultation-form-360", fullPage: false);

        // A person needs longer than the form's minimum time; the test makes sure it has passed.
        var minimum = TimeSpan.FromSeconds(5.5) - loaded.Elapsed;
        if (minimum > TimeSpan.Zero)
        {
            await Task.Delay(minimum);
        }

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".receipt-code")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"Mã góp ý: GY-\d{4}-\d{5}"));
        await Assertions.Expect(page.Locator(".consultation-receipt")).ToContainTextAsync("Điều 2. Nhiệm vụ trọng tâm");
        await Accessibility.AssertNoViolationsAsync(page);
        await host.ScreenshotAsync(page, "consultation-receipt-360");
    }
}
