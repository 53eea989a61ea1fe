using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exemplars.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FilesStories : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "PhotoFileId",
                table: "exemplar_stories",
                newName: "PublishedPhotoId");

            migrationBuilder.AddColumn<bool>(
                name: "HasDraft",
                table: "exemplar_stories",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "PhotoId",
                table: "exemplar_stories",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublishedHtml",
                table: "exemplar_stories",
                type: "TEXT",
                maxLength: 50000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublishedTitle",
                table: "exemplar_stories",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UnpublishedReason",
                table: "exemplar_stories",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "sent_files",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NominationVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    EvidenceFileId = table.Column<int>(type: "INTEGER", nullable: false),
                    CriterionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StoragePath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sent_files", x => x.Id);
                    table.ForeignKey(
                        name: "FK_sent_files_nomination_versions_NominationVersionId",
                        column: x => x.NominationVersionId,
                        principalTable: "nomination_versions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "showcase_photos",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StoragePath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_showcase_photos", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "story_revisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExemplarStoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    StoryHtml = table.Column<string>(type: "TEXT", maxLength: 50000, nullable: false),
                    PhotoId = table.Column<int>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_story_revisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_story_revisions_exemplar_stories_ExemplarStoryId",
                        column: x => x.ExemplarStoryId,
                        principalTable: "exemplar_stories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_story_revisions_showcase_photos_PhotoId",
                        column: x => x.PhotoId,
                        principalTable: "showcase_photos",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            // Showcase photos leave the dossiers' evidence (same ids, so the stories keep pointing at them); published stories keep their text as the approved copy.
            migrationBuilder.Sql("INSERT INTO showcase_photos (\"Id\", \"FileName\", \"ContentType\", \"Size\", \"Sha256\", \"StoragePath\", \"UploadedBy\", \"UploadedAtUtc\") SELECT f.\"Id\", f.\"FileName\", f.\"ContentType\", f.\"Size\", f.\"Sha256\", f.\"StoragePath\", '', f.\"UploadedAtUtc\" FROM evidence_files f WHERE f.\"Id\" IN (SELECT \"PublishedPhotoId\" FROM exemplar_stories WHERE \"PublishedPhotoId\" IS NOT NULL)");
            migrationBuilder.Sql("UPDATE exemplar_stories SET \"PhotoId\" = \"PublishedPhotoId\"");
            migrationBuilder.Sql("UPDATE exemplar_stories SET \"PublishedTitle\" = \"Title\", \"PublishedHtml\" = \"StoryHtml\" WHERE \"Approved\" = 1");
            migrationBuilder.Sql("UPDATE exemplar_stories SET \"PublishedPhotoId\" = NULL, \"HasDraft\" = 1 WHERE \"Approved\" = 0");
            migrationBuilder.Sql("INSERT INTO story_revisions (\"ExemplarStoryId\", \"Kind\", \"Title\", \"StoryHtml\", \"PhotoId\", \"By\", \"AtUtc\") SELECT \"Id\", 'Approved', \"Title\", \"StoryHtml\", \"PublishedPhotoId\", COALESCE(\"ApprovedBy\", ''), COALESCE(\"PublishedAtUtc\", \"UpdatedAtUtc\") FROM exemplar_stories WHERE \"Approved\" = 1");
            migrationBuilder.Sql("DELETE FROM evidence_files WHERE \"CriterionCode\" = 'showcase-photo'");

            migrationBuilder.CreateIndex(
                name: "IX_exemplar_stories_PhotoId",
                table: "exemplar_stories",
                column: "PhotoId");

            migrationBuilder.CreateIndex(
                name: "IX_exemplar_stories_PublishedPhotoId",
                table: "exemplar_stories",
                column: "PublishedPhotoId");

            migrationBuilder.CreateIndex(
                name: "IX_sent_files_NominationVersionId",
                table: "sent_files",
                column: "NominationVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_sent_files_StoragePath",
                table: "sent_files",
                column: "StoragePath");

            migrationBuilder.CreateIndex(
                name: "IX_showcase_photos_StoragePath",
                table: "showcase_photos",
                column: "StoragePath");

            migrationBuilder.CreateIndex(
                name: "IX_story_revisions_ExemplarStoryId_Id",
                table: "story_revisions",
                columns: new[] { "ExemplarStoryId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_story_revisions_PhotoId",
                table: "story_revisions",
                column: "PhotoId");

            migrationBuilder.AddForeignKey(
                name: "FK_exemplar_stories_showcase_photos_PhotoId",
                table: "exemplar_stories",
                column: "PhotoId",
                principalTable: "showcase_photos",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_exemplar_stories_showcase_photos_PublishedPhotoId",
                table: "exemplar_stories",
                column: "PublishedPhotoId",
                principalTable: "showcase_photos",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_exemplar_stories_showcase_photos_PhotoId",
                table: "exemplar_stories");

            migrationBuilder.DropForeignKey(
                name: "FK_exemplar_stories_showcase_photos_PublishedPhotoId",
                table: "exemplar_stories");

            migrationBuilder.DropTable(
                name: "sent_files");

            migrationBuilder.DropTable(
                name: "story_revisions");

            migrationBuilder.DropTable(
                name: "showcase_photos");

            migrationBuilder.DropIndex(
                name: "IX_exemplar_stories_PhotoId",
                table: "exemplar_stories");

            migrationBuilder.DropIndex(
                name: "IX_exemplar_stories_PublishedPhotoId",
                table: "exemplar_stories");

            migrationBuilder.DropColumn(
                name: "HasDraft",
                table: "exemplar_stories");

            migrationBuilder.DropColumn(
                name: "PhotoId",
                table: "exemplar_stories");

            migrationBuilder.DropColumn(
                name: "PublishedHtml",
                table: "exemplar_stories");

            migrationBuilder.DropColumn(
                name: "PublishedTitle",
                table: "exemplar_stories");

            migrationBuilder.DropColumn(
                name: "UnpublishedReason",
                table: "exemplar_stories");

            migrationBuilder.RenameColumn(
                name: "PublishedPhotoId",
                table: "exemplar_stories",
                newName: "PhotoFileId");
        }
    }
}
