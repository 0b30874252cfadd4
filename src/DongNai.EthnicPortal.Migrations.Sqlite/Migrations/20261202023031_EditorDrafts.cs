using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DongNai.EthnicPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EditorDrafts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "ArticleId",
                table: "ArticleAutosaves",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<Guid>(
                name: "DraftKey",
                table: "ArticleAutosaves",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PageAutosaves",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PageId = table.Column<int>(type: "INTEGER", nullable: true),
                    DraftKey = table.Column<Guid>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BodyHtml = table.Column<string>(type: "TEXT", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    ShowInMenu = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsPublished = table.Column<bool>(type: "INTEGER", nullable: false),
                    BaseVersion = table.Column<Guid>(type: "TEXT", nullable: false),
                    SavedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PageAutosaves", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PageAutosaves_Pages_PageId",
                        column: x => x.PageId,
                        principalTable: "Pages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleAutosaves_UserId_DraftKey",
                table: "ArticleAutosaves",
                columns: new[] { "UserId", "DraftKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PageAutosaves_PageId_UserId",
                table: "PageAutosaves",
                columns: new[] { "PageId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PageAutosaves_UserId_DraftKey",
                table: "PageAutosaves",
                columns: new[] { "UserId", "DraftKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PageAutosaves");

            migrationBuilder.DropIndex(
                name: "IX_ArticleAutosaves_UserId_DraftKey",
                table: "ArticleAutosaves");

            migrationBuilder.DropColumn(
                name: "DraftKey",
                table: "ArticleAutosaves");

            migrationBuilder.AlterColumn<int>(
                name: "ArticleId",
                table: "ArticleAutosaves",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
