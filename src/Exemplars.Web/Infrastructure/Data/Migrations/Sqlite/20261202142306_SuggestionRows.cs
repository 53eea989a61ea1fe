using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exemplars.Web.Infrastructure.Data.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_suggestion_marks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "suggestion_rows",
                columns: table => new
                {
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    NameKey = table.Column<byte[]>(type: "BLOB", nullable: false),
                    OrganizationName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    OrganizationKey = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CategoryKey = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", nullable: false),
                    Generation = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Generation = table.Column<long>(type: "INTEGER", nullable: false),
                    SortKeyVersion = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    BuiltAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                name: "IX_suggestion_rows_RoundId_Status_Kind_OrganizationKey_NameKey_SubjectId",
                table: "suggestion_rows",
                columns: new[] { "RoundId", "Status", "Kind", "OrganizationKey", "NameKey", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_suggestion_rows_RoundId_Status_NameKey_Kind_SubjectId",
                table: "suggestion_rows",
                columns: new[] { "RoundId", "Status", "NameKey", "Kind", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_suggestion_rows_RoundId_Status_OrganizationKey_Kind_SubjectId",
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
