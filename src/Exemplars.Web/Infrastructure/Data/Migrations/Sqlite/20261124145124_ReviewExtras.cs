using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exemplars.Web.Infrastructure.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProvinceOutcome",
                table: "nominations",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ProvinceOutcomeNote",
                table: "nominations",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "comment_periods",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OpenedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_comment_periods", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "public_comments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommentPeriodId = table.Column<int>(type: "INTEGER", nullable: false),
                    NominationId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    AuthorContact = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Handling = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    HandledBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_public_comments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "selection_overrides",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    NominationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Include = table.Column<bool>(type: "INTEGER", nullable: false),
                    Justification = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_selection_overrides", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "comment_period_candidates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommentPeriodId = table.Column<int>(type: "INTEGER", nullable: false),
                    NominationId = table.Column<int>(type: "INTEGER", nullable: false)
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
