using DongNai.EthnicPortal.Web.Services.Caching;
using DongNai.EthnicPortal.Web.Services.Search;

namespace DongNai.EthnicPortal.Web.Infrastructure;

public static class SearchSetup
{
    public static WebApplicationBuilder AddPortalSearch(this WebApplicationBuilder builder)
    {
        switch (builder.DatabaseOptions().Provider)
        {
            case DatabaseProvider.SqlServer:
                builder.Services.AddScoped<ISearchIndex, TermSearchIndex>();
                break;
            case DatabaseProvider.PostgreSql:
                builder.Services.AddScoped<ISearchIndex, PostgreSqlSearchIndex>();
                break;
            default:
                builder.Services.AddScoped<ISearchIndex, Fts5SearchIndex>();
                break;
        }

        // A bare switch is not a configuration key, so it is read from the raw arguments.
        var rebuild = Environment.GetCommandLineArgs().Contains(SearchStartup.RebuildSwitch, StringComparer.OrdinalIgnoreCase);
        builder.Services.AddSingleton(new SearchStartup(rebuild));
        builder.Services.AddScoped<SearchEntryBuilder>();
        builder.Services.AddScoped<IContentChangeHandler, SearchIndexUpdater>();
        builder.Services.AddScoped<IContentInitializer, SearchIndexInitializer>();
        builder.Services.AddScoped<SearchIndexRebuild>();
        builder.Services.AddSingleton<SearchIndexRebuildWorker>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<SearchIndexRebuildWorker>());
        return builder;
    }
}
