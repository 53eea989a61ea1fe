using Exemplars.Domain.Auditing;
using Exemplars.Domain.Organizations;
using Exemplars.Domain.People;
using Exemplars.Domain.Plans;
using Exemplars.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Infrastructure.Data;

/// <summary>The one model. Provider-specific subclasses exist only so each provider has its own migration set.</summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser, IdentityRole, string>(options)
{
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
            e.ToTable("plans");
            e.Property(p => p.Code).HasMaxLength(40).IsRequired();
            e.HasIndex(p => p.Code).IsUnique();
            e.Property(p => p.Name).HasMaxLength(1000).IsRequired();
            e.Property(p => p.Basis).HasMaxLength(500);
            e.HasMany(p => p.Phases).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(p => p.Rounds).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(p => p.Categories).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(p => p.Criteria).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<Phase>(e =>
        {
            e.ToTable("plan_phases");
            e.Property(p => p.Name).HasMaxLength(200).IsRequired();
            e.HasIndex(p => new { p.PlanId, p.Number }).IsUnique();
        });
        builder.Entity<Round>(e =>
        {
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
            e.HasIndex(r => new { r.PersonId, r.Year }).IsUnique();
        });
        builder.Entity<CollectiveRating>(e =>
        {
            e.ToTable("collective_ratings");
            e.Property(r => r.Rating).HasConversion<string>().HasMaxLength(20);
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
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
