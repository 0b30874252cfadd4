using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Web.Services.Audit;
using DongNai.EthnicPortal.Web.Services.Caching;

namespace DongNai.EthnicPortal.Web.Services.Site;

/// <summary>
/// Saves an editor's change to the site chrome (categories, web links, settings: what the header, menu,
/// sidebar and footer of every public page show) with its audit row, then announces it, so every page
/// shows it at once.
/// </summary>
public sealed class SiteChromeEdits(PortalDbContext db, AuditLog audit, ContentChanges changes)
{
    /// <summary>Saves a new item (already added to the context) and its audit row in one transaction.</summary>
    public async Task SaveCreatedAsync<T>(T item, string action, string details)
        where T : class
    {
        await audit.SaveCreatedAsync(item, action, details);
        await changes.SiteChromeChangedAsync();
    }

    /// <summary>Saves a change or a removal of the item; a concurrency conflict is left to the caller.</summary>
    public async Task SaveAsync(string action, string entityType, int id, string details)
    {
        audit.Add(action, entityType, id, details);
        await db.SaveChangesAsync();
        await changes.SiteChromeChangedAsync();
    }
}
