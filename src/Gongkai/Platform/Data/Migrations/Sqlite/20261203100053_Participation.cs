using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Participation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "consultations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BodyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    DraftHtml = table.Column<string>(type: "TEXT", nullable: false),
                    ExplanationHtml = table.Column<string>(type: "TEXT", nullable: false),
                    Options = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    HowToComment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ShortenedReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    FeedbackSummary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DocumentIndexNo = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OpenedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    FeedbackSavedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FeedbackPublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FeedbackPublishedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_consultations_bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "consultation_feedback_groups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConsultationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_feedback_groups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_consultation_feedback_groups_consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "consultation_comments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConsultationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    PublicText = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    Clause = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Option = table.Column<int>(type: "INTEGER", nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Moderation = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    GroupId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_comments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_consultation_comments_consultation_feedback_groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "consultation_feedback_groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_consultation_comments_consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_consultation_comments_ConsultationId_Moderation_Id",
                table: "consultation_comments",
                columns: new[] { "ConsultationId", "Moderation", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_consultation_comments_GroupId",
                table: "consultation_comments",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_consultation_feedback_groups_ConsultationId_Position",
                table: "consultation_feedback_groups",
                columns: new[] { "ConsultationId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_consultations_BodyId",
                table: "consultations",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_consultations_Stage_ClosesOn",
                table: "consultations",
                columns: new[] { "Stage", "ClosesOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "consultation_comments");

            migrationBuilder.DropTable(
                name: "consultation_feedback_groups");

            migrationBuilder.DropTable(
                name: "consultations");
        }
    }
}
