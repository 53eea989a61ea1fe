using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exemplars.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Issue 14. Name search is LIKE '%…%' over the folded SearchName (Features/Common/TextSearch.cs): a trigram
            // index answers it. pg_trgm is a trusted extension (PostgreSQL 13+), so the database owner may create it;
            // where the app's role may not, the indexes are skipped and search stays a sequential scan (a notice says so).
            migrationBuilder.Sql("""
                DO $$
                BEGIN
                    BEGIN
                        CREATE EXTENSION IF NOT EXISTS pg_trgm;
                    EXCEPTION WHEN insufficient_privilege OR feature_not_supported OR undefined_file THEN
                        RAISE NOTICE 'pg_trgm is not available: name search is not indexed';
                    END;
                    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
                        CREATE INDEX IF NOT EXISTS "IX_people_SearchName_trgm" ON people USING gin ("SearchName" gin_trgm_ops);
                        CREATE INDEX IF NOT EXISTS "IX_organizations_SearchName_trgm" ON organizations USING gin ("SearchName" gin_trgm_ops);
                        CREATE INDEX IF NOT EXISTS "IX_AspNetUsers_SearchName_trgm" ON "AspNetUsers" USING gin ("SearchName" gin_trgm_ops);
                    END IF;
                END $$;
                """);

            // The scope filter is Path LIKE '/1/2/%'. A plain b-tree serves LIKE only under the C collation; the pattern
            // operator class serves it under any database collation.
            migrationBuilder.Sql("""CREATE INDEX IF NOT EXISTS "IX_organizations_Path_pattern" ON organizations ("Path" varchar_pattern_ops);""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS "IX_organizations_Path_pattern";
                DROP INDEX IF EXISTS "IX_AspNetUsers_SearchName_trgm";
                DROP INDEX IF EXISTS "IX_organizations_SearchName_trgm";
                DROP INDEX IF EXISTS "IX_people_SearchName_trgm";
                """);
        }
    }
}
