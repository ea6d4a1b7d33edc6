using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BackfillOpenDataChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // No schema change: a marker. OpenDataChangeBackfill (an IDataBackfill) runs just before this migration is
            // applied (DatabaseInitializer), writing the change-log rows of open data published before search and the
            // public log followed it, once per database.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
