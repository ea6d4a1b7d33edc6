using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Platform.Data.Migrations.Postgres
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
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Seq",
                table: "audit_log",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_Seq",
                table: "audit_log",
                column: "Seq",
                unique: true);

            // The audit log is append-only in the database too: no DELETE or TRUNCATE, and an UPDATE only to seal a
            // row that has no seal yet, changing nothing else.
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_OP = 'UPDATE' AND OLD."Seq" IS NULL AND OLD."Hash" IS NULL
                     AND (NEW."Id", NEW."At", NEW."ActorId", NEW."ActorName", NEW."BodyId", NEW."Action", NEW."Target", NEW."Detail", NEW."ClientAddress")
                         IS NOT DISTINCT FROM
                         (OLD."Id", OLD."At", OLD."ActorId", OLD."ActorName", OLD."BodyId", OLD."Action", OLD."Target", OLD."Detail", OLD."ClientAddress") THEN
                    RETURN NEW;
                  END IF;
                  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP;
                END $$;
                """);
            migrationBuilder.Sql("CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_guard();");
            migrationBuilder.Sql("CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_guard();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS audit_log_guard();");

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
