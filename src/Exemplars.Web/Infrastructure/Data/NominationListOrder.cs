using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Exemplars.Web.Infrastructure.Data;

/// <summary>
/// Issue 14: the nominations list's default order — latest round first, then unit code, nominee name and id — spans
/// three tables, so at national scale (≈ 100,000 dossiers) every page sorted every visible dossier. Two columns on
/// <c>nominations</c> copy the round's last rating year and the unit's code; one index in that order serves the first
/// page by reading 20–50 index entries. The database keeps the copies itself (triggers, ADR 015): on a nomination's
/// insert or move, when a round's year changes and when a unit's code changes — whichever way the write arrives (EF,
/// an import, SQL by hand). EF never writes them.
/// </summary>
public static class NominationListOrder
{
    public const string RoundYear = "RoundYear";
    public const string UnitCode = "UnitCode";
    public const string IndexName = "IX_nominations_list_order";

    public static void Configure(EntityTypeBuilder<Domain.Nominations.Nomination> e)
    {
        foreach (var property in new[] { e.Property<int>(RoundYear).HasDefaultValue(0).Metadata, e.Property<string>(UnitCode).HasMaxLength(32).HasDefaultValue(string.Empty).IsRequired().Metadata })
        {
            property.SetBeforeSaveBehavior(PropertySaveBehavior.Ignore);
            property.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
        }

        e.HasIndex(RoundYear, UnitCode, nameof(Domain.Nominations.Nomination.NomineeName), nameof(Domain.Nominations.Nomination.Id))
            .IsDescending(true, false, false, false)
            .HasDatabaseName(IndexName);
    }

    /// <summary>
    /// SQLite answers RETURNING with the row as it was before AFTER triggers ran, and EF refuses tables with AFTER
    /// triggers there: the three tables that carry the triggers save without RETURNING on SQLite.
    /// </summary>
    public static void ConfigureSqlite(ModelBuilder builder)
    {
        builder.Entity<Domain.Nominations.Nomination>().ToTable(t => t.UseSqlReturningClause(false));
        builder.Entity<Domain.Plans.Round>().ToTable(t => t.UseSqlReturningClause(false));
        builder.Entity<Domain.Organizations.Organization>().ToTable(t => t.UseSqlReturningClause(false));
    }

    public const string PostgresUp = """
        UPDATE nominations n SET "RoundYear" = r."LastRatingYear", "UnitCode" = o."Code"
        FROM rounds r, organizations o WHERE r."Id" = n."RoundId" AND o."Id" = n."OrganizationId";

        CREATE FUNCTION nominations_list_order() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW."RoundYear" := (SELECT "LastRatingYear" FROM rounds WHERE "Id" = NEW."RoundId");
            NEW."UnitCode" := (SELECT "Code" FROM organizations WHERE "Id" = NEW."OrganizationId");
            RETURN NEW;
        END $$;
        CREATE TRIGGER nominations_list_order BEFORE INSERT OR UPDATE OF "RoundId", "OrganizationId", "RoundYear", "UnitCode" ON nominations
            FOR EACH ROW EXECUTE FUNCTION nominations_list_order();

        CREATE FUNCTION rounds_list_order() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE nominations SET "RoundYear" = NEW."LastRatingYear" WHERE "RoundId" = NEW."Id";
            RETURN NULL;
        END $$;
        CREATE TRIGGER rounds_list_order AFTER UPDATE OF "LastRatingYear" ON rounds
            FOR EACH ROW WHEN (OLD."LastRatingYear" IS DISTINCT FROM NEW."LastRatingYear") EXECUTE FUNCTION rounds_list_order();

        CREATE FUNCTION organizations_list_order() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE nominations SET "UnitCode" = NEW."Code" WHERE "OrganizationId" = NEW."Id";
            RETURN NULL;
        END $$;
        CREATE TRIGGER organizations_list_order AFTER UPDATE OF "Code" ON organizations
            FOR EACH ROW WHEN (OLD."Code" IS DISTINCT FROM NEW."Code") EXECUTE FUNCTION organizations_list_order();
        """;

    public const string PostgresDown = """
        DROP TRIGGER IF EXISTS organizations_list_order ON organizations;
        DROP TRIGGER IF EXISTS rounds_list_order ON rounds;
        DROP TRIGGER IF EXISTS nominations_list_order ON nominations;
        DROP FUNCTION IF EXISTS organizations_list_order();
        DROP FUNCTION IF EXISTS rounds_list_order();
        DROP FUNCTION IF EXISTS nominations_list_order();
        """;

    // SQLite triggers cannot assign NEW, so the nomination's own copies are set by an UPDATE after the write; the
    // trigger's UPDATE does not count in changes(), so EF's concurrency check still sees one row.
    public static readonly string[] SqliteUp =
    [
        """UPDATE nominations SET "RoundYear" = (SELECT "LastRatingYear" FROM rounds WHERE "Id" = nominations."RoundId"), "UnitCode" = (SELECT "Code" FROM organizations WHERE "Id" = nominations."OrganizationId");""",
        """
        CREATE TRIGGER nominations_list_order_insert AFTER INSERT ON nominations BEGIN
            UPDATE nominations SET "RoundYear" = (SELECT "LastRatingYear" FROM rounds WHERE "Id" = NEW."RoundId"),
                "UnitCode" = (SELECT "Code" FROM organizations WHERE "Id" = NEW."OrganizationId") WHERE "Id" = NEW."Id";
        END;
        """,
        """
        CREATE TRIGGER nominations_list_order_update AFTER UPDATE OF "RoundId", "OrganizationId", "RoundYear", "UnitCode" ON nominations BEGIN
            UPDATE nominations SET "RoundYear" = (SELECT "LastRatingYear" FROM rounds WHERE "Id" = NEW."RoundId"),
                "UnitCode" = (SELECT "Code" FROM organizations WHERE "Id" = NEW."OrganizationId")
            WHERE "Id" = NEW."Id" AND ("RoundYear" IS NOT (SELECT "LastRatingYear" FROM rounds WHERE "Id" = NEW."RoundId")
                OR "UnitCode" IS NOT (SELECT "Code" FROM organizations WHERE "Id" = NEW."OrganizationId"));
        END;
        """,
        """
        CREATE TRIGGER rounds_list_order AFTER UPDATE OF "LastRatingYear" ON rounds WHEN OLD."LastRatingYear" IS NOT NEW."LastRatingYear" BEGIN
            UPDATE nominations SET "RoundYear" = NEW."LastRatingYear" WHERE "RoundId" = NEW."Id";
        END;
        """,
        """
        CREATE TRIGGER organizations_list_order AFTER UPDATE OF "Code" ON organizations WHEN OLD."Code" IS NOT NEW."Code" BEGIN
            UPDATE nominations SET "UnitCode" = NEW."Code" WHERE "OrganizationId" = NEW."Id";
        END;
        """,
    ];

    public static readonly string[] SqliteDown =
    [
        "DROP TRIGGER IF EXISTS organizations_list_order;",
        "DROP TRIGGER IF EXISTS rounds_list_order;",
        "DROP TRIGGER IF EXISTS nominations_list_order_update;",
        "DROP TRIGGER IF EXISTS nominations_list_order_insert;",
    ];
}
