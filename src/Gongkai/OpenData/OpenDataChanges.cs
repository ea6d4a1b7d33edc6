using Gongkai.Platform.Data;

namespace Gongkai.OpenData;

/// <summary>Change-log kinds written by the open-data module (entity id: the record's id; for types, the type key).
/// The module's public pages are not output-cached, so no follower needs to evict anything: the rows are there for
/// operators and for later followers (search, the public log).</summary>
[ChangeKinds]
public static class OpenDataChanges
{
    [Informational]
    public static readonly ChangeKind RecordPublished = new("record.published", "data-record");

    [Informational]
    public static readonly ChangeKind RecordCorrected = new("record.corrected", "data-record");

    [Informational]
    public static readonly ChangeKind RecordWithdrawn = new("record.withdrawn", "data-record");

    /// <summary>A staff-published file dataset's first version went public (entity id: the file dataset's id).</summary>
    [Informational]
    public static readonly ChangeKind FileDatasetPublished = new("file-dataset.published", "file-dataset");

    /// <summary>A new version of a file dataset replaced the public one (the older stays as history).</summary>
    [Informational]
    public static readonly ChangeKind FileDatasetReplaced = new("file-dataset.replaced", "file-dataset");

    [Informational]
    public static readonly ChangeKind RecordTypeSaved = new("record-type.saved", "record-type");
}
