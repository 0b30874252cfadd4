using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Web.Services.Media;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Infrastructure;

/// <summary>
/// One-shot commands an operator runs instead of serving: <c>--migrate</c> (apply migrations, seed,
/// create the first administrator, build the search index, exit) and <c>--backup PATH</c> (a consistent
/// copy of the SQLite database while the site serves), <c>--extract-attachments</c> (read the text of
/// every attachment stored before extraction existed, wait until the queue is empty, exit) and
/// <c>--generate-image-copies</c> (the resized and WebP copies of images stored before there were any,
/// after the start-up work).
/// </summary>
public static class MaintenanceCommands
{
    public const string MigrateSwitch = "--migrate";
    public const string BackupSwitch = "--backup";
    public const string ExtractAttachmentsSwitch = "--extract-attachments";
    public const string ImageCopiesSwitch = "--generate-image-copies";

    public static bool IsMigrateOnly(string[] args) => args.Contains(MigrateSwitch, StringComparer.Ordinal);

    public static bool IsBackup(string[] args) => args.Contains(BackupSwitch, StringComparer.Ordinal);

    public static bool IsExtractAttachments(string[] args) => args.Contains(ExtractAttachmentsSwitch, StringComparer.Ordinal);

    /// <summary>Queues the never-read attachments and works the queue (this instance's share of it, in a farm) until it is empty.</summary>
    public static async Task ExtractAttachmentTextsAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MaintenanceCommands));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var queued = await scope.ServiceProvider.GetRequiredService<Services.Documents.Extraction.AttachmentTextRequests>()
                .EnqueueNeverReadAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), CancellationToken.None);
            logger.LogInformation("{Count} attachments queued for text extraction.", queued);
        }

        var processed = 0;
        while (true)
        {
            await using var scope = app.Services.CreateAsyncScope();
            if (!await scope.ServiceProvider.GetRequiredService<Services.Documents.Extraction.AttachmentTextProcessor>().ProcessNextAsync(CancellationToken.None))
            {
                break;
            }

            processed++;
        }

        logger.LogInformation("Text extraction done: {Count} attachments read.", processed);
    }

    public static bool IsImageCopies(string[] args) => args.Contains(ImageCopiesSwitch, StringComparer.Ordinal);

    public static async Task MakeImageCopiesAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var made = await scope.ServiceProvider.GetRequiredService<ImageCopies>().MakeMissingAsync(CancellationToken.None);
        app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MaintenanceCommands))
            .LogInformation("Made the resized copies of {Count} image(s).", made);
    }

    /// <summary>Returns the process exit code: 0 when the copy was written.</summary>
    public static async Task<int> BackupDatabaseAsync(this WebApplication app, string[] args)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MaintenanceCommands));
        var index = Array.IndexOf(args, BackupSwitch);
        if (index + 1 >= args.Length || string.IsNullOrWhiteSpace(args[index + 1]))
        {
            logger.LogError("Usage: --backup PATH (the file the copy is written to; it must not exist).");
            return 2;
        }

        var target = Path.GetFullPath(args[index + 1]);
        if (File.Exists(target))
        {
            logger.LogError("The backup target {Path} already exists; choose a new file.", target);
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (!db.Database.IsSqlite())
        {
            logger.LogError("--backup copies SQLite databases only; back up SQL Server with BACKUP DATABASE and PostgreSQL with pg_dump (docs/operations.md).");
            return 2;
        }

        await BackupSqliteAsync(db, target);
        logger.LogInformation("Database copied to {Path}. Back up the uploads folder {Uploads} beside it.", target, app.Services.GetRequiredService<StoragePaths>().Uploads);
        return 0;
    }

    /// <summary>
    /// VACUUM INTO reads the database in one read transaction, so the copy is consistent while writers
    /// go on (WAL mode), and it is compact, with no WAL file to carry along.
    /// </summary>
    public static async Task BackupSqliteAsync(PortalDbContext db, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "VACUUM INTO $target";
            command.Parameters.AddWithValue("$target", target);
            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            await connection.CloseAsync();
        }

        // The copy comes out in rollback-journal mode; the portal's first (read-only) open of a restored
        // file would fail trying to switch it, so it is switched to WAL here, as the original is.
        await using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString());
        await copy.OpenAsync();
        await using var wal = copy.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode=WAL;";
        await wal.ExecuteNonQueryAsync();
    }
}
