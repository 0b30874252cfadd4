namespace DongNai.EthnicPortal.Data.Seeding;

public sealed record SeedOptions(bool SeedDemoContent, string UploadsRoot);
