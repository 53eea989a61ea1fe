using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exemplars.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PeopleWordSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Issue 14, ADR 015: people are searched from a word start; a word index (full-text, 'simple': no stemming,
            // the column is already folded) narrows that search, where the trigram index scanned hundreds of thousands
            // of entries for common words at 5 million people. Organisations and users keep the trigram index.
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS "IX_people_SearchName_trgm";
                CREATE INDEX IF NOT EXISTS "IX_people_SearchName_words" ON people USING gin (to_tsvector('simple', "SearchName"));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS "IX_people_SearchName_words";
                DO $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
                        CREATE INDEX IF NOT EXISTS "IX_people_SearchName_trgm" ON people USING gin ("SearchName" gin_trgm_ops);
                    END IF;
                END $$;
                """);
        }
    }
}
