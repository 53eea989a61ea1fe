using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Exemplars.Web.Infrastructure.Data.Migrations.Postgres
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ApprovalNumerator",
                table: "plans",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "QuorumDenominator",
                table: "plans",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "QuorumNumerator",
                table: "plans",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "deadline_extensions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Until = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    GrantedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    GrantedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deadline_extensions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "nominations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: true),
                    CollectiveId = table.Column<int>(type: "integer", nullable: true),
                    NomineeKey = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    NomineeName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CategoryCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AchievementsByYear = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Initiatives = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    CommendationsReceived = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    ReportHtml = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: true),
                    MinutesDate = table.Column<DateOnly>(type: "date", nullable: true),
                    MembersTotal = table.Column<int>(type: "integer", nullable: true),
                    MembersPresent = table.Column<int>(type: "integer", nullable: true),
                    VotesAgree = table.Column<int>(type: "integer", nullable: true),
                    VotesDisagree = table.Column<int>(type: "integer", nullable: true),
                    VotesAbstain = table.Column<int>(type: "integer", nullable: true),
                    MinutesScanId = table.Column<int>(type: "integer", nullable: true),
                    FamilyLawAttested = table.Column<bool>(type: "boolean", nullable: false),
                    IndeterminateExplanation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReturnReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SubmissionCount = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Roles = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Link = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "evidence_files",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NominationId = table.Column<int>(type: "integer", nullable: false),
                    CriterionCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StoragePath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NominationId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Snapshot = table.Column<string>(type: "text", nullable: false)
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
