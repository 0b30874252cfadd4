using DongNai.EthnicPortal.Data.Entities;

namespace DongNai.EthnicPortal.Web.Services.Documents;

/// <summary>How a relation reads from either end: a plan "Thực hiện" a conclusion, which is "Được thực hiện bởi" the plan.</summary>
public static class DocumentRelationLabels
{
    public static string Forward(DocumentRelationKind kind) => kind switch
    {
        DocumentRelationKind.Implements => "Thực hiện",
        DocumentRelationKind.Replaces => "Thay thế",
        DocumentRelationKind.BasedOn => "Căn cứ",
        DocumentRelationKind.Amends => "Sửa đổi, bổ sung",
        DocumentRelationKind.Guides => "Hướng dẫn",
        _ => kind.ToString(),
    };

    public static string Inverse(DocumentRelationKind kind) => kind switch
    {
        DocumentRelationKind.Implements => "Được thực hiện bởi",
        DocumentRelationKind.Replaces => "Bị thay thế bởi",
        DocumentRelationKind.BasedOn => "Là căn cứ của",
        DocumentRelationKind.Amends => "Được sửa đổi, bổ sung bởi",
        DocumentRelationKind.Guides => "Được hướng dẫn bởi",
        _ => kind.ToString(),
    };
}
