using System.Net;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;
using DongNai.EthnicPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DongNai.EthnicPortal.Tests.Admin;

/// <summary>
/// Every GET action of the admin area, read from the app's route table, requested as anonymous,
/// Author, Editor and Administrator. A new action fails the test until it is added to the table.
/// </summary>
public sealed class RoleMatrixTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private const int SignIn = 1;

    /// <summary>Expected status per caller: anonymous, Author, Editor, Administrator (SignIn = 302 to the sign-in page).</summary>
    private static readonly Dictionary<string, int[]> Expected = new(StringComparer.Ordinal)
    {
        ["Dashboard.Index"] = [SignIn, 200, 200, 200],
        ["Account.SignIn"] = [200, 200, 200, 200],
        ["Account.TwoFactorSignIn"] = [302, 302, 302, 302],
        ["Account.AccessDenied"] = [403, 403, 403, 403],
        ["Account.Index"] = [SignIn, 200, 200, 200],
        ["Account.ChangePassword"] = [SignIn, 200, 200, 200],
        ["Account.TwoFactor"] = [SignIn, 200, 200, 200],
        ["AccountSessions.Index"] = [SignIn, 200, 200, 200],
        ["Articles.Index"] = [SignIn, 200, 200, 200],
        ["Articles.Create"] = [SignIn, 200, 200, 200],
        ["Articles.Edit"] = [SignIn, 200, 200, 200],
        ["Articles.Preview"] = [SignIn, 200, 200, 200],
        ["Articles.Revisions"] = [SignIn, 200, 200, 200],
        ["Articles.Revision"] = [SignIn, 200, 200, 200],
        ["ArticleCompare.Compare"] = [SignIn, 200, 200, 200],
        ["MediaLibrary.Index"] = [SignIn, 200, 200, 200],
        ["MediaLibrary.Details"] = [SignIn, 200, 200, 200],
        ["MediaLibrary.Picker"] = [SignIn, 200, 200, 200],
        ["Categories.Index"] = [SignIn, 403, 200, 200],
        ["Categories.Create"] = [SignIn, 403, 200, 200],
        ["Categories.Edit"] = [SignIn, 403, 200, 200],
        ["WebLinks.Index"] = [SignIn, 403, 200, 200],
        ["WebLinks.Create"] = [SignIn, 403, 200, 200],
        ["WebLinks.Edit"] = [SignIn, 403, 200, 200],
        ["Pages.Index"] = [SignIn, 403, 200, 200],
        ["Pages.Create"] = [SignIn, 403, 200, 200],
        ["Pages.Edit"] = [SignIn, 403, 200, 200],
        ["Users.Index"] = [SignIn, 403, 403, 200],
        ["Users.Create"] = [SignIn, 403, 403, 200],
        ["Users.Edit"] = [SignIn, 403, 403, 200],
        ["Settings.Index"] = [SignIn, 403, 403, 200],
        ["Audit.Index"] = [SignIn, 403, 403, 200],
        ["Documents.Index"] = [SignIn, 403, 200, 200],
        ["Documents.Create"] = [SignIn, 403, 200, 200],
        ["Documents.Edit"] = [SignIn, 403, 200, 200],
        ["Documents.Delete"] = [SignIn, 403, 200, 200],
        ["DocumentLookups.Index"] = [SignIn, 403, 200, 200],
        ["AttachmentTexts.Page"] = [SignIn, 403, 200, 200],
        ["AttachmentTexts.Status"] = [SignIn, 403, 200, 200],
        ["Polls.Index"] = [SignIn, 403, 200, 200],
        ["Polls.Create"] = [SignIn, 403, 200, 200],
        ["Polls.Edit"] = [SignIn, 403, 200, 200],
        ["SearchIndex.Index"] = [SignIn, 403, 403, 200],
        ["SearchIndex.Progress"] = [SignIn, 403, 403, 200],
        ["Consultations.Index"] = [SignIn, 200, 200, 200],
        ["Consultations.Create"] = [SignIn, 403, 200, 200],
        ["Consultations.Edit"] = [SignIn, 403, 200, 200],
        ["ConsultationComments.Inbox"] = [SignIn, 200, 200, 200],
        ["Consultations.ExportDocx"] = [SignIn, 403, 200, 200],
        ["Consultations.ExportXlsx"] = [SignIn, 403, 200, 200],
        ["ConsultationComments.Show"] = [SignIn, 200, 200, 200],
    };

    [Fact]
    public async Task Every_admin_get_endpoint_answers_each_role_as_expected()
    {
        var endpoints = AdminGetEndpoints();
        Assert.NotEmpty(endpoints);
        var missing = endpoints.Select(e => e.Key).Where(key => !Expected.ContainsKey(key)).Distinct().ToList();
        Assert.True(missing.Count == 0, "Add these admin actions to the role matrix: " + string.Join(", ", missing));

        var ids = await SeedIdsAsync();
        var author = await fixture.Factory.SignedInAsync(Roles.Author);
        var authorId = await UserIdAsync(author);
        ids["Articles"] = await author.CreateArticleAsync(fixture.Factory, "Bài cho ma trận phân quyền");
        ids["Revision"] = await fixture.Factory.WithDbAsync(db => db.ArticleRevisions.Where(r => r.ArticleId == (int)ids["Articles"]).Select(r => r.Id).FirstAsync());
        ids["Users"] = authorId;
        ids["ArticleCompare"] = ids["Articles"];

        var clients = new[]
        {
            fixture.Factory.CreateBrowserClient(),
            author,
            await fixture.Factory.SignedInAsync(Roles.Editor),
            await fixture.Factory.AdministratorAsync(),
        };
        var failures = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var url = endpoint.Url(ids);
            var expected = Expected[endpoint.Key];
            for (var role = 0; role < clients.Length; role++)
            {
                var response = await clients[role].GetAsync(new Uri(url, UriKind.Relative));
                var ok = expected[role] == SignIn
                    ? response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains(IdentitySetup.SignInPath, StringComparison.Ordinal)
                    : (int)response.StatusCode == expected[role];
                if (!ok)
                {
                    failures.Add($"{url} as {RoleName(role)}: expected {(expected[role] == SignIn ? "redirect to sign-in" : expected[role])}, got {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Expectations_agree_with_the_authorize_metadata_of_each_endpoint()
    {
        foreach (var endpoint in AdminGetEndpoints().Where(e => !e.AllowsAnonymous))
        {
            var expected = Expected[endpoint.Key];
            var derived = endpoint.Policy switch
            {
                Policies.Administrators => new[] { SignIn, 403, 403, 200 },
                Policies.Editors => [SignIn, 403, 200, 200],
                _ => [SignIn, 200, 200, 200],
            };
            Assert.True(derived.SequenceEqual(expected), $"{endpoint.Key} is guarded by {endpoint.Policy}, but the table expects {string.Join(",", expected)}");
        }
    }

    [Fact]
    public void Every_admin_action_of_every_method_requires_a_policy_unless_it_is_sign_in()
    {
        var data = fixture.Factory.Services.GetRequiredService<EndpointDataSource>();
        var admin = data.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ControllerActionDescriptor>()?.RouteValues["area"] == "Admin")
            .ToList();
        Assert.NotEmpty(admin);
        foreach (var endpoint in admin)
        {
            var descriptor = endpoint.Metadata.GetMetadata<ControllerActionDescriptor>()!;
            Assert.True(endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is not null), $"{descriptor.DisplayName} has no policy");
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                Assert.Equal("Account", descriptor.ControllerName);
            }
        }
    }

    private static string RoleName(int index) => index switch
    {
        0 => "anonymous",
        1 => Roles.Author,
        2 => Roles.Editor,
        _ => Roles.Administrator,
    };

    private List<AdminEndpoint> AdminGetEndpoints()
    {
        var data = fixture.Factory.Services.GetRequiredService<EndpointDataSource>();
        return data.Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Descriptor: e.Metadata.GetMetadata<ControllerActionDescriptor>()))
            .Where(x => x.Descriptor?.RouteValues["area"] == "Admin")
            .Where(x => x.Endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(x => new AdminEndpoint(x.Endpoint, x.Descriptor!))
            .GroupBy(e => e.Key)
            .Select(g => g.First())
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .ToList();
    }

    private async Task<Dictionary<string, object>> SeedIdsAsync()
    {
        var ids = new Dictionary<string, object>(StringComparer.Ordinal);
        await fixture.Factory.WithDbAsync(async db =>
        {
            ids["Categories"] = await db.Categories.Select(c => c.Id).FirstAsync();
            ids["Pages"] = await db.Pages.Select(p => p.Id).FirstAsync();
            if (!await db.WebLinks.AnyAsync())
            {
                db.WebLinks.Add(new WebLink { Name = "Chính phủ", Url = "https://chinhphu.vn", SortOrder = 1 });
                await db.SaveChangesAsync();
            }

            ids["WebLinks"] = await db.WebLinks.Select(l => l.Id).FirstAsync();
            ids["MediaLibrary"] = await db.MediaFiles.Select(m => m.Id).FirstAsync();
            ids["Documents"] = await db.OfficialDocuments.Select(d => d.Id).FirstAsync();
            ids["AttachmentTexts"] = ids["Documents"];
            var attachment = new DocumentAttachment { OfficialDocumentId = (int)ids["Documents"], FileName = "ma-tran.txt", ContentType = "text/plain; charset=utf-8", SizeBytes = 1, StoredPath = "documents/ma-tran.txt", UploadedAt = DateTime.UtcNow };
            db.DocumentAttachments.Add(attachment);
            await db.SaveChangesAsync();
            ids["Attachments"] = attachment.Id;
            ids["Polls"] = await db.Polls.Select(p => p.Id).FirstAsync();
            ids["Consultations"] = await db.Consultations.Select(c => c.Id).FirstAsync();
            var comment = new ConsultationComment { ConsultationId = (int)ids["Consultations"], FullName = "Người góp ý", Email = "gopy@example.vn", Text = "Góp ý.", IpHash = "matrix", SubmittedAt = DateTime.UtcNow, ConsentedAt = DateTime.UtcNow };
            db.ConsultationComments.Add(comment);
            await db.SaveChangesAsync();
            ids["ConsultationComments"] = comment.Id;
        });
        return ids;
    }

    private async Task<string> UserIdAsync(HttpClient client)
    {
        var html = await client.GetStringAsync(new Uri("/quan-tri/tai-khoan", UriKind.Relative));
        var email = System.Text.RegularExpressions.Regex.Match(html, "<dt>Email</dt><dd>([^<]+)</dd>").Groups[1].Value;
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return (await users.FindByEmailAsync(email))!.Id;
    }

    private sealed record AdminEndpoint(RouteEndpoint Endpoint, ControllerActionDescriptor Descriptor)
    {
        public string Key => $"{Descriptor.ControllerName}.{Descriptor.ActionName}";

        public bool AllowsAnonymous => Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;

        /// <summary>The narrowest policy on the action or its controller.</summary>
        public string? Policy
        {
            get
            {
                var policies = Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
                return policies.Contains(Policies.Administrators) ? Policies.Administrators
                    : policies.Contains(Policies.Editors) ? Policies.Editors
                    : policies.FirstOrDefault();
            }
        }

        public string Url(Dictionary<string, object> ids)
        {
            // A revision's own page takes the revision's id, every other page its controller's entity id.
            var key = Descriptor.ActionName == "Revision" ? "Revision" : Descriptor.ControllerName;
            var routed = System.Text.RegularExpressions.Regex.Replace(Descriptor.AttributeRouteInfo!.Template!, "\\{id(:int)?\\}", _ => ids[key].ToString()!);
            return "/" + System.Text.RegularExpressions.Regex.Replace(routed, "\\{attachmentId(:int)?\\}", _ => ids["Attachments"].ToString()!);
        }
    }
}
