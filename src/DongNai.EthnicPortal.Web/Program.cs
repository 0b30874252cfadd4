using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Documents.Extraction;

// A child process that reads one attachment's text and exits; it needs nothing of the web host.
if (IsolatedTextReader.IsRequested(args))
{
    Environment.ExitCode = await IsolatedTextReader.RunChildAsync(args);
    return;
}

var builder = WebApplication.CreateBuilder(args);

builder.AddPortalLogging();
builder.AddPortalDatabase();
builder.AddPortalIdentity();
builder.AddPortalSecurity();
builder.AddPortalCaching();
builder.AddPortalFarm();
builder.AddPortalServices();
builder.AddPortalMvc();
builder.AddPortalPolls();
builder.AddPortalDocuments();
builder.AddPortalSearch();
builder.AddPortalAdmin();
builder.AddPortalConsultations();

var app = builder.Build();

if (MaintenanceCommands.IsBackup(args))
{
    Environment.ExitCode = await app.BackupDatabaseAsync(args);
    return;
}

await app.InitializePortalDatabaseAsync(forceMigrations: MaintenanceCommands.IsMigrateOnly(args));
if (MaintenanceCommands.IsMigrateOnly(args))
{
    return;
}

if (MaintenanceCommands.IsExtractAttachments(args))
{
    await app.ExtractAttachmentTextsAsync();
    return;
}

if (MaintenanceCommands.IsImageCopies(args))
{
    await app.MakeImageCopiesAsync();
    return;
}

if (BenchmarkData.IsRequested(args))
{
    await app.GenerateBenchmarkDataAsync(args);
    return;
}

app.UsePortalPipeline();
app.MapPortalEndpoints();

await app.RunAsync();

/// <summary>Exposed for WebApplicationFactory in the tests.</summary>
public partial class Program;
