using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Platform.Data.Migrations.Postgres
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

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AnsweredAt",
                table: "document_co_issuers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnsweredBy",
                table: "document_co_issuers",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnsweredByName",
                table: "document_co_issuers",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeclineReason",
                table: "document_co_issuers",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "document_co_issuers",
                type: "character varying(16)",
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
