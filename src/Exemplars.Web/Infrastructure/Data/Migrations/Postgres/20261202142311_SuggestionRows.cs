using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Exemplars.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SuggestionRows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "suggestion_marks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    SubjectId = table.Column<int>(type: "integer", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_suggestion_marks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "suggestion_rows",
                columns: table => new
                {
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    SubjectId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    NameKey = table.Column<byte[]>(type: "bytea", nullable: false),
                    OrganizationName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    OrganizationKey = table.Column<byte[]>(type: "bytea", nullable: false),
                    Category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CategoryKey = table.Column<byte[]>(type: "bytea", nullable: false),
                    Reasons = table.Column<string>(type: "text", nullable: false),
                    Generation = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_suggestion_rows", x => new { x.RoundId, x.Kind, x.SubjectId });
                    table.ForeignKey(
                        name: "FK_suggestion_rows_rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "suggestion_state",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Generation = table.Column<long>(type: "bigint", nullable: false),
                    SortKeyVersion = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    BuiltAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_suggestion_state", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_suggestion_rows_Generation",
                table: "suggestion_rows",
                column: "Generation");

            migrationBuilder.CreateIndex(
                name: "IX_suggestion_rows_Kind_SubjectId",
                table: "suggestion_rows",
                columns: new[] { "Kind", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_suggestion_rows_OrganizationId_RoundId_Status",
                table: "suggestion_rows",
                columns: new[] { "OrganizationId", "RoundId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_suggestion_rows_RoundId_Status_CategoryKey_Kind_SubjectId",
                table: "suggestion_rows",
                columns: new[] { "RoundId", "Status", "CategoryKey", "Kind", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_suggestion_rows_RoundId_Status_Kind_OrganizationKey_NameKey~",
                table: "suggestion_rows",
                columns: new[] { "RoundId", "Status", "Kind", "OrganizationKey", "NameKey", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_suggestion_rows_RoundId_Status_NameKey_Kind_SubjectId",
                table: "suggestion_rows",
                columns: new[] { "RoundId", "Status", "NameKey", "Kind", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_suggestion_rows_RoundId_Status_OrganizationKey_Kind_Subject~",
                table: "suggestion_rows",
                columns: new[] { "RoundId", "Status", "OrganizationKey", "Kind", "SubjectId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "suggestion_marks");

            migrationBuilder.DropTable(
                name: "suggestion_rows");

            migrationBuilder.DropTable(
                name: "suggestion_state");
        }
    }
}
