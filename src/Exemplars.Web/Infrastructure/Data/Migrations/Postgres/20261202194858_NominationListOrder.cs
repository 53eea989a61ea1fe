using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exemplars.Web.Infrastructure.Data.Migrations.Postgres
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "UnitCode",
                table: "nominations",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            // Issue 14, ADR 015: copies of the round year and unit code, kept by triggers (NominationListOrder).
            migrationBuilder.Sql(Data.NominationListOrder.PostgresUp);

            migrationBuilder.CreateIndex(
                name: "IX_nominations_list_order",
                table: "nominations",
                columns: new[] { "RoundYear", "UnitCode", "NomineeName", "Id" },
                descending: new[] { true, false, false, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Data.NominationListOrder.PostgresDown);

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
