using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exemplars.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NominationListOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RoundYear",
                table: "nominations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "UnitCode",
                table: "nominations",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            // Issue 14, ADR 015: copies of the round year and unit code, kept by triggers (NominationListOrder).
            foreach (var sql in Data.NominationListOrder.SqliteUp)
            {
                migrationBuilder.Sql(sql);
            }

            migrationBuilder.CreateIndex(
                name: "IX_nominations_list_order",
                table: "nominations",
                columns: new[] { "RoundYear", "UnitCode", "NomineeName", "Id" },
                descending: new[] { true, false, false, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in Data.NominationListOrder.SqliteDown)
            {
                migrationBuilder.Sql(sql);
            }

            migrationBuilder.DropIndex(
                name: "IX_nominations_list_order",
                table: "nominations");

            migrationBuilder.DropColumn(
                name: "RoundYear",
                table: "nominations");

            migrationBuilder.DropColumn(
                name: "UnitCode",
                table: "nominations");
        }
    }
}
