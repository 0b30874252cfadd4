using System.Data.Common;

namespace DongNai.EthnicPortal.Web.Services;

/// <summary>Recognises a database that cannot be reached, so page chrome can degrade instead of failing the error page too.</summary>
public static class DatabaseFailures
{
    public static bool IsDatabaseFailure(Exception exception) => exception switch
    {
        DbException or TimeoutException or Microsoft.EntityFrameworkCore.Storage.RetryLimitExceededException => true,
        // EF Core wraps provider failures (e.g. after its retry strategy gives up) in InvalidOperationException.
        InvalidOperationException { InnerException: { } inner } => IsDatabaseFailure(inner),
        _ => false,
    };
}
