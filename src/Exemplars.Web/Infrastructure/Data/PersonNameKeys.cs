using Microsoft.EntityFrameworkCore;

namespace Exemplars.Web.Infrastructure.Data;

/// <summary>
/// One row per word of a person's folded name (<c>SearchName</c>: the name and the code): the name from that word on
/// ("nguyen van hung dv00012", "van hung dv00012", "hung dv00012", "dv00012"). Issue 14, ADR 017: a search "from the
/// start of a word" is then a range of one B-tree index on PostgreSQL, read in the order it lists the results in, so a
/// page of a name shared by thousands of people at 5 million reads 20 entries instead of every match. PostgreSQL keeps
/// the rows itself (a trigger on <c>people</c>, whichever way the write arrives; rows go with the person); EF never
/// writes them and SQLite has no such table (its scale is a bloc; it searches the column).
/// </summary>
public sealed class PersonNameKey
{
    public int PersonId { get; set; }

    /// <summary>The word's place in the name, from 1.</summary>
    public short Position { get; set; }

    /// <summary>The folded name from that word on, compared byte by byte (collation "C").</summary>
    public string Key { get; set; } = string.Empty;

    public const string Table = "person_name_keys";

    public static void ConfigurePostgres(ModelBuilder builder) => builder.Entity<PersonNameKey>(e =>
    {
        e.ToTable(Table, t => t.ExcludeFromMigrations());
        e.HasKey(k => new { k.PersonId, k.Position });
        e.Property(k => k.Key).HasMaxLength(300).UseCollation("C");
    });

    /// <summary>The rows of every person whose name, from one of its words on, gives the keys (the migration's fill; the
    /// benchmark's generator, which does not reference the app, writes the same statement for its new people).</summary>
    public const string PostgresFill = """
        INSERT INTO person_name_keys ("PersonId", "Position", "Key")
        SELECT p."Id", g.n::smallint, array_to_string(s.words[g.n:], ' ')
        FROM people p
        CROSS JOIN LATERAL (SELECT string_to_array(p."SearchName", ' ') AS words) s
        CROSS JOIN LATERAL generate_series(1, coalesce(cardinality(s.words), 0)) AS g(n)
        WHERE s.words[g.n] <> '';
        """;

    public const string PostgresUp = """
        CREATE TABLE person_name_keys (
            "PersonId" integer NOT NULL,
            "Position" smallint NOT NULL,
            "Key" character varying(300) COLLATE "C" NOT NULL);
        """ + PostgresFill + """

        -- The key, the index and the reference come after the fill: checked row by row, 20 million keys took 17 minutes.
        ALTER TABLE person_name_keys ADD CONSTRAINT "PK_person_name_keys" PRIMARY KEY ("PersonId", "Position");
        ALTER TABLE person_name_keys ADD CONSTRAINT "FK_person_name_keys_people_PersonId" FOREIGN KEY ("PersonId") REFERENCES people ("Id") ON DELETE CASCADE;
        CREATE INDEX "IX_person_name_keys_Key_PersonId" ON person_name_keys ("Key", "PersonId");
        ANALYZE person_name_keys;

        CREATE FUNCTION person_name_keys_keep() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'UPDATE' THEN
                IF NEW."SearchName" IS NOT DISTINCT FROM OLD."SearchName" AND NEW."Id" = OLD."Id" THEN
                    RETURN NULL;
                END IF;
                DELETE FROM person_name_keys WHERE "PersonId" = OLD."Id";
            END IF;
            INSERT INTO person_name_keys ("PersonId", "Position", "Key")
            SELECT NEW."Id", g.n::smallint, array_to_string(s.words[g.n:], ' ')
            FROM (SELECT string_to_array(NEW."SearchName", ' ') AS words) s
            CROSS JOIN LATERAL generate_series(1, coalesce(cardinality(s.words), 0)) AS g(n)
            WHERE s.words[g.n] <> '';
            RETURN NULL;
        END $$;
        CREATE TRIGGER person_name_keys_keep AFTER INSERT OR UPDATE OF "SearchName", "Id" ON people
            FOR EACH ROW EXECUTE FUNCTION person_name_keys_keep();

        DROP INDEX IF EXISTS "IX_people_SearchName_words";
        """;

    public const string PostgresDown = """
        DROP TRIGGER IF EXISTS person_name_keys_keep ON people;
        DROP FUNCTION IF EXISTS person_name_keys_keep();
        DROP TABLE IF EXISTS person_name_keys;
        CREATE INDEX IF NOT EXISTS "IX_people_SearchName_words" ON people USING gin (to_tsvector('simple', "SearchName"));
        """;
}
