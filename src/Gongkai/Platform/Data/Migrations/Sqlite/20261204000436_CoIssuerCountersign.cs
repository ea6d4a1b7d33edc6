using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CoIssuerCountersign : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_document_co_issuers_BodyId",
                table: "document_co_issuers");

            migrationBuilder.AddColumn<long>(
                name: "AnsweredAt",
                table: "document_co_issuers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnsweredBy",
                table: "document_co_issuers",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnsweredByName",
                table: "document_co_issuers",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeclineReason",
                table: "document_co_issuers",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "document_co_issuers",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Requested");

            migrationBuilder.CreateIndex(
                name: "IX_document_co_issuers_BodyId_State",
                table: "document_co_issuers",
                columns: new[] { "BodyId", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_document_co_issuers_BodyId_State",
                table: "document_co_issuers");

            migrationBuilder.DropColumn(
                name: "AnsweredAt",
                table: "document_co_issuers");

            migrationBuilder.DropColumn(
                name: "AnsweredBy",
                table: "document_co_issuers");

            migrationBuilder.DropColumn(
                name: "AnsweredByName",
                table: "document_co_issuers");

            migrationBuilder.DropColumn(
                name: "DeclineReason",
                table: "document_co_issuers");

            migrationBuilder.DropColumn(
                name: "State",
                table: "document_co_issuers");

            migrationBuilder.CreateIndex(
                name: "IX_document_co_issuers_BodyId",
                table: "document_co_issuers",
                column: "BodyId");
        }
    }
}
