using DongNai.EthnicPortal.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.AddPortalLogging();
builder.AddPortalDatabase();
builder.AddPortalIdentity();
builder.AddPortalSecurity();
builder.AddPortalCaching();
builder.AddPortalServices();
builder.AddPortalMvc();
builder.AddPortalAdmin();

var app = builder.Build();

await app.InitializePortalDatabaseAsync();

app.UsePortalPipeline();
app.MapPortalEndpoints();

await app.RunAsync();

/// <summary>Exposed for WebApplicationFactory in the tests.</summary>
public partial class Program;
