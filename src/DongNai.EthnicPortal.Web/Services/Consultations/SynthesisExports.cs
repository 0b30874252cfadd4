using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DongNai.EthnicPortal.Web.Services.Formatting;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace DongNai.EthnicPortal.Web.Services.Consultations;

/// <summary>
/// Writes the synthesis table as Word and Excel files in the layout of a Vietnamese drafting report:
/// agency and national motto at the top, the title, then the five-column table grouped by article.
/// </summary>
public static class SynthesisExports
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const string Font = "Times New Roman";
    private const string AgencyName = "BAN DÂN TỘC TỈNH ĐỒNG NAI";
    private const string Title = "BẢNG TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý";

    // Landscape A4 with 2 cm margins leaves 14,570 twips; the columns share them as a drafting report does.
    private static readonly int[] ColumnTwips = [850, 2650, 1650, 5050, 4370];
    private static readonly double[] ColumnChars = [6, 24, 14, 50, 45];

    private static string Subtitle(SynthesisTable table) => $"Đối với {table.Title}";

    private static string Period(SynthesisTable table) =>
        $"(Thời gian lấy ý kiến: từ {VietnamDates.DateTime(table.OpensAt)} đến {VietnamDates.DateTime(table.ClosesAt)}; cơ quan chủ trì soạn thảo: {table.DraftingUnit})";

    private static string Total(SynthesisTable table) => $"Tổng số: {table.RowCount} ý kiến góp ý.";

    public static byte[] Docx(SynthesisTable table)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new W.Styles(new W.DocDefaults(
                new W.RunPropertiesDefault(new W.RunPropertiesBaseStyle(
                    new W.RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                    new W.FontSize { Val = "26" },
                    new W.Languages { Val = "vi-VN" })),
                new W.ParagraphPropertiesDefault(new W.ParagraphPropertiesBaseStyle(new W.SpacingBetweenLines { Before = "0", After = "60" }))));

            var body = new W.Body(
                Letterhead(),
                Paragraph(Title, bold: true, center: true, spaceBefore: 240),
                Paragraph(Subtitle(table), bold: true, center: true),
                Paragraph(Period(table), italic: true, center: true),
                Paragraph(""),
                Table(table),
                Paragraph(Total(table), italic: true, spaceBefore: 120),
                new W.SectionProperties(
                    new W.PageSize { Width = 16838, Height = 11906, Orient = W.PageOrientationValues.Landscape },
                    new W.PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134, Header = 567, Footer = 567, Gutter = 0 }));
            main.Document = new W.Document(body);
        }

        return stream.ToArray();
    }

    private static W.Table Letterhead()
    {
        var none = new W.TableBorders(
            new W.TopBorder { Val = W.BorderValues.None }, new W.BottomBorder { Val = W.BorderValues.None },
            new W.LeftBorder { Val = W.BorderValues.None }, new W.RightBorder { Val = W.BorderValues.None },
            new W.InsideHorizontalBorder { Val = W.BorderValues.None }, new W.InsideVerticalBorder { Val = W.BorderValues.None });
        return new W.Table(
            new W.TableProperties(new W.TableWidth { Width = "5000", Type = W.TableWidthUnitValues.Pct }, none),
            new W.TableGrid(new W.GridColumn { Width = "5800" }, new W.GridColumn { Width = "8770" }),
            new W.TableRow(
                Cell(5800, Paragraph(AgencyName, bold: true, center: true)),
                Cell(8770, Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, center: true), Paragraph("Độc lập – Tự do – Hạnh phúc", bold: true, center: true))));
    }

    private static W.Table Table(SynthesisTable table)
    {
        var border = new W.TableBorders(
            new W.TopBorder { Val = W.BorderValues.Single, Size = 4 }, new W.BottomBorder { Val = W.BorderValues.Single, Size = 4 },
            new W.LeftBorder { Val = W.BorderValues.Single, Size = 4 }, new W.RightBorder { Val = W.BorderValues.Single, Size = 4 },
            new W.InsideHorizontalBorder { Val = W.BorderValues.Single, Size = 4 }, new W.InsideVerticalBorder { Val = W.BorderValues.Single, Size = 4 });
        var result = new W.Table(
            new W.TableProperties(new W.TableWidth { Width = ColumnTwips.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture), Type = W.TableWidthUnitValues.Dxa }, border, new W.TableLayout { Type = W.TableLayoutValues.Fixed }),
            new W.TableGrid(ColumnTwips.Select(w => new W.GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));

        // The header row repeats on every page, as a long table needs.
        var header = new W.TableRow(new W.TableRowProperties(new W.TableHeader()));
        for (var i = 0; i < SynthesisTable.Headers.Length; i++)
        {
            header.Append(Cell(ColumnTwips[i], Paragraph(SynthesisTable.Headers[i], bold: true, center: true)));
        }

        result.Append(header);
        if (table.Groups.Count == 0)
        {
            result.Append(new W.TableRow(SpanningCell(Paragraph("Chưa có ý kiến góp ý.", italic: true, center: true))));
        }

        foreach (var group in table.Groups)
        {
            result.Append(new W.TableRow(new W.TableRowProperties(new W.CantSplit()), SpanningCell(Paragraph(group.Part, bold: true))));
            foreach (var row in group.Rows)
            {
                result.Append(new W.TableRow(
                    Cell(ColumnTwips[0], Paragraph(row.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), center: true)),
                    Cell(ColumnTwips[1], Paragraph(row.Commenter)),
                    Cell(ColumnTwips[2], Paragraph(row.Part)),
                    Cell(ColumnTwips[3], Lines(row.Comment)),
                    Cell(ColumnTwips[4], Lines(row.Response))));
            }
        }

        return result;
    }

    private static W.TableCell SpanningCell(W.Paragraph paragraph) =>
        new(new W.TableCellProperties(new W.TableCellWidth { Width = ColumnTwips.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture), Type = W.TableWidthUnitValues.Dxa }, new W.GridSpan { Val = ColumnTwips.Length }), paragraph);

    private static W.TableCell Cell(int width, params W.Paragraph[] paragraphs)
    {
        var cell = new W.TableCell(new W.TableCellProperties(new W.TableCellWidth { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = W.TableWidthUnitValues.Dxa }));
        cell.Append(paragraphs);
        return cell;
    }

    /// <summary>A comment's own line breaks become paragraphs of the cell.</summary>
    private static W.Paragraph[] Lines(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return lines.Select(line => Paragraph(line)).ToArray();
    }

    private static W.Paragraph Paragraph(string text, bool bold = false, bool italic = false, bool center = false, int spaceBefore = 0)
    {
        var properties = new W.ParagraphProperties();
        if (spaceBefore > 0)
        {
            properties.Append(new W.SpacingBetweenLines { Before = spaceBefore.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        if (center)
        {
            properties.Append(new W.Justification { Val = W.JustificationValues.Center });
        }

        var runProperties = new W.RunProperties();
        if (bold)
        {
            runProperties.Append(new W.Bold());
        }

        if (italic)
        {
            runProperties.Append(new W.Italic());
        }

        return new W.Paragraph(properties, new W.Run(runProperties, new W.Text(SynthesisTable.XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private const uint StyleTitle = 1;
    private const uint StyleHeader = 2;
    private const uint StyleCell = 3;
    private const uint StyleGroup = 4;
    private const uint StyleNote = 5;

    public static byte[] Xlsx(SynthesisTable table)
    {
        using var stream = new MemoryStream();
        using (var workbook = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = workbook.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
            stylesPart.Stylesheet = Stylesheet();

            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var merges = new MergeCells();
            uint rowIndex = 0;

            void Wide(string text, uint style, double height = 0)
            {
                rowIndex++;
                var row = new Row { RowIndex = rowIndex };
                if (height > 0)
                {
                    row.Height = height;
                    row.CustomHeight = true;
                }

                row.Append(TextCell($"A{rowIndex}", text, style));
                for (var column = 1; column < SynthesisTable.Headers.Length; column++)
                {
                    row.Append(new Cell { CellReference = $"{(char)('A' + column)}{rowIndex}", StyleIndex = style });
                }

                data.Append(row);
                merges.Append(new MergeCell { Reference = $"A{rowIndex}:{(char)('A' + SynthesisTable.Headers.Length - 1)}{rowIndex}" });
            }

            Wide(AgencyName, StyleTitle);
            Wide(Title, StyleTitle);
            Wide(Subtitle(table), StyleTitle, 34);
            Wide(Period(table), StyleNote, 34);

            rowIndex++;
            var header = new Row { RowIndex = rowIndex };
            for (var i = 0; i < SynthesisTable.Headers.Length; i++)
            {
                header.Append(TextCell($"{(char)('A' + i)}{rowIndex}", SynthesisTable.Headers[i], StyleHeader));
            }

            data.Append(header);
            var headerRow = rowIndex;
            foreach (var group in table.Groups)
            {
                Wide(group.Part, StyleGroup);
                foreach (var item in group.Rows)
                {
                    rowIndex++;
                    data.Append(new Row(
                        new Cell { CellReference = $"A{rowIndex}", DataType = CellValues.Number, CellValue = new CellValue(item.Number), StyleIndex = StyleCell },
                        TextCell($"B{rowIndex}", item.Commenter, StyleCell),
                        TextCell($"C{rowIndex}", item.Part, StyleCell),
                        TextCell($"D{rowIndex}", item.Comment, StyleCell),
                        TextCell($"E{rowIndex}", item.Response, StyleCell))
                    {
                        RowIndex = rowIndex,
                        Height = RowHeight(item.Commenter, item.Part, item.Comment, item.Response),
                        CustomHeight = true,
                    });
                }
            }

            Wide(Total(table), StyleNote);

            var columns = new Columns(ColumnChars.Select((width, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = width, CustomWidth = true }));
            // Fit the five columns to the width of one landscape page, however many pages long.
            var worksheet = new Worksheet(new SheetProperties(new PageSetupProperties { FitToPage = true }), columns, data);
            if (merges.HasChildren)
            {
                worksheet.Append(merges);
            }

            worksheet.Append(new PageMargins { Left = 0.6, Right = 0.6, Top = 0.7, Bottom = 0.7, Header = 0.3, Footer = 0.3 });
            worksheet.Append(new PageSetup { Orientation = OrientationValues.Landscape, PaperSize = 9, FitToWidth = 1, FitToHeight = 0 });
            sheetPart.Worksheet = worksheet;

            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = "Tổng hợp ý kiến" });

            // Print the header row on every page.
            workbookPart.Workbook.Append(new DefinedNames(new DefinedName { Name = "_xlnm.Print_Titles", LocalSheetId = 0, Text = $"'Tổng hợp ý kiến'!${headerRow}:${headerRow}" }));
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Neither Excel nor LibreOffice grows a row to fit wrapped text written by a program, so the height
    /// is estimated from the longest cell: its lines at the column's width, 15.75 points each.
    /// </summary>
    private static double RowHeight(params string[] cells)
    {
        var lines = 1;
        for (var i = 0; i < cells.Length; i++)
        {
            var width = ColumnChars[i + 1] * 0.95;
            var cellLines = cells[i].Split('\n').Sum(line => Math.Max(1, (int)Math.Ceiling(line.Length / width)));
            lines = Math.Max(lines, cellLines);
        }

        return Math.Min(409, (lines * 15.75) + 3);
    }

    /// <summary>An inline string: never a formula, whatever the commenter typed ("=HYPERLINK(…)" stays text).</summary>
    private static Cell TextCell(string reference, string text, uint style) =>
        new(new InlineString(new Text(SynthesisTable.XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve }))
        {
            CellReference = reference,
            DataType = CellValues.InlineString,
            StyleIndex = style,
        };

    private static Stylesheet Stylesheet()
    {
        static Font MakeFont(bool bold, bool italic)
        {
            var font = new Font();
            if (bold)
            {
                font.Append(new Bold());
            }

            if (italic)
            {
                font.Append(new Italic());
            }

            font.Append(new FontSize { Val = 12 }, new FontName { Val = Font });
            return font;
        }

        var thin = new Border(
            new LeftBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
            new RightBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
            new TopBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
            new BottomBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
            new DiagonalBorder());

        static CellFormat Format(uint font, uint border, HorizontalAlignmentValues horizontal, VerticalAlignmentValues vertical) =>
            new(new Alignment { Horizontal = horizontal, Vertical = vertical, WrapText = true })
            {
                FontId = font,
                FillId = 0,
                BorderId = border,
                ApplyFont = true,
                ApplyBorder = true,
                ApplyAlignment = true,
            };

        return new Stylesheet(
            new Fonts(MakeFont(false, false), MakeFont(true, false), MakeFont(false, true)),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin),
            new CellFormats(
                new CellFormat { FontId = 0, FillId = 0, BorderId = 0 },
                Format(1, 0, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Center),
                Format(1, 1, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Center),
                Format(0, 1, HorizontalAlignmentValues.Left, VerticalAlignmentValues.Top),
                Format(1, 1, HorizontalAlignmentValues.Left, VerticalAlignmentValues.Center),
                Format(2, 0, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Center)));
    }
}
