using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Gongkai.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FairCompetitionReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "fair_competition_reviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DocumentId = table.Column<int>(type: "integer", nullable: false),
                    BodyId = table.Column<int>(type: "integer", nullable: false),
                    DocumentTitle = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Areas = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AnswersJson = table.Column<string>(type: "text", nullable: false),
                    Conclusion = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ExceptionKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ExceptionReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ReviewerId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReviewerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fair_competition_reviews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "market_activity_marks",
                columns: table => new
                {
                    DocumentId = table.Column<int>(type: "integer", nullable: false),
                    BodyId = table.Column<int>(type: "integer", nullable: false),
                    Areas = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    MarkedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    MarkedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_market_activity_marks", x => x.DocumentId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_fair_competition_reviews_BodyId_Year",
                table: "fair_competition_reviews",
                columns: new[] { "BodyId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_fair_competition_reviews_DocumentId",
                table: "fair_competition_reviews",
                column: "DocumentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "fair_competition_reviews");

            migrationBuilder.DropTable(
                name: "market_activity_marks");
        }
    }
}
