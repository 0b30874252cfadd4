namespace DongNai.EthnicPortal.Data.Entities;

/// <summary>
/// An entity guarded by optimistic concurrency. A Guid token works the same on SQLite and
/// SQL Server, unlike rowversion, which SQLite lacks.
/// </summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
