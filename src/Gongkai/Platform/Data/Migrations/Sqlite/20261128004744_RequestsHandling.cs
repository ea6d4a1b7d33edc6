using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Platform.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FeeAmountYuan",
                table: "disclosure_request_events",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FeeMethod",
                table: "disclosure_request_events",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FeeUnits",
                table: "disclosure_request_events",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "disclosure_request_appeals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    BodyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkingDaysBefore = table.Column<int>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
                name: "IX_disclosure_request_reminders_RequestId_WorkingDaysBefore_DueOn",
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
