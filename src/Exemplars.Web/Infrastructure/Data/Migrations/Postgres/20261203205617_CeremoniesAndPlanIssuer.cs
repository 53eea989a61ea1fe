using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Exemplars.Web.Infrastructure.Data.Migrations.Postgres
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
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ceremonies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    DecisionId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Occasion = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    StartsAt = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    Place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Programme = table.Column<string>(type: "character varying(9030)", maxLength: 9030, nullable: false),
                    SeatsPerRow = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: true),
                    StoryTitle = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    StoryHtml = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: true),
                    StoryPublished = table.Column<bool>(type: "boolean", nullable: false),
                    StoryPublishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CeremonyId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    AwardId = table.Column<int>(type: "integer", nullable: true),
                    PersonId = table.Column<int>(type: "integer", nullable: true),
                    OrganizationId = table.Column<int>(type: "integer", nullable: true),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Position = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Unit = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Seat = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Attended = table.Column<bool>(type: "boolean", nullable: true),
                    Order = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CeremonyId = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StoragePath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Caption = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    UploadedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
