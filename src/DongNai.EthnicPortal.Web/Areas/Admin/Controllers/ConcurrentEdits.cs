using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Controllers;

/// <summary>Edit forms guarded by the entity's version: the form carries the version it was loaded with.</summary>
public static class ConcurrentEdits
{
    /// <summary>
    /// Saves the edited entity (and whatever else is tracked, such as its audit row), unless someone saved
    /// it after the form was loaded: then <paramref name="conflict"/> goes into the model state, for the
    /// form shown again, nothing is saved, and the answer is false.
    /// </summary>
    public static async Task<bool> SaveEditAsync<T>(this PortalDbContext db, T entity, Guid formVersion, ModelStateDictionary modelState, string conflict, CancellationToken cancellationToken = default)
        where T : class, IVersioned
    {
        db.Entry(entity).Property(e => e.Version).OriginalValue = formVersion;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            modelState.AddModelError("", conflict);
            return false;
        }
    }
}
