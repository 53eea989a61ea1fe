using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exemplars.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DocumentsRest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bloc_reports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportingPeriodId = table.Column<int>(type: "INTEGER", nullable: false),
                    ResultsHtml = table.Column<string>(type: "TEXT", maxLength: 30000, nullable: false),
                    LimitationsHtml = table.Column<string>(type: "TEXT", maxLength: 30000, nullable: false),
                    DirectionsHtml = table.Column<string>(type: "TEXT", maxLength: 30000, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DecisionId = table.Column<int>(type: "INTEGER", nullable: true),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bloc_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_bloc_reports_decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_bloc_reports_reporting_periods_ReportingPeriodId",
                        column: x => x.ReportingPeriodId,
                        principalTable: "reporting_periods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_bloc_reports_DecisionId",
                table: "bloc_reports",
                column: "DecisionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bloc_reports_ReportingPeriodId",
                table: "bloc_reports",
                column: "ReportingPeriodId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bloc_reports");
        }
    }
}
