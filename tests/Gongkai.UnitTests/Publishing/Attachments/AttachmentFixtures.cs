using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.UnitTests.Publishing.Attachments;

/// <summary>Small real files built in the test, so no binary fixtures live in the repository.</summary>
public static class AttachmentFixtures
{
    /// <summary>A valid 18-digit citizen ID (checksum and birth date right) used by the safeguards' own tests' style.</summary>
    public const string IdNumber = "11010519491231002X";

    /// <summary>A Word document, one paragraph per entry; each paragraph is a list of runs (separate w:t elements).</summary>
    public static byte[] Docx(params string[][] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            var body = new W.Body();
            foreach (var runs in paragraphs)
            {
                body.Append(new W.Paragraph(runs.Select(text => new W.Run(new W.Text(text) { Space = SpaceProcessingModeValues.Preserve }))));
            }

            main.Document = new W.Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    public static byte[] Docx(params string[] paragraphs) => Docx(paragraphs.Select(p => new[] { p }).ToArray());

    /// <summary>An Excel workbook with one sheet; strings go to the shared string table as Excel writes them.</summary>
    public static byte[] Xlsx(params string[][] rows)
    {
        using var stream = new MemoryStream();
        using (var excel = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = excel.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var index = 0;
            foreach (var row in rows)
            {
                var cells = row.Select(value =>
                {
                    strings.SharedStringTable.Append(new SharedStringItem(new Text(value)));
                    return new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(index++.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
                });
                data.Append(new Row(cells));
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "名单" }));
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary>A one-page PDF written with PdfPig's builder (a standard font, so Latin text only).</summary>
    public static byte[] Pdf(params string[] lines)
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var y = 780;
        foreach (var line in lines)
        {
            page.AddText(line, 12, new UglyToad.PdfPig.Core.PdfPoint(50, y), font);
            y -= 20;
        }

        return builder.Build();
    }

    /// <summary>The 8-byte PNG signature and a little more: enough for the type check (images are not decoded).</summary>
    public static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0];

    /// <summary>A ZIP that says it is a Word document but has no document part: passes the type check, fails extraction.</summary>
    public static byte[] BrokenDocx()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open(), Encoding.UTF8);
            writer.Write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
        }

        return stream.ToArray();
    }

    /// <summary>A plain ZIP archive (not an Office package).</summary>
    public static byte[] PlainZip()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            writer.Write("hello");
        }

        return stream.ToArray();
    }
}
