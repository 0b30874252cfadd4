using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using DongNai.EthnicPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DongNai.EthnicPortal.Tests.Admin;

/// <summary>Every validation message a form can show, in the browser or from the server, is Vietnamese.</summary>
public sealed partial class ValidationMessageTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Every_client_side_message_of_every_admin_form_is_vietnamese()
    {
        var admin = await fixture.Factory.AdministratorAsync();
        var checkedMessages = 0;
        foreach (var url in AdminFormPages())
        {
            var response = await admin.GetAsync(new Uri(url, UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            foreach (var element in document.QuerySelectorAll("input, select, textarea"))
            {
                foreach (var attribute in element.Attributes.Where(a => a.Name.StartsWith("data-val-", StringComparison.Ordinal) && !a.Name["data-val-".Length..].Contains('-', StringComparison.Ordinal)))
                {
                    checkedMessages++;
                    Assert.False(English().IsMatch(attribute.Value), $"{url} {element.GetAttribute("name")} {attribute.Name}: {attribute.Value}");
                }
            }
        }

        // The article form alone carries dozens; far fewer means the walk found no forms.
        Assert.True(checkedMessages > 50, $"only {checkedMessages} messages checked");
    }

    [Fact]
    public async Task Server_side_messages_of_an_empty_form_are_vietnamese()
    {
        var admin = await fixture.Factory.AdministratorAsync();
        var response = await admin.PostFormAsync("/quan-tri/trang/tao", "/quan-tri/trang/tao", [new("Title", ""), new("SortOrder", "abc"), new("Language", "")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var errors = document.QuerySelectorAll(".field-validation-error, .validation-summary-errors li").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, error => Assert.False(English().IsMatch(error), error));
    }

    /// <summary>Every admin GET action that needs no id, from the app's endpoint data.</summary>
    private List<string> AdminFormPages()
    {
        var links = fixture.Factory.Services.GetRequiredService<LinkGenerator>();
        return fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Descriptor: e.Metadata.GetMetadata<ControllerActionDescriptor>()))
            .Where(x => x.Descriptor?.RouteValues["area"] == "Admin")
            .Where(x => x.Endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(x => links.GetPathByAction(x.Descriptor!.ActionName, x.Descriptor.ControllerName, new { area = "Admin" }, PathString.Empty))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    [GeneratedRegex(@"\b(The|field|must|is required|is invalid|valid)\b")]
    private static partial Regex English();
}
