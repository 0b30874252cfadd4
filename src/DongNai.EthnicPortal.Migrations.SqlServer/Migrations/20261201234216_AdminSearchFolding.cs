using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DongNai.EthnicPortal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class AdminSearchFolding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AbstractFolded",
                table: "OfficialDocuments",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "AltTextFolded",
                table: "MediaFiles",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "FileNameFolded",
                table: "MediaFiles",
                type: "nvarchar(260)",
                maxLength: 260,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "UserNameFolded",
                table: "AuditEntries",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SummaryFolded",
                table: "Articles",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "TitleFolded",
                table: "Articles",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_UserNameFolded",
                table: "AuditEntries",
                column: "UserNameFolded");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_TitleFolded",
                table: "Articles",
                column: "TitleFolded");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_UserNameFolded",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_Articles_TitleFolded",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "AbstractFolded",
                table: "OfficialDocuments");

            migrationBuilder.DropColumn(
                name: "AltTextFolded",
                table: "MediaFiles");

            migrationBuilder.DropColumn(
                name: "FileNameFolded",
                table: "MediaFiles");

            migrationBuilder.DropColumn(
                name: "UserNameFolded",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "SummaryFolded",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "TitleFolded",
                table: "Articles");
        }
    }
}
