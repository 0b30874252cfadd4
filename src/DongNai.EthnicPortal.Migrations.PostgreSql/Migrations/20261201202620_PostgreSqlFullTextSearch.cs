using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DongNai.EthnicPortal.Migrations.PostgreSql.Migrations
{
    /// <summary>
    /// Full-text search over the folded text (PostgreSQL set only; written by hand because EF does not
    /// model the column). The text is already folded (lower case, no diacritics, đ → d), so the 'simple'
    /// configuration, which only splits and lower-cases, makes each folded word its own lexeme. The
    /// column is generated and stored, so every insert and update of an entry keeps it current.
    /// Two marker lexemes let the GIN index answer what rows would otherwise be read for: "#kindN" (the
    /// entry's kind), so one tab is counted by intersecting with the kind's short list, as FTS5's kind
    /// column does; "#long", on a text long enough (over 32,000 characters, so possibly over 16,383
    /// words) that PostgreSQL caps its word positions, where a phrase is then checked on the text alone.
    /// Neither can be typed: a visitor's words are parsed into letters and digits only.
    /// </summary>
    public partial class PostgreSqlFullTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                ALTER TABLE "SearchEntries" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
                    to_tsvector('simple'::regconfig, "FoldedText")
                    || array_to_tsvector(CASE WHEN length("FoldedText") > 32000
                        THEN ARRAY['#kind' || "Kind"::text, '#long']
                        ELSE ARRAY['#kind' || "Kind"::text] END)) STORED;
                CREATE INDEX "IX_SearchEntries_SearchVector" ON "SearchEntries" USING GIN ("SearchVector");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                DROP INDEX "IX_SearchEntries_SearchVector";
                ALTER TABLE "SearchEntries" DROP COLUMN "SearchVector";
                """);
        }
    }
}
