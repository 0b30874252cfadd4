using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DongNai.EthnicPortal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class EditorDrafts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ArticleAutosaves_ArticleId_UserId",
                table: "ArticleAutosaves");

            migrationBuilder.AlterColumn<int>(
                name: "ArticleId",
                table: "ArticleAutosaves",
                type: "int",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "int");

            migrationBuilder.AddColumn<Guid>(
                name: "DraftKey",
                table: "ArticleAutosaves",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PageAutosaves",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PageId = table.Column<int>(type: "int", nullable: true),
                    DraftKey = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Slug = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    BodyHtml = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Language = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    SortOrder = table.Column<int>(type: "int", nullable: false),
                    ShowInMenu = table.Column<bool>(type: "bit", nullable: false),
                    IsPublished = table.Column<bool>(type: "bit", nullable: false),
                    BaseVersion = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SavedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
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
                name: "IX_ArticleAutosaves_ArticleId_UserId",
                table: "ArticleAutosaves",
                columns: new[] { "ArticleId", "UserId" },
                unique: true,
                filter: "[ArticleId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleAutosaves_UserId_DraftKey",
                table: "ArticleAutosaves",
                columns: new[] { "UserId", "DraftKey" },
                unique: true,
                filter: "[DraftKey] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PageAutosaves_PageId_UserId",
                table: "PageAutosaves",
                columns: new[] { "PageId", "UserId" },
                unique: true,
                filter: "[PageId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PageAutosaves_UserId_DraftKey",
                table: "PageAutosaves",
                columns: new[] { "UserId", "DraftKey" },
                unique: true,
                filter: "[DraftKey] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PageAutosaves");

            migrationBuilder.DropIndex(
                name: "IX_ArticleAutosaves_ArticleId_UserId",
                table: "ArticleAutosaves");

            migrationBuilder.DropIndex(
                name: "IX_ArticleAutosaves_UserId_DraftKey",
                table: "ArticleAutosaves");

            migrationBuilder.DropColumn(
                name: "DraftKey",
                table: "ArticleAutosaves");

            migrationBuilder.AlterColumn<int>(
                name: "ArticleId",
                table: "ArticleAutosaves",
                type: "int",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "int",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ArticleAutosaves_ArticleId_UserId",
                table: "ArticleAutosaves",
                columns: new[] { "ArticleId", "UserId" },
                unique: true);
        }
    }
}
