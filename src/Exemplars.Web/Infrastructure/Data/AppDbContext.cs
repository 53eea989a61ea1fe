using Exemplars.Domain.Auditing;
using Exemplars.Domain.Organizations;
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
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
