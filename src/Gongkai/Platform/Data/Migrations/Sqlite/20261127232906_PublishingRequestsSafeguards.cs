using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PublishingRequestsSafeguards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_documents_BodyId_PublishedAt",
                table: "documents");

            migrationBuilder.DropIndex(
                name: "IX_documents_PublishedAt",
                table: "documents");

            migrationBuilder.AlterColumn<long>(
                name: "PublishedAt",
                table: "documents",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<string>(
                name: "IndexNo",
                table: "documents",
                type: "TEXT",
                maxLength: 40,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 40);

            migrationBuilder.AddColumn<long>(
                name: "CreatedAt",
                table: "documents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "CurrentVersion",
                table: "documents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DueOn",
                table: "documents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EffectiveOn",
                table: "documents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ExpiresOn",
                table: "documents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FirstApprovedBy",
                table: "documents",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Keywords",
                table: "documents",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LateWorkingDays",
                table: "documents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NoInterpretationReason",
                table: "documents",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PublishAt",
                table: "documents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "documents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "SecondApprovedBy",
                table: "documents",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "documents",
                type: "TEXT",
                maxLength: 24,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SubmittedBy",
                table: "documents",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SupersededById",
                table: "documents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "UpdatedAt",
                table: "documents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawalReason",
                table: "documents",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "WithdrawnAt",
                table: "documents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "disclosure_requests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TrackingNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CodeSalt = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    BodyId = table.Column<int>(type: "INTEGER", nullable: false),
                    ApplicantType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ApplicantName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IdType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IdNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DocNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Form = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Delivery = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RegisteredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RuleSetCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClockState = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IsClosed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disclosure_requests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_disclosure_requests_bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "document_co_issuers",
                columns: table => new
                {
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    BodyId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_document_co_issuers", x => new { x.DocumentId, x.BodyId });
                    table.ForeignKey(
                        name: "FK_document_co_issuers_bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_document_co_issuers_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "document_history",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_document_history", x => x.Id);
                    table.ForeignKey(
                        name: "FK_document_history_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "document_versions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DocNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DocumentType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    BodyHtml = table.Column<string>(type: "TEXT", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_document_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_document_versions_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "interpretations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BodyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    BodyHtml = table.Column<string>(type: "TEXT", nullable: false),
                    MediaUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AltText = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_interpretations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_interpretations_bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "safeguard_word_list",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Pattern = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Replacement = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_safeguard_word_list", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "disclosure_request_events",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WorkingDays = table.Column<int>(type: "INTEGER", nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Details = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disclosure_request_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_disclosure_request_events_disclosure_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "disclosure_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "disclosure_request_replies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RepliedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ReviewBody = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LetterText = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    DecisionChangeReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disclosure_request_replies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_disclosure_request_replies_disclosure_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "disclosure_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "interpretation_links",
                columns: table => new
                {
                    InterpretationId = table.Column<int>(type: "INTEGER", nullable: false),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_interpretation_links", x => new { x.InterpretationId, x.DocumentId });
                    table.ForeignKey(
                        name: "FK_interpretation_links_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_interpretation_links_interpretations_InterpretationId",
                        column: x => x.InterpretationId,
                        principalTable: "interpretations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_documents_BodyId_Status_PublishedAt",
                table: "documents",
                columns: new[] { "BodyId", "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_documents_Status_PublishedAt",
                table: "documents",
                columns: new[] { "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_documents_SupersededById",
                table: "documents",
                column: "SupersededById");

            migrationBuilder.CreateIndex(
                name: "IX_disclosure_request_events_RequestId",
                table: "disclosure_request_events",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_disclosure_request_replies_RequestId",
                table: "disclosure_request_replies",
                column: "RequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_disclosure_requests_BodyId_IsClosed_DueOn",
                table: "disclosure_requests",
                columns: new[] { "BodyId", "IsClosed", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_disclosure_requests_TrackingNumber",
                table: "disclosure_requests",
                column: "TrackingNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_document_co_issuers_BodyId",
                table: "document_co_issuers",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_document_history_DocumentId_At",
                table: "document_history",
                columns: new[] { "DocumentId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_document_versions_DocumentId_Number",
                table: "document_versions",
                columns: new[] { "DocumentId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_interpretation_links_DocumentId",
                table: "interpretation_links",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_interpretations_BodyId",
                table: "interpretations",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_safeguard_word_list_Kind_Pattern",
                table: "safeguard_word_list",
                columns: new[] { "Kind", "Pattern" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_documents_documents_SupersededById",
                table: "documents",
                column: "SupersededById",
                principalTable: "documents",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_documents_documents_SupersededById",
                table: "documents");

            migrationBuilder.DropTable(
                name: "disclosure_request_events");

            migrationBuilder.DropTable(
                name: "disclosure_request_replies");

            migrationBuilder.DropTable(
                name: "document_co_issuers");

            migrationBuilder.DropTable(
                name: "document_history");

            migrationBuilder.DropTable(
                name: "document_versions");

            migrationBuilder.DropTable(
                name: "interpretation_links");

            migrationBuilder.DropTable(
                name: "safeguard_word_list");

            migrationBuilder.DropTable(
                name: "disclosure_requests");

            migrationBuilder.DropTable(
                name: "interpretations");

            migrationBuilder.DropIndex(
                name: "IX_documents_BodyId_Status_PublishedAt",
                table: "documents");

            migrationBuilder.DropIndex(
                name: "IX_documents_Status_PublishedAt",
                table: "documents");

            migrationBuilder.DropIndex(
                name: "IX_documents_SupersededById",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "CreatedAt",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "CurrentVersion",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "DueOn",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "EffectiveOn",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "ExpiresOn",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "FirstApprovedBy",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "Keywords",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "LateWorkingDays",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "NoInterpretationReason",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "PublishAt",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "SecondApprovedBy",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "SubmittedBy",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "SupersededById",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "WithdrawalReason",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "WithdrawnAt",
                table: "documents");

            migrationBuilder.AlterColumn<long>(
                name: "PublishedAt",
                table: "documents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "IndexNo",
                table: "documents",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 40,
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_documents_BodyId_PublishedAt",
                table: "documents",
                columns: new[] { "BodyId", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_documents_PublishedAt",
                table: "documents",
                column: "PublishedAt");
        }
    }
}
