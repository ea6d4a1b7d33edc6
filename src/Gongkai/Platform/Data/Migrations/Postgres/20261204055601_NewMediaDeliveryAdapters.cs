using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Gongkai.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NewMediaDeliveryAdapters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SiteOrigin",
                table: "new_media_posts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ExportDisabled",
                table: "new_media_accounts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "WebhookSecret",
                table: "new_media_accounts",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "WebhookSecretSetAt",
                table: "new_media_accounts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WebhookUrl",
                table: "new_media_accounts",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "new_media_post_channels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PostId = table.Column<int>(type: "integer", nullable: false),
                    Adapter = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PlatformPostUrl = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ConfirmedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RemovedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RemovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_new_media_post_channels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_new_media_post_channels_new_media_posts_PostId",
                        column: x => x.PostId,
                        principalTable: "new_media_posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "new_media_webhook_deliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PostId = table.Column<int>(type: "integer", nullable: false),
                    ChannelId = table.Column<int>(type: "integer", nullable: false),
                    AccountId = table.Column<int>(type: "integer", nullable: false),
                    Event = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Holder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LeaseExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_new_media_webhook_deliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_new_media_webhook_deliveries_new_media_post_channels_Channe~",
                        column: x => x.ChannelId,
                        principalTable: "new_media_post_channels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_new_media_post_channels_PostId_Adapter",
                table: "new_media_post_channels",
                columns: new[] { "PostId", "Adapter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_new_media_webhook_deliveries_ChannelId",
                table: "new_media_webhook_deliveries",
                column: "ChannelId");

            migrationBuilder.CreateIndex(
                name: "IX_new_media_webhook_deliveries_PostId",
                table: "new_media_webhook_deliveries",
                column: "PostId");

            migrationBuilder.CreateIndex(
                name: "IX_new_media_webhook_deliveries_Status_DueAt",
                table: "new_media_webhook_deliveries",
                columns: new[] { "Status", "DueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "new_media_webhook_deliveries");

            migrationBuilder.DropTable(
                name: "new_media_post_channels");

            migrationBuilder.DropColumn(
                name: "SiteOrigin",
                table: "new_media_posts");

            migrationBuilder.DropColumn(
                name: "ExportDisabled",
                table: "new_media_accounts");

            migrationBuilder.DropColumn(
                name: "WebhookSecret",
                table: "new_media_accounts");

            migrationBuilder.DropColumn(
                name: "WebhookSecretSetAt",
                table: "new_media_accounts");

            migrationBuilder.DropColumn(
                name: "WebhookUrl",
                table: "new_media_accounts");
        }
    }
}
