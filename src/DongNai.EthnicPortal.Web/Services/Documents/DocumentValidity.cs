using DongNai.EthnicPortal.Data.Entities;

namespace DongNai.EthnicPortal.Web.Services.Documents;

/// <summary>Tình trạng hiệu lực: what the dates say on a given Vietnam-local day, unless an editor has overridden it.</summary>
public static class DocumentValidity
{
    /// <summary>
    /// A document without an explicit start date is in force from the day it was issued; the end date
    /// is the last day in force.
    /// </summary>
    public static ValidityStatus Compute(DateOnly issuedOn, DateOnly? effectiveFrom, DateOnly? effectiveUntil, ValidityStatus? validityOverride, DateOnly today)
    {
        if (validityOverride is { } overridden)
        {
            return overridden;
        }

        if ((effectiveFrom ?? issuedOn) > today)
        {
            return ValidityStatus.NotYetInForce;
        }

        return effectiveUntil is { } until && until < today ? ValidityStatus.Expired : ValidityStatus.InForce;
    }

    public static string Label(ValidityStatus status) => status switch
    {
        ValidityStatus.InForce => "Còn hiệu lực",
        ValidityStatus.Expired => "Hết hiệu lực",
        _ => "Chưa có hiệu lực",
    };

    /// <summary>The stable query-string value of the registry's validity filter.</summary>
    public static string QueryValue(ValidityStatus status) => status switch
    {
        ValidityStatus.InForce => "con-hieu-luc",
        ValidityStatus.Expired => "het-hieu-luc",
        _ => "chua-co-hieu-luc",
    };

    public static ValidityStatus? FromQueryValue(string? value) => value switch
    {
        "con-hieu-luc" => ValidityStatus.InForce,
        "het-hieu-luc" => ValidityStatus.Expired,
        "chua-co-hieu-luc" => ValidityStatus.NotYetInForce,
        _ => null,
    };

    /// <summary>CSS modifier of the badge, so the colour is not the only carrier of meaning (the label is always shown).</summary>
    public static string BadgeClass(ValidityStatus status) => status switch
    {
        ValidityStatus.InForce => "validity-in-force",
        ValidityStatus.Expired => "validity-expired",
        _ => "validity-pending",
    };
}
