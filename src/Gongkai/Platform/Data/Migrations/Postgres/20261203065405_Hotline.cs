using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Gongkai.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Hotline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "hotline_categories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    DefaultUrgency = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hotline_categories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_hotline_categories_hotline_categories_ParentId",
                        column: x => x.ParentId,
                        principalTable: "hotline_categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "hotline_supervisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TicketId = table.Column<int>(type: "integer", nullable: false),
                    BodyId = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Limit = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hotline_supervisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "open311_api_keys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    KeyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Prefix = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_open311_api_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hotline_routes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CategoryId = table.Column<int>(type: "integer", nullable: false),
                    District = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    BodyId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hotline_routes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_hotline_routes_bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_hotline_routes_hotline_categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "hotline_categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "hotline_tickets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CategoryId = table.Column<int>(type: "integer", nullable: false),
                    Urgency = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    PublicDescription = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    District = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    MediaUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Attributes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CallerName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CallerPhone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CallerEmail = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    BodyId = table.Column<int>(type: "integer", nullable: true),
                    ProposedBodyId = table.Column<int>(type: "integer", nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SignDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReplyDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    NextDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    IsOpen = table.Column<bool>(type: "boolean", nullable: false),
                    SignedOnTime = table.Column<bool>(type: "boolean", nullable: true),
                    RepliedOnTime = table.Column<bool>(type: "boolean", nullable: true),
                    RepliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReplyText = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Rating = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    ReopenCount = table.Column<int>(type: "integer", nullable: false),
                    Token = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ApiKeyId = table.Column<int>(type: "integer", nullable: true),
                    Supervised = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hotline_tickets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_hotline_tickets_bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_hotline_tickets_hotline_categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "hotline_categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "hotline_time_limits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CategoryId = table.Column<int>(type: "integer", nullable: true),
                    Urgency = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SignWithinHours = table.Column<int>(type: "integer", nullable: true),
                    SignWithinWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    ReplyWithinWorkingDays = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hotline_time_limits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_hotline_time_limits_hotline_categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "hotline_categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "hotline_ticket_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TicketId = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    BodyId = table.Column<int>(type: "integer", nullable: true),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    WorkingDays = table.Column<int>(type: "integer", nullable: true),
                    Rating = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hotline_ticket_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_hotline_ticket_events_hotline_tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "hotline_tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_hotline_categories_Code",
                table: "hotline_categories",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_hotline_categories_ParentId",
                table: "hotline_categories",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_hotline_routes_BodyId",
                table: "hotline_routes",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_hotline_routes_CategoryId_District",
                table: "hotline_routes",
                columns: new[] { "CategoryId", "District" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_hotline_supervisions_BodyId_At",
                table: "hotline_supervisions",
                columns: new[] { "BodyId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_hotline_supervisions_TicketId",
                table: "hotline_supervisions",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_hotline_ticket_events_TicketId_At",
                table: "hotline_ticket_events",
                columns: new[] { "TicketId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_hotline_tickets_BodyId_IsOpen_NextDueAt",
                table: "hotline_tickets",
                columns: new[] { "BodyId", "IsOpen", "NextDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_hotline_tickets_CategoryId",
                table: "hotline_tickets",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_hotline_tickets_IsOpen_NextDueAt",
                table: "hotline_tickets",
                columns: new[] { "IsOpen", "NextDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_hotline_tickets_Number",
                table: "hotline_tickets",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_hotline_tickets_ReceivedAt",
                table: "hotline_tickets",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_hotline_tickets_Status_ReceivedAt",
                table: "hotline_tickets",
                columns: new[] { "Status", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_hotline_tickets_Token",
                table: "hotline_tickets",
                column: "Token");

            migrationBuilder.CreateIndex(
                name: "IX_hotline_time_limits_CategoryId_Urgency",
                table: "hotline_time_limits",
                columns: new[] { "CategoryId", "Urgency" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_open311_api_keys_KeyHash",
                table: "open311_api_keys",
                column: "KeyHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hotline_routes");

            migrationBuilder.DropTable(
                name: "hotline_supervisions");

            migrationBuilder.DropTable(
                name: "hotline_ticket_events");

            migrationBuilder.DropTable(
                name: "hotline_time_limits");

            migrationBuilder.DropTable(
                name: "open311_api_keys");

            migrationBuilder.DropTable(
                name: "hotline_tickets");

            migrationBuilder.DropTable(
                name: "hotline_categories");
        }
    }
}
