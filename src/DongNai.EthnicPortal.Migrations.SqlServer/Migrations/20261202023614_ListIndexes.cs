using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DongNai.EthnicPortal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_CategoryId_Status_PublishedAt",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_CreatedById_Status",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_OfficialDocuments_IssuedOn_Id",
                table: "OfficialDocuments",
                columns: new[] { "IssuedOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_CategoryId_Status_PublishedAt_Id",
                table: "Articles",
                columns: new[] { "CategoryId", "Status", "PublishedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_CreatedById_Status_UpdatedAt",
                table: "Articles",
                columns: new[] { "CreatedById", "Status", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Status_UpdatedAt",
                table: "Articles",
                columns: new[] { "Status", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_UpdatedAt",
                table: "Articles",
                column: "UpdatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OfficialDocuments_IssuedOn_Id",
                table: "OfficialDocuments");

            migrationBuilder.DropIndex(
                name: "IX_Articles_CategoryId_Status_PublishedAt_Id",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_CreatedById_Status_UpdatedAt",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Status_UpdatedAt",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_UpdatedAt",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_CategoryId_Status_PublishedAt",
                table: "Articles",
                columns: new[] { "CategoryId", "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_CreatedById_Status",
                table: "Articles",
                columns: new[] { "CreatedById", "Status" });
        }
    }
}
