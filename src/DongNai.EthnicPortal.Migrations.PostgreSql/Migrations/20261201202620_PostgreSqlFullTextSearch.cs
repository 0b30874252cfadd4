using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DongNai.EthnicPortal.Migrations.PostgreSql.Migrations
{
    /// <summary>
    /// Full-text search over the folded text (PostgreSQL set only; written by hand because EF does not
    /// model the column). The text is already folded (lower case, no diacritics, đ → d), so the 'simple'
    /// configuration, which only splits and lower-cases, makes each folded word its own lexeme. The
    /// column is generated and stored, so every insert and update of an entry keeps it current.
    /// </summary>
    public partial class PostgreSqlFullTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                ALTER TABLE "SearchEntries" ADD COLUMN "SearchVector" tsvector
                    GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, "FoldedText")) STORED;
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
