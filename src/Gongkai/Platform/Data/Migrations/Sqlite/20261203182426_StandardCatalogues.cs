using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StandardCatalogues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "catalogue_instances",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BodyId = table.Column<int>(type: "INTEGER", nullable: false),
                    TemplateCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    InstantiatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    InstantiatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalogue_instances", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "disclosure_complaints",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitBodyId = table.Column<int>(type: "INTEGER", nullable: false),
                    SupervisorBodyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Reply = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RepliedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RepliedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disclosure_complaints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "standard_catalogues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_standard_catalogues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "unit_assessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitBodyId = table.Column<int>(type: "INTEGER", nullable: false),
                    SupervisorBodyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    SuggestedScore = table.Column<int>(type: "INTEGER", nullable: false),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unit_assessments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "catalogue_instance_items",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InstanceId = table.Column<int>(type: "INTEGER", nullable: false),
                    BodyId = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    CatalogueNodeId = table.Column<int>(type: "INTEGER", nullable: false),
                    TimeLimit = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ListedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalogue_instance_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_catalogue_instance_items_catalogue_instances_InstanceId",
                        column: x => x.InstanceId,
                        principalTable: "catalogue_instances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_catalogue_instance_items_BodyId",
                table: "catalogue_instance_items",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_catalogue_instance_items_InstanceId_ItemName",
                table: "catalogue_instance_items",
                columns: new[] { "InstanceId", "ItemName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_catalogue_instances_BodyId_TemplateCode",
                table: "catalogue_instances",
                columns: new[] { "BodyId", "TemplateCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_disclosure_complaints_SupervisorBodyId_ReceivedAt",
                table: "disclosure_complaints",
                columns: new[] { "SupervisorBodyId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_standard_catalogues_Code",
                table: "standard_catalogues",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_unit_assessments_UnitBodyId_Year",
                table: "unit_assessments",
                columns: new[] { "UnitBodyId", "Year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "catalogue_instance_items");

            migrationBuilder.DropTable(
                name: "disclosure_complaints");

            migrationBuilder.DropTable(
                name: "standard_catalogues");

            migrationBuilder.DropTable(
                name: "unit_assessments");

            migrationBuilder.DropTable(
                name: "catalogue_instances");
        }
    }
}
