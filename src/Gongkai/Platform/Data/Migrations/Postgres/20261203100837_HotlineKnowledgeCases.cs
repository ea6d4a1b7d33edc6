using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Gongkai.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HotlineKnowledgeCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "KnowledgeEntryId",
                table: "hotline_tickets",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MergedIntoId",
                table: "hotline_tickets",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "hotline_knowledge_entries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Answer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SourceUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CategoryId = table.Column<int>(type: "integer", nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hotline_knowledge_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_hotline_knowledge_entries_hotline_categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "hotline_categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "hotline_typical_cases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TicketId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Month = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    SelectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SelectedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PublishedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hotline_typical_cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_hotline_typical_cases_hotline_tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "hotline_tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_hotline_tickets_KnowledgeEntryId",
                table: "hotline_tickets",
                column: "KnowledgeEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_hotline_tickets_MergedIntoId",
                table: "hotline_tickets",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_hotline_knowledge_entries_CategoryId",
                table: "hotline_knowledge_entries",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_hotline_typical_cases_Month_PublishedAt",
                table: "hotline_typical_cases",
                columns: new[] { "Month", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_hotline_typical_cases_TicketId",
                table: "hotline_typical_cases",
                column: "TicketId",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_hotline_tickets_hotline_knowledge_entries_KnowledgeEntryId",
                table: "hotline_tickets",
                column: "KnowledgeEntryId",
                principalTable: "hotline_knowledge_entries",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_hotline_tickets_hotline_tickets_MergedIntoId",
                table: "hotline_tickets",
                column: "MergedIntoId",
                principalTable: "hotline_tickets",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_hotline_tickets_hotline_knowledge_entries_KnowledgeEntryId",
                table: "hotline_tickets");

            migrationBuilder.DropForeignKey(
                name: "FK_hotline_tickets_hotline_tickets_MergedIntoId",
                table: "hotline_tickets");

            migrationBuilder.DropTable(
                name: "hotline_knowledge_entries");

            migrationBuilder.DropTable(
                name: "hotline_typical_cases");

            migrationBuilder.DropIndex(
                name: "IX_hotline_tickets_KnowledgeEntryId",
                table: "hotline_tickets");

            migrationBuilder.DropIndex(
                name: "IX_hotline_tickets_MergedIntoId",
                table: "hotline_tickets");

            migrationBuilder.DropColumn(
                name: "KnowledgeEntryId",
                table: "hotline_tickets");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "hotline_tickets");
        }
    }
}
