using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TransparencyLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "log_leaves",
                columns: table => new
                {
                    LeafIndex = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    IndexNo = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    LeafInput = table.Column<byte[]>(type: "bytea", nullable: false),
                    LeafHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    SourceChangeId = table.Column<long>(type: "bigint", nullable: false),
                    AppendedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_log_leaves", x => x.LeafIndex);
                });

            migrationBuilder.CreateTable(
                name: "log_nodes",
                columns: table => new
                {
                    Key = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_log_nodes", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "log_tree_heads",
                columns: table => new
                {
                    TreeSize = table.Column<long>(type: "bigint", nullable: false),
                    TimestampMs = table.Column<long>(type: "bigint", nullable: false),
                    RootHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    Signature = table.Column<byte[]>(type: "bytea", maxLength: 200, nullable: false),
                    KeyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_log_tree_heads", x => x.TreeSize);
                });

            migrationBuilder.CreateIndex(
                name: "IX_log_leaves_Kind_IndexNo_Version",
                table: "log_leaves",
                columns: new[] { "Kind", "IndexNo", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_log_leaves_LeafHash",
                table: "log_leaves",
                column: "LeafHash");

            // The public log is append-only: the application has no update or delete path, and the database refuses one
            // (row updates and deletes, and TRUNCATE).
            migrationBuilder.Sql("CREATE FUNCTION log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '% is append-only (public log)', TG_TABLE_NAME; END $$;");
            migrationBuilder.Sql("CREATE TRIGGER log_leaves_append_only BEFORE UPDATE OR DELETE ON log_leaves FOR EACH ROW EXECUTE FUNCTION log_append_only();");
            migrationBuilder.Sql("CREATE TRIGGER log_leaves_no_truncate BEFORE TRUNCATE ON log_leaves FOR EACH STATEMENT EXECUTE FUNCTION log_append_only();");
            migrationBuilder.Sql("CREATE TRIGGER log_nodes_append_only BEFORE UPDATE OR DELETE ON log_nodes FOR EACH ROW EXECUTE FUNCTION log_append_only();");
            migrationBuilder.Sql("CREATE TRIGGER log_nodes_no_truncate BEFORE TRUNCATE ON log_nodes FOR EACH STATEMENT EXECUTE FUNCTION log_append_only();");
            migrationBuilder.Sql("CREATE TRIGGER log_tree_heads_append_only BEFORE UPDATE OR DELETE ON log_tree_heads FOR EACH ROW EXECUTE FUNCTION log_append_only();");
            migrationBuilder.Sql("CREATE TRIGGER log_tree_heads_no_truncate BEFORE TRUNCATE ON log_tree_heads FOR EACH STATEMENT EXECUTE FUNCTION log_append_only();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS log_leaves_append_only ON log_leaves;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS log_leaves_no_truncate ON log_leaves;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS log_nodes_append_only ON log_nodes;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS log_nodes_no_truncate ON log_nodes;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS log_tree_heads_append_only ON log_tree_heads;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS log_tree_heads_no_truncate ON log_tree_heads;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS log_append_only();");

            migrationBuilder.DropTable(
                name: "log_leaves");

            migrationBuilder.DropTable(
                name: "log_nodes");

            migrationBuilder.DropTable(
                name: "log_tree_heads");
        }
    }
}
