using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Gongkai.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Catalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CatalogueNodeId",
                table: "documents",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "catalogue_nodes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BodyId = table.Column<int>(type: "integer", nullable: false),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Content = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ResponsibleBody = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TimeLimit = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Carriers = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UpdateFrequency = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AllowedTypes = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Hidden = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalogue_nodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_catalogue_nodes_bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_catalogue_nodes_catalogue_nodes_ParentId",
                        column: x => x.ParentId,
                        principalTable: "catalogue_nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_documents_CatalogueNodeId_Status_PublishedAt",
                table: "documents",
                columns: new[] { "CatalogueNodeId", "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_catalogue_nodes_BodyId_ParentId_Order",
                table: "catalogue_nodes",
                columns: new[] { "BodyId", "ParentId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_catalogue_nodes_ParentId",
                table: "catalogue_nodes",
                column: "ParentId");

            migrationBuilder.AddForeignKey(
                name: "FK_documents_catalogue_nodes_CatalogueNodeId",
                table: "documents",
                column: "CatalogueNodeId",
                principalTable: "catalogue_nodes",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_documents_catalogue_nodes_CatalogueNodeId",
                table: "documents");

            migrationBuilder.DropTable(
                name: "catalogue_nodes");

            migrationBuilder.DropIndex(
                name: "IX_documents_CatalogueNodeId_Status_PublishedAt",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "CatalogueNodeId",
                table: "documents");
        }
    }
}
