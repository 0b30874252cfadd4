namespace DongNai.EthnicPortal.Web.Infrastructure;

/// <summary>The "Portal" configuration section.</summary>
public sealed class PortalOptions
{
    public const string SectionName = "Portal";

    public bool SeedDemoContent { get; set; } = true;

    /// <summary>This instance's name in every log event and metric; a farm gives each instance its own.</summary>
    public string InstanceName { get; set; } = Environment.MachineName;

    public RedisOptions Redis { get; set; } = new();

    public AdminAccountOptions Admin { get; set; } = new();

    public StorageOptions Storage { get; set; } = new();

    public OutputCacheSwitch OutputCache { get; set; } = new();

    public RateLimitOptions RateLimits { get; set; } = new();

    public RequestLimitOptions RequestLimits { get; set; } = new();

    public EditorOptions Editor { get; set; } = new();

    public Services.Polls.PollSettings Polls { get; set; } = new();

    public Services.Search.SitemapOptions Sitemap { get; set; } = new();

    public Services.Consultations.ConsultationSettings Consultations { get; set; } = new();

    public MetricsOptions Metrics { get; set; } = new();

    /// <summary>The configured <see cref="InstanceName"/>, or the machine's name when it is left empty.</summary>
    public string InstanceNameOrMachine => string.IsNullOrWhiteSpace(InstanceName) ? Environment.MachineName : InstanceName;

    public sealed class AdminAccountOptions
    {
        public string Email { get; set; } = "admin@localhost";

        public string? Password { get; set; }
    }

    public sealed class StorageOptions
    {
        /// <summary>Folder for the SQLite file, uploads and keys; relative paths are under the content root.</summary>
        public string Root { get; set; } = "data";

        /// <summary>Folder for media and attachments; a farm points every instance at one shared volume. Relative paths are under the storage root.</summary>
        public string? Uploads { get; set; }
    }

    public sealed class RedisOptions
    {
        /// <summary>A StackExchange.Redis connection string; unset on a single machine, where nothing needs sharing.</summary>
        public string? Configuration { get; set; }
    }

    public sealed class MetricsOptions
    {
        /// <summary>Networks besides loopback (CIDR, e.g. a monitoring subnet) that may read <c>/metrics</c>.</summary>
        public string[] AllowedNetworks { get; set; } = [];
    }

    public sealed class OutputCacheSwitch
    {
        public bool Enabled { get; set; } = true;

        /// <summary>"Memory" (each instance's own, the choice) or "Redis" (the measured alternative; needs Redis configured).</summary>
        public string Store { get; set; } = "Memory";
    }

    public sealed class RateLimitOptions
    {
        public int SignInPerMinute { get; set; } = 10;

        public int VotesPerMinute { get; set; } = 20;

        /// <summary>Per client address, a sliding minute: sized for a department of dozens of officials behind one NAT address (docs/security.md).</summary>
        public int SearchPerMinute { get; set; } = 300;

        /// <summary>Searches that may wait for the per-address window instead of being refused.</summary>
        public int SearchQueue { get; set; } = 50;

        /// <summary>Searches run at once per instance; more wait in <see cref="SearchConcurrencyQueue"/> rather than fail.</summary>
        public int SearchConcurrency { get; set; } = 8;

        public int SearchConcurrencyQueue { get; set; } = 200;

        public int UploadsPerMinute { get; set; } = 30;

        /// <summary>Comments on drafts, per client address: an office behind one address may send several in a minute.</summary>
        public int CommentsPerMinute { get; set; } = 10;
    }

    public sealed class EditorOptions
    {
        /// <summary>How often the article editor saves the draft in the background (clamped to 2–600 s; tests use a few seconds).</summary>
        public int AutosaveSeconds { get; set; } = 30;
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
public sealed class StoragePaths(string root, string? uploads = null)
{
    public string Root { get; } = root;

    public string Uploads { get; } = uploads ?? Path.Combine(root, "uploads");

    public string Media => Path.Combine(Uploads, "media");

    public string Documents => Path.Combine(Uploads, "documents");

    public string Keys => Path.Combine(Root, "keys");

    public static StoragePaths From(PortalOptions options, IHostEnvironment environment)
    {
        var root = Path.GetFullPath(Path.Combine(environment.ContentRootPath, string.IsNullOrWhiteSpace(options.Storage.Root) ? "data" : options.Storage.Root));
        var uploads = options.Storage.Uploads;
        return new StoragePaths(root, string.IsNullOrWhiteSpace(uploads) ? null : Path.GetFullPath(Path.Combine(root, uploads)));
    }
}
