using System.Diagnostics;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Admin;
using DongNai.EthnicPortal.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static DongNai.EthnicPortal.Tests.Consultations.ConsultationTestSupport;

namespace DongNai.EthnicPortal.Tests.Consultations;

/// <summary>
/// The exported synthesis table must open in LibreOffice, which many agencies use: both files are
/// converted to PDF with soffice and the PDF's text is read back with pdftotext. Without soffice the
/// test says so and passes, unless PORTAL_SOFFICE_REQUIRED=1 (set by .ci/run).
/// </summary>
public sealed class LibreOfficeExportTests : IDisposable
{
    private readonly FakeTimeProvider time = new(Start);
    private readonly PortalFactory factory;
    private readonly string folder = Path.Combine(Path.GetTempPath(), "portal-soffice", Guid.NewGuid().ToString("N"));

    public LibreOfficeExportTests() => factory = NewFactory(time);

    public void Dispose()
    {
        factory.Dispose();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("xuat-word", "docx")]
    [InlineData("xuat-excel", "xlsx")]
    public async Task The_exported_synthesis_table_converts_to_a_pdf_with_its_text(string action, string extension)
    {
        var soffice = Find("soffice");
        var pdftotext = Find("pdftotext");
        if (soffice is null || pdftotext is null)
        {
            var message = "LibreOffice (soffice) or poppler-utils (pdftotext) is not installed: apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils.";
            Assert.False(Environment.GetEnvironmentVariable("PORTAL_SOFFICE_REQUIRED") == "1", message);
            Assert.Skip(message);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var (id, _) = await CreateAsync(factory, now.AddDays(-10), now.AddDays(-1));
        await ConsultationAdminTests.AddCommentAsync(factory, id, now.AddDays(-5), "Đề nghị bổ sung chỉ tiêu đào tạo nghề cho đồng bào Chơ Ro.", article: 2, organisation: "UBND xã Phú Lý",
            response: ConsultationResponseKind.Accepted, responseText: "Tiếp thu, bổ sung vào khoản 2 Điều 2.");
        await ConsultationAdminTests.AddCommentAsync(factory, id, now.AddDays(-4), "Góp ý chung: bố cục rõ ràng.", organisation: "Sở Tư pháp");

        var editor = await factory.SignedInAsync(Roles.Editor);
        var bytes = await editor.GetByteArrayAsync(new Uri($"/quan-tri/lay-y-kien/{id}/{action}", UriKind.Relative));
        Directory.CreateDirectory(folder);
        var input = Path.Combine(folder, $"tong-hop.{extension}");
        await File.WriteAllBytesAsync(input, bytes);

        // A private profile folder, so parallel runs and a desktop session do not share LibreOffice's lock.
        var profile = new Uri(Path.Combine(folder, "profile")).AbsoluteUri;
        await RunAsync(soffice, $"-env:UserInstallation={profile} --headless --convert-to pdf --outdir \"{folder}\" \"{input}\"");
        var pdf = Path.Combine(folder, "tong-hop.pdf");
        Assert.True(File.Exists(pdf), $"soffice wrote no PDF for the {extension} export.");
        await RunAsync(pdftotext, $"-layout \"{pdf}\" \"{pdf}.txt\"");
        var text = Normalize(await File.ReadAllTextAsync(pdf + ".txt"));
        foreach (var expected in new[] { "BẢNG TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý", "UBND xã Phú Lý", "Sở Tư pháp", "Toàn bộ dự thảo", "Điều 2. Nhiệm vụ trọng tâm", "đồng bào Chơ Ro", "Tiếp thu." })
        {
            Assert.Contains(Normalize(expected), text, StringComparison.Ordinal);
        }
    }

    /// <summary>pdftotext breaks long cells over lines; compare with single spaces.</summary>
    private static string Normalize(string text) => string.Join(' ', text.Normalize(System.Text.NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(dir => Path.Combine(dir, program)).FirstOrDefault(File.Exists);

    private static async Task RunAsync(string program, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{program} {arguments} failed: {await output} {await error}");
    }
}
