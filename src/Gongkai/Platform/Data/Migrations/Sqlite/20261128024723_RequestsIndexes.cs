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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
