using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exemplars.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Issue 14: the PostgreSQL set adds trigram indexes for name search and a pattern index for the scope prefix.
            // SQLite has neither: LIKE '%…%' is a scan there (FTS5 would be the tool), and the embedded database serves
            // one bloc's demo and small installations. Kept so both sets stay in step (MigrationsTests).
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
