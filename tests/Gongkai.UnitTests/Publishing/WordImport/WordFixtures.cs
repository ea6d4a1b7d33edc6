using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;
using W = DocumentFormat.OpenXml.Wordprocessing;
using Wp = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace Gongkai.UnitTests.Publishing.WordImport;

/// <summary>
/// A Word document built the way Word writes one — styles with Chinese names (标题 1), a numbering part with a bulleted
/// and a numbered list, a table with a header row and merged cells, a hyperlink relationship and an embedded PNG — so
/// the importer is tried on real OpenXML and no binary fixture lives in the repository.
/// </summary>
public static class WordFixtures
{
    /// <summary>A 1×1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    public const string Title = "关于做好2026年政务公开工作的通知";

    public const string LinkAddress = "https://www.gov.cn/zhengce/";

    /// <summary>Title paragraph, 一、总体要求 (标题 1), （一）工作目标 (标题 2), a bold word, a nested bulleted list, a
    /// numbered list, a table (header row, a cell spanning two columns, a cell spanning two rows), a link and a picture.</summary>
    public static byte[] Notice(bool withTitleParagraph = true)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            AddStyles(main);
            AddNumbering(main);
            var link = main.AddHyperlinkRelationship(new Uri(LinkAddress), true);
            var image = main.AddImagePart(ImagePartType.Png);
            using (var png = new MemoryStream(Png))
            {
                image.FeedData(png);
            }

            var body = new W.Body();
            if (withTitleParagraph)
            {
                body.Append(Styled("Title", Run(Title)));
            }

            body.Append(
                Styled("Heading1", Run("一、总体要求")),
                new W.Paragraph(Run("各单位要"), Run("高度重视", bold: true), Run("政务公开工作。")),
                Styled("Heading2", Run("（一）工作目标")),
                ListItem(1, 0, "公开制度"),
                ListItem(1, 1, "主动公开目录"),
                ListItem(1, 1, "依申请公开"),
                ListItem(1, 0, "公开平台"),
                ListItem(2, 0, "第一步"),
                ListItem(2, 0, "第二步"),
                Styled("Heading1", Run("二、任务分工")),
                Table(),
                new W.Paragraph(Run("详见"), new W.Hyperlink(Run("中国政府网")) { Id = link.Id }, Run("。")),
                new W.Paragraph(new W.Run(Picture(main.GetIdOfPart(image)))));
            main.Document = new W.Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static W.Run Run(string text, bool bold = false)
    {
        var run = new W.Run();
        if (bold)
        {
            run.Append(new W.RunProperties(new W.Bold()));
        }

        run.Append(new W.Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private static W.Paragraph Styled(string styleId, params OpenXmlElement[] content) =>
        new(new OpenXmlElement[] { new W.ParagraphProperties(new W.ParagraphStyleId { Val = styleId }) }.Concat(content));

    private static W.Paragraph ListItem(int numberId, int level, string text) =>
        new(new W.ParagraphProperties(new W.NumberingProperties(new W.NumberingLevelReference { Val = level }, new W.NumberingId { Val = numberId })), Run(text));

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        W.Style Style(string id, string name, int? outline = null)
        {
            var style = new W.Style(new W.StyleName { Val = name }) { Type = W.StyleValues.Paragraph, StyleId = id };
            if (outline is { } level)
            {
                style.Append(new W.StyleParagraphProperties(new W.OutlineLevel { Val = level }));
            }

            return style;
        }

        styles.Styles = new W.Styles(Style("Title", "Title"), Style("Heading1", "heading 1", 0), Style("Heading2", "heading 2", 1));
        styles.Styles.Save();
    }

    private static void AddNumbering(MainDocumentPart main)
    {
        var numbering = main.AddNewPart<NumberingDefinitionsPart>();
        W.AbstractNum Abstract(int id, W.NumberFormatValues format) => new(
            new W.Level(new W.NumberingFormat { Val = format }, new W.LevelText { Val = format == W.NumberFormatValues.Bullet ? "•" : "%1." }) { LevelIndex = 0 },
            new W.Level(new W.NumberingFormat { Val = format }, new W.LevelText { Val = format == W.NumberFormatValues.Bullet ? "◦" : "%2." }) { LevelIndex = 1 })
        { AbstractNumberId = id };

        numbering.Numbering = new W.Numbering(
            Abstract(10, W.NumberFormatValues.Bullet),
            Abstract(20, W.NumberFormatValues.Decimal),
            new W.NumberingInstance(new W.AbstractNumId { Val = 10 }) { NumberID = 1 },
            new W.NumberingInstance(new W.AbstractNumId { Val = 20 }) { NumberID = 2 });
        numbering.Numbering.Save();
    }

    /// <summary>
    /// | 事项 | 牵头单位 | 完成时限 |   (header row)
    /// | 目录编制 | 办公室（两列） |
    /// | 年报（两行） | 办公室 | 1月31日 |
    /// |            | 各部门 | 1月15日 |
    /// </summary>
    private static W.Table Table()
    {
        W.TableCell Cell(string text, int span = 1, W.MergedCellValues? merge = null, bool continuation = false)
        {
            var properties = new W.TableCellProperties();
            if (span > 1)
            {
                properties.Append(new W.GridSpan { Val = span });
            }

            if (merge is { } value)
            {
                properties.Append(new W.VerticalMerge { Val = value });
            }
            else if (continuation)
            {
                properties.Append(new W.VerticalMerge());
            }

            return new W.TableCell(properties, new W.Paragraph(text.Length == 0 ? [] : [Run(text)]));
        }

        return new W.Table(
            new W.TableGrid(new W.GridColumn(), new W.GridColumn(), new W.GridColumn()),
            new W.TableRow(new W.TableRowProperties(new W.TableHeader()), Cell("事项"), Cell("牵头单位"), Cell("完成时限")),
            new W.TableRow(Cell("目录编制"), Cell("办公室", span: 2)),
            new W.TableRow(Cell("年报", merge: W.MergedCellValues.Restart), Cell("办公室"), Cell("1月31日")),
            new W.TableRow(Cell("", continuation: true), Cell("各部门"), Cell("1月15日")));
    }

    private static W.Drawing Picture(string relationshipId) => new(
        new Wp.Inline(
            new Wp.Extent { Cx = 952500, Cy = 952500 },
            new Wp.DocProperties { Id = 1U, Name = "图片 1", Description = "公开工作流程图" },
            new A.Graphic(new A.GraphicData(
                new Pic.Picture(
                    new Pic.NonVisualPictureProperties(new Pic.NonVisualDrawingProperties { Id = 0U, Name = "流程图.png" }, new Pic.NonVisualPictureDrawingProperties()),
                    new Pic.BlipFill(new A.Blip { Embed = relationshipId }, new A.Stretch(new A.FillRectangle())),
                    new Pic.ShapeProperties(new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 952500, Cy = 952500 }), new A.PresetGeometry { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U });
}
