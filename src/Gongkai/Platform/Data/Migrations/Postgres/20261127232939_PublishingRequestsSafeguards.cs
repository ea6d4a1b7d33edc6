using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Gongkai.Platform.Data.Migrations.Postgres
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

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "PublishedAt",
                table: "documents",
                type: "timestamp with time zone",
                nullable: true,
                oldClrType: typeof(DateTimeOffset),
                oldType: "timestamp with time zone");

            migrationBuilder.AlterColumn<string>(
                name: "IndexNo",
                table: "documents",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CreatedAt",
                table: "documents",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<int>(
                name: "CurrentVersion",
                table: "documents",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DueOn",
                table: "documents",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EffectiveOn",
                table: "documents",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ExpiresOn",
                table: "documents",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FirstApprovedBy",
                table: "documents",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Keywords",
                table: "documents",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LateWorkingDays",
                table: "documents",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NoInterpretationReason",
                table: "documents",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PublishAt",
                table: "documents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "documents",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "SecondApprovedBy",
                table: "documents",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "documents",
                type: "character varying(24)",
                maxLength: 24,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SubmittedBy",
                table: "documents",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SupersededById",
                table: "documents",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "UpdatedAt",
                table: "documents",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "WithdrawalReason",
                table: "documents",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "WithdrawnAt",
                table: "documents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "disclosure_requests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TrackingNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CodeSalt = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    BodyId = table.Column<int>(type: "integer", nullable: false),
                    ApplicantType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ApplicantName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IdType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    IdNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DocNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Form = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Delivery = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RegisteredBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RuleSetCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClockState = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    IsClosed = table.Column<bool>(type: "boolean", nullable: false)
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
                    DocumentId = table.Column<int>(type: "integer", nullable: false),
                    BodyId = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DocumentId = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ActorId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ActorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DocumentId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    DocNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DocumentType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Subject = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    BodyHtml = table.Column<string>(type: "text", nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ActorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BodyId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    BodyHtml = table.Column<string>(type: "text", nullable: false),
                    MediaUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AltText = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Pattern = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Replacement = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_safeguard_word_list", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "disclosure_request_events",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    WorkingDays = table.Column<int>(type: "integer", nullable: true),
                    Decision = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Details = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<int>(type: "integer", nullable: false),
                    Decision = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RepliedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Reasons = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ReviewBody = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LetterText = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    DecisionChangeReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    InterpretationId = table.Column<int>(type: "integer", nullable: false),
                    DocumentId = table.Column<int>(type: "integer", nullable: false)
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

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "PublishedAt",
                table: "documents",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)),
                oldClrType: typeof(DateTimeOffset),
                oldType: "timestamp with time zone",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "IndexNo",
                table: "documents",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(40)",
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
