using Exemplars.Domain.Auditing;
using Exemplars.Domain.Ballots;
using Exemplars.Domain.Nominations;
using Exemplars.Domain.Organizations;
using Exemplars.Domain.People;
using Exemplars.Domain.Plans;
using Exemplars.Domain.Reports;
using Exemplars.Domain.Showcase;
using Exemplars.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Infrastructure.Data;

/// <summary>The one model. Provider-specific subclasses exist only so each provider has its own migration set.</summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser, IdentityRole, string>(options), Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    /// <summary>The keys that protect cookies, antiforgery and bearer tokens, shared by every instance (ADR 033).</summary>
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys => Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Plan> Plans => Set<Plan>();

    public DbSet<Round> Rounds => Set<Round>();

    public DbSet<NomineeCategory> Categories => Set<NomineeCategory>();

    public DbSet<Criterion> Criteria => Set<Criterion>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<PersonRating> PersonRatings => Set<PersonRating>();

    public DbSet<CollectiveRating> CollectiveRatings => Set<CollectiveRating>();

    public DbSet<DisciplineRecord> DisciplineRecords => Set<DisciplineRecord>();

    public DbSet<Nomination> Nominations => Set<Nomination>();

    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();

    public DbSet<NominationVersion> NominationVersions => Set<NominationVersion>();

    public DbSet<SentFile> SentFiles => Set<SentFile>();

    public DbSet<ShowcasePhoto> ShowcasePhotos => Set<ShowcasePhoto>();

    public DbSet<StoryRevision> StoryRevisions => Set<StoryRevision>();

    public DbSet<DeadlineExtension> DeadlineExtensions => Set<DeadlineExtension>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<Exemplars.Domain.Integration.WebhookDelivery> WebhookDeliveries => Set<Exemplars.Domain.Integration.WebhookDelivery>();

    public DbSet<VerificationItem> VerificationItems => Set<VerificationItem>();

    public DbSet<Domain.Review.VerificationRecord> VerificationRecords => Set<Domain.Review.VerificationRecord>();

    public DbSet<Ballot> Ballots => Set<Ballot>();

    public DbSet<BallotVoter> BallotVoters => Set<BallotVoter>();

    public DbSet<BallotVote> BallotVotes => Set<BallotVote>();

    public DbSet<BallotTrustee> BallotTrustees => Set<BallotTrustee>();

    public DbSet<Decision> Decisions => Set<Decision>();

    public DbSet<Award> Awards => Set<Award>();

    public DbSet<SelectionOverride> SelectionOverrides => Set<SelectionOverride>();

    public DbSet<CommentPeriod> CommentPeriods => Set<CommentPeriod>();

    public DbSet<PublicComment> PublicComments => Set<PublicComment>();

    public DbSet<ExemplarStory> ExemplarStories => Set<ExemplarStory>();

    public DbSet<ReplicationPledge> ReplicationPledges => Set<ReplicationPledge>();

    public DbSet<DiscoveredExemplar> DiscoveredExemplars => Set<DiscoveredExemplar>();

    public DbSet<Domain.Programme.ImplementationPlan> ImplementationPlans => Set<Domain.Programme.ImplementationPlan>();

    public DbSet<Domain.Programme.GrassrootsCommendation> GrassrootsCommendations => Set<Domain.Programme.GrassrootsCommendation>();

    public DbSet<ReportingPeriod> ReportingPeriods => Set<ReportingPeriod>();

    public DbSet<PeriodicReport> PeriodicReports => Set<PeriodicReport>();

    public DbSet<Domain.Users.SecuritySettings> SecuritySettings => Set<Domain.Users.SecuritySettings>();

    public DbSet<Jobs.BackgroundJob> BackgroundJobs => Set<Jobs.BackgroundJob>();

    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();

    public DbSet<SentReminder> SentReminders => Set<SentReminder>();

    public DbSet<Features.Eligibility.SuggestionRow> SuggestionRows => Set<Features.Eligibility.SuggestionRow>();

    public DbSet<Features.Eligibility.SuggestionMark> SuggestionMarks => Set<Features.Eligibility.SuggestionMark>();

    public DbSet<Features.Eligibility.SuggestionState> SuggestionStates => Set<Features.Eligibility.SuggestionState>();

    public DbSet<RateCounter> RateCounters => Set<RateCounter>();

    public DbSet<Crypto.SealedShare> SealedShares => Set<Crypto.SealedShare>();

    /// <summary>
    /// Every save is one transaction with its audit rows: when the caller has none open, one is opened here, the change and
    /// then its audit rows (written by <see cref="AuditInterceptor"/> once generated keys are known) are saved in it, and it
    /// is committed only when both succeeded.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (Database.CurrentTransaction is not null || System.Transactions.Transaction.Current is not null || !ChangeTracker.HasChanges())
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        using var transaction = Database.BeginTransaction();
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        transaction.Commit();
        return saved;
    }

    /// <inheritdoc cref="SaveChanges(bool)"/>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (Database.CurrentTransaction is not null || System.Transactions.Transaction.Current is not null || !ChangeTracker.HasChanges())
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return saved;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<Organization>(e =>
        {
            e.ToTable("organizations");
            e.HasKey(o => o.Id);
            e.Property(o => o.Code).HasMaxLength(32).IsRequired();
            e.HasIndex(o => o.Code).IsUnique();
            e.Property(o => o.Name).HasMaxLength(OrganizationRules.MaxNameLength).IsRequired();
            e.Property(o => o.SearchName).HasMaxLength(300).IsRequired();
            e.HasIndex(o => o.SearchName);
            e.Property(o => o.Path).HasMaxLength(400).IsRequired();
            e.HasIndex(o => o.Path);
            e.Property(o => o.Kind).HasConversion<string>().HasMaxLength(40);
            e.Property(o => o.HostUnitType).HasConversion<string>().HasMaxLength(40);
            e.Property(o => o.Address).HasMaxLength(300);
            e.Property(o => o.Version).IsConcurrencyToken();
            e.HasOne(o => o.Parent).WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(o => new { o.ParentId, o.Name });
            e.HasIndex(o => new { o.Kind, o.Name }); // unit pickers: the first units of a kind by name, without sorting them all
        });

        builder.Entity<AppUser>(e =>
        {
            e.Property(u => u.FullName).HasMaxLength(150).IsRequired();
            e.Property(u => u.SearchName).HasMaxLength(300).IsRequired();
            e.Property(u => u.Role).HasMaxLength(40).IsRequired();
            e.HasOne(u => u.Organization).WithMany().HasForeignKey(u => u.OrganizationId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(u => u.OrganizationId);
            e.HasIndex(u => u.SearchName);
        });

        ConfigurePlans(builder);
        ConfigurePeople(builder);
        ConfigureNominations(builder);
        ConfigureBallots(builder);
        builder.Entity<ExemplarStory>(e =>
        {
            e.ToTable("exemplar_stories");
            e.Property(x => x.Title).HasMaxLength(300).IsRequired();
            e.Property(x => x.StoryHtml).HasMaxLength(50_000).IsRequired();
            e.Property(x => x.SearchText).HasMaxLength(60_000).IsRequired();
            e.Property(x => x.ApprovedBy).HasMaxLength(256);
            e.HasIndex(x => x.NominationId).IsUnique();
            e.HasIndex(x => new { x.Approved, x.PublishedAtUtc });
            e.HasOne<Nomination>().WithMany().HasForeignKey(x => x.NominationId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.PublishedTitle).HasMaxLength(300);
            e.Property(x => x.PublishedHtml).HasMaxLength(50_000);
            e.Property(x => x.UnpublishedReason).HasMaxLength(1000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.State);
            e.HasOne<ShowcasePhoto>().WithMany().HasForeignKey(x => x.PhotoId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<ShowcasePhoto>().WithMany().HasForeignKey(x => x.PublishedPhotoId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<StoryRevision>(e =>
        {
            e.ToTable("story_revisions");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Title).HasMaxLength(300).IsRequired();
            e.Property(x => x.StoryHtml).HasMaxLength(50_000).IsRequired();
            e.Property(x => x.Reason).HasMaxLength(1000);
            e.Property(x => x.By).HasMaxLength(256).IsRequired();
            e.HasIndex(x => new { x.ExemplarStoryId, x.Id });
            e.HasOne(x => x.Story).WithMany().HasForeignKey(x => x.ExemplarStoryId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<ShowcasePhoto>().WithMany().HasForeignKey(x => x.PhotoId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<ShowcasePhoto>(e =>
        {
            e.ToTable("showcase_photos");
            e.Property(f => f.FileName).HasMaxLength(200).IsRequired();
            e.Property(f => f.ContentType).HasMaxLength(100).IsRequired();
            e.Property(f => f.Sha256).HasMaxLength(64).IsRequired();
            e.Property(f => f.StoragePath).HasMaxLength(200).IsRequired();
            e.Property(f => f.UploadedBy).HasMaxLength(256).IsRequired();
            e.HasIndex(f => f.StoragePath);
        });
        builder.Entity<DiscoveredExemplar>(e =>
        {
            e.Property(x => x.Version).IsConcurrencyToken();
            e.ToTable("discovered_exemplars");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Stage).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Name).HasMaxLength(300).IsRequired();
            e.Property(x => x.Unit).HasMaxLength(300);
            e.Property(x => x.Achievements).HasMaxLength(4000).IsRequired();
            e.Property(x => x.NurtureNote).HasMaxLength(4000);
            e.Property(x => x.RecordedBy).HasMaxLength(256).IsRequired();
            e.Property(x => x.Association).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.SendState).HasConversion<string>().HasMaxLength(20); // rows from before branches: "Kept" (the migration's default)
            e.Property(x => x.ForwardedBy).HasMaxLength(256);
            e.Property(x => x.ReturnReason).HasMaxLength(1000);
            e.HasIndex(x => new { x.OrganizationId, x.Stage });
            e.HasIndex(x => new { x.AssociationOrganizationId, x.SendState }); // the bloc association's inbox and the secretariat's view by association
            e.HasOne<Organization>().WithMany().HasForeignKey(x => x.AssociationOrganizationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<ReplicationPledge>(e =>
        {
            e.Property(x => x.Version).IsConcurrencyToken();
            e.ToTable("replication_pledges");
            e.Property(x => x.WhatToApply).HasMaxLength(2000).IsRequired();
            e.Property(x => x.PledgedBy).HasMaxLength(256).IsRequired();
            e.Property(x => x.Result).HasMaxLength(4000);
            e.HasIndex(x => new { x.ExemplarStoryId, x.OrganizationId }).IsUnique();
            e.HasIndex(x => x.OrganizationId);
            e.HasOne<ExemplarStory>().WithMany().HasForeignKey(x => x.ExemplarStoryId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_entries");
            e.HasKey(a => a.Id);
            e.Property(a => a.UserId).HasMaxLength(64);
            e.Property(a => a.UserName).HasMaxLength(256);
            e.Property(a => a.EntityType).HasMaxLength(100).IsRequired();
            e.Property(a => a.EntityId).HasMaxLength(100).IsRequired();
            e.Property(a => a.Action).HasMaxLength(20).IsRequired();
            e.HasIndex(a => a.AtUtc);
            e.HasIndex(a => new { a.EntityType, a.EntityId });
            e.HasIndex(a => a.UserId);
            e.HasIndex(a => a.OrganizationId);
        });
    }

    private static void ConfigurePlans(ModelBuilder builder)
    {
        builder.Entity<Plan>(e =>
        {
            e.Property(x => x.Version).IsConcurrencyToken();
            e.ToTable("plans");
            e.Property(p => p.Code).HasMaxLength(40).IsRequired();
            e.HasIndex(p => p.Code).IsUnique();
            e.Property(p => p.Name).HasMaxLength(1000).IsRequired();
            e.Property(p => p.Basis).HasMaxLength(500);
            e.Property(p => p.IssuerSymbol).HasMaxLength(20);
            e.Ignore(p => p.Thresholds);
            e.HasMany(p => p.Phases).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(p => p.Rounds).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(p => p.Categories).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(p => p.Criteria).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(p => p.ReportingPeriods).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ReportingPeriod>(e =>
        {
            e.Property(x => x.Version).IsConcurrencyToken();
            e.ToTable("reporting_periods");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(x => new { x.PlanId, x.Year, x.Kind }).IsUnique();
            e.HasIndex(x => x.Deadline);
            e.Ignore(x => x.Label);
        });
        builder.Entity<Phase>(e =>
        {
            e.ToTable("plan_phases");
            e.Property(p => p.Name).HasMaxLength(200).IsRequired();
            e.HasIndex(p => new { p.PlanId, p.Number }).IsUnique();
        });
        builder.Entity<Round>(e =>
        {
            e.Property(x => x.Version).IsConcurrencyToken();
            e.ToTable("rounds");
            e.Property(r => r.Code).HasMaxLength(40).IsRequired();
            e.HasIndex(r => r.Code).IsUnique();
            e.Property(r => r.Name).HasMaxLength(300).IsRequired();
            e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.CeremonyOccasion).HasMaxLength(300);
            e.Ignore(r => r.Terms);
        });
        builder.Entity<NomineeCategory>(e =>
        {
            e.ToTable("nominee_categories");
            e.Property(c => c.Code).HasMaxLength(20).IsRequired();
            e.HasIndex(c => new { c.PlanId, c.Code }).IsUnique();
            e.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.Title).HasMaxLength(500).IsRequired();
        });
        builder.Entity<Criterion>(e =>
        {
            e.ToTable("criteria");
            e.Property(c => c.Code).HasMaxLength(40).IsRequired();
            e.HasIndex(c => new { c.PlanId, c.Code, c.Version }).IsUnique();
            e.Property(c => c.Scope).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.CategoryCode).HasMaxLength(20);
            e.Property(c => c.SubGroup).HasMaxLength(300);
            e.Property(c => c.Text).HasMaxLength(4000).IsRequired();
            e.Property(c => c.CheckedByRule).HasMaxLength(40);
        });
    }

    private static void ConfigureNominations(ModelBuilder builder)
    {
        builder.Entity<Nomination>(e =>
        {
            e.ToTable("nominations");
            e.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(n => n.NomineeKey).HasMaxLength(30).IsRequired();
            e.Property(n => n.NomineeName).HasMaxLength(300).IsRequired();
            e.Property(n => n.CategoryCode).HasMaxLength(20).IsRequired();
            e.Property(n => n.Summary).HasMaxLength(4000);
            e.Property(n => n.AchievementsByYear).HasMaxLength(8000);
            e.Property(n => n.Initiatives).HasMaxLength(8000);
            e.Property(n => n.CommendationsReceived).HasMaxLength(8000);
            e.Property(n => n.ReportHtml).HasMaxLength(100_000);
            e.Property(n => n.IndeterminateExplanation).HasMaxLength(4000);
            e.Property(n => n.ReturnReason).HasMaxLength(4000);
            e.Property(n => n.ProvinceOutcome).HasConversion<string>().HasMaxLength(20);
            e.Property(n => n.ProvinceOutcomeNote).HasMaxLength(1000);
            e.HasIndex(n => n.ForwardedInDecisionId);
            e.Property(n => n.Version).IsConcurrencyToken();
            e.Ignore(n => n.Minutes);

            // The same nominee cannot be nominated twice in one round, by any unit (a withdrawn dossier frees the nominee).
            e.HasIndex(n => new { n.RoundId, n.NomineeKey }).IsUnique().HasFilter("\"Status\" <> 'Withdrawn'");
            e.HasIndex(n => new { n.OrganizationId, n.RoundId, n.Status });
            e.HasIndex(n => new { n.RoundId, n.Status });
            NominationListOrder.Configure(e);
            e.HasOne<Round>().WithMany().HasForeignKey(n => n.RoundId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organization>().WithMany().HasForeignKey(n => n.OrganizationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Person>().WithMany().HasForeignKey(n => n.PersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organization>().WithMany().HasForeignKey(n => n.CollectiveId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(n => n.Evidence).WithOne().HasForeignKey(f => f.NominationId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(n => n.Versions).WithOne().HasForeignKey(v => v.NominationId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<EvidenceFile>(e =>
        {
            e.ToTable("evidence_files");
            e.Property(f => f.CriterionCode).HasMaxLength(40);
            e.Property(f => f.FileName).HasMaxLength(200).IsRequired();
            e.Property(f => f.ContentType).HasMaxLength(100).IsRequired();
            e.Property(f => f.Sha256).HasMaxLength(64).IsRequired();
            e.Property(f => f.StoragePath).HasMaxLength(200).IsRequired();
        });
        builder.Entity<NominationVersion>(e =>
        {
            e.ToTable("nomination_versions");
            e.Property(v => v.SubmittedBy).HasMaxLength(256).IsRequired();
            e.HasIndex(v => new { v.NominationId, v.Number }).IsUnique();
        });
        builder.Entity<SentFile>(e =>
        {
            e.ToTable("sent_files");
            e.Property(f => f.CriterionCode).HasMaxLength(40);
            e.Property(f => f.FileName).HasMaxLength(200).IsRequired();
            e.Property(f => f.ContentType).HasMaxLength(100).IsRequired();
            e.Property(f => f.Sha256).HasMaxLength(64).IsRequired();
            e.Property(f => f.StoragePath).HasMaxLength(200).IsRequired();
            e.HasIndex(f => f.StoragePath);
            e.HasOne(f => f.Version).WithMany().HasForeignKey(f => f.NominationVersionId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<DeadlineExtension>(e =>
        {
            e.ToTable("deadline_extensions");
            e.Property(x => x.Reason).HasMaxLength(1000).IsRequired();
            e.Property(x => x.GrantedBy).HasMaxLength(256).IsRequired();
            e.HasIndex(x => new { x.RoundId, x.OrganizationId });
        });
        builder.Entity<Exemplars.Domain.Integration.WebhookDelivery>(e =>
        {
            e.ToTable("webhook_deliveries");
            e.Property(x => x.Event).HasMaxLength(64).IsRequired();
            e.Property(x => x.Url).HasMaxLength(500).IsRequired();
            e.Property(x => x.Payload).IsRequired();
            e.Property(x => x.LastError).HasMaxLength(500);
            e.HasIndex(x => x.DeliveryId).IsUnique();
            e.HasIndex(x => x.NextAttemptAtUtc); // the job's due query
            e.HasIndex(x => new { x.Event, x.Id }); // the log filtered by event, newest first
        });
        builder.Entity<Notification>(e =>
        {
            e.ToTable("notifications");
            e.Property(x => x.Roles).HasMaxLength(200).IsRequired();
            e.Property(x => x.Text).HasMaxLength(1000).IsRequired();
            e.Property(x => x.Link).HasMaxLength(300);
            e.HasIndex(x => new { x.OrganizationId, x.Id });
            e.Property(x => x.EmailError).HasMaxLength(500);
            e.HasIndex(x => new { x.EmailedAtUtc, x.CreatedAtUtc });
        });
        builder.Entity<Features.Eligibility.SuggestionRow>(e =>
        {
            // A read model (ADR 014): kinds and statuses as numbers, keys as bytes in Vietnamese order, one index per sort.
            e.ToTable("suggestion_rows");
            e.HasKey(x => new { x.RoundId, x.Kind, x.SubjectId });
            e.HasOne<Round>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Name).HasMaxLength(300).IsRequired();
            e.Property(x => x.OrganizationName).HasMaxLength(300).IsRequired();
            e.Property(x => x.Category).HasMaxLength(20).IsRequired();
            e.Property(x => x.NameKey).IsRequired();
            e.Property(x => x.OrganizationKey).IsRequired();
            e.Property(x => x.CategoryKey).IsRequired();
            e.Property(x => x.Reasons).IsRequired();
            e.HasIndex(x => new { x.RoundId, x.Status, x.Kind, x.OrganizationKey, x.NameKey, x.SubjectId });
            e.HasIndex(x => new { x.RoundId, x.Status, x.NameKey, x.Kind, x.SubjectId });
            e.HasIndex(x => new { x.RoundId, x.Status, x.OrganizationKey, x.Kind, x.SubjectId });
            e.HasIndex(x => new { x.RoundId, x.Status, x.CategoryKey, x.Kind, x.SubjectId });
            e.HasIndex(x => new { x.OrganizationId, x.RoundId, x.Status });
            e.HasIndex(x => new { x.Kind, x.SubjectId });
            e.HasIndex(x => x.Generation);
        });
        builder.Entity<Features.Eligibility.SuggestionMark>(e =>
        {
            e.ToTable("suggestion_marks");
        });
        builder.Entity<Features.Eligibility.SuggestionState>(e =>
        {
            e.ToTable("suggestion_state");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.SortKeyVersion).HasMaxLength(100).IsRequired();
        });
        builder.Entity<Domain.Users.SecuritySettings>(e =>
        {
            e.ToTable("security_settings");
            e.Property(x => x.Id).ValueGeneratedNever();
        });
        builder.Entity<Jobs.BackgroundJob>(e =>
        {
            e.ToTable("background_jobs");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Kind).HasMaxLength(40).IsRequired();
            e.Property(x => x.OwnerUserId).HasMaxLength(450).IsRequired();
            e.Property(x => x.Argument).HasMaxLength(300);
            e.Property(x => x.InputAddress).HasMaxLength(200);
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Stage).HasMaxLength(200).IsRequired();
            e.Property(x => x.OutputAddress).HasMaxLength(200);
            e.Property(x => x.OutputName).HasMaxLength(300);
            e.Property(x => x.OutputContentType).HasMaxLength(100);
            e.HasIndex(x => new { x.State, x.CreatedAtUtc });
            e.HasIndex(x => x.OwnerUserId);
        });
        builder.Entity<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>(e =>
        {
            e.ToTable("data_protection_keys");
            e.Property(x => x.FriendlyName).HasMaxLength(100);
        });
        builder.Entity<Auth.UsedRefreshToken>(e =>
        {
            e.ToTable("used_refresh_tokens");
            e.HasKey(x => x.TokenHash);
            e.Property(x => x.TokenHash).HasMaxLength(64);
            e.Property(x => x.UserId).HasMaxLength(450).IsRequired();
            e.HasIndex(x => x.ExpiresAtUtc);
        });
        builder.Entity<SentReminder>(e =>
        {
            e.ToTable("sent_reminders");
            e.Property(x => x.Key).HasMaxLength(100).IsRequired();
            e.HasIndex(x => x.Key).IsUnique();
        });
        builder.Entity<PeriodicReport>(e =>
        {
            e.ToTable("periodic_reports");
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Narrative).HasMaxLength(20_000).IsRequired();
            e.Property(x => x.ReturnReason).HasMaxLength(1000);
            e.Property(x => x.SubmittedBy).HasMaxLength(256);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.Figures);
            e.HasIndex(x => new { x.ReportingPeriodId, x.OrganizationId }).IsUnique();
            e.HasIndex(x => x.OrganizationId);
            e.HasOne<ReportingPeriod>().WithMany().HasForeignKey(x => x.ReportingPeriodId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        });
    }

    private static void ConfigureBallots(ModelBuilder builder)
    {
        builder.Entity<VerificationItem>(e =>
        {
            e.ToTable("verification_items");
            e.Property(v => v.CriterionCode).HasMaxLength(40).IsRequired();
            e.Property(v => v.Result).HasConversion<string>().HasMaxLength(20);
            e.Property(v => v.Note).HasMaxLength(2000);
            e.Property(v => v.CheckedBy).HasMaxLength(256).IsRequired();
            e.HasIndex(v => new { v.NominationId, v.CriterionCode }).IsUnique();
            e.HasOne<Nomination>().WithMany().HasForeignKey(v => v.NominationId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<Domain.Review.VerificationRecord>(e =>
        {
            e.ToTable("verification_records");
            e.Property(v => v.Outcome).HasConversion<string>().HasMaxLength(20);
            e.Property(v => v.ItemsJson).HasMaxLength(200_000).IsRequired();
            e.Property(v => v.CheckedBy).HasMaxLength(256).IsRequired();
            e.HasIndex(v => new { v.NominationId, v.SubmissionNumber });
            e.HasOne<Nomination>().WithMany().HasForeignKey(v => v.NominationId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<Ballot>(e =>
        {
            e.ToTable("ballots");
            e.Property(b => b.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(b => b.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(b => b.Title).HasMaxLength(300).IsRequired();
            e.Property(b => b.OpenedBy).HasMaxLength(256).IsRequired();
            e.Property(b => b.PublicKey).HasMaxLength(33).IsRequired();
            e.HasIndex(b => new { b.RoundId, b.Status });
            e.HasMany(b => b.Trustees).WithOne().HasForeignKey(t => t.BallotId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Round>().WithMany().HasForeignKey(b => b.RoundId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(b => b.Candidates).WithOne().HasForeignKey(c => c.BallotId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<BallotCandidate>(e =>
        {
            e.ToTable("ballot_candidates");
            e.HasIndex(c => new { c.BallotId, c.NominationId }).IsUnique();
            e.HasOne<Nomination>().WithMany().HasForeignKey(c => c.NominationId).OnDelete(DeleteBehavior.Restrict);
        });

        // The voter roll and the ballot box share only the ballot id: nothing links a member to a choice.
        builder.Entity<BallotVoter>(e =>
        {
            e.ToTable("ballot_voters");
            e.Property(v => v.UserId).HasMaxLength(64).IsRequired();
            e.HasIndex(v => new { v.BallotId, v.UserId }).IsUnique();
            e.HasOne<Ballot>().WithMany().HasForeignKey(v => v.BallotId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<BallotVote>(e =>
        {
            e.ToTable("ballot_box");
            e.Property(v => v.Id).ValueGeneratedNever();
            e.Property(v => v.Ciphertext).HasMaxLength(66).IsRequired();
            e.HasIndex(v => new { v.BallotId, v.NominationId });
            e.HasOne<Ballot>().WithMany().HasForeignKey(v => v.BallotId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<BallotTrustee>(e =>
        {
            e.ToTable("ballot_trustees");
            e.Property(t => t.UserId).HasMaxLength(64).IsRequired();
            e.Property(t => t.ShareCheck).HasMaxLength(33).IsRequired();
            e.HasIndex(t => new { t.BallotId, t.UserId }).IsUnique();
            e.HasIndex(t => new { t.BallotId, t.ShareIndex }).IsUnique();
        });
        builder.Entity<Decision>(e =>
        {
            e.ToTable("decisions");
            e.Property(d => d.Issuer).HasMaxLength(20).IsRequired();
            e.Property(d => d.Type).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.Title).HasMaxLength(500).IsRequired();
            e.Property(d => d.Signer).HasMaxLength(150).IsRequired();
            e.Property(d => d.CreatedBy).HasMaxLength(256).IsRequired();
            e.Ignore(d => d.DocumentNumber);
            e.HasIndex(d => new { d.Issuer, d.Type, d.Term, d.Number }).IsUnique();
            e.HasMany(d => d.Awards).WithOne().HasForeignKey(a => a.DecisionId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<SelectionOverride>(e =>
        {
            e.ToTable("selection_overrides");
            e.Property(o => o.Justification).HasMaxLength(2000).IsRequired();
            e.Property(o => o.DecidedBy).HasMaxLength(256).IsRequired();
            e.HasIndex(o => new { o.RoundId, o.NominationId });
        });
        builder.Entity<CommentPeriod>(e =>
        {
            e.ToTable("comment_periods");
            e.Property(p => p.OpenedBy).HasMaxLength(256).IsRequired();
            e.HasMany(p => p.Candidates).WithOne().HasForeignKey(c => c.CommentPeriodId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(p => new { p.StartsOn, p.EndsOn });
        });
        builder.Entity<CommentPeriodCandidate>(e =>
        {
            e.ToTable("comment_period_candidates");
            e.HasIndex(c => new { c.CommentPeriodId, c.NominationId }).IsUnique();
        });
        builder.Entity<PublicComment>(e =>
        {
            e.ToTable("public_comments");
            e.Property(c => c.AuthorName).HasMaxLength(150);
            e.Property(c => c.AuthorContact).HasMaxLength(150);
            e.Property(c => c.Text).HasMaxLength(4000).IsRequired();
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.Handling).HasMaxLength(2000);
            e.Property(c => c.HandledBy).HasMaxLength(256);
            e.HasIndex(c => new { c.Status, c.Id });
            e.HasIndex(c => c.NominationId);
        });
        builder.Entity<Award>(e =>
        {
            e.ToTable("awards");
            e.Property(a => a.RecipientName).HasMaxLength(300).IsRequired();
            e.Property(a => a.AwardType).HasMaxLength(300).IsRequired();
            e.HasIndex(a => a.PersonId);
            e.HasIndex(a => a.OrganizationId);
            e.HasIndex(a => a.NominationId);
        });
    }

    private static void ConfigurePeople(ModelBuilder builder)
    {
        builder.Entity<Person>(e =>
        {
            e.ToTable("people");
            e.Property(p => p.Code).HasMaxLength(40).IsRequired();
            e.HasIndex(p => p.Code).IsUnique();
            e.Property(p => p.FullName).HasMaxLength(150).IsRequired();
            e.Property(p => p.SearchName).HasMaxLength(300).IsRequired();
            e.HasIndex(p => p.SearchName);
            e.Property(p => p.Gender).HasConversion<string>().HasMaxLength(10);
            e.Property(p => p.Ethnicity).HasMaxLength(50);
            e.Property(p => p.Position).HasMaxLength(200);
            e.Property(p => p.FieldCategoryCode).HasMaxLength(20);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.HasOne(p => p.Organization).WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(p => p.LedOrganization).WithMany().HasForeignKey(p => p.LedOrganizationId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(p => new { p.OrganizationId, p.FullName });
            e.HasMany(p => p.Ratings).WithOne().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(p => p.Disciplines).WithOne().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<PersonRating>(e =>
        {
            e.ToTable("person_ratings");
            e.Property(r => r.Rating).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasIndex(r => new { r.PersonId, r.Year }).IsUnique();
        });
        builder.Entity<CollectiveRating>(e =>
        {
            e.ToTable("collective_ratings");
            e.Property(r => r.Rating).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.Property(r => r.Body).HasConversion<string>().HasMaxLength(30);
            e.HasIndex(r => new { r.OrganizationId, r.Year, r.Body }).IsUnique();
            e.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<DisciplineRecord>(e =>
        {
            e.ToTable("discipline_records");
            e.Property(d => d.Form).HasMaxLength(200).IsRequired();
            e.Property(d => d.Note).HasMaxLength(1000);
            e.HasIndex(d => new { d.PersonId, d.Year });
        });
        Documents.IssuerModel.Configure(builder);
        Documents.BlocReportModel.Configure(builder);
        CeremonyModel.Configure(builder);
        ProgrammeModel.Configure(builder);
        StoredFileModel.Configure(builder);
        SharedStateModel.Configure(builder);
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        NominationListOrder.ConfigureSqlite(builder);
    }
}

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        PersonNameKey.ConfigurePostgres(builder);
    }
}
