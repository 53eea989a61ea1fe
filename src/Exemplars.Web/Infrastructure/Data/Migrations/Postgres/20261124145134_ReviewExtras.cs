using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Exemplars.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReviewExtras : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ForwardedInDecisionId",
                table: "nominations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProvinceOutcome",
                table: "nominations",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ProvinceOutcomeNote",
                table: "nominations",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "comment_periods",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OpenedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_comment_periods", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "public_comments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CommentPeriodId = table.Column<int>(type: "integer", nullable: false),
                    NominationId = table.Column<int>(type: "integer", nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    AuthorContact = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Handling = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    HandledBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_public_comments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "selection_overrides",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    NominationId = table.Column<int>(type: "integer", nullable: false),
                    Include = table.Column<bool>(type: "boolean", nullable: false),
                    Justification = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_selection_overrides", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "comment_period_candidates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CommentPeriodId = table.Column<int>(type: "integer", nullable: false),
                    NominationId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_comment_period_candidates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_comment_period_candidates_comment_periods_CommentPeriodId",
                        column: x => x.CommentPeriodId,
                        principalTable: "comment_periods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_nominations_ForwardedInDecisionId",
                table: "nominations",
                column: "ForwardedInDecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_comment_period_candidates_CommentPeriodId_NominationId",
                table: "comment_period_candidates",
                columns: new[] { "CommentPeriodId", "NominationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_comment_periods_StartsOn_EndsOn",
                table: "comment_periods",
                columns: new[] { "StartsOn", "EndsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_public_comments_NominationId",
                table: "public_comments",
                column: "NominationId");

            migrationBuilder.CreateIndex(
                name: "IX_public_comments_Status_Id",
                table: "public_comments",
                columns: new[] { "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_selection_overrides_RoundId_NominationId",
                table: "selection_overrides",
                columns: new[] { "RoundId", "NominationId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "comment_period_candidates");

            migrationBuilder.DropTable(
                name: "public_comments");

            migrationBuilder.DropTable(
                name: "selection_overrides");

            migrationBuilder.DropTable(
                name: "comment_periods");

            migrationBuilder.DropIndex(
                name: "IX_nominations_ForwardedInDecisionId",
                table: "nominations");

            migrationBuilder.DropColumn(
                name: "ForwardedInDecisionId",
                table: "nominations");

            migrationBuilder.DropColumn(
                name: "ProvinceOutcome",
                table: "nominations");

            migrationBuilder.DropColumn(
                name: "ProvinceOutcomeNote",
                table: "nominations");
        }
    }
}
