using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Lucene46;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Win32.SafeHandles;

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
/// kilobytes each, ten per request) were half of what a search allocated (docs/PERFORMANCE.md, Search). Layout per
/// field: the values back to back, then one offset per document plus the end (8 bytes each). A document without a
/// value reads as empty.
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
    private readonly SafeFileHandle? _file;
    private readonly Dictionary<int, (long Start, long[] Ends)> _fields = [];
    private readonly int _documents;

    public BodyTextProducer(SegmentReadState state)
    {
        _documents = state.SegmentInfo.DocCount;
        var entries = new List<(int Field, long Start, long Offsets)>();
        using (var meta = state.Directory.OpenChecksumInput(BodyTextDocValuesFormat.FileName(state.SegmentInfo, state.SegmentSuffix, BodyTextDocValuesFormat.MetaExtension), state.Context))
        {
            CodecUtil.CheckHeader(meta, BodyTextDocValuesFormat.MetaCodec, BodyTextDocValuesFormat.Version, BodyTextDocValuesFormat.Version);
            for (var field = meta.ReadVInt32(); field != -1; field = meta.ReadVInt32())
            {
                entries.Add((field, meta.ReadInt64(), meta.ReadInt64()));
            }

            CodecUtil.CheckFooter(meta);
        }

        var dataName = BodyTextDocValuesFormat.FileName(state.SegmentInfo, state.SegmentSuffix, BodyTextDocValuesFormat.DataExtension);
        _data = state.Directory.OpenInput(dataName, state.Context);
        var succeeded = false;
        try
        {
            CodecUtil.CheckHeader(_data, BodyTextDocValuesFormat.DataCodec, BodyTextDocValuesFormat.Version, BodyTextDocValuesFormat.Version);
            CodecUtil.RetrieveChecksum(_data); // a truncated file fails here rather than on a search
            foreach (var (field, start, offsets) in entries)
            {
                // The document offsets are small (8 bytes a document) and kept in memory, so a read is one positional read.
                var ends = new long[_documents + 1];
                _data.Seek(offsets);
                for (var i = 0; i < ends.Length; i++)
                {
                    ends[i] = _data.ReadInt64();
                }

                _fields[field] = (start, ends);
            }

            // A segment in its own files (not packed into a compound file) is read straight from the file: one system call
            // a value, without the buffered input's locking and length checks.
            if (state.Directory is FSDirectory folder && File.Exists(Path.Combine(folder.Directory.FullName, dataName)))
            {
                _file = File.OpenHandle(Path.Combine(folder.Directory.FullName, dataName), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            }

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
            ? new BodyTextValues(_file, _file is null ? (IndexInput)_data.Clone() : null, place.Start, place.Ends)
            : throw new InvalidOperationException($"{field.Name}: no body-text values in this segment");

    public override IBits GetDocsWithField(FieldInfo field) => new Bits.MatchAllBits(_documents);

    public override NumericDocValues GetNumeric(FieldInfo field) => throw new NotSupportedException(field.Name);

    public override SortedDocValues GetSorted(FieldInfo field) => throw new NotSupportedException(field.Name);

    public override SortedSetDocValues GetSortedSet(FieldInfo field) => throw new NotSupportedException(field.Name);

    public override long RamBytesUsed() => _fields.Values.Sum(f => f.Ends.Length * 8L);

    public override void CheckIntegrity() => CodecUtil.ChecksumEntireFile(_data);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file?.Dispose();
            _data.Dispose();
        }
    }
}

/// <summary>Reads a value into the caller's <see cref="BytesRef"/>, reusing its array when it is large enough (only this
/// project reads the field, and every reader copies or decodes the value before the next read). Reads from the file
/// handle when there is one (thread-safe positional reads), otherwise from this reader's own clone of the input.</summary>
internal sealed class BodyTextValues(SafeFileHandle? file, IndexInput? input, long start, long[] ends) : BinaryDocValues
{
    public override void Get(int docID, BytesRef result)
    {
        var from = ends[docID];
        var length = checked((int)(ends[docID + 1] - from));
        if (result.Bytes.Length < length)
        {
            result.Bytes = new byte[ArrayUtil.Oversize(length, 1)];
        }

        if (file is not null)
        {
            var read = 0;
            while (read < length)
            {
                var n = RandomAccess.Read(file, result.Bytes.AsSpan(read, length - read), start + from + read);
                read += n > 0 ? n : throw new EndOfStreamException($"body text of document {docID} ends early");
            }
        }
        else
        {
            input!.Seek(start + from);
            input.ReadBytes(result.Bytes, 0, length);
        }

        result.Offset = 0;
        result.Length = length;
    }
}
