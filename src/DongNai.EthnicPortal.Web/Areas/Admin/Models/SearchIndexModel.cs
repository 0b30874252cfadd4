namespace DongNai.EthnicPortal.Web.Areas.Admin.Models;

public sealed record SearchIndexModel(int Articles, int Documents, int Pages);
