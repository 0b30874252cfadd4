using System.Globalization;
using System.Text;
using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Infrastructure;

/// <summary>
/// Fills the database with a large, realistic data set for the load benchmark:
/// <c>dotnet DongNai.EthnicPortal.Web.dll --generate-data articles=100000 documents=10000</c>.
/// The app applies migrations and seeds first, adds the data, runs the content initializers and exits.
/// </summary>
public static class BenchmarkData
{
    private const string Switch = "--generate-data";

    private static readonly string[] Sentences =
    [
        "Ủy ban nhân dân tỉnh Đồng Nai yêu cầu các sở, ban, ngành triển khai thực hiện công tác dân tộc trên địa bàn tỉnh.",
        "Ban Dân tộc tỉnh phối hợp với Ủy ban nhân dân các huyện rà soát đối tượng thụ hưởng chính sách.",
        "Đồng bào dân tộc thiểu số được hỗ trợ đất ở, nhà ở, đất sản xuất và nước sinh hoạt phân tán.",
        "Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi được triển khai đồng bộ.",
        "Người có uy tín trong đồng bào dân tộc thiểu số là cầu nối quan trọng giữa cấp ủy, chính quyền với nhân dân.",
        "Công tác tuyên truyền, phổ biến, giáo dục pháp luật được tổ chức bằng nhiều hình thức phong phú, phù hợp.",
        "Tỷ lệ hộ nghèo người dân tộc thiểu số tiếp tục giảm, đời sống vật chất và tinh thần của đồng bào được nâng lên.",
        "Các hoạt động bình đẳng giới và vì sự tiến bộ của phụ nữ được lồng ghép trong các chương trình, đề án của tỉnh.",
        "Học sinh, sinh viên người dân tộc thiểu số được hưởng học bổng chính sách và hỗ trợ chi phí học tập.",
        "Lễ hội truyền thống của người Chơ Ro, Mạ, S'tiêng được bảo tồn và phát huy giá trị.",
        "Đoàn công tác đã kiểm tra tiến độ giải ngân vốn và chất lượng các công trình hạ tầng thiết yếu.",
        "Hội nghị đã thống nhất các nhiệm vụ trọng tâm và giải pháp thực hiện trong thời gian tới.",
        "Phòng, chống tảo hôn và hôn nhân cận huyết thống góp phần nâng cao chất lượng dân số vùng đồng bào.",
        "Các địa phương đẩy mạnh chuyển đổi số, ứng dụng công nghệ thông tin trong công tác dân tộc.",
        "Mô hình phát triển sản xuất theo chuỗi giá trị giúp nhiều hộ đồng bào thoát nghèo bền vững.",
    ];

    private static readonly string[] TitleStarts =
    [
        "Triển khai", "Kiểm tra", "Hội nghị", "Tập huấn", "Tuyên truyền", "Tổng kết", "Sơ kết", "Hướng dẫn", "Khảo sát", "Trao tặng",
    ];

    private static readonly string[] TitleTopics =
    [
        "chính sách dân tộc", "bình đẳng giới", "giảm nghèo bền vững", "người có uy tín", "phòng, chống tảo hôn",
        "Chương trình mục tiêu quốc gia", "bảo tồn văn hóa các dân tộc", "giáo dục vùng đồng bào", "chuyển đổi số", "nước sinh hoạt",
    ];

    private static readonly string[] Places =
    [
        "huyện Định Quán", "huyện Tân Phú", "huyện Vĩnh Cửu", "huyện Xuân Lộc", "huyện Cẩm Mỹ", "thành phố Long Khánh", "thành phố Biên Hòa", "huyện Trảng Bom",
    ];

    public static bool IsRequested(string[] args) => args.Contains(Switch, StringComparer.Ordinal);

    public static async Task GenerateBenchmarkDataAsync(this WebApplication app, string[] args)
    {
        var articles = ReadCount(args, "articles", 100_000);
        var documents = ReadCount(args, "documents", 10_000);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BenchmarkData));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var random = new Random(20231014);
            await AddArticlesAsync(db, random, articles, logger);
            await AddDocumentsAsync(db, random, documents, logger);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            // Rendered links and the search index are derived data: rebuild them as after seeding.
            foreach (var initializer in scope.ServiceProvider.GetServices<IContentInitializer>())
            {
                await initializer.InitializeAsync(demoContentSeeded: true, CancellationToken.None);
            }
        }

        logger.LogInformation("Generated {Articles} articles and {Documents} documents.", articles, documents);
    }

    private static int ReadCount(string[] args, string name, int fallback)
    {
        var prefix = name + "=";
        var value = args.FirstOrDefault(a => a.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..];
        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count >= 0 ? count : fallback;
    }

    private static async Task AddArticlesAsync(PortalDbContext db, Random random, int count, ILogger logger)
    {
        var categoryIds = await db.Categories.Select(c => c.Id).ToListAsync();
        var start = new DateTime(2014, 1, 1, 1, 0, 0, DateTimeKind.Utc);
        var span = (DateTime.UtcNow.AddDays(-1) - start).TotalMinutes;
        for (var done = 0; done < count; done += 2000)
        {
            var batch = Math.Min(2000, count - done);
            for (var i = 0; i < batch; i++)
            {
                var title = $"{Pick(random, TitleStarts)} {Pick(random, TitleTopics)} tại {Pick(random, Places)} năm {2014 + random.Next(12)} (số {done + i + 1})";
                var body = Body(random, 3_000 + random.Next(5_000));
                var published = start.AddMinutes(random.NextDouble() * span);
                db.Articles.Add(new Article
                {
                    Title = title,
                    Slug = VietnameseText.Slugify(title),
                    Summary = Sentence(random, 2),
                    BodyHtml = body,
                    RenderedBodyHtml = body,
                    AuthorByline = "Ban Biên tập",
                    CategoryId = categoryIds[random.Next(categoryIds.Count)],
                    Status = ArticleStatus.Published,
                    PublishAt = published,
                    PublishedAt = published,
                    CreatedAt = published,
                    UpdatedAt = published,
                    Version = Guid.NewGuid(),
                });
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            logger.LogInformation("Articles: {Done}/{Count}", done + batch, count);
        }
    }

    private static async Task AddDocumentsAsync(PortalDbContext db, Random random, int count, ILogger logger)
    {
        var types = await db.DocumentTypes.Select(t => new { t.Id, t.Name, t.Code }).ToListAsync();
        var bodies = await db.IssuingBodies.Select(b => b.Id).ToListAsync();
        var fields = await db.DocumentFields.Select(f => f.Id).ToListAsync();
        for (var done = 0; done < count; done += 2000)
        {
            var batch = Math.Min(2000, count - done);
            for (var i = 0; i < batch; i++)
            {
                var type = types[random.Next(types.Count)];
                var issued = new DateOnly(2010 + random.Next(16), 1 + random.Next(12), 1 + random.Next(28));
                var symbol = $"{100000 + done + i}/{VietnameseText.Fold(type.Code).ToUpperInvariant()}-UBND";
                var abstractText = $"{Pick(random, TitleStarts)} {Pick(random, TitleTopics)} trên địa bàn tỉnh Đồng Nai giai đoạn {issued.Year} – {issued.Year + 5}";
                db.OfficialDocuments.Add(new OfficialDocument
                {
                    DocumentTypeId = type.Id,
                    NumberAndSymbol = symbol,
                    Number = DocumentSymbol.LeadingNumber(symbol),
                    NormalizedSymbol = DocumentSymbol.Normalize(symbol),
                    Slug = VietnameseText.Slugify($"{type.Name} {symbol} {abstractText}"),
                    IssuingBodyId = bodies[random.Next(bodies.Count)],
                    FieldId = fields[random.Next(fields.Count)],
                    SignerName = "Nguyễn Văn An",
                    SignerTitle = "Phó Chủ tịch UBND tỉnh",
                    IssuedOn = issued,
                    EffectiveFrom = issued,
                    EffectiveUntil = random.Next(3) == 0 ? issued.AddYears(5) : null,
                    Abstract = abstractText,
                    FullTextHtml = Body(random, 1_500),
                    RenderedFullTextHtml = null,
                    CreatedAt = DateTime.UtcNow,
                    UpdatedAt = DateTime.UtcNow,
                    Version = Guid.NewGuid(),
                });
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            logger.LogInformation("Documents: {Done}/{Count}", done + batch, count);
        }
    }

    private static string Body(Random random, int length)
    {
        var html = new StringBuilder(length + 200);
        while (html.Length < length)
        {
            html.Append("<p>").Append(Sentence(random, 3 + random.Next(4))).Append("</p>\n");
        }

        return html.ToString();
    }

    private static string Sentence(Random random, int count) =>
        string.Join(' ', Enumerable.Range(0, count).Select(_ => Pick(random, Sentences)));

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
