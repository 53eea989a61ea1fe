using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Exemplars.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Documents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_decisions_Issuer_Year_Number",
                table: "decisions");

            migrationBuilder.AddColumn<string>(
                name: "IssuedNumber",
                table: "plans",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "IssuedOn",
                table: "plans",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Term",
                table: "decisions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "issuers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Symbol = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SuperiorLine = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SigningOrgan = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OrganName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Place = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SuperiorOrgan = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    PartyName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    AdvisingBoard = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    DecisionRecipients = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SubmissionRecipients = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ReportRecipients = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_issuers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "issuer_officers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IssuerId = table.Column<int>(type: "integer", nullable: false),
                    FullName = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    Position = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Signs = table.Column<bool>(type: "boolean", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    Until = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_issuer_officers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_issuer_officers_issuers_IssuerId",
                        column: x => x.IssuerId,
                        principalTable: "issuers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "issuer_terms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IssuerId = table.Column<int>(type: "integer", nullable: false),
                    Label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_issuer_terms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_issuer_terms_issuers_IssuerId",
                        column: x => x.IssuerId,
                        principalTable: "issuers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Documents issued before terms were recorded counted per calendar year: that year is their term.
            migrationBuilder.Sql("UPDATE decisions SET \"Term\" = \"Year\"");

            migrationBuilder.CreateIndex(
                name: "IX_decisions_Issuer_Type_Term_Number",
                table: "decisions",
                columns: new[] { "Issuer", "Type", "Term", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_issuer_officers_IssuerId",
                table: "issuer_officers",
                column: "IssuerId");

            migrationBuilder.CreateIndex(
                name: "IX_issuer_terms_IssuerId_StartsOn",
                table: "issuer_terms",
                columns: new[] { "IssuerId", "StartsOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_issuers_Symbol",
                table: "issuers",
                column: "Symbol",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "issuer_officers");

            migrationBuilder.DropTable(
                name: "issuer_terms");

            migrationBuilder.DropTable(
                name: "issuers");

            migrationBuilder.DropIndex(
                name: "IX_decisions_Issuer_Type_Term_Number",
                table: "decisions");

            migrationBuilder.DropColumn(
                name: "IssuedNumber",
                table: "plans");

            migrationBuilder.DropColumn(
                name: "IssuedOn",
                table: "plans");

            migrationBuilder.DropColumn(
                name: "Term",
                table: "decisions");

            migrationBuilder.CreateIndex(
                name: "IX_decisions_Issuer_Year_Number",
                table: "decisions",
                columns: new[] { "Issuer", "Year", "Number" },
                unique: true);
        }
    }
}
