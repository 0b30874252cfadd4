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
}

/// <summary>Resolved absolute paths of the storage folders.</summary>
public sealed class StoragePaths(string root)
{
    public string Root { get; } = root;

    public string Uploads => Path.Combine(Root, "uploads");

    public string Media => Path.Combine(Uploads, "media");

    public string Documents => Path.Combine(Uploads, "documents");

    public string Keys => Path.Combine(Root, "keys");

    public static StoragePaths From(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[$"{PortalOptions.SectionName}:Storage:Root"];
        var root = string.IsNullOrWhiteSpace(configured) ? "data" : configured;
        return new StoragePaths(Path.GetFullPath(Path.Combine(environment.ContentRootPath, root)));
    }
}
