using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DongNai.EthnicPortal.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// The FTS5 index over SearchEntries.FoldedText. It is not part of the EF model (EF cannot
    /// describe virtual tables), so this migration is hand-written and exists in the SQLite set only.
    /// The text is folded by the application (đ → d included), so the tokenizer removes no diacritics.
    /// Triggers keep the index in step with every insert, update and delete of an entry.
    /// </summary>
    public partial class AddSearchFts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            // Matches are filtered by kind and date; without this covering index every match would read
            // its entry row, text and all, from the table.
            migrationBuilder.Sql("""CREATE INDEX "IX_SearchEntries_Search" ON "SearchEntries" ("Id", "Kind", "Date");""");

            // Entries written before this migration are indexed too.
            migrationBuilder.Sql("""INSERT INTO "SearchFts"("SearchFts") VALUES ('rebuild');""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "SearchEntries_fts_update";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "SearchEntries_fts_delete";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "SearchEntries_fts_insert";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "SearchFts";""");
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_SearchEntries_Search";""");
        }
    }
}
