using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DongNai.EthnicPortal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class LazyBodyImages : Migration
    {
        /// <summary>
        /// Article bodies are now stored with lazy-loading images (they were touched on every page view);
        /// bodies rendered before this version gain the attributes here. Stored bodies are serialized by the
        /// sanitizer's parser, which escapes "&lt;" in text and in attribute values, so "&lt;img " only starts a tag.
        /// </summary>
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                UPDATE [Articles] SET [RenderedBodyHtml] = REPLACE([RenderedBodyHtml], '<img ', '<img loading="lazy" decoding="async" ')
                WHERE [RenderedBodyHtml] LIKE '%<img %' AND [RenderedBodyHtml] NOT LIKE '%loading="lazy"%'
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                UPDATE [Articles] SET [RenderedBodyHtml] = REPLACE([RenderedBodyHtml], '<img loading="lazy" decoding="async" ', '<img ')
                WHERE [RenderedBodyHtml] LIKE '%<img loading="lazy" decoding="async" %'
                """);
        }
    }
}
