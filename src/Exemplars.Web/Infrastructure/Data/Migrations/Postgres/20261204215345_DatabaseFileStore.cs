using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exemplars.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DatabaseFileStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "stored_files",
                columns: table => new
                {
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    PartSize = table.Column<int>(type: "integer", nullable: false),
                    TouchedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stored_files", x => x.Address);
                });

            migrationBuilder.CreateTable(
                name: "stored_file_parts",
                columns: table => new
                {
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Part = table.Column<int>(type: "integer", nullable: false),
                    Data = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stored_file_parts", x => new { x.Address, x.Part });
                    table.ForeignKey(
                        name: "FK_stored_file_parts_stored_files_Address",
                        column: x => x.Address,
                        principalTable: "stored_files",
                        principalColumn: "Address",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "stored_file_parts");

            migrationBuilder.DropTable(
                name: "stored_files");
        }
    }
}
