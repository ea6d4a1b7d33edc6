using Gongkai.Platform.Data;

namespace Gongkai.OpenData;

/// <summary>Change-log kinds written by the open-data module (entity id: the record's id; for types, the type key).
/// The module's public pages are not output-cached; site search and the public log follow the record and file-dataset
/// kinds, reading what they need through <see cref="Contracts.PublishedOpenData"/>.</summary>
[ChangeKinds]
public static class OpenDataChanges
{
    public static readonly ChangeKind RecordPublished = new("record.published", "data-record");

    public static readonly ChangeKind RecordCorrected = new("record.corrected", "data-record");

    public static readonly ChangeKind RecordWithdrawn = new("record.withdrawn", "data-record");

    /// <summary>A staff-published file dataset's first version went public (entity id: the file dataset's id).</summary>
    public static readonly ChangeKind FileDatasetPublished = new("file-dataset.published", "file-dataset");

    /// <summary>A new version of a file dataset replaced the public one (the older stays as history).</summary>
    public static readonly ChangeKind FileDatasetReplaced = new("file-dataset.replaced", "file-dataset");

    [Informational]
    public static readonly ChangeKind RecordTypeSaved = new("record-type.saved", "record-type");
}
