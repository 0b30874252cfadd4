using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DongNai.EthnicPortal.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Search entries get a sort key (date, kind, item) that becomes the FTS5 rowid, and the FTS5
    /// table gains the kind column. The FTS part is hand-written and exists in the SQLite set only.
    /// The index is emptied here and rebuilt from the published content at the next start, where
    /// the application computes the keys (SearchIndexInitializer rebuilds an empty index).
    /// </summary>
    public partial class SearchSortKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            DropFullTextIndex(migrationBuilder);
            migrationBuilder.Sql("""DELETE FROM "SearchEntries";""");

            migrationBuilder.AddColumn<long>(
                name: "SortKey",
                table: "SearchEntries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_SortKey",
                table: "SearchEntries",
                column: "SortKey",
                unique: true);

            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "SearchFts" USING fts5(
                    "FoldedText",
                    "Kind",
                    content='SearchEntries',
                    content_rowid='SortKey',
                    tokenize='unicode61 remove_diacritics 0');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchEntries_fts_insert" AFTER INSERT ON "SearchEntries" BEGIN
                    INSERT INTO "SearchFts"(rowid, "FoldedText", "Kind") VALUES (new."SortKey", new."FoldedText", new."Kind");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchEntries_fts_delete" AFTER DELETE ON "SearchEntries" BEGIN
                    INSERT INTO "SearchFts"("SearchFts", rowid, "FoldedText", "Kind") VALUES ('delete', old."SortKey", old."FoldedText", old."Kind");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchEntries_fts_update" AFTER UPDATE OF "FoldedText", "Kind", "SortKey" ON "SearchEntries" BEGIN
                    INSERT INTO "SearchFts"("SearchFts", rowid, "FoldedText", "Kind") VALUES ('delete', old."SortKey", old."FoldedText", old."Kind");
                    INSERT INTO "SearchFts"(rowid, "FoldedText", "Kind") VALUES (new."SortKey", new."FoldedText", new."Kind");
                END;
                """);

            // Matches join their entries by sort key and are filtered by kind and date; without this
            // covering index every match would read its entry row, text and all, from the table.
            migrationBuilder.Sql("""CREATE INDEX "IX_SearchEntries_Search" ON "SearchEntries" ("SortKey", "Id", "Kind", "Date");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            DropFullTextIndex(migrationBuilder);
            migrationBuilder.Sql("""DELETE FROM "SearchEntries";""");

            migrationBuilder.DropIndex(
                name: "IX_SearchEntries_SortKey",
                table: "SearchEntries");

            migrationBuilder.DropColumn(
                name: "SortKey",
                table: "SearchEntries");

            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "SearchFts" USING fts5(
                    "FoldedText",
                    content='SearchEntries',
                    content_rowid='Id',
                    tokenize='unicode61 remove_diacritics 0');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchEntries_fts_insert" AFTER INSERT ON "SearchEntries" BEGIN
                    INSERT INTO "SearchFts"(rowid, "FoldedText") VALUES (new."Id", new."FoldedText");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchEntries_fts_delete" AFTER DELETE ON "SearchEntries" BEGIN
                    INSERT INTO "SearchFts"("SearchFts", rowid, "FoldedText") VALUES ('delete', old."Id", old."FoldedText");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchEntries_fts_update" AFTER UPDATE OF "FoldedText" ON "SearchEntries" BEGIN
                    INSERT INTO "SearchFts"("SearchFts", rowid, "FoldedText") VALUES ('delete', old."Id", old."FoldedText");
                    INSERT INTO "SearchFts"(rowid, "FoldedText") VALUES (new."Id", new."FoldedText");
                END;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_SearchEntries_Search" ON "SearchEntries" ("Id", "Kind", "Date");""");
        }

        private static void DropFullTextIndex(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "SearchEntries_fts_update";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "SearchEntries_fts_delete";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "SearchEntries_fts_insert";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "SearchFts";""");
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_SearchEntries_Search";""");
        }
    }
}
