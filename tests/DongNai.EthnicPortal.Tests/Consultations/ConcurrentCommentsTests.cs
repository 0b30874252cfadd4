using System.Net;
using DongNai.EthnicPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static DongNai.EthnicPortal.Tests.Consultations.ConsultationTestSupport;

namespace DongNai.EthnicPortal.Tests.Consultations;

public sealed class ConcurrentCommentsTests : IDisposable
{
    private readonly FakeTimeProvider time = new(Start);
    private readonly PortalFactory factory;

    public ConcurrentCommentsTests() => factory = NewFactory(time);

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task Two_hundred_concurrent_comments_are_all_stored_with_distinct_receipt_codes()
    {
        const int count = 200;
        var now = time.GetUtcNow().UtcDateTime;
        var (id, url) = await CreateAsync(factory, now.AddDays(-1), now.AddDays(10));

        // Twenty offices, ten people each, all loading the form and then sending at once.
        var citizens = new List<(HttpClient Client, LoadedForm Form)>();
        for (var office = 0; office < 20; office++)
        {
            var client = factory.Citizen($"203.0.113.{office + 1}");
            citizens.Add((client, await LoadFormAsync(client, url)));
        }

        time.Advance(TimeSpan.FromSeconds(30));
        var responses = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            var (client, form) = citizens[i % citizens.Count];
            var fields = ValidFields($"Góp ý số {i} về Điều 2.");
            fields["Form.FullName"] = $"Người góp ý {i}";
            var response = await PostAsync(client, id, form, fields);
            return (response.StatusCode, Code: ReceiptCode(await response.Content.ReadAsStringAsync()));
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var codes = responses.Select(r => r.Code).ToList();
        Assert.All(codes, Assert.NotNull);
        Assert.Equal(count, codes.Distinct(StringComparer.Ordinal).Count());

        var stored = await factory.WithDbAsync(db => db.ConsultationComments.Where(c => c.ConsultationId == id).Select(c => new { c.Id, c.SubmittedAt, c.Text }).ToListAsync());
        Assert.Equal(count, stored.Count);
        Assert.Equal(count, stored.Select(c => c.Text).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(codes.Order(StringComparer.Ordinal), stored.Select(c => Web.Services.Consultations.ReceiptCodes.Format(c.Id, c.SubmittedAt)).Order(StringComparer.Ordinal));
    }
}
