using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exemplars.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Nominations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ApprovalDenominator",
                table: "plans",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ApprovalNumerator",
                table: "plans",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "QuorumDenominator",
                table: "plans",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "QuorumNumerator",
                table: "plans",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "deadline_extensions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Until = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    GrantedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    GrantedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deadline_extensions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "nominations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    CollectiveId = table.Column<int>(type: "INTEGER", nullable: true),
                    NomineeKey = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    NomineeName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CategoryCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AchievementsByYear = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Initiatives = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    CommendationsReceived = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    ReportHtml = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: true),
                    MinutesDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MembersTotal = table.Column<int>(type: "INTEGER", nullable: true),
                    MembersPresent = table.Column<int>(type: "INTEGER", nullable: true),
                    VotesAgree = table.Column<int>(type: "INTEGER", nullable: true),
                    VotesDisagree = table.Column<int>(type: "INTEGER", nullable: true),
                    VotesAbstain = table.Column<int>(type: "INTEGER", nullable: true),
                    MinutesScanId = table.Column<int>(type: "INTEGER", nullable: true),
                    FamilyLawAttested = table.Column<bool>(type: "INTEGER", nullable: false),
                    IndeterminateExplanation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmissionCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_nominations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_nominations_organizations_CollectiveId",
                        column: x => x.CollectiveId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_nominations_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_nominations_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_nominations_rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Roles = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "evidence_files",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NominationId = table.Column<int>(type: "INTEGER", nullable: false),
                    CriterionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StoragePath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evidence_files", x => x.Id);
                    table.ForeignKey(
                        name: "FK_evidence_files_nominations_NominationId",
                        column: x => x.NominationId,
                        principalTable: "nominations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "nomination_versions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NominationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Snapshot = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_nomination_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_nomination_versions_nominations_NominationId",
                        column: x => x.NominationId,
                        principalTable: "nominations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_deadline_extensions_RoundId_OrganizationId",
                table: "deadline_extensions",
                columns: new[] { "RoundId", "OrganizationId" });

            migrationBuilder.CreateIndex(
                name: "IX_evidence_files_NominationId",
                table: "evidence_files",
                column: "NominationId");

            migrationBuilder.CreateIndex(
                name: "IX_nomination_versions_NominationId_Number",
                table: "nomination_versions",
                columns: new[] { "NominationId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_nominations_CollectiveId",
                table: "nominations",
                column: "CollectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_nominations_OrganizationId_RoundId_Status",
                table: "nominations",
                columns: new[] { "OrganizationId", "RoundId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_nominations_PersonId",
                table: "nominations",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_nominations_RoundId_NomineeKey",
                table: "nominations",
                columns: new[] { "RoundId", "NomineeKey" },
                unique: true,
                filter: "\"Status\" <> 'Withdrawn'");

            migrationBuilder.CreateIndex(
                name: "IX_nominations_RoundId_Status",
                table: "nominations",
                columns: new[] { "RoundId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_OrganizationId_Id",
                table: "notifications",
                columns: new[] { "OrganizationId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "deadline_extensions");

            migrationBuilder.DropTable(
                name: "evidence_files");

            migrationBuilder.DropTable(
                name: "nomination_versions");

            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropTable(
                name: "nominations");

            migrationBuilder.DropColumn(
                name: "ApprovalDenominator",
                table: "plans");

            migrationBuilder.DropColumn(
                name: "ApprovalNumerator",
                table: "plans");

            migrationBuilder.DropColumn(
                name: "QuorumDenominator",
                table: "plans");

            migrationBuilder.DropColumn(
                name: "QuorumNumerator",
                table: "plans");
        }
    }
}
