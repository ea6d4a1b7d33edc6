using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RequestsIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_disclosure_requests_BodyId_IsClosed_DueOn",
                table: "disclosure_requests");

            migrationBuilder.DropIndex(
                name: "IX_disclosure_request_events_RequestId",
                table: "disclosure_request_events");

            migrationBuilder.CreateTable(
                name: "document_attachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    TextStatus = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    TextTruncated = table.Column<bool>(type: "INTEGER", nullable: false),
                    TextProblem = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    FindingsJson = table.Column<string>(type: "TEXT", nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_document_attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_document_attachments_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "gazette_issues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gazette_issues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "search_synonyms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Words = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_search_synonyms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "attachment_contents",
                columns: table => new
                {
                    AttachmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Bytes = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_attachment_contents", x => x.AttachmentId);
                    table.ForeignKey(
                        name: "FK_attachment_contents_document_attachments_AttachmentId",
                        column: x => x.AttachmentId,
                        principalTable: "document_attachments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "gazette_entries",
                columns: table => new
                {
                    IssueId = table.Column<int>(type: "INTEGER", nullable: false),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gazette_entries", x => new { x.IssueId, x.DocumentId });
                    table.ForeignKey(
                        name: "FK_gazette_entries_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_gazette_entries_gazette_issues_IssueId",
                        column: x => x.IssueId,
                        principalTable: "gazette_issues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_disclosure_requests_BodyId_IsClosed_DueOn_ReceivedOn",
                table: "disclosure_requests",
                columns: new[] { "BodyId", "IsClosed", "DueOn", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_disclosure_requests_BodyId_IsClosed_Id",
                table: "disclosure_requests",
                columns: new[] { "BodyId", "IsClosed", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_disclosure_requests_IsClosed_Id",
                table: "disclosure_requests",
                columns: new[] { "IsClosed", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_disclosure_request_events_RequestId_Type",
                table: "disclosure_request_events",
                columns: new[] { "RequestId", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_document_attachments_DocumentId_Position",
                table: "document_attachments",
                columns: new[] { "DocumentId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_gazette_entries_DocumentId",
                table: "gazette_entries",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_gazette_issues_Year_Number",
                table: "gazette_issues",
                columns: new[] { "Year", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "attachment_contents");

            migrationBuilder.DropTable(
                name: "gazette_entries");

            migrationBuilder.DropTable(
                name: "search_synonyms");

            migrationBuilder.DropTable(
                name: "document_attachments");

            migrationBuilder.DropTable(
                name: "gazette_issues");

            migrationBuilder.DropIndex(
                name: "IX_disclosure_requests_BodyId_IsClosed_DueOn_ReceivedOn",
                table: "disclosure_requests");

            migrationBuilder.DropIndex(
                name: "IX_disclosure_requests_BodyId_IsClosed_Id",
                table: "disclosure_requests");

            migrationBuilder.DropIndex(
                name: "IX_disclosure_requests_IsClosed_Id",
                table: "disclosure_requests");

            migrationBuilder.DropIndex(
                name: "IX_disclosure_request_events_RequestId_Type",
                table: "disclosure_request_events");

            migrationBuilder.CreateIndex(
                name: "IX_disclosure_requests_BodyId_IsClosed_DueOn",
                table: "disclosure_requests",
                columns: new[] { "BodyId", "IsClosed", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_disclosure_request_events_RequestId",
                table: "disclosure_request_events",
                column: "RequestId");
        }
    }
}
