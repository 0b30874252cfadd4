using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DongNai.EthnicPortal.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// The search index gets generations, so that a rebuild fills the next one beside the one readers
    /// use and switches at the end (SearchIndexRebuild). The sort keys now carry the generation's
    /// parity, so the index is emptied here and rebuilt from the published content at the next start
    /// (SearchIndexInitializer rebuilds an empty index).
    /// The FTS5 covering index gains the generation, which every match is filtered on.
    /// </summary>
    public partial class SearchIndexGenerations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DELETE FROM "SearchTerms";""");
            migrationBuilder.Sql("""DELETE FROM "SearchEntries";""");
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_SearchEntries_Search";""");
            migrationBuilder.DropIndex(
                name: "IX_SearchEntries_Kind_EntityId",
                table: "SearchEntries");

            migrationBuilder.AddColumn<int>(
                name: "Generation",
                table: "SearchEntries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "SearchIndexStates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    ActiveGeneration = table.Column<int>(type: "INTEGER", nullable: false),
                    BuildingGeneration = table.Column<int>(type: "INTEGER", nullable: true),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CursorKind = table.Column<int>(type: "INTEGER", nullable: false),
                    CursorEntityId = table.Column<int>(type: "INTEGER", nullable: false),
                    EntriesDone = table.Column<int>(type: "INTEGER", nullable: false),
                    EntriesTotal = table.Column<int>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchIndexStates", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "SearchIndexStates",
                columns: new[] { "Id", "ActiveGeneration", "BuildingGeneration", "CursorEntityId", "CursorKind", "EntriesDone", "EntriesTotal", "FinishedAt", "StartedAt", "StartedBy" },
                values: new object[] { 1, 0, null, 0, 0, 0, 0, null, null, "" });

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_Generation_Kind_EntityId",
                table: "SearchEntries",
                columns: new[] { "Generation", "Kind", "EntityId" },
                unique: true);

            // Matches join their entries by sort key and are filtered by generation, kind and date.
            migrationBuilder.Sql("""CREATE INDEX "IX_SearchEntries_Search" ON "SearchEntries" ("SortKey", "Id", "Kind", "Date", "Generation");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DELETE FROM "SearchEntries";""");
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_SearchEntries_Search";""");
            migrationBuilder.Sql("""CREATE INDEX "IX_SearchEntries_Search" ON "SearchEntries" ("SortKey", "Id", "Kind", "Date");""");
            migrationBuilder.DropTable(
                name: "SearchIndexStates");

            migrationBuilder.DropIndex(
                name: "IX_SearchEntries_Generation_Kind_EntityId",
                table: "SearchEntries");

            migrationBuilder.DropColumn(
                name: "Generation",
                table: "SearchEntries");

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_Kind_EntityId",
                table: "SearchEntries",
                columns: new[] { "Kind", "EntityId" },
                unique: true);
        }
    }
}
