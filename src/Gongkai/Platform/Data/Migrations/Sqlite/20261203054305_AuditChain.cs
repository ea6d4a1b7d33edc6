using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "audit_log",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Seq",
                table: "audit_log",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_Seq",
                table: "audit_log",
                column: "Seq",
                unique: true);

            // The audit log is append-only in the database too: no DELETE, and an UPDATE only to seal a row that has
            // no seal yet, changing nothing else.
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'audit_log is append-only (DELETE refused)'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_log_seal_only BEFORE UPDATE ON audit_log
                WHEN OLD."Seq" IS NOT NULL OR OLD."Hash" IS NOT NULL
                  OR NEW."Id" IS NOT OLD."Id" OR NEW."At" IS NOT OLD."At" OR NEW."ActorId" IS NOT OLD."ActorId"
                  OR NEW."ActorName" IS NOT OLD."ActorName" OR NEW."BodyId" IS NOT OLD."BodyId" OR NEW."Action" IS NOT OLD."Action"
                  OR NEW."Target" IS NOT OLD."Target" OR NEW."Detail" IS NOT OLD."Detail" OR NEW."ClientAddress" IS NOT OLD."ClientAddress"
                BEGIN SELECT RAISE(ABORT, 'audit_log is append-only (UPDATE refused)'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_log_no_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_log_seal_only;");

            migrationBuilder.DropIndex(
                name: "IX_audit_log_Seq",
                table: "audit_log");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "audit_log");

            migrationBuilder.DropColumn(
                name: "Seq",
                table: "audit_log");
        }
    }
}
