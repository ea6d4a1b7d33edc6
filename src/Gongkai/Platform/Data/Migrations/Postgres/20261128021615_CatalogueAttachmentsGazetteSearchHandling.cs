using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Gongkai.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CatalogueAttachmentsGazetteSearchHandling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CatalogueNodeId",
                table: "documents",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssignedTo",
                table: "disclosure_requests",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FeeAmountYuan",
                table: "disclosure_request_events",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FeeMethod",
                table: "disclosure_request_events",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FeeUnits",
                table: "disclosure_request_events",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "catalogue_nodes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BodyId = table.Column<int>(type: "integer", nullable: false),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Content = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ResponsibleBody = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TimeLimit = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Carriers = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UpdateFrequency = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AllowedTypes = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Hidden = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalogue_nodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_catalogue_nodes_bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_catalogue_nodes_catalogue_nodes_ParentId",
                        column: x => x.ParentId,
                        principalTable: "catalogue_nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "disclosure_request_appeals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<int>(type: "integer", nullable: false),
                    BodyId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Details = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disclosure_request_appeals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_disclosure_request_appeals_disclosure_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "disclosure_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "disclosure_request_reminders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<int>(type: "integer", nullable: false),
                    WorkingDaysBefore = table.Column<int>(type: "integer", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Recipient = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disclosure_request_reminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_disclosure_request_reminders_disclosure_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "disclosure_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "document_attachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DocumentId = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Kind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    TextStatus = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    TextTruncated = table.Column<bool>(type: "boolean", nullable: false),
                    TextProblem = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    FindingsJson = table.Column<string>(type: "text", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
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
                name: "document_finding_overrides",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DocumentId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UserName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_document_finding_overrides", x => x.Id);
                    table.ForeignKey(
                        name: "FK_document_finding_overrides_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "document_imports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BodyId = table.Column<int>(type: "integer", nullable: false),
                    KeyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SourceKey = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    DocumentId = table.Column<int>(type: "integer", nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_document_imports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_document_imports_bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_document_imports_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "gazette_issues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gazette_issues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "link_checks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DocumentId = table.Column<int>(type: "integer", nullable: false),
                    BodyId = table.Column<int>(type: "integer", nullable: false),
                    Url = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    IsExternal = table.Column<bool>(type: "boolean", nullable: false),
                    IsImage = table.Column<bool>(type: "boolean", nullable: false),
                    Ok = table.Column<bool>(type: "boolean", nullable: false),
                    StatusCode = table.Column<int>(type: "integer", nullable: true),
                    Problem = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CheckedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    BrokenSince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_link_checks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_link_checks_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "search_synonyms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Words = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_search_synonyms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "attachment_contents",
                columns: table => new
                {
                    AttachmentId = table.Column<int>(type: "integer", nullable: false),
                    Bytes = table.Column<byte[]>(type: "bytea", nullable: false)
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
                    IssueId = table.Column<int>(type: "integer", nullable: false),
                    DocumentId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false)
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
                name: "IX_documents_CatalogueNodeId_Status_PublishedAt",
                table: "documents",
                columns: new[] { "CatalogueNodeId", "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_disclosure_requests_AssignedTo_IsClosed_DueOn",
                table: "disclosure_requests",
                columns: new[] { "AssignedTo", "IsClosed", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_disclosure_requests_BodyId_ReceivedOn",
                table: "disclosure_requests",
                columns: new[] { "BodyId", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_disclosure_requests_IdNumber_ReceivedOn",
                table: "disclosure_requests",
                columns: new[] { "IdNumber", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_catalogue_nodes_BodyId_ParentId_Order",
                table: "catalogue_nodes",
                columns: new[] { "BodyId", "ParentId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_catalogue_nodes_ParentId",
                table: "catalogue_nodes",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_disclosure_request_appeals_BodyId_FiledOn",
                table: "disclosure_request_appeals",
                columns: new[] { "BodyId", "FiledOn" });

            migrationBuilder.CreateIndex(
                name: "IX_disclosure_request_appeals_RequestId",
                table: "disclosure_request_appeals",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_disclosure_request_reminders_RequestId_WorkingDaysBefore_Du~",
                table: "disclosure_request_reminders",
                columns: new[] { "RequestId", "WorkingDaysBefore", "DueOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_document_attachments_DocumentId_Position",
                table: "document_attachments",
                columns: new[] { "DocumentId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_document_finding_overrides_DocumentId",
                table: "document_finding_overrides",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_document_imports_BodyId_KeyHash",
                table: "document_imports",
                columns: new[] { "BodyId", "KeyHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_document_imports_DocumentId",
                table: "document_imports",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_gazette_entries_DocumentId",
                table: "gazette_entries",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_gazette_issues_Year_Number",
                table: "gazette_issues",
                columns: new[] { "Year", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_link_checks_BodyId_Ok",
                table: "link_checks",
                columns: new[] { "BodyId", "Ok" });

            migrationBuilder.CreateIndex(
                name: "IX_link_checks_DocumentId_Url",
                table: "link_checks",
                columns: new[] { "DocumentId", "Url" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_documents_catalogue_nodes_CatalogueNodeId",
                table: "documents",
                column: "CatalogueNodeId",
                principalTable: "catalogue_nodes",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_documents_catalogue_nodes_CatalogueNodeId",
                table: "documents");

            migrationBuilder.DropTable(
                name: "attachment_contents");

            migrationBuilder.DropTable(
                name: "catalogue_nodes");

            migrationBuilder.DropTable(
                name: "disclosure_request_appeals");

            migrationBuilder.DropTable(
                name: "disclosure_request_reminders");

            migrationBuilder.DropTable(
                name: "document_finding_overrides");

            migrationBuilder.DropTable(
                name: "document_imports");

            migrationBuilder.DropTable(
                name: "gazette_entries");

            migrationBuilder.DropTable(
                name: "link_checks");

            migrationBuilder.DropTable(
                name: "search_synonyms");

            migrationBuilder.DropTable(
                name: "document_attachments");

            migrationBuilder.DropTable(
                name: "gazette_issues");

            migrationBuilder.DropIndex(
                name: "IX_documents_CatalogueNodeId_Status_PublishedAt",
                table: "documents");

            migrationBuilder.DropIndex(
                name: "IX_disclosure_requests_AssignedTo_IsClosed_DueOn",
                table: "disclosure_requests");

            migrationBuilder.DropIndex(
                name: "IX_disclosure_requests_BodyId_ReceivedOn",
                table: "disclosure_requests");

            migrationBuilder.DropIndex(
                name: "IX_disclosure_requests_IdNumber_ReceivedOn",
                table: "disclosure_requests");

            migrationBuilder.DropColumn(
                name: "CatalogueNodeId",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "AssignedTo",
                table: "disclosure_requests");

            migrationBuilder.DropColumn(
                name: "FeeAmountYuan",
                table: "disclosure_request_events");

            migrationBuilder.DropColumn(
                name: "FeeMethod",
                table: "disclosure_request_events");

            migrationBuilder.DropColumn(
                name: "FeeUnits",
                table: "disclosure_request_events");
        }
    }
}
