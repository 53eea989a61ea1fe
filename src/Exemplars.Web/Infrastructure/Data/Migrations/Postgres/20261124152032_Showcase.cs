using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Exemplars.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Showcase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "exemplar_stories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NominationId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    StoryHtml = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: false),
                    SearchText = table.Column<string>(type: "character varying(60000)", maxLength: 60000, nullable: false),
                    PhotoFileId = table.Column<int>(type: "integer", nullable: true),
                    Approved = table.Column<bool>(type: "boolean", nullable: false),
                    ApprovedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    PublishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exemplar_stories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_exemplar_stories_nominations_NominationId",
                        column: x => x.NominationId,
                        principalTable: "nominations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_exemplar_stories_Approved_PublishedAtUtc",
                table: "exemplar_stories",
                columns: new[] { "Approved", "PublishedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_exemplar_stories_NominationId",
                table: "exemplar_stories",
                column: "NominationId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "exemplar_stories");
        }
    }
}
