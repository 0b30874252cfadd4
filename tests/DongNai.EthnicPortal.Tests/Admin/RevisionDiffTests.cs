using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using DongNai.EthnicPortal.Web.Services.Articles;
using DongNai.EthnicPortal.Web.Services.Html;

namespace DongNai.EthnicPortal.Tests.Admin;

/// <summary>The formatted revision diff: changes in words, formatting and structure, marked accessibly and sanitized.</summary>
public sealed class RevisionDiffTests
{
    private static readonly PortalHtmlSanitizer Sanitizer = new();

    private static IElement Diff(string before, string after) =>
        new HtmlParser().ParseDocument("<!DOCTYPE html><body>" + RevisionDiff.Body(before, after, Sanitizer)).Body!;

    private static string Text(IElement element) => element.TextContent.Replace("[thêm: ", "").Replace("[xóa: ", "").TrimEnd(']').Trim();

    [Fact]
    public void Changed_words_are_marked_inside_the_unchanged_formatting()
    {
        var diff = Diff("<p>Hội nghị diễn ra <strong>sáng nay</strong> tại tỉnh.</p>", "<p>Hội nghị diễn ra <strong>chiều nay</strong> tại tỉnh.</p>");

        Assert.Equal("sáng", Text(diff.QuerySelector("p > strong > del.diff-removed")!));
        Assert.Equal("chiều", Text(diff.QuerySelector("p > strong > ins.diff-added")!));
        Assert.Contains("tại tỉnh.", diff.QuerySelector("p")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_word_made_bold_shows_the_plain_word_removed_and_the_bold_one_added()
    {
        var diff = Diff("<p>Kế hoạch quan trọng năm nay.</p>", "<p>Kế hoạch <strong>quan trọng</strong> năm nay.</p>");

        Assert.Equal("quan trọng", Text(diff.QuerySelector("p > del.diff-removed")!));
        Assert.Equal("quan trọng", Text(diff.QuerySelector("p > strong > ins.diff-added")!));
        Assert.Null(diff.QuerySelector("del strong"));
    }

    [Fact]
    public void A_paragraph_turned_into_a_heading_shows_both_blocks()
    {
        var diff = Diff("<p>Nhiệm vụ chủ yếu</p><p>Nội dung giữ nguyên.</p>", "<h2>Nhiệm vụ chủ yếu</h2><p>Nội dung giữ nguyên.</p>");

        Assert.Equal("Nhiệm vụ chủ yếu", Text(diff.QuerySelector("h2 > ins.diff-added")!));
        Assert.Equal("Nhiệm vụ chủ yếu", Text(diff.QuerySelector("p > del.diff-removed")!));
        Assert.Contains(diff.QuerySelectorAll("p"), p => p.TextContent == "Nội dung giữ nguyên.");
    }

    [Fact]
    public void List_items_links_and_table_rows_keep_their_structure()
    {
        var diff = Diff(
            "<ol><li>Rà soát đối tượng</li></ol><p>Xem <a href=\"https://dongnai.gov.vn/cu\">cổng cũ</a></p><table><tbody><tr><th scope=\"col\">Huyện</th></tr><tr><td>Định Quán</td></tr></tbody></table>",
            "<ol><li>Rà soát đối tượng</li><li>Cấp xã lập danh sách</li></ol><p>Xem <a href=\"https://dongnai.gov.vn/moi\">cổng mới</a></p><table><tbody><tr><th scope=\"col\">Huyện</th></tr><tr><td>Định Quán</td></tr><tr><td>Tân Phú</td></tr></tbody></table>");

        Assert.Equal(2, diff.QuerySelectorAll("ol > li").Length);
        Assert.Equal("Cấp xã lập danh sách", Text(diff.QuerySelector("ol > li:nth-child(2) > ins")!));
        Assert.Equal("cổng mới", Text(diff.QuerySelector("a[href='https://dongnai.gov.vn/moi'] > ins")!));
        Assert.Equal("cổng cũ", Text(diff.QuerySelector("p del")!));
        Assert.Equal(3, diff.QuerySelectorAll("table tr").Length);
        Assert.Equal("Tân Phú", Text(diff.QuerySelector("tr:last-child > td > ins")!));
        Assert.NotNull(diff.QuerySelector("th[scope=col]"));
    }

    [Fact]
    public void A_removed_paragraph_stays_a_paragraph_and_a_replaced_image_shows_both_images()
    {
        var diff = Diff(
            "<p>Đoạn một.</p><p>Đoạn bị xóa hẳn.</p><figure><img src=\"/media/cu.jpg\" alt=\"Ảnh cũ\"><figcaption>Hội nghị</figcaption></figure>",
            "<p>Đoạn một.</p><figure><img src=\"/media/moi.jpg\" alt=\"Ảnh mới\"><figcaption>Hội nghị</figcaption></figure>");

        Assert.Equal("Đoạn bị xóa hẳn.", Text(diff.QuerySelector("p > del")!));
        Assert.NotNull(diff.QuerySelector("figure del.diff-removed > img[src='/media/cu.jpg'][alt='Ảnh cũ']"));
        Assert.NotNull(diff.QuerySelector("figure ins.diff-added > img[src='/media/moi.jpg'][alt='Ảnh mới']"));
        Assert.Equal("Hội nghị", diff.QuerySelector("figcaption")!.TextContent);
    }

    [Fact]
    public void Every_mark_is_labelled_for_screen_readers_and_nothing_else_gets_a_class()
    {
        var diff = Diff("<p>Một hai ba.</p>", "<p>Một bốn ba.</p><p>Thêm đoạn.</p>");

        var marks = diff.QuerySelectorAll("ins, del");
        Assert.Equal(3, marks.Length);
        foreach (var mark in marks)
        {
            var label = mark.FirstElementChild!;
            Assert.Equal("visually-hidden", label.ClassName);
            Assert.Equal(mark.LocalName == "ins" ? "[thêm: " : "[xóa: ", label.TextContent);
        }

        Assert.All(diff.QuerySelectorAll("[class]"), e => Assert.Contains(e.ClassName!, PortalHtmlSanitizer.ComparisonClasses));
    }

    [Fact]
    public void Identical_bodies_have_no_marks_and_hostile_markup_never_comes_through()
    {
        const string body = "<h2>Tiêu đề</h2><p>Nội dung <em>nghiêng</em>.</p>";
        Assert.False(RevisionDiff.Changed(body, body, Sanitizer));
        Assert.Empty(Diff(body, body).QuerySelectorAll("ins, del"));
        Assert.True(RevisionDiff.Changed(body, body.Replace("<em>", "<strong>").Replace("</em>", "</strong>"), Sanitizer));

        var html = RevisionDiff.Body(
            "<p onclick=\"alert(1)\">Cũ <img src=x onerror=\"alert(2)\"></p>",
            "<p>Mới</p><script>alert(3)</script><a href=\"javascript:alert(4)\">x</a><p class=\"diff-added evil\" style=\"color:red\">y</p>",
            Sanitizer);
        foreach (var banned in new[] { "onclick", "onerror", "<script", "javascript:", "style=", "evil" })
        {
            Assert.DoesNotContain(banned, html, StringComparison.OrdinalIgnoreCase);
        }
    }
}
