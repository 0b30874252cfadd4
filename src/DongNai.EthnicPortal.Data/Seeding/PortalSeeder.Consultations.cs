using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;

namespace DongNai.EthnicPortal.Data.Seeding;

public static partial class PortalSeeder
{
    /// <summary>
    /// One open consultation, so a new install shows the feature. Its period is set around the seed
    /// instant (a week before to sixty days after), so it is open on any fresh database, including
    /// the tests', whose clock may be fake.
    /// </summary>
    private static async Task SeedConsultationsAsync(PortalDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var opensLocal = VietnamTime.ToLocal(now).Date.AddDays(-7).AddHours(8);
        var closesLocal = VietnamTime.ToLocal(now).Date.AddDays(60).AddHours(17);
        const string title = "Dự thảo Kế hoạch thực hiện công tác dân tộc trên địa bàn tỉnh Đồng Nai giai đoạn 2026 – 2030";
        db.Consultations.Add(new Consultation
        {
            Title = title,
            Slug = VietnameseText.Slugify(title),
            DraftingUnit = "Ban Dân tộc tỉnh Đồng Nai",
            Summary = "Ban Dân tộc tỉnh Đồng Nai lấy ý kiến các cơ quan, tổ chức, cá nhân và đồng bào dân tộc thiểu số đối với dự thảo Kế hoạch thực hiện công tác dân tộc giai đoạn 2026 – 2030, trước khi trình UBND tỉnh ban hành.",
            DraftText = SeedDraftText,
            OpensAt = VietnamTime.ToUtc(opensLocal),
            ClosesAt = VietnamTime.ToUtc(closesLocal),
            IsPublished = true,
            CreatedAt = now,
            UpdatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private const string SeedDraftText = """
        KẾ HOẠCH
        Thực hiện công tác dân tộc trên địa bàn tỉnh Đồng Nai giai đoạn 2026 – 2030

        Điều 1. Mục đích, yêu cầu
        Triển khai đồng bộ, hiệu quả các chương trình, chính sách dân tộc trên địa bàn tỉnh; nâng cao đời sống vật chất, tinh thần của đồng bào dân tộc thiểu số.
        Phân công cụ thể nhiệm vụ cho các sở, ban, ngành và UBND các xã, phường; bảo đảm sự phối hợp chặt chẽ, thường xuyên.

        Điều 2. Nhiệm vụ trọng tâm
        1. Tuyên truyền, phổ biến chủ trương, chính sách, pháp luật của Đảng và Nhà nước đến đồng bào dân tộc thiểu số bằng tiếng phổ thông và tiếng dân tộc.
        2. Hỗ trợ sinh kế, đào tạo nghề và giải quyết việc làm cho người dân tộc thiểu số; giảm tỷ lệ hộ nghèo bình quân 1,5% mỗi năm.
        3. Bảo tồn, phát huy bản sắc văn hóa truyền thống của các dân tộc Chơ Ro, Mạ, S'tiêng, Khmer, Hoa và các dân tộc khác trên địa bàn tỉnh.
        4. Phát huy vai trò của người có uy tín trong đồng bào dân tộc thiểu số.

        Điều 3. Kinh phí thực hiện
        Kinh phí thực hiện Kế hoạch được bố trí từ ngân sách nhà nước theo phân cấp hiện hành, nguồn vốn các chương trình mục tiêu quốc gia và các nguồn huy động hợp pháp khác.

        Điều 4. Tổ chức thực hiện
        Ban Dân tộc tỉnh chủ trì, phối hợp với các sở, ban, ngành và UBND các xã, phường triển khai Kế hoạch; định kỳ hằng năm tổng hợp, báo cáo UBND tỉnh kết quả thực hiện.
        """;
}
