using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Exemplars.Web.Infrastructure.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ExemplarStoryId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    WhatToApply = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PledgedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    PledgedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Result = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReportedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
