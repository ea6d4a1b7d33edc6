using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongkai.Platform.Pdf;
using UglyToad.PdfPig;
using Word = DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.Publishing.Attachments;

/// <summary>Whether an attachment's text could be read.</summary>
public enum AttachmentTextStatus
{
    /// <summary>Text was read (it may still be empty, e.g. a scanned PDF without a text layer).</summary>
    Extracted,

    /// <summary>An image: there is no text to read.</summary>
    NotApplicable,

    /// <summary>The file is damaged or password-protected: it is kept, but flagged “无法提取文本”.</summary>
    Failed,
}

public sealed record ExtractedText(AttachmentTextStatus Status, string Text, bool Truncated, string? Problem);

/// <summary>Reads the text of DOCX (paragraphs), XLSX (cells, tab-separated, one row a line) and PDF (page by page)
/// attachments for search and the safeguards. A file that cannot be read is reported, never thrown: the upload is kept
/// and flagged. The text is capped at <see cref="MaxChars"/> characters (the safeguards' limit).</summary>
public static class AttachmentTextExtractor
{
    public const int MaxChars = Safeguards.SafeguardsChecker.MaxTextLength;

    public const string FailedLabel = "无法提取文本";

    public static ExtractedText Extract(AttachmentKind kind, byte[] content)
    {
        if (AttachmentFileType.IsImage(kind))
        {
            return new(AttachmentTextStatus.NotApplicable, "", false, null);
        }

        var text = new CappedText(MaxChars);
        try
        {
            switch (kind)
            {
                case AttachmentKind.Docx:
                    ReadWord(content, text);
                    break;
                case AttachmentKind.Xlsx:
                    ReadExcel(content, text);
                    break;
                case AttachmentKind.Pdf:
                    ReadPdf(content, text);
                    break;
            }
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            // Damaged packages, encrypted PDFs, bad XML…: the libraries throw many exception types; all mean "unreadable".
            var reason = e.GetType().Name.Contains("Encrypted", StringComparison.Ordinal) || e.Message.Contains("password", StringComparison.OrdinalIgnoreCase)
                ? "文件设有密码保护"
                : "文件已损坏或格式不规范";
            return new(AttachmentTextStatus.Failed, "", false, $"{FailedLabel}：{reason}。附件已保存，但其中的内容不会被检索，也无法自动检查个人信息，请人工核对。");
        }

        return new(AttachmentTextStatus.Extracted, text.ToString(), text.Truncated, null);
    }

    /// <summary>The text of each paragraph of a Word document, in order: the concatenated w:t runs.</summary>
    public static IEnumerable<string> WordParagraphs(WordprocessingDocument word)
    {
        var body = word.MainDocumentPart?.Document?.Body ?? throw new InvalidDataException("The package has no document body.");
        return body.Descendants<Word.Paragraph>().Select(p => string.Concat(p.Descendants<Word.Text>().Select(t => t.Text)));
    }

    private static void ReadWord(byte[] content, CappedText text)
    {
        using var word = WordprocessingDocument.Open(new MemoryStream(content, writable: false), false, OfficePackageLimits.Reading);
        foreach (var paragraph in WordParagraphs(word))
        {
            if (!text.AppendLine(paragraph))
            {
                return;
            }
        }
    }

    private static void ReadExcel(byte[] content, CappedText text)
    {
        using var excel = SpreadsheetDocument.Open(new MemoryStream(content, writable: false), false, OfficePackageLimits.Reading);
        var workbook = excel.WorkbookPart ?? throw new InvalidDataException("The package has no workbook.");
        var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
        foreach (var sheet in workbook.Workbook?.Sheets?.Elements<Sheet>() ?? [])
        {
            if (sheet.Id?.Value is not { } relationship || workbook.GetPartById(relationship) is not WorksheetPart part)
            {
                continue;
            }

            foreach (var row in part.Worksheet?.Descendants<Row>() ?? [])
            {
                var cells = row.Elements<Cell>().Select(cell => CellText(cell, shared));
                if (!text.AppendLine(string.Join('\t', cells)))
                {
                    return;
                }
            }
        }
    }

    private static string CellText(Cell cell, string[] shared)
    {
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }

        var value = cell.CellValue?.Text ?? "";
        return cell.DataType?.Value == CellValues.SharedString && int.TryParse(value, out var index) && index >= 0 && index < shared.Length
            ? shared[index]
            : value;
    }

    private static void ReadPdf(byte[] content, CappedText text)
    {
        using var pdf = PdfDocument.Open(content);
        foreach (var page in pdf.GetPages())
        {
            if (!text.AppendLine(PdfTextLayer.Of(page)))
            {
                return;
            }
        }
    }

    /// <summary>Collects lines up to a character cap; says when it stopped early.</summary>
    private sealed class CappedText(int max)
    {
        private readonly StringBuilder _builder = new();

        public bool Truncated { get; private set; }

        public bool AppendLine(string line)
        {
            if (_builder.Length > 0)
            {
                if (_builder.Length >= max)
                {
                    Truncated = true;
                    return false;
                }

                _builder.Append('\n');
            }

            var room = max - _builder.Length;
            if (line.Length > room)
            {
                _builder.Append(line, 0, Math.Max(0, room));
                Truncated = true;
                return false;
            }

            _builder.Append(line);
            return true;
        }

        public override string ToString() => _builder.ToString();
    }
}
