using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DongNai.EthnicPortal.Migrations.PostgreSql.Migrations
{
    /// <summary>
    /// Matching reads a small tsvector (PostgreSQL set only; written by hand like PostgreSqlFullTextSearch).
    /// "SearchWords" holds the same lexemes and markers as "SearchVector" without word positions: about
    /// 1.3 KB for a 6,000-character article against 4.3 KB, which PostgreSQL cannot compress and so keeps
    /// out of line in TOAST. Small enough to stay in the row, it lets a count that stops at 1,001
    /// matches read 1,001 rows instead of fetching 1,001 TOASTed vectors (0.8 ms against 19 ms at
    /// 100,000 articles). The GIN index moves to it: an index holds no positions, so it answers the
    /// same. "SearchVector" stays for phrases, which need positions. Adding a stored column rewrites the
    /// table, so the statistics are gathered again here: until then the planner would take every
    /// search for a rare one.
    /// </summary>
    public partial class PostgreSqlSearchWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                ALTER TABLE "SearchEntries" ADD COLUMN "SearchWords" tsvector GENERATED ALWAYS AS (
                    strip(to_tsvector('simple'::regconfig, "FoldedText"))
                    || array_to_tsvector(CASE WHEN length("FoldedText") > 32000
                        THEN ARRAY['#kind' || "Kind"::text, '#long']
                        ELSE ARRAY['#kind' || "Kind"::text] END)) STORED,
                    ALTER COLUMN "SearchWords" SET STORAGE MAIN;
                DROP INDEX "IX_SearchEntries_SearchVector";
                CREATE INDEX "IX_SearchEntries_SearchWords" ON "SearchEntries" USING GIN ("SearchWords");
                ANALYZE "SearchEntries";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                DROP INDEX "IX_SearchEntries_SearchWords";
                ALTER TABLE "SearchEntries" DROP COLUMN "SearchWords";
                CREATE INDEX "IX_SearchEntries_SearchVector" ON "SearchEntries" USING GIN ("SearchVector");
                """);
        }
    }
}
