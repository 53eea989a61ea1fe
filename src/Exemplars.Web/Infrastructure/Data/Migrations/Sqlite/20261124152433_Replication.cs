using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exemplars.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Replication : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "replication_pledges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExemplarStoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    WhatToApply = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PledgedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PledgedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ReportedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_replication_pledges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_replication_pledges_exemplar_stories_ExemplarStoryId",
                        column: x => x.ExemplarStoryId,
                        principalTable: "exemplar_stories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_replication_pledges_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_replication_pledges_ExemplarStoryId_OrganizationId",
                table: "replication_pledges",
                columns: new[] { "ExemplarStoryId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_replication_pledges_OrganizationId",
                table: "replication_pledges",
                column: "OrganizationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "replication_pledges");
        }
    }
}
