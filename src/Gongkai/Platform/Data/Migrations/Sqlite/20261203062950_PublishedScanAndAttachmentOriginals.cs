using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PublishedScanAndAttachmentOriginals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "attachment_originals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AttachmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Bytes = table.Column<byte[]>(type: "BLOB", nullable: false),
                    MaskedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    MaskedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_attachment_originals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_attachment_originals_document_attachments_AttachmentId",
                        column: x => x.AttachmentId,
                        principalTable: "document_attachments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "published_scan_results",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    BodyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ContentSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RulesVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ScannedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonalCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    FoundAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_published_scan_results", x => x.Id);
                    table.ForeignKey(
                        name: "FK_published_scan_results_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "published_scan_runs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Scanned = table.Column<int>(type: "INTEGER", nullable: false),
                    Skipped = table.Column<int>(type: "INTEGER", nullable: false),
                    Checked = table.Column<int>(type: "INTEGER", nullable: false),
                    NewlyFound = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_published_scan_runs", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_attachment_originals_AttachmentId",
                table: "attachment_originals",
                column: "AttachmentId");

            migrationBuilder.CreateIndex(
                name: "IX_attachment_originals_DocumentId",
                table: "attachment_originals",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_published_scan_results_BodyId_PersonalCount",
                table: "published_scan_results",
                columns: new[] { "BodyId", "PersonalCount" });

            migrationBuilder.CreateIndex(
                name: "IX_published_scan_results_DocumentId_Source",
                table: "published_scan_results",
                columns: new[] { "DocumentId", "Source" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "attachment_originals");

            migrationBuilder.DropTable(
                name: "published_scan_results");

            migrationBuilder.DropTable(
                name: "published_scan_runs");
        }
    }
}
