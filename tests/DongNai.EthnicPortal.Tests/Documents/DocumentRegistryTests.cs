using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Tests.Documents;

public sealed class DocumentRegistryTests(DocumentsFixture fixture) : IClassFixture<DocumentsFixture>
{
    private HttpClient Client => fixture.Factory.CreateBrowserClient();

    private Task<int> TypeIdAsync(string name) => fixture.Factory.LookupIdAsync(db => db.DocumentTypes.Where(t => t.Name == name).Select(t => t.Id).SingleAsync());

    private Task<int> IssuerIdAsync(string name) => fixture.Factory.LookupIdAsync(db => db.IssuingBodies.Where(b => b.Name == name).Select(b => b.Id).SingleAsync());

    private Task<int> FieldIdAsync(string name) => fixture.Factory.LookupIdAsync(db => db.DocumentFields.Where(f => f.Name == name).Select(f => f.Id).SingleAsync());

    [Fact]
    public async Task Lists_every_seed_document_newest_first_with_its_validity()
    {
        var page = await Client.GetDocumentAsync("/van-ban");

        var symbols = page.QuerySelectorAll(".document-item-title a").Select(a => a.TextContent).ToArray();
        Assert.Equal(
            ["Công văn số 9478/UBND-KGVX", "Kế hoạch số 86/KH-UBND", "Kế hoạch số 13346/KH-UBND", "Kế hoạch số 13108/KH-UBND", "Kết luận số 250-KL/TU", "Kế hoạch số 7169/KH-UBND"],
            symbols);
        var first = page.QuerySelector(".document-item")!;
        Assert.Contains("UBND tỉnh Đồng Nai", first.TextContent, StringComparison.Ordinal);
        Assert.Contains("14/09/2023", first.TextContent, StringComparison.Ordinal);
        Assert.Contains("Về việc triển khai thực hiện công tác bình đẳng giới", first.TextContent, StringComparison.Ordinal);
        Assert.Equal("Còn hiệu lực", first.QuerySelector(".validity")!.TextContent);
        var plan = page.QuerySelectorAll(".document-item")[2];
        Assert.Equal("Hết hiệu lực", plan.QuerySelector(".validity")!.TextContent);
        Assert.Contains(page.QuerySelectorAll("link[rel=canonical]"), l => l.GetAttribute("href")!.EndsWith("/van-ban", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_filter_form_is_a_get_form_with_labelled_controls()
    {
        var page = await Client.GetDocumentAsync("/van-ban");

        var form = page.QuerySelector("form.document-filters")!;
        Assert.Equal("get", form.GetAttribute("method"));
        foreach (var name in new[] { "q", "loai", "co-quan", "linh-vuc", "nam", "hieu-luc" })
        {
            var control = form.QuerySelector($"[name='{name}']")!;
            Assert.NotNull(page.QuerySelector($"label[for='{control.Id}']"));
        }

        Assert.Equal(["", "2023", "2022", "2021"], form.QuerySelectorAll("select[name=nam] option").Select(o => o.GetAttribute("value")));
    }

    [Fact]
    public async Task Filters_by_type()
    {
        Assert.Equal(["250-KL/TU"], await Client.ListedSymbolsAsync($"/van-ban?loai={await TypeIdAsync("Kết luận")}"));
        Assert.Equal(["9478/UBND-KGVX"], await Client.ListedSymbolsAsync($"/van-ban?loai={await TypeIdAsync("Công văn")}"));
    }

    [Fact]
    public async Task Filters_by_issuing_body()
    {
        Assert.Equal(["250-KL/TU"], await Client.ListedSymbolsAsync($"/van-ban?co-quan={await IssuerIdAsync("Tỉnh ủy Đồng Nai")}"));
        Assert.Equal(5, (await Client.ListedSymbolsAsync($"/van-ban?co-quan={await IssuerIdAsync("UBND tỉnh Đồng Nai")}")).Length);
    }

    [Fact]
    public async Task Filters_by_field()
    {
        Assert.Equal(6, (await Client.ListedSymbolsAsync($"/van-ban?linh-vuc={await FieldIdAsync("Bình đẳng giới")}")).Length);
        Assert.Empty(await Client.ListedSymbolsAsync($"/van-ban?linh-vuc={await FieldIdAsync("Giảm nghèo")}"));
    }

    [Fact]
    public async Task Filters_by_year()
    {
        Assert.Equal(["13346/KH-UBND", "13108/KH-UBND", "250-KL/TU", "7169/KH-UBND"], await Client.ListedSymbolsAsync("/van-ban?nam=2021"));
        Assert.Equal(["86/KH-UBND"], await Client.ListedSymbolsAsync("/van-ban?nam=2022"));
    }

    [Fact]
    public async Task Filters_by_validity_in_Vietnam_time()
    {
        Assert.Equal(["9478/UBND-KGVX", "86/KH-UBND", "250-KL/TU"], await Client.ListedSymbolsAsync("/van-ban?hieu-luc=con-hieu-luc"));
        Assert.Equal(["13346/KH-UBND", "13108/KH-UBND", "7169/KH-UBND"], await Client.ListedSymbolsAsync("/van-ban?hieu-luc=het-hieu-luc"));
        Assert.Empty(await Client.ListedSymbolsAsync("/van-ban?hieu-luc=chua-co-hieu-luc"));
    }

    [Fact]
    public async Task Combines_filters()
    {
        var plan = await TypeIdAsync("Kế hoạch");
        var ubnd = await IssuerIdAsync("UBND tỉnh Đồng Nai");
        Assert.Equal(["13346/KH-UBND", "13108/KH-UBND", "7169/KH-UBND"], await Client.ListedSymbolsAsync($"/van-ban?loai={plan}&co-quan={ubnd}&nam=2021&hieu-luc=het-hieu-luc"));
        Assert.Equal(["13108/KH-UBND"], await Client.ListedSymbolsAsync($"/van-ban?loai={plan}&nam=2021&q=13108"));
        Assert.Equal(["13108/KH-UBND"], await Client.ListedSymbolsAsync($"/van-ban?loai={plan}&q=ket+luan+250"));
        Assert.Empty(await Client.ListedSymbolsAsync($"/van-ban?loai={plan}&nam=2023"));
        Assert.Equal(["86/KH-UBND"], await Client.ListedSymbolsAsync($"/van-ban?loai={plan}&hieu-luc=con-hieu-luc&linh-vuc={await FieldIdAsync("Bình đẳng giới")}"));
    }

    [Theory]
    [InlineData("9478")]
    [InlineData("9478/UBND-KGVX")]
    [InlineData("9478/ubnd-kgvx")]
    [InlineData(" 9478 / UBND-KGVX ")]
    public async Task Finds_the_Cong_van_by_its_number_in_any_form(string query)
    {
        var symbols = await Client.ListedSymbolsAsync("/van-ban?q=" + Uri.EscapeDataString(query));

        Assert.Equal("9478/UBND-KGVX", symbols[0]);
    }

    [Theory]
    [InlineData("binh dang gioi", 3)]
    [InlineData("BÌNH ĐẲNG GIỚI", 3)]
    [InlineData("truyền thông", 1)]
    [InlineData("quoc gia", 1)]
    [InlineData("kh-ubnd", 4)]
    [InlineData("kl/tu", 1)]
    [InlineData("trien khai", 1)]
    public async Task Searches_abstracts_and_symbols_without_diacritics_or_case(string query, int expected)
    {
        Assert.Equal(expected, (await Client.ListedSymbolsAsync("/van-ban?q=" + Uri.EscapeDataString(query))).Length);
    }

    [Fact]
    public async Task The_document_named_comes_first_then_those_whose_abstract_cites_it()
    {
        var symbols = await Client.ListedSymbolsAsync("/van-ban?q=" + Uri.EscapeDataString("ket luan 250"));

        Assert.Equal(["250-KL/TU", "13108/KH-UBND"], symbols);
    }

    [Theory]
    [InlineData("Kết luận 250", "250-KL/TU")]
    [InlineData("ket luan so 250-KL/TU", "250-KL/TU")]
    [InlineData("Kế hoạch số 13108/KH-UBND", "13108/KH-UBND")]
    [InlineData("cong van 9478", "9478/UBND-KGVX")]
    public async Task A_document_named_by_its_type_and_number_comes_first(string query, string expected)
    {
        var symbols = await Client.ListedSymbolsAsync("/van-ban?q=" + Uri.EscapeDataString(query));

        Assert.Equal(expected, symbols[0]);
    }

    [Fact]
    public async Task An_empty_result_explains_and_offers_to_clear_the_filters()
    {
        var page = await Client.GetDocumentAsync("/van-ban?q=khong-co-van-ban-nay&nam=2021");

        var message = page.QuerySelector(".documents-empty")!;
        Assert.Contains("Không tìm thấy văn bản nào phù hợp", message.TextContent, StringComparison.Ordinal);
        Assert.Contains(message.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/van-ban");
        Assert.Equal("khong-co-van-ban-nay", page.QuerySelector("#loc-q")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("select[name=nam] option[value='2021'][selected]"));
    }

    [Fact]
    public async Task Malformed_filter_values_are_ignored_rather_than_failing()
    {
        Assert.Equal(6, (await Client.ListedSymbolsAsync("/van-ban?loai=abc&nam=xyz&hieu-luc=khac&trang=-3")).Length);
    }
}
