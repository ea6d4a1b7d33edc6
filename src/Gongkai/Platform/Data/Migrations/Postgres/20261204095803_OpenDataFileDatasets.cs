using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Gongkai.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OpenDataFileDatasets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "RecordTypeId",
                table: "open_datasets",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AddColumn<string>(
                name: "Contact",
                table: "open_datasets",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "FileDatasetId",
                table: "open_datasets",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "file_datasets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BodyId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PublishedVersion = table.Column<int>(type: "integer", nullable: false),
                    DescriptionsJson = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_file_datasets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "file_dataset_versions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FileDatasetId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Format = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    RowCount = table.Column<int>(type: "integer", nullable: false),
                    ColumnsJson = table.Column<string>(type: "text", nullable: true),
                    MetadataJson = table.Column<string>(type: "text", nullable: false),
                    SubmittedById = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SubmittedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReviewedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReviewComment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_file_dataset_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_file_dataset_versions_file_datasets_FileDatasetId",
                        column: x => x.FileDatasetId,
                        principalTable: "file_datasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "file_dataset_contents",
                columns: table => new
                {
                    VersionId = table.Column<int>(type: "integer", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    RowsJson = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_file_dataset_contents", x => x.VersionId);
                    table.ForeignKey(
                        name: "FK_file_dataset_contents_file_dataset_versions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "file_dataset_versions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_open_datasets_FileDatasetId",
                table: "open_datasets",
                column: "FileDatasetId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_file_dataset_versions_FileDatasetId_Number",
                table: "file_dataset_versions",
                columns: new[] { "FileDatasetId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_file_datasets_BodyId",
                table: "file_datasets",
                column: "BodyId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "file_dataset_contents");

            migrationBuilder.DropTable(
                name: "file_dataset_versions");

            migrationBuilder.DropTable(
                name: "file_datasets");

            migrationBuilder.DropIndex(
                name: "IX_open_datasets_FileDatasetId",
                table: "open_datasets");

            migrationBuilder.DropColumn(
                name: "Contact",
                table: "open_datasets");

            migrationBuilder.DropColumn(
                name: "FileDatasetId",
                table: "open_datasets");

            migrationBuilder.AlterColumn<int>(
                name: "RecordTypeId",
                table: "open_datasets",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);
        }
    }
}
