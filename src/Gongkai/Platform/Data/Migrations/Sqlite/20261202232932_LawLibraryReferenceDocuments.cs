using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LawLibraryReferenceDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Issuer",
                table: "documents",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "documents",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Own");

            migrationBuilder.AddColumn<string>(
                name: "LawKey",
                table: "documents",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LegalStatus",
                table: "documents",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Level",
                table: "documents",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Region",
                table: "documents",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_documents_Kind_LawKey",
                table: "documents",
                columns: new[] { "Kind", "LawKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_documents_Kind_LawKey",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "Issuer",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "LawKey",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "LegalStatus",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "Level",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "Region",
                table: "documents");
        }
    }
}
