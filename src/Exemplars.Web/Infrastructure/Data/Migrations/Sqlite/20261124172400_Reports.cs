using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exemplars.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Reports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EmailError",
                table: "notifications",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "EmailedAtUtc",
                table: "notifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ProvinceOutcomeAtUtc",
                table: "nominations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NurturedAtUtc",
                table: "discovered_exemplars",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "reporting_periods",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporting_periods", x => x.Id);
                    table.ForeignKey(
                        name: "FK_reporting_periods_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sent_reminders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sent_reminders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "periodic_reports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportingPeriodId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Discovered = table.Column<int>(type: "INTEGER", nullable: false),
                    Nurtured = table.Column<int>(type: "INTEGER", nullable: false),
                    Nominated = table.Column<int>(type: "INTEGER", nullable: false),
                    CommendedGrassroots = table.Column<int>(type: "INTEGER", nullable: false),
                    CommendedBloc = table.Column<int>(type: "INTEGER", nullable: false),
                    SentToProvince = table.Column<int>(type: "INTEGER", nullable: false),
                    CommendedProvince = table.Column<int>(type: "INTEGER", nullable: false),
                    Pledges = table.Column<int>(type: "INTEGER", nullable: false),
                    PledgeResults = table.Column<int>(type: "INTEGER", nullable: false),
                    Narrative = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_periodic_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_periodic_reports_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_periodic_reports_reporting_periods_ReportingPeriodId",
                        column: x => x.ReportingPeriodId,
                        principalTable: "reporting_periods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_EmailedAtUtc_CreatedAtUtc",
                table: "notifications",
                columns: new[] { "EmailedAtUtc", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_periodic_reports_OrganizationId",
                table: "periodic_reports",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_periodic_reports_ReportingPeriodId_OrganizationId",
                table: "periodic_reports",
                columns: new[] { "ReportingPeriodId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reporting_periods_Deadline",
                table: "reporting_periods",
                column: "Deadline");

            migrationBuilder.CreateIndex(
                name: "IX_reporting_periods_PlanId_Year_Kind",
                table: "reporting_periods",
                columns: new[] { "PlanId", "Year", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sent_reminders_Key",
                table: "sent_reminders",
                column: "Key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "periodic_reports");

            migrationBuilder.DropTable(
                name: "sent_reminders");

            migrationBuilder.DropTable(
                name: "reporting_periods");

            migrationBuilder.DropIndex(
                name: "IX_notifications_EmailedAtUtc_CreatedAtUtc",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "EmailError",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "EmailedAtUtc",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "ProvinceOutcomeAtUtc",
                table: "nominations");

            migrationBuilder.DropColumn(
                name: "NurturedAtUtc",
                table: "discovered_exemplars");
        }
    }
}
