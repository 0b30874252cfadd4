using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;
using DongNai.EthnicPortal.Tests.Polls;
using DongNai.EthnicPortal.Web.Services.Persistence;
using DongNai.EthnicPortal.Web.Services.Polls;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DongNai.EthnicPortal.Tests.Farm;

/// <summary>
/// Two instances of the real application with separate storage folders over one database, as two
/// machines of a farm have: everything they must agree on comes from the database.
/// </summary>
public sealed class SharedStateTests
{
    [Fact]
    public async Task Instances_with_separate_storage_share_the_key_ring_and_the_poll_secret()
    {
        using var first = NoConfiguredSecret(new PortalFactory());
        _ = first.Services;
        using var second = SecondInstanceOf(first);

        var payload = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("farm-test").Protect("ký hiệu 9478/UBND-KGVX");
        Assert.Equal("ký hiệu 9478/UBND-KGVX", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("farm-test").Unprotect(payload));

        var firstHash = first.Services.GetRequiredService<PollKeyHasher>().HashVoterKey("trình duyệt");
        Assert.Equal(firstHash, second.Services.GetRequiredService<PollKeyHasher>().HashVoterKey("trình duyệt"));
        Assert.False(Directory.Exists(Path.Combine(second.StorageRoot, "keys")), "The second instance must not make a key folder of its own.");
    }

    [Fact]
    public async Task An_existing_installation_keeps_its_file_keys_and_poll_secret()
    {
        var root = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        var keys = Directory.CreateDirectory(Path.Combine(root, "keys"));
        var legacy = DataProtectionProvider.Create(keys, builder => builder.SetApplicationName("DongNai.EthnicPortal"));
        var oldCookie = legacy.CreateProtector("farm-test").Protect("phiên đăng nhập cũ");
        await File.WriteAllTextAsync(Path.Combine(keys.FullName, PollKeyHasher.LegacySecretFileName), "0123456789ABCDEF-legacy-secret");

        using var upgraded = NoConfiguredSecret(new PortalFactory { StorageRoot = root });

        Assert.Equal("phiên đăng nhập cũ", upgraded.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("farm-test").Unprotect(oldCookie));
        var stored = await upgraded.WithDbAsync(db => db.PortalSecrets.SingleAsync(s => s.Name == PortalSecret.PollVoterKey));
        Assert.Equal("0123456789ABCDEF-legacy-secret", stored.Value);
        Assert.True(await upgraded.WithDbAsync(db => db.DataProtectionKeys.AnyAsync(k => k.FriendlyName!.StartsWith("key-"))));
    }

    [Fact]
    public async Task The_per_ip_cap_holds_exactly_across_two_instances_voting_at_once()
    {
        using var first = new PortalFactory();
        first.Settings["Portal:Polls:MaxVotesPerIpPerDay"] = "5";
        var poll = await first.CreatePollAsync(DateTime.UtcNow.AddDays(-1));
        using var second = SecondInstanceOf(first);
        second.Settings["Portal:Polls:MaxVotesPerIpPerDay"] = "5";

        // Every test-server request comes from the same (unknown) address; each ballot is a new browser.
        var ballots = Enumerable.Range(0, 24).Select(async i =>
        {
            using var client = (i % 2 == 0 ? first : second).CreateBrowserClient();
            client.DefaultRequestHeaders.UserAgent.ParseAdd(PollTestData.BrowserAgent);
            using var response = await client.VoteAsync(poll.Id, poll.OptionIds[i % 3]);
            return (int)response.StatusCode;
        });
        var statuses = await Task.WhenAll(ballots);

        Assert.Equal(5, statuses.Count(s => s == 303));
        Assert.Equal(5, await first.CountVotesAsync(poll.Id));
        Assert.DoesNotContain(statuses, s => s >= 500);
    }

    [Fact]
    public async Task A_lease_is_held_by_one_instance_until_released()
    {
        using var first = new PortalFactory();
        _ = first.Services;
        using var second = SecondInstanceOf(first);

        Assert.True(await TryAcquireAsync(first, "farm-test"));
        Assert.True(await TryAcquireAsync(first, "farm-test"));
        Assert.False(await TryAcquireAsync(second, "farm-test"));

        await using (var scope = first.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseLeases>().ReleaseAsync("farm-test", CancellationToken.None);
        }

        Assert.True(await TryAcquireAsync(second, "farm-test"));
        Assert.False(await TryAcquireAsync(first, "farm-test"));
    }

    [Fact]
    public async Task Two_instances_starting_together_on_an_empty_database_initialize_it_once()
    {
        using var first = NoConfiguredSecret(new PortalFactory());
        using var second = SecondInstanceOf(first);
        using var alone = new PortalFactory();

        await Task.WhenAll(Task.Run(() => first.Services), Task.Run(() => second.Services), Task.Run(() => alone.Services));

        Assert.Equal(1, await first.WithDbAsync(db => db.Users.CountAsync()));
        Assert.Equal(await alone.WithDbAsync(db => db.Polls.CountAsync()), await first.WithDbAsync(db => db.Polls.CountAsync()));
        Assert.Equal(await alone.WithDbAsync(db => db.WebLinks.CountAsync()), await first.WithDbAsync(db => db.WebLinks.CountAsync()));
        Assert.Equal(await alone.WithDbAsync(db => db.SearchEntries.CountAsync()), await first.WithDbAsync(db => db.SearchEntries.CountAsync()));
        Assert.Equal(1, await first.WithDbAsync(db => db.PortalSecrets.CountAsync()));
        Assert.Equal(1, await first.WithDbAsync(db => db.DataProtectionKeys.CountAsync()));
    }

    private static async Task<bool> TryAcquireAsync(PortalFactory factory, string name)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DatabaseLeases>().TryAcquireAsync(name, TimeSpan.FromMinutes(1), CancellationToken.None);
    }

    private static PortalFactory NoConfiguredSecret(PortalFactory factory)
    {
        factory.Settings["Portal:Polls:VoterKeySecret"] = "";
        return factory;
    }

    /// <summary>Another instance: its own storage folder, the first one's database.</summary>
    private static PortalFactory SecondInstanceOf(PortalFactory first)
    {
        var second = new PortalFactory();
        second.Settings["ConnectionStrings:Portal"] = TestDatabase.IsPostgreSql
            ? TestDatabase.PostgresConnectionString(first.StorageRoot)
            : $"Data Source={Path.Combine(first.StorageRoot, "portal.db")}";
        second.Settings["Portal:Polls:VoterKeySecret"] = first.Settings.GetValueOrDefault("Portal:Polls:VoterKeySecret") ?? "test-secret-for-voter-keys-0123456789";
        return second;
    }
}
