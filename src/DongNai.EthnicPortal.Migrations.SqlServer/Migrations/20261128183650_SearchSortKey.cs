using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DongNai.EthnicPortal.Migrations.SqlServer.Migrations
{
    /// <summary>
    /// Search entries get a sort key (date, kind, item). The index is emptied here and rebuilt from
    /// the published content at the next start, where the application computes the keys
    /// (SearchIndexInitializer rebuilds an empty index).
    /// </summary>
    public partial class SearchSortKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DELETE FROM [SearchTerms];");
            migrationBuilder.Sql("DELETE FROM [SearchEntries];");

            migrationBuilder.AddColumn<long>(
                name: "SortKey",
                table: "SearchEntries",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_SortKey",
                table: "SearchEntries",
                column: "SortKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SearchEntries_SortKey",
                table: "SearchEntries");

            migrationBuilder.DropColumn(
                name: "SortKey",
                table: "SearchEntries");
        }
    }
}
