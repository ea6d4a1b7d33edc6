using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Lucene46;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Gongkai.Search.Indexing;

/// <summary>
/// The index's codec: Lucene 4.6 for everything except <see cref="SearchFields.BodyText"/>, the body kept for snippets,
/// which goes to <see cref="BodyTextDocValuesFormat"/>. Registered with Lucene's codec and doc-values factories the
/// first time it is touched (a segment names its codec and each field's format, and readers look them up by name).
/// </summary>
[CodecName("Gongkai46")]
internal sealed class SearchCodec : Lucene46Codec
{
    private static readonly DocValuesFormat BodyText = new BodyTextDocValuesFormat();

    static SearchCodec()
    {
        Codec.SetCodecFactory(new DefaultCodecFactory { CustomCodecTypes = [typeof(SearchCodec)] });
        DocValuesFormat.SetDocValuesFormatFactory(new DefaultDocValuesFormatFactory { CustomDocValuesFormatTypes = [typeof(BodyTextDocValuesFormat)] });
    }

    public static SearchCodec Instance { get; } = new();

    public override DocValuesFormat GetDocValuesFormatForField(string field) =>
        field == SearchFields.BodyText ? BodyText : base.GetDocValuesFormatForField(field);
}

/// <summary>
/// Binary doc values that read into the caller's buffer. Lucene's own format allocates a new array for every value it
/// reads; a search reads the whole body of each hit on the page to build its snippet, and those arrays (tens of
/// kilobytes each, ten per request) were half of what a search allocated and kept the collector busy a quarter of the
/// time under load (docs/PERFORMANCE.md, Search). Layout per field: the values back to back, then one offset per
/// document plus the end (8 bytes each). A document without a value reads as empty.
/// </summary>
[DocValuesFormatName("GongkaiText")]
internal sealed class BodyTextDocValuesFormat : DocValuesFormat
{
    internal const string DataCodec = "GongkaiTextData";
    internal const string MetaCodec = "GongkaiTextMeta";
    internal const string DataExtension = "gktd";
    internal const string MetaExtension = "gktm";
    internal const int Version = 0;

    public override DocValuesConsumer FieldsConsumer(SegmentWriteState state) => new BodyTextConsumer(state);

    public override DocValuesProducer FieldsProducer(SegmentReadState state) => new BodyTextProducer(state);

    internal static string FileName(SegmentInfo segment, string suffix, string extension) =>
        IndexFileNames.SegmentFileName(segment.Name, suffix, extension);
}

internal sealed class BodyTextConsumer : DocValuesConsumer
{
    private readonly IndexOutput _data;
    private readonly IndexOutput _meta;

    public BodyTextConsumer(SegmentWriteState state)
    {
        _data = state.Directory.CreateOutput(BodyTextDocValuesFormat.FileName(state.SegmentInfo, state.SegmentSuffix, BodyTextDocValuesFormat.DataExtension), state.Context);
        _meta = state.Directory.CreateOutput(BodyTextDocValuesFormat.FileName(state.SegmentInfo, state.SegmentSuffix, BodyTextDocValuesFormat.MetaExtension), state.Context);
        CodecUtil.WriteHeader(_data, BodyTextDocValuesFormat.DataCodec, BodyTextDocValuesFormat.Version);
        CodecUtil.WriteHeader(_meta, BodyTextDocValuesFormat.MetaCodec, BodyTextDocValuesFormat.Version);
    }

    public override void AddBinaryField(FieldInfo field, IEnumerable<BytesRef> values)
    {
        var start = _data.Position;
        var ends = new List<long>();
        long end = 0;
        foreach (var value in values)
        {
            if (value is not null)
            {
                _data.WriteBytes(value.Bytes, value.Offset, value.Length);
                end += value.Length;
            }

            ends.Add(end);
        }

        var offsets = _data.Position;
        _data.WriteInt64(0);
        foreach (var offset in ends)
        {
            _data.WriteInt64(offset);
        }

        _meta.WriteVInt32(field.Number);
        _meta.WriteInt64(start);
        _meta.WriteInt64(offsets);
    }

    public override void AddNumericField(FieldInfo field, IEnumerable<long?> values) => throw Unsupported(field);

    public override void AddSortedField(FieldInfo field, IEnumerable<BytesRef> values, IEnumerable<long?> docToOrd) => throw Unsupported(field);

    public override void AddSortedSetField(FieldInfo field, IEnumerable<BytesRef> values, IEnumerable<long?> docToOrdCount, IEnumerable<long?> ords) =>
        throw Unsupported(field);

    private static NotSupportedException Unsupported(FieldInfo field) => new($"{field.Name}: the body-text format holds binary values only");

    protected override void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        var succeeded = false;
        try
        {
            _meta.WriteVInt32(-1);
            CodecUtil.WriteFooter(_meta);
            CodecUtil.WriteFooter(_data);
            succeeded = true;
        }
        finally
        {
            if (succeeded)
            {
                IOUtils.Dispose(_data, _meta);
            }
            else
            {
                IOUtils.DisposeWhileHandlingException(_data, _meta);
            }
        }
    }
}

internal sealed class BodyTextProducer : DocValuesProducer
{
    private readonly IndexInput _data;
    private readonly Dictionary<int, (long Start, long Offsets)> _fields = [];
    private readonly int _documents;

    public BodyTextProducer(SegmentReadState state)
    {
        _documents = state.SegmentInfo.DocCount;
        using (var meta = state.Directory.OpenChecksumInput(BodyTextDocValuesFormat.FileName(state.SegmentInfo, state.SegmentSuffix, BodyTextDocValuesFormat.MetaExtension), state.Context))
        {
            CodecUtil.CheckHeader(meta, BodyTextDocValuesFormat.MetaCodec, BodyTextDocValuesFormat.Version, BodyTextDocValuesFormat.Version);
            for (var field = meta.ReadVInt32(); field != -1; field = meta.ReadVInt32())
            {
                _fields[field] = (meta.ReadInt64(), meta.ReadInt64());
            }

            CodecUtil.CheckFooter(meta);
        }

        _data = state.Directory.OpenInput(BodyTextDocValuesFormat.FileName(state.SegmentInfo, state.SegmentSuffix, BodyTextDocValuesFormat.DataExtension), state.Context);
        var succeeded = false;
        try
        {
            CodecUtil.CheckHeader(_data, BodyTextDocValuesFormat.DataCodec, BodyTextDocValuesFormat.Version, BodyTextDocValuesFormat.Version);
            CodecUtil.RetrieveChecksum(_data); // a truncated file fails here rather than on a search
            succeeded = true;
        }
        finally
        {
            if (!succeeded)
            {
                IOUtils.DisposeWhileHandlingException(_data);
            }
        }
    }

    /// <summary>A reader of its own (an input is not thread-safe; Lucene asks once per thread and segment).</summary>
    public override BinaryDocValues GetBinary(FieldInfo field) =>
        _fields.TryGetValue(field.Number, out var place)
            ? new BodyTextValues((IndexInput)_data.Clone(), place.Start, place.Offsets)
            : throw new InvalidOperationException($"{field.Name}: no body-text values in this segment");

    public override IBits GetDocsWithField(FieldInfo field) => new Bits.MatchAllBits(_documents);

    public override NumericDocValues GetNumeric(FieldInfo field) => throw new NotSupportedException(field.Name);

    public override SortedDocValues GetSorted(FieldInfo field) => throw new NotSupportedException(field.Name);

    public override SortedSetDocValues GetSortedSet(FieldInfo field) => throw new NotSupportedException(field.Name);

    public override long RamBytesUsed() => _fields.Count * 32L;

    public override void CheckIntegrity() => CodecUtil.ChecksumEntireFile(_data);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _data.Dispose();
        }
    }
}

/// <summary>Reads a value into the caller's <see cref="BytesRef"/>, reusing its array when it is large enough (only this
/// project reads the field, and every reader copies or decodes the value before the next read).</summary>
internal sealed class BodyTextValues(IndexInput data, long start, long offsets) : BinaryDocValues
{
    public override void Get(int docID, BytesRef result)
    {
        data.Seek(offsets + 8L * docID);
        var from = data.ReadInt64();
        var length = checked((int)(data.ReadInt64() - from));
        if (result.Bytes.Length < length)
        {
            result.Bytes = new byte[ArrayUtil.Oversize(length, 1)];
        }

        data.Seek(start + from);
        data.ReadBytes(result.Bytes, 0, length);
        result.Offset = 0;
        result.Length = length;
    }
}
