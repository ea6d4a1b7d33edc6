using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RequestsOutcomeIndexNumbers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_disclosure_requests_AssignedTo_IsClosed_DueOn",
                table: "disclosure_requests");

            migrationBuilder.DropIndex(
                name: "IX_disclosure_requests_BodyId_IsClosed_DueOn_ReceivedOn",
                table: "disclosure_requests");

            migrationBuilder.DropIndex(
                name: "IX_disclosure_requests_BodyId_ReceivedOn",
                table: "disclosure_requests");

            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedOn",
                table: "disclosure_requests",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosingDecision",
                table: "disclosure_requests",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "index_number_sequences",
                columns: table => new
                {
                    BodyId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_index_number_sequences", x => new { x.BodyId, x.Year });
                    table.ForeignKey(
                        name: "FK_index_number_sequences_bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_disclosure_requests_AssignedTo_IsClosed_DueOn_ReceivedOn_Id",
                table: "disclosure_requests",
                columns: new[] { "AssignedTo", "IsClosed", "DueOn", "ReceivedOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_disclosure_requests_BodyId_ClosedOn_ReceivedOn_ApplicantTyp~",
                table: "disclosure_requests",
                columns: new[] { "BodyId", "ClosedOn", "ReceivedOn", "ApplicantType", "ClosingDecision" });

            migrationBuilder.CreateIndex(
                name: "IX_disclosure_requests_BodyId_IsClosed_DueOn_ReceivedOn_Id",
                table: "disclosure_requests",
                columns: new[] { "BodyId", "IsClosed", "DueOn", "ReceivedOn", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "index_number_sequences");

            migrationBuilder.DropIndex(
                name: "IX_disclosure_requests_AssignedTo_IsClosed_DueOn_ReceivedOn_Id",
                table: "disclosure_requests");

            migrationBuilder.DropIndex(
                name: "IX_disclosure_requests_BodyId_ClosedOn_ReceivedOn_ApplicantTyp~",
                table: "disclosure_requests");

            migrationBuilder.DropIndex(
                name: "IX_disclosure_requests_BodyId_IsClosed_DueOn_ReceivedOn_Id",
                table: "disclosure_requests");

            migrationBuilder.DropColumn(
                name: "ClosedOn",
                table: "disclosure_requests");

            migrationBuilder.DropColumn(
                name: "ClosingDecision",
                table: "disclosure_requests");

            migrationBuilder.CreateIndex(
                name: "IX_disclosure_requests_AssignedTo_IsClosed_DueOn",
                table: "disclosure_requests",
                columns: new[] { "AssignedTo", "IsClosed", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_disclosure_requests_BodyId_IsClosed_DueOn_ReceivedOn",
                table: "disclosure_requests",
                columns: new[] { "BodyId", "IsClosed", "DueOn", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_disclosure_requests_BodyId_ReceivedOn",
                table: "disclosure_requests",
                columns: new[] { "BodyId", "ReceivedOn" });
        }
    }
}
