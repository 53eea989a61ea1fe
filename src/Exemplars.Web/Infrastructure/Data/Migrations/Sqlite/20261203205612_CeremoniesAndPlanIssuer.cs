using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exemplars.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CeremoniesAndPlanIssuer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IssuerSymbol",
                table: "plans",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ceremonies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    DecisionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Occasion = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Programme = table.Column<string>(type: "TEXT", maxLength: 9030, nullable: false),
                    SeatsPerRow = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StoryTitle = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    StoryHtml = table.Column<string>(type: "TEXT", maxLength: 50000, nullable: true),
                    StoryPublished = table.Column<bool>(type: "INTEGER", nullable: false),
                    StoryPublishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ceremonies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ceremonies_decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ceremonies_rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ceremony_guests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CeremonyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    AwardId = table.Column<int>(type: "INTEGER", nullable: true),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Position = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Seat = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Attended = table.Column<bool>(type: "INTEGER", nullable: true),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ceremony_guests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ceremony_guests_awards_AwardId",
                        column: x => x.AwardId,
                        principalTable: "awards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ceremony_guests_ceremonies_CeremonyId",
                        column: x => x.CeremonyId,
                        principalTable: "ceremonies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ceremony_guests_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ceremony_guests_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ceremony_photos",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CeremonyId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StoragePath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Caption = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ceremony_photos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ceremony_photos_ceremonies_CeremonyId",
                        column: x => x.CeremonyId,
                        principalTable: "ceremonies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ceremonies_DecisionId",
                table: "ceremonies",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_ceremonies_RoundId_Date",
                table: "ceremonies",
                columns: new[] { "RoundId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_ceremonies_StoryPublished_StoryPublishedAtUtc",
                table: "ceremonies",
                columns: new[] { "StoryPublished", "StoryPublishedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ceremony_guests_AwardId",
                table: "ceremony_guests",
                column: "AwardId");

            migrationBuilder.CreateIndex(
                name: "IX_ceremony_guests_CeremonyId_Order",
                table: "ceremony_guests",
                columns: new[] { "CeremonyId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_ceremony_guests_OrganizationId_CeremonyId",
                table: "ceremony_guests",
                columns: new[] { "OrganizationId", "CeremonyId" });

            migrationBuilder.CreateIndex(
                name: "IX_ceremony_guests_PersonId",
                table: "ceremony_guests",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ceremony_photos_CeremonyId",
                table: "ceremony_photos",
                column: "CeremonyId");

            migrationBuilder.CreateIndex(
                name: "IX_ceremony_photos_StoragePath",
                table: "ceremony_photos",
                column: "StoragePath");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ceremony_guests");

            migrationBuilder.DropTable(
                name: "ceremony_photos");

            migrationBuilder.DropTable(
                name: "ceremonies");

            migrationBuilder.DropColumn(
                name: "IssuerSymbol",
                table: "plans");
        }
    }
}
