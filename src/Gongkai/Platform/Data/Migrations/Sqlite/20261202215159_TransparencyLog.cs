using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Platform.Data.Migrations.Sqlite
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
                    LeafIndex = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IndexNo = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    LeafInput = table.Column<byte[]>(type: "BLOB", nullable: false),
                    LeafHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    SourceChangeId = table.Column<long>(type: "INTEGER", nullable: false),
                    AppendedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_log_leaves", x => x.LeafIndex);
                });

            migrationBuilder.CreateTable(
                name: "log_nodes",
                columns: table => new
                {
                    Key = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_log_nodes", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "log_tree_heads",
                columns: table => new
                {
                    TreeSize = table.Column<long>(type: "INTEGER", nullable: false),
                    TimestampMs = table.Column<long>(type: "INTEGER", nullable: false),
                    RootHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    Signature = table.Column<byte[]>(type: "BLOB", maxLength: 200, nullable: false),
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
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

            // The public log is append-only: the application has no update or delete path, and the database refuses one.
            migrationBuilder.Sql("CREATE TRIGGER log_leaves_no_update BEFORE UPDATE ON log_leaves BEGIN SELECT RAISE(ABORT, 'log_leaves is append-only (public log)'); END;");
            migrationBuilder.Sql("CREATE TRIGGER log_leaves_no_delete BEFORE DELETE ON log_leaves BEGIN SELECT RAISE(ABORT, 'log_leaves is append-only (public log)'); END;");
            migrationBuilder.Sql("CREATE TRIGGER log_nodes_no_update BEFORE UPDATE ON log_nodes BEGIN SELECT RAISE(ABORT, 'log_nodes is append-only (public log)'); END;");
            migrationBuilder.Sql("CREATE TRIGGER log_nodes_no_delete BEFORE DELETE ON log_nodes BEGIN SELECT RAISE(ABORT, 'log_nodes is append-only (public log)'); END;");
            migrationBuilder.Sql("CREATE TRIGGER log_tree_heads_no_update BEFORE UPDATE ON log_tree_heads BEGIN SELECT RAISE(ABORT, 'log_tree_heads is append-only (public log)'); END;");
            migrationBuilder.Sql("CREATE TRIGGER log_tree_heads_no_delete BEFORE DELETE ON log_tree_heads BEGIN SELECT RAISE(ABORT, 'log_tree_heads is append-only (public log)'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS log_leaves_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS log_leaves_no_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS log_nodes_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS log_nodes_no_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS log_tree_heads_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS log_tree_heads_no_delete;");

            migrationBuilder.DropTable(
                name: "log_leaves");

            migrationBuilder.DropTable(
                name: "log_nodes");

            migrationBuilder.DropTable(
                name: "log_tree_heads");
        }
    }
}
