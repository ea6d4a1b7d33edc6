using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Sequences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sequences",
                columns: table => new
                {
                    Scope = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Last = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sequences", x => x.Scope);
                });

            // One table for every number that must not repeat: existing 索引号 counters move over, and tracking
            // numbers continue after the highest one given so far (they were read-max-plus-one before).
            migrationBuilder.Sql("""
                INSERT INTO sequences ("Scope", "Last")
                SELECT 'index-number/' || "BodyId" || '/' || "Year", "Last" FROM index_number_sequences
                """);
            migrationBuilder.Sql("""
                INSERT INTO sequences ("Scope", "Last")
                SELECT 'request-tracking/' || substr("TrackingNumber", 5, 4), MAX(CAST(substr("TrackingNumber", 10) AS BIGINT))
                FROM disclosure_requests WHERE "TrackingNumber" LIKE 'YSQ-____-%'
                GROUP BY substr("TrackingNumber", 5, 4)
                """);

            migrationBuilder.DropTable(
                name: "index_number_sequences");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sequences");

            migrationBuilder.CreateTable(
                name: "index_number_sequences",
                columns: table => new
                {
                    BodyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Last = table.Column<int>(type: "INTEGER", nullable: false)
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
        }
    }
}
