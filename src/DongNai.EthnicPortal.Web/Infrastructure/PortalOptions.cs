namespace DongNai.EthnicPortal.Web.Infrastructure;

/// <summary>The "Portal" configuration section.</summary>
public sealed class PortalOptions
{
    public const string SectionName = "Portal";

    public bool SeedDemoContent { get; set; } = true;

    public AdminAccountOptions Admin { get; set; } = new();

    public StorageOptions Storage { get; set; } = new();

    public OutputCacheSwitch OutputCache { get; set; } = new();

    public RateLimitOptions RateLimits { get; set; } = new();

    public RequestLimitOptions RequestLimits { get; set; } = new();

    public Services.Polls.PollSettings Polls { get; set; } = new();

    public Services.Search.SitemapOptions Sitemap { get; set; } = new();

    public sealed class AdminAccountOptions
    {
        public string Email { get; set; } = "admin@localhost";

        public string? Password { get; set; }
    }

    public sealed class StorageOptions
    {
        /// <summary>Folder for the SQLite file, uploads and keys; relative paths are under the content root.</summary>
        public string Root { get; set; } = "data";
    }

    public sealed class OutputCacheSwitch
    {
        public bool Enabled { get; set; } = true;
    }

    public sealed class RateLimitOptions
    {
        public int SignInPerMinute { get; set; } = 10;

        public int VotesPerMinute { get; set; } = 20;

        public int SearchPerMinute { get; set; } = 60;

        public int UploadsPerMinute { get; set; } = 30;
    }

    /// <summary>Request body limits in bytes; the upload actions carry their own, fitted to their file maximums.</summary>
    public sealed class RequestLimitOptions
    {
        /// <summary>Sign-in, votes, settings, polls, links, users: a few kilobytes each, so 1 MB leaves ample room.</summary>
        public long FormBytes { get; set; } = 1024 * 1024;

        /// <summary>
        /// Article, page and document forms carry up to 500,000 characters of HTML. URL-encoded, an accented
        /// Vietnamese letter takes 6–9 bytes and a markup character 3, so a full body is typically about 1.5 MB
        /// and at worst 4.5 MB; 5 MB lets every body the form validation accepts arrive.
        /// </summary>
        public long RichTextFormBytes { get; set; } = 5 * 1024 * 1024;
    }
}

/// <summary>Resolved absolute paths of the storage folders.</summary>
public sealed class StoragePaths(string root)
{
    public string Root { get; } = root;

    public string Uploads => Path.Combine(Root, "uploads");

    public string Media => Path.Combine(Uploads, "media");

    public string Documents => Path.Combine(Uploads, "documents");

    public string Keys => Path.Combine(Root, "keys");

    public static StoragePaths From(PortalOptions options, IHostEnvironment environment)
    {
        var root = string.IsNullOrWhiteSpace(options.Storage.Root) ? "data" : options.Storage.Root;
        return new StoragePaths(Path.GetFullPath(Path.Combine(environment.ContentRootPath, root)));
    }
}
