using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DongNai.EthnicPortal.Web.Services.Persistence;

/// <summary>What a database exception means, for every supported provider: a unique-key violation, or a database that cannot be reached.</summary>
public static class DatabaseErrors
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;
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

    /// <summary>A database that cannot be reached, so page chrome can degrade instead of failing the error page too.</summary>
    public static bool IsDatabaseFailure(Exception exception) => exception switch
    {
        DbException or TimeoutException or Microsoft.EntityFrameworkCore.Storage.RetryLimitExceededException => true,
        // EF Core wraps provider failures (e.g. after its retry strategy gives up) in InvalidOperationException.
        InvalidOperationException { InnerException: { } inner } => IsDatabaseFailure(inner),
        _ => false,
    };
}
