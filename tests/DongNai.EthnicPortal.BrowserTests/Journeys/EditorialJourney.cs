using DongNai.EthnicPortal.BrowserTests.Infrastructure;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DongNai.EthnicPortal.BrowserTests.Journeys;

[Collection(BrowserSuite.Name)]
public sealed class EditorialJourney(BrowserHost host)
{
    [Fact]
    public async Task An_author_writes_with_an_image_an_editor_publishes_and_withdrawing_removes_it()
    {
        var title = "Hội nghị tập huấn công tác dân tộc cho cán bộ cơ sở " + Guid.NewGuid().ToString("N")[..6];
        const string caption = "Cán bộ cơ sở dự hội nghị tập huấn";

        var author = await host.NewPageAsync();
        List<string> problems = [];
        author.Console += (_, message) => { if (message.Type is "error" or "warning") { problems.Add(message.Text); } };
        author.PageError += (_, error) => problems.Add(error);
        author.Response += (_, response) => { if (response.Status >= 400) { problems.Add($"{response.Status} {response.Url}"); } };
        await Seed.SignInAsync(author, await host.Factory.CreateUserAsync(Roles.Author), PortalFactory.StaffPassword);
        await author.GotoAsync("/quan-tri/bai-viet/tao");
        await Assertions.Expect(author.GetByRole(AriaRole.Heading, new() { Name = "Viết bài mới" })).ToBeVisibleAsync();
        await author.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.True(await author.Locator(".rte.rte-ready").CountAsync() == 1, "The rich-text editor did not start: " + string.Join("\n", problems));
        await Accessibility.AssertNoViolationsAsync(author);

        await author.GetByLabel("Tiêu đề").FillAsync(title);
        await author.GetByLabel("Tóm tắt").FillAsync("Ban Dân tộc tỉnh tổ chức tập huấn nghiệp vụ cho cán bộ làm công tác dân tộc ở cơ sở.");
        await author.GetByLabel("Chuyên mục").SelectOptionAsync(new SelectOptionValue { Label = Seed.Category });

        var editor = author.Locator(".rte-area");
        await editor.ClickAsync();
        await author.Keyboard.TypeAsync("Sáng nay, Ban Dân tộc tỉnh khai mạc hội nghị tập huấn.");
        await author.Keyboard.PressAsync("Enter");
        await author.Locator(".rte-toolbar").GetByRole(AriaRole.Button, new() { Name = "Ảnh" }).ClickAsync();
        var picker = author.Locator("dialog.rte-picker");
        await Assertions.Expect(picker).ToBeVisibleAsync();
        await picker.GetByLabel("Chú thích ảnh (không bắt buộc)").FillAsync(caption);
        // The seed image: other journeys upload images into the same library.
        await picker.Locator("button.rte-pick").Filter(new() { Has = author.Locator("img[src*='seed-binh-dang-gioi']") }).ClickAsync();
        await picker.GetByRole(AriaRole.Button, new() { Name = "Chèn ảnh" }).ClickAsync();
        await Assertions.Expect(editor.Locator("figure figcaption")).ToHaveTextAsync(caption);
        await host.ScreenshotAsync(author, "admin-editor-1280");

        await author.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await Assertions.Expect(author.GetByText("Đã tạo bản nháp bài viết.")).ToBeVisibleAsync();
        var editUrl = author.Url;
        await author.GetByRole(AriaRole.Button, new() { Name = "Gửi duyệt" }).ClickAsync();
        await Assertions.Expect(author.Locator(".workflow .status")).ToHaveTextAsync("Chờ duyệt");

        var editorPage = await host.NewPageAsync();
        await Seed.SignInAsync(editorPage, await host.Factory.CreateUserAsync(Roles.Editor), PortalFactory.StaffPassword);
        await editorPage.GotoAsync(editUrl);
        await editorPage.GetByRole(AriaRole.Link, new() { Name = "Xem trước" }).ClickAsync();
        await Assertions.Expect(editorPage.Locator(".preview-banner")).ToBeVisibleAsync();
        await Assertions.Expect(editorPage.Locator(".article-body figure figcaption")).ToHaveTextAsync(caption);
        var image = editorPage.Locator(".article-body figure img");
        // The library's 960 px copy of the seed image, with the other copies offered to wider and narrower screens.
        Assert.Equal(Seed.ImageUrl.Replace(".jpg", "-960.jpg", StringComparison.Ordinal), await image.GetAttributeAsync("src"));
        Assert.Contains(Seed.ImageUrl + " ", await image.GetAttributeAsync("srcset") ?? "", StringComparison.Ordinal);
        Assert.True(await image.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The inserted image does not load.");
        await host.ScreenshotAsync(editorPage, "admin-preview-1280");
        await editorPage.GetByRole(AriaRole.Link, new() { Name = "Quay lại sửa bài" }).ClickAsync();
        await editorPage.GetByRole(AriaRole.Button, new() { Name = "Xuất bản ngay" }).ClickAsync();
        await Assertions.Expect(editorPage.Locator(".workflow .status")).ToHaveTextAsync("Đã xuất bản");

        // A reader who loaded the pages before publication must see the article at once.
        var reader = await host.NewPageAsync();
        await reader.GotoAsync("/");
        await Assertions.Expect(reader.Locator("main").GetByRole(AriaRole.Link, new() { Name = title }).First).ToBeVisibleAsync();
        await reader.GotoAsync(Seed.CategoryUrl);
        await Assertions.Expect(reader.Locator("main").GetByRole(AriaRole.Link, new() { Name = title }).First).ToBeVisibleAsync();
        await reader.Locator("main").GetByRole(AriaRole.Link, new() { Name = title }).First.ClickAsync();
        await Assertions.Expect(reader.Locator(".article-body figcaption")).ToHaveTextAsync(caption);
        var publicUrl = reader.Url;

        await editorPage.GetByLabel("Lý do gỡ bài").FillAsync("Thông tin cần được kiểm tra lại.");
        await editorPage.GetByRole(AriaRole.Button, new() { Name = "Gỡ bài" }).ClickAsync();
        await Assertions.Expect(editorPage.Locator(".workflow .status")).ToHaveTextAsync("Đã gỡ");

        await reader.GotoAsync("/");
        await Assertions.Expect(reader.Locator("main").GetByRole(AriaRole.Link, new() { Name = title })).ToHaveCountAsync(0);
        await reader.GotoAsync(Seed.CategoryUrl);
        await Assertions.Expect(reader.Locator("main").GetByRole(AriaRole.Link, new() { Name = title })).ToHaveCountAsync(0);
        var gone = await reader.GotoAsync(publicUrl);
        Assert.True(gone!.Status is 404 or 410, $"The withdrawn article answered {gone.Status}.");
    }
}
