using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exemplars.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class GrassrootsProgramme : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ImplementationPlansDueOn",
                table: "plans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "grassroots_commendations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    CollectiveId = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SearchName = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false),
                    Achievements = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Form = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    DecisionNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NominationId = table.Column<int>(type: "INTEGER", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_grassroots_commendations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_grassroots_commendations_nominations_NominationId",
                        column: x => x.NominationId,
                        principalTable: "nominations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_grassroots_commendations_organizations_CollectiveId",
                        column: x => x.CollectiveId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_grassroots_commendations_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_grassroots_commendations_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "implementation_plans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FileSize = table.Column<long>(type: "INTEGER", nullable: true),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    StoragePath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_implementation_plans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_implementation_plans_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_implementation_plans_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_grassroots_commendations_CollectiveId",
                table: "grassroots_commendations",
                column: "CollectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_grassroots_commendations_NominationId",
                table: "grassroots_commendations",
                column: "NominationId");

            migrationBuilder.CreateIndex(
                name: "IX_grassroots_commendations_OrganizationId_DecisionDate",
                table: "grassroots_commendations",
                columns: new[] { "OrganizationId", "DecisionDate" });

            migrationBuilder.CreateIndex(
                name: "IX_grassroots_commendations_PersonId",
                table: "grassroots_commendations",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_implementation_plans_OrganizationId",
                table: "implementation_plans",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_implementation_plans_PlanId_OrganizationId",
                table: "implementation_plans",
                columns: new[] { "PlanId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_implementation_plans_StoragePath",
                table: "implementation_plans",
                column: "StoragePath");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "grassroots_commendations");

            migrationBuilder.DropTable(
                name: "implementation_plans");

            migrationBuilder.DropColumn(
                name: "ImplementationPlansDueOn",
                table: "plans");
        }
    }
}
