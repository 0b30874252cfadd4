using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Services.Documents;

namespace DongNai.EthnicPortal.Tests.Documents;

public sealed class DocumentValidityTests
{
    private static readonly DateOnly Issued = new(2023, 9, 14);

    [Theory]
    [InlineData("2023-09-13", null, null, ValidityStatus.NotYetInForce)]
    [InlineData("2023-09-14", null, null, ValidityStatus.InForce)]
    [InlineData("2030-01-01", null, null, ValidityStatus.InForce)]
    [InlineData("2023-09-30", "2023-10-01", null, ValidityStatus.NotYetInForce)]
    [InlineData("2023-10-01", "2023-10-01", null, ValidityStatus.InForce)]
    [InlineData("2025-12-31", "2023-10-01", "2025-12-31", ValidityStatus.InForce)]
    [InlineData("2026-01-01", "2023-10-01", "2025-12-31", ValidityStatus.Expired)]
    [InlineData("2026-01-01", null, "2025-12-31", ValidityStatus.Expired)]
    public void Follows_the_dates(string today, string? from, string? until, ValidityStatus expected)
    {
        var status = DocumentValidity.Compute(Issued, Parse(from), Parse(until), null, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData(ValidityStatus.Expired)]
    [InlineData(ValidityStatus.NotYetInForce)]
    [InlineData(ValidityStatus.InForce)]
    public void An_editors_override_wins_over_the_dates(ValidityStatus overridden)
    {
        var today = new DateOnly(2024, 1, 1);

        Assert.Equal(overridden, DocumentValidity.Compute(Issued, Issued, new DateOnly(2023, 12, 1), overridden, today));
    }

    [Fact]
    public void Labels_and_query_values_round_trip()
    {
        foreach (var status in Enum.GetValues<ValidityStatus>())
        {
            Assert.Equal(status, DocumentValidity.FromQueryValue(DocumentValidity.QueryValue(status)));
        }

        Assert.Equal("Còn hiệu lực", DocumentValidity.Label(ValidityStatus.InForce));
        Assert.Equal("Hết hiệu lực", DocumentValidity.Label(ValidityStatus.Expired));
        Assert.Equal("Chưa có hiệu lực", DocumentValidity.Label(ValidityStatus.NotYetInForce));
        Assert.Null(DocumentValidity.FromQueryValue("khac"));
    }

    private static DateOnly? Parse(string? value) =>
        value is null ? null : DateOnly.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
