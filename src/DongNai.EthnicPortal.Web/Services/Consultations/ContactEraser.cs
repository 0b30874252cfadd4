using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Web.Services.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DongNai.EthnicPortal.Web.Services.Consultations;

/// <summary>
/// Erases commenters' names, e-mail addresses and phone numbers <see cref="ConsultationSettings.RetainContactDays"/>
/// days after a consultation is concluded, keeping the comment text and the organisation for the
/// record. Runs at start-up and then every hour on the injected clock.
/// </summary>
public sealed class ContactEraser(IServiceScopeFactory scopes, IOptions<ConsultationSettings> settings, TimeProvider time, ILogger<ContactEraser> logger) : BackgroundService
{

    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <returns>How many comments were erased.</returns>
    public async Task<int> EraseDueAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        var now = time.GetUtcNow().UtcDateTime;
        var cutoff = now.AddDays(-Math.Max(0, settings.Value.RetainContactDays));
        var due = await db.Consultations
            .Where(c => c.ConcludedAt != null && c.ConcludedAt <= cutoff && c.ContactsErasedAt == null)
            .ToListAsync(cancellationToken);
        var erased = 0;
        foreach (var consultation in due)
        {
            var count = await db.ConsultationComments
                .Where(c => c.ConsultationId == consultation.Id && c.ContactErasedAt == null)
                .ExecuteUpdateAsync(
                    setters => setters
                        .SetProperty(c => c.FullName, "")
                        .SetProperty(c => c.Email, (string?)null)
                        .SetProperty(c => c.Phone, (string?)null)
                        .SetProperty(c => c.ContactErasedAt, now),
                    cancellationToken);
            consultation.ContactsErasedAt = now;
            audit.Add(AuditActions.ConsultationContactsErased, nameof(Data.Entities.Consultation), consultation.Id, $"{count} góp ý", userName: "Hệ thống");
            await db.SaveChangesAsync(cancellationToken);
            erased += count;
        }

        return erased;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await EraseDueAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The next run tries again; a database outage must not stop the host.
                logger.LogWarning(exception, "Erasing expired consultation contact details failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
