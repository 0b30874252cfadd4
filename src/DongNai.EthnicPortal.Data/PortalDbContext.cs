using System.Text;
using DongNai.EthnicPortal.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DongNai.EthnicPortal.Data;

public class PortalDbContext(DbContextOptions<PortalDbContext> options) : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<ArticleRevision> ArticleRevisions => Set<ArticleRevision>();
    public DbSet<ArticleAutosave> ArticleAutosaves => Set<ArticleAutosave>();
    public DbSet<ArticleDocumentCitation> ArticleDocumentCitations => Set<ArticleDocumentCitation>();
    public DbSet<DocumentType> DocumentTypes => Set<DocumentType>();
    public DbSet<IssuingBody> IssuingBodies => Set<IssuingBody>();
    public DbSet<DocumentField> DocumentFields => Set<DocumentField>();
    public DbSet<OfficialDocument> OfficialDocuments => Set<OfficialDocument>();
    public DbSet<DocumentAttachment> DocumentAttachments => Set<DocumentAttachment>();
    public DbSet<DocumentRelation> DocumentRelations => Set<DocumentRelation>();
    public DbSet<AttachmentText> AttachmentTexts => Set<AttachmentText>();
    public DbSet<AttachmentTextPage> AttachmentTextPages => Set<AttachmentTextPage>();
    public DbSet<Page> Pages => Set<Page>();
    public DbSet<PageAutosave> PageAutosaves => Set<PageAutosave>();
    public DbSet<Poll> Polls => Set<Poll>();
    public DbSet<PollOption> PollOptions => Set<PollOption>();
    public DbSet<PollVote> PollVotes => Set<PollVote>();
    public DbSet<PollVoteChoice> PollVoteChoices => Set<PollVoteChoice>();
    public DbSet<VisitDay> VisitDays => Set<VisitDay>();
    public DbSet<WebLink> WebLinks => Set<WebLink>();
    public DbSet<SiteSettings> SiteSettings => Set<SiteSettings>();
    public DbSet<MediaFile> MediaFiles => Set<MediaFile>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<SearchEntry> SearchEntries => Set<SearchEntry>();
    public DbSet<SearchTerm> SearchTerms => Set<SearchTerm>();
    public DbSet<SearchIndexState> SearchIndexStates => Set<SearchIndexState>();
    public DbSet<Consultation> Consultations => Set<Consultation>();
    public DbSet<ConsultationFile> ConsultationFiles => Set<ConsultationFile>();
    public DbSet<ConsultationComment> ConsultationComments => Set<ConsultationComment>();
    public DbSet<PortalSecret> PortalSecrets => Set<PortalSecret>();
    public DbSet<BackgroundLease> BackgroundLeases => Set<BackgroundLease>();
    public DbSet<PollIpDayCount> PollIpDayCounts => Set<PollIpDayCount>();
    public DbSet<AuthSession> AuthSessions => Set<AuthSession>();

    /// <summary>The data-protection key ring: shared by every instance, so a cookie or form made by one is read by all.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        builder.Entity<Article>(articles => Configurations.ArticleConfiguration.ConfigureAdminSearchIndex(articles, Database));
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no DateTime kind; every instant is stored as UTC, so say so when reading back.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PrepareForSave();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PrepareForSave();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void PrepareForSave()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is AuditEntry && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException("The audit log is append-only.");
            }

            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            NormalizeStrings(entry);
            if (entry.Entity is IAdminSearchable searchable)
            {
                searchable.RefreshFoldedColumns();
            }

            if (entry.Entity is IVersioned versioned)
            {
                versioned.Version = Guid.NewGuid();
            }
        }
    }

    // Vietnamese text arrives both precomposed and decomposed; storing NFC keeps equality and search honest.
    private static void NormalizeStrings(EntityEntry entry)
    {
        foreach (var property in entry.Properties)
        {
            if (property.CurrentValue is string text && !text.IsNormalized(NormalizationForm.FormC))
            {
                property.CurrentValue = text.Normalize(NormalizationForm.FormC);
            }
        }
    }

    // Public because the compiled models (one per migrations set) create them.
    public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));

    public sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        value => value == null ? null : value.Value.Kind == DateTimeKind.Utc ? value : value.Value.ToUniversalTime(),
        value => value == null ? null : DateTime.SpecifyKind(value.Value, DateTimeKind.Utc));
}
