using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DongNai.EthnicPortal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class AttachmentText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AttachmentTexts",
                columns: table => new
                {
                    DocumentAttachmentId = table.Column<int>(type: "int", nullable: false),
                    State = table.Column<int>(type: "int", nullable: false),
                    PagesDone = table.Column<int>(type: "int", nullable: false),
                    PagesTotal = table.Column<int>(type: "int", nullable: true),
                    FailureReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    ClaimedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ClaimedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    QueuedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttachmentTexts", x => x.DocumentAttachmentId);
                    table.ForeignKey(
                        name: "FK_AttachmentTexts_DocumentAttachments_DocumentAttachmentId",
                        column: x => x.DocumentAttachmentId,
                        principalTable: "DocumentAttachments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AttachmentTextPages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    DocumentAttachmentId = table.Column<int>(type: "int", nullable: false),
                    PageNumber = table.Column<int>(type: "int", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    FoldedText = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CorrectedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CorrectedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttachmentTextPages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AttachmentTextPages_AttachmentTexts_DocumentAttachmentId",
                        column: x => x.DocumentAttachmentId,
                        principalTable: "AttachmentTexts",
                        principalColumn: "DocumentAttachmentId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AttachmentTextPages_DocumentAttachmentId_PageNumber",
                table: "AttachmentTextPages",
                columns: new[] { "DocumentAttachmentId", "PageNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AttachmentTexts_State_QueuedAt",
                table: "AttachmentTexts",
                columns: new[] { "State", "QueuedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AttachmentTextPages");

            migrationBuilder.DropTable(
                name: "AttachmentTexts");
        }
    }
}
