using System.Linq.Expressions;
using DongNai.EthnicPortal.Data.Entities;

namespace DongNai.EthnicPortal.Web.Services.Documents;

/// <summary>Tình trạng hiệu lực: what the dates say on a given Vietnam-local day, unless an editor has overridden it.</summary>
public static class DocumentValidity
{
    /// <summary>
    /// The one rule, kept as an expression so the registry's filter runs in SQL: an editor's override wins;
    /// otherwise a document without an explicit start date is in force from the day it was issued, and the
    /// end date is the last day in force.
    /// </summary>
    private static readonly Expression<Func<OfficialDocument, DateOnly, ValidityStatus>> StatusOn = (d, today) =>
        d.ValidityOverride ?? ((d.EffectiveFrom ?? d.IssuedOn) > today
            ? ValidityStatus.NotYetInForce
            : d.EffectiveUntil != null && d.EffectiveUntil < today ? ValidityStatus.Expired : ValidityStatus.InForce);

    private static readonly Func<OfficialDocument, DateOnly, ValidityStatus> CompiledStatusOn = StatusOn.Compile();

    public static ValidityStatus Compute(DateOnly issuedOn, DateOnly? effectiveFrom, DateOnly? effectiveUntil, ValidityStatus? validityOverride, DateOnly today) =>
        CompiledStatusOn(new OfficialDocument { IssuedOn = issuedOn, EffectiveFrom = effectiveFrom, EffectiveUntil = effectiveUntil, ValidityOverride = validityOverride }, today);

    /// <summary>Documents whose status is <paramref name="status"/> on <paramref name="today"/>; the day becomes a SQL parameter.</summary>
    public static Expression<Func<OfficialDocument, bool>> Is(ValidityStatus status, DateOnly today)
    {
        var document = StatusOn.Parameters[0];
        var day = Expression.Property(Expression.Constant(new DayBox(today)), nameof(DayBox.Value));
        var body = new ReplaceParameter(StatusOn.Parameters[1], day).Visit(StatusOn.Body);
        return Expression.Lambda<Func<OfficialDocument, bool>>(Expression.Equal(body, Expression.Constant(status)), document);
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

    private sealed record DayBox(DateOnly Value);

    private sealed class ReplaceParameter(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}
