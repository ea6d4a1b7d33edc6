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

    [Informational]
    public static readonly ChangeKind RecordTypeSaved = new("record-type.saved", "record-type");
}
