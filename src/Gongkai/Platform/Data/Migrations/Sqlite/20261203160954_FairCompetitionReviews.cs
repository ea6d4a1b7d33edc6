using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Platform.Data.Migrations.Sqlite
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    BodyId = table.Column<int>(type: "INTEGER", nullable: false),
                    DocumentTitle = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Areas = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AnswersJson = table.Column<string>(type: "TEXT", nullable: false),
                    Conclusion = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ExceptionKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ExceptionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReviewerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReviewerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fair_competition_reviews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "market_activity_marks",
                columns: table => new
                {
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    BodyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Areas = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MarkedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    MarkedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
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
