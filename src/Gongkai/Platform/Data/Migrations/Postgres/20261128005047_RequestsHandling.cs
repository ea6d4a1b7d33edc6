using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Gongkai.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RequestsHandling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "disclosure_request_appeals");

            migrationBuilder.DropTable(
                name: "disclosure_request_reminders");

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
