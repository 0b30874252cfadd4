using System.Reflection;
using DongNai.EthnicPortal.Web.Services.Audit;

namespace DongNai.EthnicPortal.Tests.Admin;

public sealed class AuditActionsTests
{
    private static readonly FieldInfo[] Codes = typeof(AuditActions).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).ToArray();

    [Fact]
    public void Every_action_code_has_a_Vietnamese_label_of_its_own()
    {
        Assert.True(Codes.Length >= 50, $"Only {Codes.Length} audit action codes found");
        var unlabelled = Codes.Where(f => string.IsNullOrWhiteSpace(f.GetCustomAttribute<AuditLabelAttribute>()?.Label)).Select(f => f.Name).ToList();
        Assert.True(unlabelled.Count == 0, "No label: " + string.Join(", ", unlabelled));

        foreach (var field in Codes)
        {
            var code = (string)field.GetRawConstantValue()!;
            Assert.NotEqual(code, AuditActions.Describe(code));
        }

        var labels = Codes.Select(f => f.GetCustomAttribute<AuditLabelAttribute>()!.Label).ToList();
        Assert.Equal(labels.Count, labels.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Codes_are_distinct_and_an_unknown_code_shows_as_itself()
    {
        var codes = Codes.Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("LegacyAction", AuditActions.Describe("LegacyAction"));
        Assert.Equal("Xuất bản bài viết", AuditActions.Describe(AuditActions.ArticlePublished));
    }
}
