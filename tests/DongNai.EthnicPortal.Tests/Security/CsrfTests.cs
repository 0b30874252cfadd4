using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using DongNai.EthnicPortal.Tests.Admin;
using DongNai.EthnicPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DongNai.EthnicPortal.Tests.Security;

/// <summary>
/// Every POST endpoint the application maps, read from its own endpoint data so a new form cannot
/// be forgotten, refuses a signed-in Administrator's request that lacks the antiforgery token (or,
/// for the vote, the Origin) and leaves every table as it was.
/// </summary>
public sealed class CsrfTests : IAsyncLifetime
{
    // Visits are counted in memory and flushed on a timer, so that table may move on its own.
    private static readonly HashSet<string> VolatileTables = new(StringComparer.OrdinalIgnoreCase) { "VisitDays" };

    private readonly PortalFactory factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Every_post_endpoint_refuses_a_request_without_token_and_changes_nothing()
    {
        var client = await factory.AdministratorAsync();
        var endpoints = PostEndpoints();

        // A sanity floor: the admin area alone has dozens of forms, so a near-empty list means the enumeration broke.
        Assert.True(endpoints.Count >= 40, $"Only {endpoints.Count} POST endpoints found");

        var before = await SnapshotAsync();
        var failures = new List<string>();
        foreach (var (template, controller) in endpoints)
        {
            var url = await UrlForAsync(template, controller);
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, UriKind.Relative))
            {
                Content = new FormUrlEncodedContent([new("Title", "Giả mạo"), new("Name", "Giả mạo"), new("optionId", "1"), new("Role", "Administrator")]),
            };
            var response = await client.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                failures.Add($"{url} → {(int)response.StatusCode}");
            }
        }

        Assert.Empty(failures);
        var after = await SnapshotAsync();
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Vote_with_a_foreign_origin_is_refused_and_counts_nothing()
    {
        var client = factory.CreateBrowserClient();
        var (pollId, optionId) = await factory.WithDbAsync(db => db.PollOptions.OrderBy(o => o.Id).Select(o => new ValueTuple<int, int>(o.PollId, o.Id)).FirstAsync());
        var before = await SnapshotAsync();
        foreach (var origin in new[] { "https://ke-gia-mao.example", "null" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/tham-do-y-kien/{pollId}/binh-chon", UriKind.Relative))
            {
                Content = new FormUrlEncodedContent([new("optionId", optionId.ToString(CultureInfo.InvariantCulture))]),
            };
            request.Headers.TryAddWithoutValidation("Origin", origin);
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        Assert.Equal(before, await SnapshotAsync());
    }

    private List<(string Template, string Controller)> PostEndpoints() =>
        [.. AppEndpoints.Read(factory, "POST").Select(e => (e.Template, e.Controller)).Distinct()];

    private async Task<string> UrlForAsync(string template, string controller)
    {
        var url = new StringBuilder();
        foreach (var segment in template.Split('/'))
        {
            if (segment.Length > 0)
            {
                url.Append('/').Append(segment.StartsWith('{') ? await ValueForAsync(segment.Trim('{', '}', '?').Split(':')[0], controller) : segment);
            }
        }

        return url.ToString();
    }

    private Task<string> ValueForAsync(string parameter, string controller) => factory.WithDbAsync(async db =>
    {
        if (parameter == "kind")
        {
            return "loai-van-ban";
        }

        // The draft key of a never-saved article or page is a GUID (route constraint).
        if (parameter == "key")
        {
            return Guid.NewGuid().ToString();
        }

        int? id = (parameter, controller) switch
        {
            ("attachmentId", _) => await db.DocumentAttachments.Select(x => (int?)x.Id).FirstOrDefaultAsync(),
            ("relationId", _) => await db.DocumentRelations.Select(x => (int?)x.Id).FirstOrDefaultAsync(),
            (_, "Articles") => await db.Articles.Select(x => (int?)x.Id).FirstOrDefaultAsync(),
            (_, "Documents") => await db.OfficialDocuments.Select(x => (int?)x.Id).FirstOrDefaultAsync(),
            (_, "Polls") => await db.Polls.Select(x => (int?)x.Id).FirstOrDefaultAsync(),
            (_, "Pages") => await db.Pages.Select(x => (int?)x.Id).FirstOrDefaultAsync(),
            (_, "Categories") => await db.Categories.Select(x => (int?)x.Id).FirstOrDefaultAsync(),
            (_, "WebLinks") => await db.WebLinks.Select(x => (int?)x.Id).FirstOrDefaultAsync(),
            (_, "MediaLibrary") => await db.MediaFiles.Select(x => (int?)x.Id).FirstOrDefaultAsync(),
            _ => null,
        };
        if (controller == "Users" && parameter == "id")
        {
            return await db.Users.Where(u => u.Email != PortalFactory.AdminEmail).Select(u => u.Id).FirstOrDefaultAsync()
                ?? await db.Users.Select(u => u.Id).FirstAsync();
        }

        return (id ?? 1).ToString(CultureInfo.InvariantCulture);
    });

    /// <summary>
    /// A digest of every row of every content table (Version columns included), file count of the
    /// uploads. SQLite's own tables (planner statistics that PRAGMA optimize refreshes) are not content.
    /// </summary>
    private Task<string> SnapshotAsync() => factory.WithDbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = TestDatabase.IsSqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var summary = new StringBuilder();
        foreach (var table in tables.Where(t => !VolatileTables.Contains(t)))
        {
            summary.Append(table).Append(": ").Append(await DigestAsync(connection, table)).AppendLine();
        }

        var files = Directory.Exists(factory.StorageRoot) ? Directory.GetFiles(factory.StorageRoot, "*", SearchOption.AllDirectories).Count(f => !f.EndsWith(".db-wal", StringComparison.Ordinal) && !f.EndsWith(".db-shm", StringComparison.Ordinal) && !f.EndsWith(".db", StringComparison.Ordinal)) : 0;
        summary.Append("files: ").Append(files);
        return summary.ToString();
    });

    private static async Task<string> DigestAsync(DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var row = new StringBuilder();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row.Append(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append('\u001f');
            }

            rows.Add(row.ToString());
        }

        // Some tables are WITHOUT ROWID, so order the rows here rather than in SQL.
        rows.Sort(StringComparer.Ordinal);
        return $"{rows.Count} rows, {Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', rows))))[..16]}";
    }
}
