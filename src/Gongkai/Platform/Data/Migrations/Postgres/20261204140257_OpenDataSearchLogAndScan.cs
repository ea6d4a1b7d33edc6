using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OpenDataSearchLogAndScan : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ColumnDeclarationsJson",
                table: "file_datasets",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PersonalDataJson",
                table: "file_dataset_versions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Title",
                table: "data_record_versions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            // A published version's title is fixed with it (the public log records it): the versions written before
            // the column existed take their record's title.
            migrationBuilder.Sql("UPDATE data_record_versions SET \"Title\" = COALESCE((SELECT r.\"Title\" FROM data_records r WHERE r.\"Id\" = data_record_versions.\"RecordId\"), '')");
            migrationBuilder.Sql("UPDATE file_datasets SET \"ColumnDeclarationsJson\" = '{}'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ColumnDeclarationsJson",
                table: "file_datasets");

            migrationBuilder.DropColumn(
                name: "PersonalDataJson",
                table: "file_dataset_versions");

            migrationBuilder.DropColumn(
                name: "Title",
                table: "data_record_versions");
        }
    }
}
