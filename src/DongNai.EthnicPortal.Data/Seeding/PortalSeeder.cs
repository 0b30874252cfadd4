using System.Text.Json;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Storage;
using DongNai.EthnicPortal.Data.Text;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Data.Seeding;

/// <summary>
/// Fills an empty database with the lookup tables, the site settings and, when asked, the content of
/// the committee's seed page. Every part checks for existing rows first, so restarts add nothing.
/// </summary>
public static partial class PortalSeeder
{
    /// <returns>True when demo content was added by this call.</returns>
    public static async Task<bool> SeedAsync(PortalDbContext db, SeedOptions options, TimeProvider time, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await SeedLookupsAsync(db, cancellationToken);
        await SeedSettingsAsync(db, now, cancellationToken);
        await SeedPagesAsync(db, now, cancellationToken);

        if (!options.SeedDemoContent || await db.Articles.AnyAsync(cancellationToken))
        {
            return false;
        }

        // A retrying provider (SQL Server, PostgreSQL) runs a transaction only as one retriable unit.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var categories = await SeedCategoriesAsync(db, cancellationToken);
            var cover = await SeedCoverImageAsync(db, options.UploadsRoot, now, cancellationToken);
            await SeedDocumentsAsync(db, options.UploadsRoot, now, cancellationToken);
            await SeedArticlesAsync(db, categories, cover, cancellationToken);
            await SeedPollsAsync(db, cancellationToken);
            await SeedWebLinksAsync(db, cancellationToken);
            await SeedConsultationsAsync(db, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        return true;
    }

    private static async Task SeedLookupsAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.DocumentTypes.AnyAsync(cancellationToken))
        {
            (string Name, string Code)[] types =
            [
                ("Công văn", "CV"), ("Kế hoạch", "KH"), ("Kết luận", "KL"), ("Quyết định", "QĐ"),
                ("Chỉ thị", "CT"), ("Thông báo", "TB"), ("Báo cáo", "BC"), ("Nghị quyết", "NQ"),
            ];
            db.DocumentTypes.AddRange(types.Select((t, i) => new DocumentType { Name = t.Name, Code = t.Code, SortOrder = i + 1 }));
        }

        if (!await db.IssuingBodies.AnyAsync(cancellationToken))
        {
            string[] bodies = ["UBND tỉnh Đồng Nai", "Tỉnh ủy Đồng Nai", "Ban Dân tộc tỉnh Đồng Nai", "Ủy ban Dân tộc"];
            db.IssuingBodies.AddRange(bodies.Select((name, i) => new IssuingBody { Name = name, SortOrder = i + 1 }));
        }

        if (!await db.DocumentFields.AnyAsync(cancellationToken))
        {
            string[] fields = ["Bình đẳng giới", "Công tác dân tộc", "Văn hóa – Xã hội", "Giảm nghèo", "Giáo dục – Đào tạo"];
            db.DocumentFields.AddRange(fields.Select((name, i) => new DocumentField { Name = name, SortOrder = i + 1 }));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task SeedSettingsAsync(PortalDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        if (await db.SiteSettings.AnyAsync(cancellationToken))
        {
            return;
        }

        db.SiteSettings.Add(new SiteSettings
        {
            SiteName = "BAN DÂN TỘC TỈNH ĐỒNG NAI",
            GoverningAgency = "BAN DÂN TỘC TỈNH ĐỒNG NAI",
            ResponsiblePerson = "ông Nguyễn Văn Khang",
            ResponsiblePersonTitle = "Trưởng Ban Dân tộc tỉnh Đồng Nai",
            Address = "Số 4/22/10A, đường Nguyễn Du, khu phố 4, phường Quang Vinh, thành phố Biên Hòa, tỉnh Đồng Nai",
            Phone = "02513.843836",
            Email = "bdt@dongnai.gov.vn",
            CopyrightLine = "© 2014 Bản quyền thuộc Ban Dân tộc tỉnh Đồng Nai",
            MapUrl = "https://www.openstreetmap.org/search?query=Nguy%E1%BB%85n%20Du%2C%20Quang%20Vinh%2C%20Bi%C3%AAn%20H%C3%B2a",
            UpdatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task SeedPagesAsync(PortalDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        if (await db.Pages.AnyAsync(cancellationToken))
        {
            return;
        }

        db.Pages.AddRange(
            new Page { Slug = Page.IntroductionSlug, Title = "Giới thiệu", Language = "vi", SortOrder = 1, BodyHtml = ReadResource("page-gioi-thieu.html"), UpdatedAt = now },
            new Page { Slug = Page.ContactSlug, Title = "Liên hệ", Language = "vi", SortOrder = 2, BodyHtml = ReadResource("page-lien-he.html"), UpdatedAt = now },
            new Page { Slug = Page.EnglishAboutSlug, Title = "About the Ethnic Affairs Committee of Dong Nai Province", Language = "en", SortOrder = 3, BodyHtml = ReadResource("page-en-about.html"), UpdatedAt = now });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<Dictionary<string, Category>> SeedCategoriesAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        (string Name, string Description, bool OnHome)[] rows =
        [
            ("Tin tức – Sự kiện", "Tin tức, sự kiện về công tác dân tộc trên địa bàn tỉnh Đồng Nai.", true),
            ("Hoạt động chuyên ngành", "Hoạt động chuyên môn của Ban Dân tộc tỉnh Đồng Nai.", true),
            ("Chính sách dân tộc", "Giới thiệu, hướng dẫn thực hiện các chính sách dân tộc.", true),
            ("Gương điển hình", "Những tấm gương tiêu biểu trong đồng bào dân tộc thiểu số.", false),
        ];
        var categories = rows.Select((row, i) => new Category
        {
            Name = row.Name,
            Slug = VietnameseText.Slugify(row.Name),
            Description = row.Description,
            SortOrder = i + 1,
            ShowInMenu = true,
            ShowOnHome = row.OnHome,
        }).ToList();
        db.Categories.AddRange(categories);
        await db.SaveChangesAsync(cancellationToken);
        return categories.ToDictionary(c => c.Slug);
    }

    private static async Task<MediaFile> SeedCoverImageAsync(PortalDbContext db, string uploadsRoot, DateTime now, CancellationToken cancellationToken)
    {
        var storedName = "seed-binh-dang-gioi";
        var bytes = ReadResourceBytes("binh-dang-gioi.jpg");
        var folder = Path.Combine(uploadsRoot, "media");
        Directory.CreateDirectory(folder);
        await AtomicFile.WriteAllBytesAsync(Path.Combine(folder, storedName + ".jpg"), bytes, cancellationToken);

        var media = new MediaFile
        {
            OriginalFileName = "binh-dang-gioi.jpg",
            StoredName = storedName,
            ContentType = "image/jpeg",
            SizeBytes = bytes.Length,
            Width = 1200,
            Height = 675,
            AltText = "Buổi tuyên truyền pháp luật về bình đẳng giới cho đồng bào dân tộc thiểu số",
            UploadedAt = now,
        };
        db.MediaFiles.Add(media);
        await db.SaveChangesAsync(cancellationToken);
        return media;
    }

    private static async Task SeedDocumentsAsync(PortalDbContext db, string uploadsRoot, DateTime now, CancellationToken cancellationToken)
    {
        var types = await db.DocumentTypes.ToDictionaryAsync(t => t.Name, cancellationToken);
        var bodies = await db.IssuingBodies.ToDictionaryAsync(b => b.Name, cancellationToken);
        var fields = await db.DocumentFields.ToDictionaryAsync(f => f.Name, cancellationToken);

        OfficialDocument Create(string symbol, string type, string body, DateOnly issued, DateOnly? until, string signer, string signerTitle, string field, string abstractText) => new()
        {
            NumberAndSymbol = symbol,
            Number = DocumentSymbol.LeadingNumber(symbol),
            NormalizedSymbol = DocumentSymbol.Normalize(symbol),
            Slug = VietnameseText.Slugify($"{type} {symbol} {abstractText}"),
            DocumentType = types[type],
            IssuingBody = bodies[body],
            Field = fields[field],
            SignerName = signer,
            SignerTitle = signerTitle,
            IssuedOn = issued,
            EffectiveFrom = issued,
            EffectiveUntil = until,
            Abstract = abstractText,
            CreatedAt = now,
            UpdatedAt = now,
        };

        const string ubnd = "UBND tỉnh Đồng Nai";
        const string viceChair = "Phó Chủ tịch UBND tỉnh";
        var congVan = Create("9478/UBND-KGVX", "Công văn", ubnd, new DateOnly(2023, 9, 14), null, "Nguyễn Sơn Hùng", viceChair, "Bình đẳng giới",
            "Về việc triển khai thực hiện công tác bình đẳng giới và vì sự tiến bộ của phụ nữ trên địa bàn tỉnh năm 2024");
        congVan.FullTextHtml = "<p>Để triển khai thực hiện công tác bình đẳng giới và vì sự tiến bộ của phụ nữ trên địa bàn tỉnh năm 2024, Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành, đoàn thể tỉnh và Ủy ban nhân dân các huyện, thành phố triển khai một số nội dung trọng tâm: tăng cường thực hiện Kế hoạch số 13346/KH-UBND ngày 29/10/2021 và Kế hoạch số 13108/KH-UBND ngày 25/10/2021; triển khai Kế hoạch số 7169/KH-UBND ngày 25/6/2021; tiếp tục thực hiện Kế hoạch số 86/KH-UBND ngày 18/4/2022 của UBND tỉnh.</p>";
        var strategy = Create("13346/KH-UBND", "Kế hoạch", ubnd, new DateOnly(2021, 10, 29), new DateOnly(2025, 12, 31), "Nguyễn Sơn Hùng", viceChair, "Bình đẳng giới",
            "Thực hiện Chiến lược quốc gia về bình đẳng giới giai đoạn 2021 – 2025 trên địa bàn tỉnh Đồng Nai");
        var conclusionPlan = Create("13108/KH-UBND", "Kế hoạch", ubnd, new DateOnly(2021, 10, 25), new DateOnly(2025, 12, 31), "Nguyễn Sơn Hùng", viceChair, "Bình đẳng giới",
            "Thực hiện Kết luận số 250-KL/TU ngày 22/7/2021 của Ban Chấp hành Đảng bộ tỉnh về tiếp tục thực hiện Đề án tăng cường công tác lãnh đạo, quản lý và phát huy vai trò của phụ nữ");
        var conclusion = Create("250-KL/TU", "Kết luận", "Tỉnh ủy Đồng Nai", new DateOnly(2021, 7, 22), null, "Thái Bảo", "Phó Bí thư Thường trực Tỉnh ủy", "Bình đẳng giới",
            "Tiếp tục thực hiện Đề án tăng cường công tác lãnh đạo, quản lý và phát huy vai trò của phụ nữ trong các lĩnh vực chính trị, kinh tế, lao động, việc làm; phòng ngừa, ứng phó với bạo lực phụ nữ và trẻ em gái, mất cân bằng giới tính khi sinh");
        var violencePlan = Create("7169/KH-UBND", "Kế hoạch", ubnd, new DateOnly(2021, 6, 25), new DateOnly(2025, 12, 31), "Nguyễn Sơn Hùng", viceChair, "Bình đẳng giới",
            "Thực hiện Chương trình phòng ngừa và ứng phó với bạo lực trên cơ sở giới giai đoạn 2021 – 2025 trên địa bàn tỉnh Đồng Nai");
        var communicationPlan = Create("86/KH-UBND", "Kế hoạch", ubnd, new DateOnly(2022, 4, 18), new DateOnly(2030, 12, 31), "Nguyễn Sơn Hùng", viceChair, "Bình đẳng giới",
            "Thực hiện Chương trình truyền thông về bình đẳng giới đến năm 2030 trên địa bàn tỉnh Đồng Nai");

        OfficialDocument[] documents = [congVan, strategy, conclusionPlan, conclusion, violencePlan, communicationPlan];
        foreach (var document in documents)
        {
            document.RenderedFullTextHtml = document.FullTextHtml;
        }

        db.OfficialDocuments.AddRange(documents);
        db.DocumentRelations.AddRange(
            new DocumentRelation { FromDocument = conclusionPlan, ToDocument = conclusion, Kind = DocumentRelationKind.Implements },
            new DocumentRelation { FromDocument = congVan, ToDocument = strategy, Kind = DocumentRelationKind.BasedOn },
            new DocumentRelation { FromDocument = congVan, ToDocument = conclusionPlan, Kind = DocumentRelationKind.BasedOn },
            new DocumentRelation { FromDocument = congVan, ToDocument = violencePlan, Kind = DocumentRelationKind.BasedOn },
            new DocumentRelation { FromDocument = congVan, ToDocument = communicationPlan, Kind = DocumentRelationKind.BasedOn });

        var pdf = ReadResourceBytes("cong-van-9478.pdf");
        var storedPath = Path.Combine("documents", "seed-cong-van-9478.pdf");
        Directory.CreateDirectory(Path.Combine(uploadsRoot, "documents"));
        await AtomicFile.WriteAllBytesAsync(Path.Combine(uploadsRoot, storedPath), pdf, cancellationToken);
        congVan.Attachments.Add(new DocumentAttachment
        {
            FileName = "Công văn 9478-UBND-KGVX bình đẳng giới.pdf",
            ContentType = "application/pdf",
            SizeBytes = pdf.Length,
            StoredPath = storedPath.Replace('\\', '/'),
            UploadedAt = now,
        });

        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task SeedArticlesAsync(PortalDbContext db, Dictionary<string, Category> categories, MediaFile cover, CancellationToken cancellationToken)
    {
        var coverUrl = $"/media/{cover.StoredName}.jpg";
        var seedBody = ReadResource("seed-article.html").Replace("{{COVER_IMAGE_URL}}", coverUrl, StringComparison.Ordinal);
        var seedArticle = NewArticle(
            "Triển khai thực hiện công tác bình đẳng giới và vì sự tiến bộ của phụ nữ trên địa bàn tỉnh Đồng Nai năm 2024",
            "UBND tỉnh Đồng Nai ban hành Công văn số 9478/UBND-KGVX yêu cầu các sở, ban, ngành và địa phương triển khai sáu nhóm nội dung trọng tâm về bình đẳng giới và vì sự tiến bộ của phụ nữ năm 2024.",
            seedBody,
            "Hồ Thị Tuyết Nhung",
            categories["hoat-dong-chuyen-nganh"],
            VietnamTime.ToUtc(new DateTime(2023, 9, 20, 8, 0, 0)));
        seedArticle.CoverImage = cover;
        seedArticle.CoverImageCaption = "Thực hiện tuyên truyền pháp luật về bình đẳng giới cho đồng bào dân tộc thiểu số trên địa bàn tỉnh Đồng Nai";
        seedArticle.IsFeatured = true;
        db.Articles.Add(seedArticle);

        await using var stream = OpenResource("articles.json");
        var rows = await JsonSerializer.DeserializeAsync<List<SeedArticleRow>>(stream, JsonOptions, cancellationToken) ?? [];
        foreach (var row in rows)
        {
            var body = string.Concat(row.Paragraphs.Select(p => $"<p>{System.Net.WebUtility.HtmlEncode(p)}</p>\n"));
            db.Articles.Add(NewArticle(row.Title, row.Summary, body, row.Author, categories[row.Category], VietnamTime.ToUtc(row.PublishedAt)));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static Article NewArticle(string title, string summary, string body, string author, Category category, DateTime publishedAt) => new()
    {
        Title = title,
        Slug = VietnameseText.Slugify(title),
        Summary = summary,
        BodyHtml = body,
        RenderedBodyHtml = body,
        AuthorByline = author,
        Category = category,
        Status = ArticleStatus.Published,
        PublishAt = publishedAt,
        PublishedAt = publishedAt,
        CreatedAt = publishedAt,
        UpdatedAt = publishedAt,
    };

    private static async Task SeedPollsAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        db.Polls.Add(new Poll
        {
            Question = "Đánh giá về trang thông tin điện tử Ban Dân tộc tỉnh Đồng Nai",
            OpensAt = VietnamTime.ToUtc(new DateTime(2023, 9, 1)),
            CreatedAt = VietnamTime.ToUtc(new DateTime(2023, 9, 1)),
            Options = Options(CurrentPollOptions),
        });
        db.Polls.Add(new Poll
        {
            Question = "Bạn thường tìm hiểu chính sách dân tộc qua kênh thông tin nào?",
            AllowMultipleChoices = true,
            OpensAt = VietnamTime.ToUtc(new DateTime(2022, 3, 1)),
            ClosesAt = VietnamTime.ToUtc(new DateTime(2022, 12, 31, 23, 59, 0)),
            CreatedAt = VietnamTime.ToUtc(new DateTime(2022, 3, 1)),
            Options = Options(ArchivedPollOptions),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static readonly string[] CurrentPollOptions = ["Rất hữu ích", "Hữu ích", "Bình thường", "Chưa đáp ứng nhu cầu"];

    private static readonly string[] ArchivedPollOptions = ["Trang thông tin điện tử", "Người có uy tín, cán bộ thôn ấp", "Báo, đài phát thanh – truyền hình", "Mạng xã hội"];

    private static List<PollOption> Options(string[] texts) =>
        texts.Select((text, i) => new PollOption { Text = text, SortOrder = i + 1 }).ToList();

    private static async Task SeedWebLinksAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        (string Name, string Url)[] links =
        [
            ("Ủy ban Dân tộc", "https://ubdt.gov.vn"),
            ("Cổng thông tin điện tử Chính phủ", "https://chinhphu.vn"),
            ("Cổng thông tin điện tử tỉnh Đồng Nai", "https://www.dongnai.gov.vn"),
            ("Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn"),
            ("Báo Đồng Nai", "https://baodongnai.com.vn"),
        ];
        db.WebLinks.AddRange(links.Select((l, i) => new WebLink { Name = l.Name, Url = l.Url, SortOrder = i + 1 }));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static Stream OpenResource(string name) =>
        typeof(PortalSeeder).Assembly.GetManifestResourceStream($"DongNai.EthnicPortal.Data.Seeding.Content.{name}")
        ?? throw new InvalidOperationException($"Missing seed resource {name}.");

    private static string ReadResource(string name)
    {
        using var reader = new StreamReader(OpenResource(name));
        return reader.ReadToEnd();
    }

    private static byte[] ReadResourceBytes(string name)
    {
        using var stream = OpenResource(name);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private sealed record SeedArticleRow(string Category, string Title, string Author, DateTime PublishedAt, string Summary, List<string> Paragraphs);
}
