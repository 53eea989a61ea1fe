using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Exemplars.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BallotSecrecy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Choice",
                table: "ballot_box");

            migrationBuilder.AddColumn<int>(
                name: "EligibleVoters",
                table: "ballots",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "PublicKey",
                table: "ballots",
                type: "bytea",
                maxLength: 33,
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.AddColumn<bool>(
                name: "QuorumMet",
                table: "ballots",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Threshold",
                table: "ballots",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Voted",
                table: "ballots",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Approvals",
                table: "ballot_candidates",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Disapprovals",
                table: "ballot_candidates",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Passed",
                table: "ballot_candidates",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "Ciphertext",
                table: "ballot_box",
                type: "bytea",
                maxLength: 66,
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.CreateTable(
                name: "ballot_trustees",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BallotId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ShareIndex = table.Column<int>(type: "integer", nullable: false),
                    ShareCheck = table.Column<byte[]>(type: "bytea", maxLength: 33, nullable: false),
                    ShareKept = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ballot_trustees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ballot_trustees_ballots_BallotId",
                        column: x => x.BallotId,
                        principalTable: "ballots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ballot_trustees_BallotId_ShareIndex",
                table: "ballot_trustees",
                columns: new[] { "BallotId", "ShareIndex" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ballot_trustees_BallotId_UserId",
                table: "ballot_trustees",
                columns: new[] { "BallotId", "UserId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ballot_trustees");

            migrationBuilder.DropColumn(
                name: "EligibleVoters",
                table: "ballots");

            migrationBuilder.DropColumn(
                name: "PublicKey",
                table: "ballots");

            migrationBuilder.DropColumn(
                name: "QuorumMet",
                table: "ballots");

            migrationBuilder.DropColumn(
                name: "Threshold",
                table: "ballots");

            migrationBuilder.DropColumn(
                name: "Voted",
                table: "ballots");

            migrationBuilder.DropColumn(
                name: "Approvals",
                table: "ballot_candidates");

            migrationBuilder.DropColumn(
                name: "Disapprovals",
                table: "ballot_candidates");

            migrationBuilder.DropColumn(
                name: "Passed",
                table: "ballot_candidates");

            migrationBuilder.DropColumn(
                name: "Ciphertext",
                table: "ballot_box");

            migrationBuilder.AddColumn<string>(
                name: "Choice",
                table: "ballot_box",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");
        }
    }
}
