using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Oversight : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "opinion_items",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BodyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    FoundAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstReleaseDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PressConferenceDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResponseDueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstReleasedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PressConferenceHeldAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RespondedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResponseIndexNo = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AssignedTo = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_opinion_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_opinion_items_bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "work_plans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Problems = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    ImportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_work_plans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "work_plan_tasks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkPlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Section = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Milestones = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_work_plan_tasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_work_plan_tasks_work_plans_WorkPlanId",
                        column: x => x.WorkPlanId,
                        principalTable: "work_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "work_plan_reports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    BodyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Quarter = table.Column<int>(type: "INTEGER", nullable: false),
                    Progress = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_work_plan_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_work_plan_reports_bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_work_plan_reports_work_plan_tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "work_plan_tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "work_plan_units",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Match = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    BodyId = table.Column<int>(type: "INTEGER", nullable: true),
                    CoveredKinds = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_work_plan_units", x => x.Id);
                    table.ForeignKey(
                        name: "FK_work_plan_units_bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_work_plan_units_work_plan_tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "work_plan_tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_opinion_items_BodyId_ResponseDueAt",
                table: "opinion_items",
                columns: new[] { "BodyId", "ResponseDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_work_plan_reports_BodyId",
                table: "work_plan_reports",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_work_plan_reports_TaskId_SubmittedAt",
                table: "work_plan_reports",
                columns: new[] { "TaskId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_work_plan_tasks_WorkPlanId_Number",
                table: "work_plan_tasks",
                columns: new[] { "WorkPlanId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_work_plan_units_BodyId",
                table: "work_plan_units",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_work_plan_units_TaskId_Role_Position",
                table: "work_plan_units",
                columns: new[] { "TaskId", "Role", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_work_plans_Year",
                table: "work_plans",
                column: "Year",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "opinion_items");

            migrationBuilder.DropTable(
                name: "work_plan_reports");

            migrationBuilder.DropTable(
                name: "work_plan_units");

            migrationBuilder.DropTable(
                name: "work_plan_tasks");

            migrationBuilder.DropTable(
                name: "work_plans");
        }
    }
}
