using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exemplars.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PersonNameKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Issue 14, ADR 017: people searched from a word start through one B-tree range, in its order; replaces the
            // word index of PeopleWordSearch.
            migrationBuilder.Sql(PersonNameKey.PostgresUp);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(PersonNameKey.PostgresDown);
        }
    }
}
