using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DongNai.EthnicPortal.Web.Services.Consultations;

/// <summary>Reads the paragraphs of a Word file as plain lines, for importing a draft's text.</summary>
public static class DocxText
{
    /// <returns>The text, one paragraph a line, or null when the file is not a readable Word document.</returns>
    public static string? Read(string path)
    {
        try
        {
            using var document = WordprocessingDocument.Open(path, isEditable: false);
            var body = document.MainDocumentPart?.Document?.Body;
            if (body is null)
            {
                return null;
            }

            var lines = body.Descendants<Paragraph>()
                .Select(p => string.Concat(p.Descendants<Text>().Select(t => t.Text)).Trim())
                .Where(line => line.Length > 0);
            return SynthesisTable.XmlSafe(string.Join('\n', lines));
        }
        catch (Exception exception) when (exception is DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidDataException or IOException or System.Xml.XmlException)
        {
            return null;
        }
    }
}
