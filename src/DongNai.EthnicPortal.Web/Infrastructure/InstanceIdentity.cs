namespace DongNai.EthnicPortal.Web.Infrastructure;

/// <summary>Who this process is in a farm: the configured instance name, and a lease holder id unique to this process.</summary>
public sealed class InstanceIdentity(string name)
{
    public string Name { get; } = name;

    /// <summary>Two processes may share a name (a restart, a misconfiguration); a lease must still tell them apart.</summary>
    public string LeaseHolder { get; } = $"{name}/{Environment.ProcessId}/{Guid.NewGuid():N}";
}
