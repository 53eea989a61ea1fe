using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exemplars.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IntegrityData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Nothing to add here: PostgreSQL has no INSERT OR REPLACE, and an upsert over an audit row fires the update
            // trigger of AuditAppendOnly. The set keeps the same migrations as SQLite's (see the SQLite IntegrityData).
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
