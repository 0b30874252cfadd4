using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DongNai.EthnicPortal.Web.Services.Persistence;

/// <summary>
/// What a database exception means, for every supported provider: a unique-key or foreign-key violation,
/// a concurrency conflict, or a database that cannot be reached; and how to say it to the user.
/// </summary>
public static class DatabaseErrors
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintForeignKey = 787;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;
    private const int SqlServerForeignKey = 547;
    private const int SqlServerUniqueIndex = 2601;
    private const int SqlServerUniqueConstraint = 2627;

    public static bool IsUniqueViolation(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case SqliteException sqlite when sqlite.SqliteErrorCode == SqliteConstraint
                    && sqlite.SqliteExtendedErrorCode is SqliteConstraintPrimaryKey or SqliteConstraintUnique:
                    return true;
                case SqlException sql when sql.Number is SqlServerUniqueIndex or SqlServerUniqueConstraint:
                    return true;
                case PostgresException postgres when postgres.SqlState == PostgresErrorCodes.UniqueViolation:
                    return true;
            }
        }

        return false;
    }

    public static bool IsForeignKeyViolation(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case SqliteException sqlite when sqlite.SqliteErrorCode == SqliteConstraint && sqlite.SqliteExtendedErrorCode == SqliteConstraintForeignKey:
                    return true;
                case SqlException sql when sql.Number == SqlServerForeignKey:
                    return true;
                case PostgresException postgres when postgres.SqlState == PostgresErrorCodes.ForeignKeyViolation:
                    return true;
            }
        }

        return false;
    }

    /// <summary>Why a save was refused, in Vietnamese, for the page that gives the user their input back.</summary>
    public static SaveFailure DescribeSaveFailure(DbUpdateException exception) => exception switch
    {
        DbUpdateConcurrencyException => new("concurrency", "Nội dung này vừa được người khác thay đổi hoặc xóa trong lúc bạn làm việc, nên thay đổi của bạn chưa được lưu."),
        _ when IsUniqueViolation(exception) => new("unique", "Đã có một mục khác mang cùng giá trị (ví dụ cùng tên, cùng số hiệu hoặc cùng đường dẫn), nên thay đổi của bạn chưa được lưu."),
        _ when IsForeignKeyViolation(exception) => new("foreign-key", "Một mục liên quan (ví dụ chuyên mục, cơ quan ban hành, tệp hoặc bài viết) vừa bị xóa hoặc không còn tồn tại, nên thay đổi của bạn chưa được lưu."),
        _ => new("refused", "Cơ sở dữ liệu không nhận thay đổi này, nên thay đổi của bạn chưa được lưu."),
    };

    /// <summary>A database that cannot be reached, so page chrome can degrade instead of failing the error page too.</summary>
    public static bool IsDatabaseFailure(Exception exception) => exception switch
    {
        DbException or TimeoutException or Microsoft.EntityFrameworkCore.Storage.RetryLimitExceededException => true,
        // EF Core wraps provider failures (e.g. after its retry strategy gives up) in InvalidOperationException.
        InvalidOperationException { InnerException: { } inner } => IsDatabaseFailure(inner),
        _ => false,
    };
}

/// <param name="Kind">For the log: concurrency, unique, foreign-key or refused.</param>
/// <param name="Message">For the user, in Vietnamese.</param>
public sealed record SaveFailure(string Kind, string Message);
