using System.Diagnostics;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Site;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Tests.PublicSite;

/// <summary>
/// The HTML checker (html-validate, vendored with its lock file under tests/html-check, so it runs
/// offline) finds no error on the main public pages and the sign-in page (issue 19).
/// </summary>
public sealed class HtmlValidityTests
{
    [Fact]
    public async Task The_html_checker_reports_no_error_on_the_main_pages()
    {
        var node = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(dir => Path.Combine(dir, "node")).FirstOrDefault(File.Exists);
        Assert.SkipWhen(node is null && Environment.GetEnvironmentVariable("CI") is null, "Node.js is not installed; CI has it.");
        var checker = Path.Combine(RepositoryRoot(), "tests", "html-check");

        using var factory = new PortalFactory();
        var folder = Directory.CreateTempSubdirectory("portal-html-").FullName;
        var client = factory.CreateClient();
        var files = new List<string>();
        foreach (var url in await PagesAsync(factory))
        {
            var file = Path.Combine(folder, $"{files.Count:00}{string.Concat(url.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'))}.html");
            await File.WriteAllTextAsync(file, await client.GetStringAsync(new Uri(url, UriKind.Relative)));
            files.Add(file);
        }

        var arguments = new[] { Path.Combine(checker, "node_modules", "html-validate", "bin", "html-validate.mjs"), "--config", Path.Combine(checker, ".htmlvalidate.json"), "--formatter", "text" }.Concat(files);
        var start = new ProcessStartInfo(node!) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = checker };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var output = await process.StandardOutput.ReadToEndAsync(timeout.Token) + await process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"The HTML checker found errors:\n{output}");
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>The pages the issue names, with one of each kind of item page.</summary>
    private static async Task<List<string>> PagesAsync(PortalFactory factory) => await factory.WithDbAsync(async db =>
    {
        var article = await db.Articles.Where(a => a.Status == ArticleStatus.Published).OrderBy(a => a.Id).Select(a => new { a.Id, a.Slug }).FirstAsync();
        var document = await db.OfficialDocuments.Where(d => d.IsPublished).OrderBy(d => d.Id).Select(d => new { d.Id, d.Slug }).FirstAsync();
        var category = await db.Categories.OrderBy(c => c.Id).Select(c => c.Slug).FirstAsync();
        var poll = await db.Polls.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        return new List<string>
        {
            "/", "/van-ban", "/gioi-thieu", "/lien-he", "/en/about", "/tham-do-y-kien", "/tim-kiem?q=binh+dang", "/du-lieu-mo", "/lay-y-kien", "/quan-tri/dang-nhap",
            PortalUrls.Article(article.Id, article.Slug), PortalUrls.Document(document.Id, document.Slug), PortalUrls.Document(document.Id, document.Slug) + "/ban-in",
            PortalUrls.Category(category), PortalUrls.Poll(poll),
        };
    });

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DongNai.EthnicPortal.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found above " + AppContext.BaseDirectory);
    }
}
