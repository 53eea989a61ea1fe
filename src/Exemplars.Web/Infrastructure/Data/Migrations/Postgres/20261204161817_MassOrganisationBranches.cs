using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exemplars.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MassOrganisationBranches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Association",
                table: "discovered_exemplars",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AssociationOrganizationId",
                table: "discovered_exemplars",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ForwardedAtUtc",
                table: "discovered_exemplars",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ForwardedBy",
                table: "discovered_exemplars",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnReason",
                table: "discovered_exemplars",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SendState",
                table: "discovered_exemplars",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Kept"); // records made before branches existed were never sent

            migrationBuilder.AddColumn<DateTime>(
                name: "SentAtUtc",
                table: "discovered_exemplars",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_discovered_exemplars_AssociationOrganizationId_SendState",
                table: "discovered_exemplars",
                columns: new[] { "AssociationOrganizationId", "SendState" });

            migrationBuilder.AddForeignKey(
                name: "FK_discovered_exemplars_organizations_AssociationOrganizationId",
                table: "discovered_exemplars",
                column: "AssociationOrganizationId",
                principalTable: "organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_discovered_exemplars_organizations_AssociationOrganizationId",
                table: "discovered_exemplars");

            migrationBuilder.DropIndex(
                name: "IX_discovered_exemplars_AssociationOrganizationId_SendState",
                table: "discovered_exemplars");

            migrationBuilder.DropColumn(
                name: "Association",
                table: "discovered_exemplars");

            migrationBuilder.DropColumn(
                name: "AssociationOrganizationId",
                table: "discovered_exemplars");

            migrationBuilder.DropColumn(
                name: "ForwardedAtUtc",
                table: "discovered_exemplars");

            migrationBuilder.DropColumn(
                name: "ForwardedBy",
                table: "discovered_exemplars");

            migrationBuilder.DropColumn(
                name: "ReturnReason",
                table: "discovered_exemplars");

            migrationBuilder.DropColumn(
                name: "SendState",
                table: "discovered_exemplars");

            migrationBuilder.DropColumn(
                name: "SentAtUtc",
                table: "discovered_exemplars");
        }
    }
}
