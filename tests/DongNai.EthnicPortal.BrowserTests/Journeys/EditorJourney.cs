using DongNai.EthnicPortal.BrowserTests.Infrastructure;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DongNai.EthnicPortal.BrowserTests.Journeys;

/// <summary>The editor's desk: writing with tables, pasting from office programs, images, autosave, revisions, keyboard.</summary>
[Collection(BrowserSuite.Name)]
public sealed class EditorJourney(BrowserHost host)
{
    private const string Body = "#BodyHtml";

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Paste", name));

    /// <summary>Pastes clipboard HTML at the end of the editor the way the browser delivers a paste.</summary>
    private static async Task PasteAsync(IPage page, string html) =>
        await page.EvaluateAsync(
            @"html => {
                const editor = document.querySelector('#BodyHtml').portalEditor;
                editor.commands.focus('end');
                const data = new DataTransfer();
                data.setData('text/html', html);
                data.setData('text/plain', 'bản sao');
                editor.view.dom.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
            }",
            html);

    /// <summary>Drops a freshly drawn PNG onto the editor, as a file dragged from the desktop arrives.</summary>
    private static async Task DropImageAsync(IPage page, string fileName) =>
        await page.EvaluateAsync(
            @"async name => {
                const canvas = document.createElement('canvas');
                canvas.width = 1400; canvas.height = 700;
                const context = canvas.getContext('2d');
                context.fillStyle = '#0b3d6b'; context.fillRect(0, 0, 1400, 700);
                context.fillStyle = '#f59e0b'; context.fillRect(200, 150, 600, 300);
                const blob = await new Promise(resolve => canvas.toBlob(resolve, 'image/png'));
                const data = new DataTransfer();
                data.items.add(new File([blob], name, { type: 'image/png' }));
                const target = document.querySelector('.rte-area');
                const box = target.getBoundingClientRect();
                target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, clientX: box.left + 20, clientY: box.bottom - 10, bubbles: true, cancelable: true }));
            }",
            fileName);

    private Task<(IPage Page, List<string> Problems)> SignedInAuthorAsync(int width = 1280) => SignedInAsync(Roles.Author, width);

    private async Task<(IPage Page, List<string> Problems)> SignedInAsync(string role, int width = 1280)
    {
        var page = await host.NewPageAsync(width);
        List<string> problems = [];
        // The portal serves no favicon.ico, and Chromium asks for one anyway.
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning" && !message.Location.Contains("/favicon.ico", StringComparison.Ordinal))
            {
                problems.Add($"{message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => problems.Add(error);
        page.Response += (_, response) => { if (response.Status >= 400 && !response.Url.EndsWith("/favicon.ico", StringComparison.Ordinal)) { problems.Add($"{response.Status} {response.Url}"); } };
        await Seed.SignInAsync(page, await host.Factory.CreateUserAsync(role), PortalFactory.StaffPassword);
        return (page, problems);
    }

    private static async Task CreateDraftAsync(IPage page, string title, string firstParagraph)
    {
        await page.GotoAsync("/quan-tri/bai-viet/tao");
        await Assertions.Expect(page.Locator(".rte.rte-ready")).ToHaveCountAsync(1);
        await page.GetByLabel("Tiêu đề").FillAsync(title);
        await page.GetByLabel("Chuyên mục").SelectOptionAsync(new SelectOptionValue { Label = Seed.Category });
        await page.Locator(".rte-area").ClickAsync();
        await page.Keyboard.TypeAsync(firstParagraph);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Đã tạo bản nháp bài viết.")).ToBeVisibleAsync();
        // The edit page's editor starts after the page shows; steps that call it directly wait for it.
        await Assertions.Expect(page.Locator(".rte.rte-ready")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task An_author_writes_a_table_pastes_from_Word_drops_an_image_recovers_the_autosave_and_compares_revisions()
    {
        var (page, problems) = await SignedInAuthorAsync();
        var title = "Kế hoạch công tác dân tộc năm 2025 " + Guid.NewGuid().ToString("N")[..6];
        await CreateDraftAsync(page, title, "Ban Dân tộc tỉnh ban hành kế hoạch năm 2025.");
        var editUrl = page.Url;
        var area = page.Locator(".rte-area");
        var toolbar = page.Locator(".rte-toolbar");

        // A table of figures with a header row, grown by a row.
        await page.EvaluateAsync("() => document.querySelector('#BodyHtml').portalEditor.commands.focus('end')");
        await toolbar.GetByRole(AriaRole.Button, new() { Name = "Bảng", Exact = true }).ClickAsync();
        await Assertions.Expect(area.Locator("table th")).ToHaveCountAsync(3);
        await page.Keyboard.TypeAsync("Chỉ tiêu");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Kết quả");
        await toolbar.GetByRole(AriaRole.Button, new() { Name = "+ Hàng" }).ClickAsync();
        await Assertions.Expect(area.Locator("table tr")).ToHaveCountAsync(4);

        // Word's clipboard: fake lists become real ones, comments, deletions, fillers and styles go.
        await PasteAsync(page, Fixture("word-2016.html"));
        await Assertions.Expect(area.Locator("h3", new() { HasText = "Nhiệm vụ chủ yếu" })).ToHaveCountAsync(1);
        await Assertions.Expect(area.Locator("ul > li")).ToHaveCountAsync(3);
        await Assertions.Expect(area.Locator("ol > li")).ToHaveCountAsync(3);
        await Assertions.Expect(area.Locator("ol > li ol > li")).ToHaveTextAsync("Cấp xã lập danh sách");
        await Assertions.Expect(area.Locator("a[href='https://dongnai.gov.vn/']")).ToHaveCountAsync(1);
        await Assertions.Expect(area.Locator("strong", new() { HasText = "xây dựng kế hoạch" })).ToHaveCountAsync(1);
        await Assertions.Expect(area.Locator("em", new() { HasText = "ba nhóm nhiệm vụ" })).ToHaveCountAsync(1);
        await Assertions.Expect(area.Locator("table th", new() { HasText = "Huyện" })).ToHaveCountAsync(1);
        var pasted = await area.InnerTextAsync();
        Assert.Contains("trọng tâm", pasted, StringComparison.Ordinal);
        Assert.Contains("được Ủy ban nhân dân tỉnh phê duyệt", pasted, StringComparison.Ordinal);
        foreach (var gone in new[] { "đang chờ ý kiến các sở", "Kiểm tra lại số liệu", "[NVA1]", "·" })
        {
            Assert.DoesNotContain(gone, pasted, StringComparison.Ordinal);
        }

        var editorHtml = await page.InputValueAsync(Body);
        foreach (var gone in new[] { "style=", "class=", "mso-", "o:p", "file:///" })
        {
            Assert.DoesNotContain(gone, editorHtml, StringComparison.Ordinal);
        }

        // Word's empty spacing paragraph between the text and the next heading is gone.
        Assert.Contains("phê duyệt.</p><h3>Nhiệm vụ chủ yếu</h3>", editorHtml, StringComparison.Ordinal);

        await host.ScreenshotAsync(page, "editor-paste-word-1280");

        // An image dragged in asks for its description, shows progress and lands as a captioned figure.
        await DropImageAsync(page, "hoi-nghi.png");
        var dialog = page.Locator("dialog.rte-picker[open]");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Chèn ảnh" }).ClickAsync();
        await Assertions.Expect(dialog.GetByRole(AriaRole.Alert)).ToContainTextAsync("Hãy nhập mô tả ảnh");
        await dialog.GetByLabel("Mô tả ảnh cho người không nhìn thấy").FillAsync("Đại biểu dự hội nghị triển khai kế hoạch");
        await dialog.GetByLabel("Chú thích ảnh (không bắt buộc)").FillAsync("Hội nghị triển khai kế hoạch năm 2025");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Chèn ảnh" }).ClickAsync();
        var figure = area.Locator("figure");
        await Assertions.Expect(figure.Locator("figcaption")).ToHaveTextAsync("Hội nghị triển khai kế hoạch năm 2025");
        var image = figure.Locator("img");
        Assert.StartsWith("/media/", await image.GetAttributeAsync("src"), StringComparison.Ordinal);
        Assert.Equal("Đại biểu dự hội nghị triển khai kế hoạch", await image.GetAttributeAsync("alt"));
        await figure.ScrollIntoViewIfNeededAsync();
        await host.ScreenshotAsync(page, "editor-image-1280", fullPage: false);

        // The autosave runs on its own (every 2 s in the tests) and says when.
        await Assertions.Expect(page.Locator(".rte-status")).ToContainTextAsync("Đã lưu tự động lúc", new() { Timeout = 15_000 });
        await page.Locator(".rte-status").ScrollIntoViewIfNeededAsync();
        await host.ScreenshotAsync(page, "editor-autosave-1280", fullPage: false);

        // Leaving without saving, then coming back: the autosave is offered and restores everything.
        await page.GotoAsync(editUrl);
        var offer = page.Locator(".autosave-offer");
        await Assertions.Expect(offer).ToContainTextAsync("Có bản tự động lưu lúc");
        await Assertions.Expect(area.Locator("figure")).ToHaveCountAsync(0);
        await host.ScreenshotAsync(page, "editor-autosave-offer-1280", fullPage: false);
        await offer.GetByRole(AriaRole.Link, new() { Name = "Khôi phục bản tự động lưu" }).ClickAsync();
        await Assertions.Expect(area.Locator("figure figcaption")).ToHaveTextAsync("Hội nghị triển khai kế hoạch năm 2025");
        await Assertions.Expect(area.Locator("ul > li")).ToHaveCountAsync(3);
        await Assertions.Expect(area.Locator("table")).ToHaveCountAsync(2);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Đã lưu bài viết.")).ToBeVisibleAsync();

        // What the sanitizer stored from the editor's output.
        var stored = await host.Factory.WithDbAsync(db => db.Articles.Where(a => a.Title == title).Select(a => a.BodyHtml).SingleAsync());
        Assert.Contains("<th scope=\"col\">", stored, StringComparison.Ordinal);
        Assert.Contains("<figure><img src=\"/media/", stored, StringComparison.Ordinal);
        Assert.Contains("<figcaption>Hội nghị triển khai kế hoạch năm 2025</figcaption>", stored, StringComparison.Ordinal);
        Assert.Contains("<ol><li><p>Rà soát đối tượng thụ hưởng</p><ol>", stored, StringComparison.Ordinal);
        foreach (var gone in new[] { "style=", "class=", "mso-", "Kiểm tra lại số liệu", "đang chờ ý kiến" })
        {
            Assert.DoesNotContain(gone, stored, StringComparison.Ordinal);
        }

        // The two saved revisions side by side: the first draft against the current text.
        await page.GetByRole(AriaRole.Link, new() { Name = "Các phiên bản đã lưu" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "So sánh" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "So sánh phiên bản", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".compare-body ins.diff-added").First).ToBeVisibleAsync();
        Assert.Contains("Nhiệm vụ chủ yếu", await page.Locator(".compare-body").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);
        await host.ScreenshotAsync(page, "editor-compare-1280");

        Assert.True(problems.Count == 0, "Console errors or warnings: " + string.Join("\n", problems));
    }

    [Fact]
    public async Task LibreOffice_and_Google_Docs_pastes_keep_structure_and_lose_styling()
    {
        var (page, _) = await SignedInAuthorAsync();
        await page.GotoAsync("/quan-tri/bai-viet/tao");
        await Assertions.Expect(page.Locator(".rte.rte-ready")).ToHaveCountAsync(1);
        var area = page.Locator(".rte-area");

        await PasteAsync(page, Fixture("libreoffice-7.4.html"));
        await Assertions.Expect(area.Locator("h2", new() { HasText = "Báo cáo kết quả" })).ToHaveCountAsync(1);
        await Assertions.Expect(area.Locator("h3", new() { HasText = "Các nhiệm vụ đã triển khai" })).ToHaveCountAsync(1);
        await Assertions.Expect(area.Locator("ul > li")).ToHaveCountAsync(2);
        await Assertions.Expect(area.Locator("table th")).ToHaveCountAsync(3);
        await Assertions.Expect(area.Locator("strong", new() { HasText = "hoàn thành 12" })).ToHaveCountAsync(1);

        await page.EvaluateAsync("() => document.querySelector('#BodyHtml').portalEditor.commands.clearContent()");
        await PasteAsync(page, Fixture("google-docs.html"));
        await Assertions.Expect(area.Locator("h2", new() { HasText = "Thông báo lịch tiếp công dân" })).ToHaveCountAsync(1);
        await Assertions.Expect(area.Locator("ol > li")).ToHaveCountAsync(2);
        await Assertions.Expect(area.Locator("strong")).ToContainTextAsync(["thứ Năm hằng tuần", "Ngày", "Người tiếp"]);
        await Assertions.Expect(area.Locator("em")).ToHaveTextAsync("trụ sở Ban Dân tộc");
        await Assertions.Expect(area.Locator("table th")).ToHaveCountAsync(2);
        await Assertions.Expect(area.Locator("a[href='https://dongnai.gov.vn/lich-tiep-cong-dan']")).ToHaveCountAsync(1);
        var html = await page.InputValueAsync(Body);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("docs-internal-guid", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_form_brings_back_nothing_executable_into_the_editor()
    {
        var (page, _) = await SignedInAuthorAsync();
        await page.GotoAsync("/quan-tri/bai-viet/tao");
        await page.GetByLabel("Tiêu đề").FillAsync("Thiếu chuyên mục");
        await page.Locator(".rte-toolbar").GetByRole(AriaRole.Button, new() { Name = "HTML" }).ClickAsync();
        await page.Locator(Body).FillAsync("<p>Giữ lại</p><img src=x onerror=\"alert('img')\"><p onclick=\"alert('p')\">Bấm</p><script>alert('script')</script><a href=\"javascript:alert('a')\">liên kết</a>");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByText("Vui lòng chọn chuyên mục.")).ToBeVisibleAsync();
        var area = page.Locator(".rte-area");
        await Assertions.Expect(area.Locator("p", new() { HasText = "Giữ lại" })).ToHaveCountAsync(1);
        var executable = await page.EvaluateAsync<int>(
            @"() => Array.from(document.querySelectorAll('.rte-area *')).filter(e =>
                e.tagName === 'SCRIPT' || Array.from(e.attributes).some(a => a.name.startsWith('on') || /javascript:/i.test(a.value))).length");
        Assert.Equal(0, executable);
        await Assertions.Expect(area.Locator("img")).ToHaveCountAsync(0);
        Assert.DoesNotContain("onerror", await page.InputValueAsync(Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_whole_toolbar_is_one_tab_stop_used_with_the_arrow_keys()
    {
        var (page, problems) = await SignedInAuthorAsync(360);
        await page.GotoAsync("/quan-tri/bai-viet/tao");
        await Assertions.Expect(page.Locator(".rte.rte-ready")).ToHaveCountAsync(1);
        await Accessibility.AssertNoViolationsAsync(page);
        await host.ScreenshotAsync(page, "editor-360");

        var toolbar = page.Locator(".rte-toolbar");
        var buttons = toolbar.GetByRole(AriaRole.Button);
        var count = await buttons.CountAsync();
        Assert.Equal(1, await toolbar.Locator("button[tabindex='0']").CountAsync());

        var area = page.Locator(".rte-area");
        var first = buttons.First;
        await KeyboardOnly.TabToAsync(page, first);
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(area).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Mục tiêu chung");

        // Every button is reached with ArrowRight, and End/Home jump to the ends.
        await page.Keyboard.PressAsync("Shift+Tab");
        await Assertions.Expect(first).ToBeFocusedAsync();
        for (var i = 1; i < count; i++)
        {
            await page.Keyboard.PressAsync("ArrowRight");
            await Assertions.Expect(buttons.Nth(i)).ToBeFocusedAsync();
            await KeyboardOnly.AssertFocusIsVisibleAsync(buttons.Nth(i));
        }

        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(first).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("End");
        await Assertions.Expect(buttons.Last).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Home");
        await Assertions.Expect(first).ToBeFocusedAsync();

        async Task PressAsync(string name)
        {
            var button = toolbar.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });
            for (var presses = 0; presses < count && !await KeyboardOnly.HasFocusAsync(button); presses++)
            {
                await page.Keyboard.PressAsync("ArrowRight");
            }

            await Assertions.Expect(button).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Enter");
        }

        // Shift+Tab leaves the writing area except in a list or a table, where it outdents or goes back a cell.
        async Task BackToToolbarAsync(string key = "Shift+Tab")
        {
            await Assertions.Expect(area).ToBeFocusedAsync();
            await page.Keyboard.PressAsync(key);
            await Assertions.Expect(toolbar.Locator("button[tabindex='0']")).ToBeFocusedAsync();
        }

        // Heading 2 on the first line: the button reports it, the writing area gets it.
        await PressAsync("Tiêu đề 2");
        await Assertions.Expect(area.Locator("h2")).ToHaveTextAsync("Mục tiêu chung");
        await Assertions.Expect(toolbar.GetByRole(AriaRole.Button, new() { Name = "Tiêu đề 2" })).ToHaveAttributeAsync("aria-pressed", "true");
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.PressAsync("Enter");

        foreach (var (name, selector) in new[] { ("Đậm", "strong"), ("Nghiêng", "em") })
        {
            await BackToToolbarAsync();
            await PressAsync(name);
            await Assertions.Expect(area).ToBeFocusedAsync();
            await page.Keyboard.TypeAsync(name + " ");
            await Assertions.Expect(toolbar.GetByRole(AriaRole.Button, new() { Name = name, Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");
            await Assertions.Expect(area.Locator(selector).First).ToContainTextAsync(name);
            await BackToToolbarAsync();
            await PressAsync(name);
        }

        // Inside a list Tab and Shift+Tab indent and outdent, so Alt+F10 is the way back to the toolbar.
        foreach (var (name, selector) in new[] { ("• Danh sách", "ul li"), ("1. Danh sách", "ol li"), ("Trích dẫn", "blockquote") })
        {
            await page.Keyboard.PressAsync("Enter");
            await page.Keyboard.TypeAsync("Dòng " + name);
            await BackToToolbarAsync();
            await PressAsync(name);
            await Assertions.Expect(area.Locator(selector, new() { HasText = "Dòng " + name })).ToHaveCountAsync(1);
            await BackToToolbarAsync("Alt+F10");
            await Assertions.Expect(toolbar.GetByRole(AriaRole.Button, new() { Name = name, Exact = true })).ToBeFocusedAsync();
            await PressAsync(name);
            await page.Keyboard.PressAsync("End");
        }

        // A link through the link dialog, then removed again.
        await page.Keyboard.PressAsync("Shift+Home");
        await page.WaitForFunctionAsync("() => !document.querySelector('#BodyHtml').portalEditor.state.selection.empty");
        await BackToToolbarAsync();
        await PressAsync("Liên kết");
        var linkDialog = page.Locator("dialog.rte-link[open]");
        await Assertions.Expect(linkDialog.GetByLabel("Địa chỉ liên kết")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("javascript:alert(1)");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(linkDialog.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Địa chỉ liên kết không hợp lệ.");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("https://dongnai.gov.vn/");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(area.Locator("a[href='https://dongnai.gov.vn/']")).ToHaveCountAsync(1);
        await BackToToolbarAsync();
        await PressAsync("Bỏ liên kết");
        await Assertions.Expect(area.Locator("a")).ToHaveCountAsync(0);

        // A table, grown and shrunk from the toolbar, then removed.
        await page.Keyboard.PressAsync("End");
        await BackToToolbarAsync("Alt+F10");
        await PressAsync("Bảng");
        await Assertions.Expect(area.Locator("table th")).ToHaveCountAsync(3);
        // The cursor starts in the header row; the row removed is the one below it.
        foreach (var (name, rows, headers) in new[] { ("+ Hàng", 4, 3), ("+ Cột", 4, 4), ("− Cột", 4, 3), ("− Hàng", 3, 3) })
        {
            if (name == "− Hàng")
            {
                await page.Keyboard.PressAsync("ArrowDown");
            }

            await BackToToolbarAsync("Alt+F10");
            await PressAsync(name);
            await Assertions.Expect(area.Locator("table tr")).ToHaveCountAsync(rows);
            await Assertions.Expect(area.Locator("table th")).ToHaveCountAsync(headers);
        }

        await BackToToolbarAsync("Alt+F10");
        await PressAsync("Xóa bảng");
        await Assertions.Expect(area.Locator("table")).ToHaveCountAsync(0);

        // Undo brings the table back, redo removes it again.
        await BackToToolbarAsync("Alt+F10");
        await PressAsync("Hoàn tác");
        await Assertions.Expect(area.Locator("table")).ToHaveCountAsync(1);
        await BackToToolbarAsync("Alt+F10");
        await PressAsync("Làm lại");
        await Assertions.Expect(area.Locator("table")).ToHaveCountAsync(0);

        // The image dialog opens and closes from the keyboard; the HTML view toggles.
        await BackToToolbarAsync();
        await PressAsync("Ảnh");
        var imageDialog = page.Locator("dialog.rte-picker[open]");
        await Assertions.Expect(imageDialog).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(imageDialog).ToHaveCountAsync(0);
        await Assertions.Expect(toolbar.GetByRole(AriaRole.Button, new() { Name = "Ảnh", Exact = true })).ToBeFocusedAsync();
        await PressAsync("HTML");
        await Assertions.Expect(toolbar.GetByRole(AriaRole.Button, new() { Name = "HTML" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.Locator(Body)).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(Body)).ToBeHiddenAsync();
        await PressAsync("Đoạn văn");

        var html = await page.InputValueAsync(Body);
        Assert.Contains("<h2>Mục tiêu chung</h2>", html, StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);
        Assert.True(problems.Count == 0, "Console errors or warnings: " + string.Join("\n", problems));
    }

    [Fact]
    public async Task A_new_article_never_saved_is_autosaved_and_recovered_after_the_tab_is_left()
    {
        var (page, problems) = await SignedInAuthorAsync();
        var title = "Bài viết chưa lưu lần nào " + Guid.NewGuid().ToString("N")[..6];
        await page.GotoAsync("/quan-tri/bai-viet/tao");
        await Assertions.Expect(page.Locator(".rte.rte-ready")).ToHaveCountAsync(1);
        await page.GetByLabel("Tiêu đề").FillAsync(title);
        await page.Locator(".rte-area").ClickAsync();
        await page.Keyboard.TypeAsync("Đoạn văn viết dở trước khi đóng thẻ.");
        await Assertions.Expect(page.Locator(".rte-status")).ToContainTextAsync("Đã lưu tự động lúc", new() { Timeout = 15_000 });

        // The tab is left without saving; "Viết bài mới" offers the draft, only to its writer.
        await page.GotoAsync("/quan-tri/bai-viet/tao");
        var offer = page.Locator(".autosave-offer");
        await Assertions.Expect(offer).ToContainTextAsync("bản tự động lưu chưa từng được lưu");
        await Assertions.Expect(offer).ToContainTextAsync(title);
        await Accessibility.AssertNoViolationsAsync(page);
        await host.ScreenshotAsync(page, "editor-new-autosave-offer-1280", fullPage: false);
        await page.SetViewportSizeAsync(360, 740);
        await host.ScreenshotAsync(page, "editor-new-autosave-offer-360", fullPage: false);
        await page.SetViewportSizeAsync(1280, 900);
        await offer.GetByRole(AriaRole.Link, new() { Name = "Khôi phục bản tự động lưu “" + title + "”" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Tiêu đề")).ToHaveValueAsync(title);
        await Assertions.Expect(page.Locator(".rte-area")).ToContainTextAsync("Đoạn văn viết dở trước khi đóng thẻ.");
        await Assertions.Expect(offer).ToContainTextAsync("Đang hiển thị bản tự động lưu lúc");

        // Saved for real, it becomes an article and the draft is no longer offered.
        await page.GetByLabel("Chuyên mục").SelectOptionAsync(new SelectOptionValue { Label = Seed.Category });
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Đã tạo bản nháp bài viết.")).ToBeVisibleAsync();
        await page.GotoAsync("/quan-tri/bai-viet/tao");
        await Assertions.Expect(page.GetByText(title)).ToHaveCountAsync(0);
        Assert.True(problems.Count == 0, "Console errors or warnings: " + string.Join("\n", problems));
    }

    [Fact]
    public async Task A_page_being_edited_is_autosaved_offered_back_after_leaving_and_restored_without_being_published()
    {
        var (page, problems) = await SignedInAsync(Roles.Editor);
        var pageId = await host.Factory.WithDbAsync(db => db.Pages.Where(p => p.Slug == Page.IntroductionSlug).Select(p => p.Id).SingleAsync());
        var edit = $"/quan-tri/trang/{pageId}/sua";
        var published = PortalUrls.Page(Page.IntroductionSlug);
        var sentence = "Câu mới đang viết dở " + Guid.NewGuid().ToString("N")[..6] + ".";
        await page.GotoAsync(edit);
        await Assertions.Expect(page.Locator(".rte.rte-ready")).ToHaveCountAsync(1);
        await page.Locator(".rte-area").ClickAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync(sentence);
        await Assertions.Expect(page.Locator(".rte-status")).ToContainTextAsync("Đã lưu tự động lúc", new() { Timeout = 15_000 });

        // Leaving without saving: the public page does not show the text, the edit page offers it back.
        await page.GotoAsync(published);
        await Assertions.Expect(page.GetByText(sentence)).ToHaveCountAsync(0);
        await page.GotoAsync(edit);
        var offer = page.Locator(".autosave-offer");
        await Assertions.Expect(offer).ToContainTextAsync("mới hơn bản đã lưu");
        await Assertions.Expect(page.Locator(".rte-area")).Not.ToContainTextAsync(sentence);
        await Accessibility.AssertNoViolationsAsync(page);
        await offer.GetByRole(AriaRole.Link, new() { Name = "Khôi phục bản tự động lưu" }).ClickAsync();
        await Assertions.Expect(page.Locator(".rte-area")).ToContainTextAsync(sentence);
        await Assertions.Expect(offer).ToContainTextAsync("Đang hiển thị bản tự động lưu lúc");

        // Saved for real, the public page shows it and the offer is gone.
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await page.GotoAsync(published);
        await Assertions.Expect(page.GetByText(sentence)).ToBeVisibleAsync();
        await page.GotoAsync(edit);
        await Assertions.Expect(page.Locator(".autosave-offer")).ToHaveCountAsync(0);
        Assert.True(problems.Count == 0, "Console errors or warnings: " + string.Join("\n", problems));
    }

    [Fact]
    public async Task The_comparison_shows_formatting_changes_marked_for_sight_and_screen_readers()
    {
        var (page, problems) = await SignedInAuthorAsync();
        var title = "So sánh định dạng " + Guid.NewGuid().ToString("N")[..6];
        await CreateDraftAsync(page, title, "Nhiệm vụ chủ yếu");
        var area = page.Locator(".rte-area");
        var toolbar = page.Locator(".rte-toolbar");

        // The first paragraph becomes a heading, a bold paragraph and a list follow.
        await page.EvaluateAsync("() => document.querySelector('#BodyHtml').portalEditor.commands.setContent('<h2>Nhiệm vụ chủ yếu</h2><p>Ban Dân tộc <strong>xây dựng kế hoạch</strong> năm 2025.</p><ol><li><p>Rà soát đối tượng</p></li></ol>')");
        await page.EvaluateAsync("() => document.querySelector('#BodyHtml').portalEditor.commands.focus('end')");
        await toolbar.GetByRole(AriaRole.Button, new() { Name = "Bảng", Exact = true }).ClickAsync();
        await page.Keyboard.TypeAsync("Huyện");
        await Assertions.Expect(area.Locator("table th")).ToHaveCountAsync(3);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Đã lưu bài viết.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Các phiên bản đã lưu" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "So sánh" }).ClickAsync();
        var body = page.Locator(".compare-body");
        await Assertions.Expect(body.Locator("h2 ins.diff-added")).ToContainTextAsync("Nhiệm vụ chủ yếu");
        await Assertions.Expect(body.Locator("p del.diff-removed")).ToContainTextAsync("Nhiệm vụ chủ yếu");
        await Assertions.Expect(body.Locator("strong ins.diff-added")).ToContainTextAsync("xây dựng kế hoạch");
        await Assertions.Expect(body.Locator("ol > li ins.diff-added")).ToContainTextAsync("Rà soát đối tượng");
        await Assertions.Expect(body.Locator("table th ins.diff-added")).ToContainTextAsync("Huyện");

        // Not by colour alone: underlined and struck through, and labelled for screen readers.
        Assert.Equal("underline", await body.Locator("ins.diff-added").First.EvaluateAsync<string>("e => getComputedStyle(e).textDecorationLine"));
        Assert.Equal("line-through", await body.Locator("del.diff-removed").First.EvaluateAsync<string>("e => getComputedStyle(e).textDecorationLine"));
        Assert.Equal("[thêm: ", await body.Locator("ins.diff-added .visually-hidden").First.TextContentAsync());
        await Accessibility.AssertNoViolationsAsync(page);
        await host.ScreenshotAsync(page, "editor-compare-formatting-1280");
        await page.SetViewportSizeAsync(360, 740);
        await host.ScreenshotAsync(page, "editor-compare-formatting-360");
        Assert.True(problems.Count == 0, "Console errors or warnings: " + string.Join("\n", problems));
    }

    [Fact]
    public async Task Real_LibreOffice_pastes_from_a_docx_and_an_odt_keep_their_structure()
    {
        var (page, _) = await SignedInAuthorAsync();
        await page.GotoAsync("/quan-tri/bai-viet/tao");
        await Assertions.Expect(page.Locator(".rte.rte-ready")).ToHaveCountAsync(1);
        var area = page.Locator(".rte-area");
        foreach (var fixture in new[] { "libreoffice-7.4-from-docx.html", "libreoffice-7.4-from-odt.html" })
        {
            await page.EvaluateAsync("() => document.querySelector('#BodyHtml').portalEditor.commands.clearContent()");
            await PasteAsync(page, Fixture(fixture));
            await Assertions.Expect(area.Locator("h2")).ToHaveTextAsync("Kế hoạch thực hiện công tác dân tộc năm 2025");
            await Assertions.Expect(area.Locator("h3")).ToHaveTextAsync(["Nhiệm vụ chủ yếu", "Đối tượng ưu tiên"]);
            await Assertions.Expect(area.Locator("ol > li ol > li")).ToHaveCountAsync(2);
            await Assertions.Expect(area.Locator("ul > li")).ToHaveCountAsync(2);
            await Assertions.Expect(area.Locator("strong", new() { HasText = "xây dựng kế hoạch" })).ToHaveCountAsync(1);
            await Assertions.Expect(area.Locator("em")).ToHaveTextAsync("ba nhóm nhiệm vụ trọng tâm");
            await Assertions.Expect(area.Locator("table th")).ToHaveCountAsync(3);
            await Assertions.Expect(area.Locator("a[href='https://dongnai.gov.vn/']")).ToHaveTextAsync("Cổng thông tin điện tử tỉnh Đồng Nai");
            var html = await page.InputValueAsync(Body);
            foreach (var gone in new[] { "style=", "class=", "<font", "<span", "width=", "<li><h" })
            {
                Assert.DoesNotContain(gone, html, StringComparison.Ordinal);
            }
        }

        await host.ScreenshotAsync(page, "editor-paste-libreoffice-docx-1280", fullPage: false);
    }
}
