using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Exemplars.Web.Infrastructure.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReportingPeriodId = table.Column<int>(type: "integer", nullable: false),
                    ResultsHtml = table.Column<string>(type: "character varying(30000)", maxLength: 30000, nullable: false),
                    LimitationsHtml = table.Column<string>(type: "character varying(30000)", maxLength: 30000, nullable: false),
                    DirectionsHtml = table.Column<string>(type: "character varying(30000)", maxLength: 30000, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    DecisionId = table.Column<int>(type: "integer", nullable: true),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
