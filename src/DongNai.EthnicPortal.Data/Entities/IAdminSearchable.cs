namespace DongNai.EthnicPortal.Data.Entities;

/// <summary>
/// An entity the admin search boxes look through. It keeps <see cref="Text.VietnameseText.Fold"/>ed
/// copies of the searched columns, refreshed on every save by <see cref="PortalDbContext"/>, so a
/// search compares stored folded text on every provider (PostgreSQL compares case-sensitively) and
/// never calls a function per row.
/// </summary>
public interface IAdminSearchable
{
    void RefreshFoldedColumns();
}
