using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DongNai.EthnicPortal.Migrations.PostgreSql.Migrations
{
    /// <summary>
    /// The search index gets generations, so that a rebuild fills the next one beside the one readers
    /// use and switches at the end (SearchIndexRebuild). The sort keys now carry the generation's
    /// parity, so the index is emptied here and rebuilt from the published content at the next start
    /// (SearchIndexInitializer rebuilds an empty index).
    /// </summary>
    public partial class SearchIndexGenerations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DELETE FROM "SearchTerms";""");
            migrationBuilder.Sql("""DELETE FROM "SearchEntries";""");
            migrationBuilder.DropIndex(
                name: "IX_SearchEntries_Kind_EntityId",
                table: "SearchEntries");

            migrationBuilder.AddColumn<int>(
                name: "Generation",
                table: "SearchEntries",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "SearchIndexStates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    ActiveGeneration = table.Column<int>(type: "integer", nullable: false),
                    BuildingGeneration = table.Column<int>(type: "integer", nullable: true),
                    StartedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CursorKind = table.Column<int>(type: "integer", nullable: false),
                    CursorEntityId = table.Column<int>(type: "integer", nullable: false),
                    EntriesDone = table.Column<int>(type: "integer", nullable: false),
                    EntriesTotal = table.Column<int>(type: "integer", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DELETE FROM "SearchTerms";""");
            migrationBuilder.Sql("""DELETE FROM "SearchEntries";""");
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
