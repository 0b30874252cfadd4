using System.ComponentModel.DataAnnotations;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Models;

public sealed class SettingsFormModel
{
    public static SettingsFormModel From(SiteSettings settings) => new()
    {
        SiteName = settings.SiteName,
        GoverningAgency = settings.GoverningAgency,
        ResponsiblePerson = settings.ResponsiblePerson,
        ResponsiblePersonTitle = settings.ResponsiblePersonTitle,
        Address = settings.Address,
        Phone = settings.Phone,
        Email = settings.Email,
        CopyrightLine = settings.CopyrightLine,
        MapUrl = settings.MapUrl,
        VisitCounterOffset = settings.VisitCounterOffset,
        RequireTwoFactorForStaff = settings.RequireTwoFactorForStaff,
        Version = settings.Version,
    };

    /// <summary>Copies the form into the stored settings: texts trimmed and in NFC, an empty map link removed.</summary>
    public void ApplyTo(SiteSettings settings)
    {
        settings.SiteName = Clean(SiteName);
        settings.GoverningAgency = Clean(GoverningAgency);
        settings.ResponsiblePerson = Clean(ResponsiblePerson);
        settings.ResponsiblePersonTitle = Clean(ResponsiblePersonTitle);
        settings.Address = Clean(Address);
        settings.Phone = Clean(Phone);
        settings.Email = Clean(Email);
        settings.CopyrightLine = Clean(CopyrightLine);
        settings.MapUrl = string.IsNullOrWhiteSpace(MapUrl) ? null : MapUrl.Trim();
        settings.VisitCounterOffset = VisitCounterOffset;
        settings.RequireTwoFactorForStaff = RequireTwoFactorForStaff;
    }

    private static string Clean(string? value) => VietnameseText.ToNfc((value ?? "").Trim());

    [Required(ErrorMessage = "Vui lòng nhập tên cổng thông tin.")]
    [StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")]
    [Display(Name = "Tên cổng thông tin (đầu trang)")]
    public string SiteName { get; set; } = "";

    [StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")]
    [Display(Name = "Cơ quan chủ quản")]
    public string? GoverningAgency { get; set; }

    [StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")]
    [Display(Name = "Chịu trách nhiệm chính")]
    public string? ResponsiblePerson { get; set; }

    [StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")]
    [Display(Name = "Chức vụ người chịu trách nhiệm")]
    public string? ResponsiblePersonTitle { get; set; }

    [StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")]
    [Display(Name = "Địa chỉ")]
    public string? Address { get; set; }

    [StringLength(100, ErrorMessage = "Tối đa 100 ký tự.")]
    [Display(Name = "Điện thoại")]
    public string? Phone { get; set; }

    [EmailAddress(ErrorMessage = "Email không hợp lệ.")]
    [StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")]
    [Display(Name = "Email")]
    public string? Email { get; set; }

    [StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")]
    [Display(Name = "Dòng bản quyền")]
    public string? CopyrightLine { get; set; }

    [Url(ErrorMessage = "Địa chỉ bản đồ phải là một URL hợp lệ.")]
    [StringLength(1000, ErrorMessage = "Tối đa 1000 ký tự.")]
    [Display(Name = "Liên kết bản đồ")]
    public string? MapUrl { get; set; }

    [Range(0, 1_000_000_000_000, ErrorMessage = "Số lượt truy cập cộng thêm phải từ 0 trở lên.")]
    [Display(Name = "Số lượt truy cập từ trang cũ (cộng vào bộ đếm)")]
    public long VisitCounterOffset { get; set; }

    [Display(Name = "Bắt buộc mọi tài khoản dùng xác thực hai bước")]
    public bool RequireTwoFactorForStaff { get; set; }

    public Guid Version { get; set; }
}

public sealed class CategoryFormModel
{
    public int Id { get; set; }

    public static CategoryFormModel From(Category category) => new()
    {
        Id = category.Id,
        Name = category.Name,
        Slug = category.Slug,
        Description = category.Description,
        SortOrder = category.SortOrder,
        ShowInMenu = category.ShowInMenu,
        ShowOnHome = category.ShowOnHome,
    };

    [Required(ErrorMessage = "Vui lòng nhập tên chuyên mục.")]
    [StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")]
    [Display(Name = "Tên chuyên mục")]
    public string Name { get; set; } = "";

    [StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")]
    [Display(Name = "Đường dẫn (để trống sẽ tạo từ tên)")]
    public string? Slug { get; set; }

    [StringLength(1000, ErrorMessage = "Tối đa 1000 ký tự.")]
    [Display(Name = "Mô tả")]
    public string? Description { get; set; }

    [Range(0, 10000, ErrorMessage = "Thứ tự phải từ 0 đến 10000.")]
    [Display(Name = "Thứ tự")]
    public int SortOrder { get; set; }

    [Display(Name = "Hiện trên menu")]
    public bool ShowInMenu { get; set; } = true;

    [Display(Name = "Có khối riêng trên trang chủ")]
    public bool ShowOnHome { get; set; }
}

public sealed class WebLinkFormModel
{
    public int Id { get; set; }

    public static WebLinkFormModel From(WebLink link) => new() { Id = link.Id, Name = link.Name, Url = link.Url, SortOrder = link.SortOrder, IsVisible = link.IsVisible };

    [Required(ErrorMessage = "Vui lòng nhập tên liên kết.")]
    [StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")]
    [Display(Name = "Tên liên kết")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Vui lòng nhập địa chỉ.")]
    [StringLength(1000, ErrorMessage = "Tối đa 1000 ký tự.")]
    [Display(Name = "Địa chỉ (https://…)")]
    public string Url { get; set; } = "";

    [Range(0, 10000, ErrorMessage = "Thứ tự phải từ 0 đến 10000.")]
    [Display(Name = "Thứ tự")]
    public int SortOrder { get; set; }

    [Display(Name = "Hiển thị")]
    public bool IsVisible { get; set; } = true;
}

public sealed class PageFormModel
{
    public int Id { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập tiêu đề.")]
    [StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")]
    [Display(Name = "Tiêu đề")]
    public string Title { get; set; } = "";

    [StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")]
    [Display(Name = "Đường dẫn (để trống sẽ tạo từ tiêu đề)")]
    public string? Slug { get; set; }

    [StringLength(500_000, ErrorMessage = "Nội dung quá dài.")]
    [Display(Name = "Nội dung")]
    public string? BodyHtml { get; set; }

    [Display(Name = "Ngôn ngữ")]
    public string Language { get; set; } = "vi";

    [Range(0, 10000, ErrorMessage = "Thứ tự phải từ 0 đến 10000.")]
    [Display(Name = "Thứ tự trên menu")]
    public int SortOrder { get; set; }

    [Display(Name = "Hiện trên menu")]
    public bool ShowInMenu { get; set; } = true;

    [Display(Name = "Đang hiển thị công khai")]
    public bool IsPublished { get; set; } = true;

    public Guid Version { get; set; }

    /// <summary>Names this "new page" form, so its autosave can be found, offered and dropped once saved.</summary>
    public Guid DraftKey { get; set; }

    /// <summary>What the form shows about autosaves; filled by the controller, never bound from a post.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public AutosaveNotice? Autosave { get; set; }

    public static PageFormModel From(Data.Entities.Page page) => new()
    {
        Id = page.Id,
        Title = page.Title,
        Slug = page.Slug,
        BodyHtml = page.BodyHtml,
        Language = page.Language,
        SortOrder = page.SortOrder,
        ShowInMenu = page.ShowInMenu,
        IsPublished = page.IsPublished,
        Version = page.Version,
    };
}

public sealed record AuditRow(DateTime At, string? UserName, string Action, string? EntityType, string? EntityId, string? Details, string? IpAddress);

public sealed record AuditListView(IReadOnlyList<AuditRow> Rows, IReadOnlyList<string> Actions, string? Action, string? User, DateOnly? From, DateOnly? To, int Page, int PageCount, int Total);

public sealed record DashboardArticle(int Id, string Title, DateTime UpdatedAt);

public sealed record DashboardModel(
    IReadOnlyList<DashboardArticle> WaitingForReview,
    IReadOnlyList<DashboardArticle> MyDrafts,
    IReadOnlyList<AuditRow> RecentChanges,
    long VisitsToday,
    int ScheduledCount);
