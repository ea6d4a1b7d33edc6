using System.Globalization;
using Gongkai.Search.Analysis;
using Gongkai.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;
using LuceneDirectory = Lucene.Net.Store.Directory;
using Lucene.Net.Store;

namespace Gongkai.Search.Indexing;

/// <summary>
/// This node's search index on local disk. The folder holds generations (<c>g-20261128T010203-ab12</c>), each a complete
/// Lucene index, and a <c>current</c> file naming the one in use; a rebuild writes a new generation beside the serving
/// one and then replaces <c>current</c> (write-then-rename, atomic), so searches never see a half-built index.
/// Each commit records the change-log position it reflects (commit user data), so whoever opens a generation
/// knows where to catch up from. Searches use a <see cref="SearcherManager"/> refreshed after every commit.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    public const string PositionKey = "change-log-position";
    private const string PointerFile = "current";

    /// <summary>Held open, unshared, for as long as this index is open: the one-writer rule across processes. Lucene's
    /// own write lock sits inside each generation and did not stop a second process (an admin verb) from opening the
    /// serving generation and, on closing, removing the lock and files the site still used. An unshared open is an OS
    /// lock (flock on Linux) that a killed process releases, so a crash never leaves the index locked.</summary>
    public const string OwnerFile = "owner.lock";

    private readonly object _swap = new();
    private readonly ChineseBigramAnalyzer _analyzer = new();
    private readonly FileStream _owner;
    private Generation _current;

    private SearchIndex(string root, FileStream owner, Generation generation)
    {
        Root = root;
        _owner = owner;
        _current = generation;
    }

    public string Root { get; }

    public string GenerationName => _current.Name;

    /// <summary>The change-log id this index reflects (0 for a new, empty index).</summary>
    public long Position => _current.Position;

    /// <summary>Serialises writers (the change-log follower, a generation switch) within this process.</summary>
    public SemaphoreSlim WriteLock { get; } = new(1, 1);

    public ChineseBigramAnalyzer Analyzer => _analyzer;

    /// <summary>Opens the generation named by <c>current</c> under <paramref name="root"/>, creating an empty one when there is none.</summary>
    /// <exception cref="SearchIndexInUseException">another process (or instance) has this index open.</exception>
    public static SearchIndex Open(string root)
    {
        System.IO.Directory.CreateDirectory(root);
        var owner = TakeOwnership(root);
        try
        {
            return new SearchIndex(root, owner, OpenCurrentGeneration(root));
        }
        catch
        {
            owner.Dispose();
            throw;
        }
    }

    private static FileStream TakeOwnership(string root)
    {
        try
        {
            return new FileStream(Path.Combine(root, OwnerFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException busy)
        {
            throw new SearchIndexInUseException(root, busy);
        }
    }

    private static Generation OpenCurrentGeneration(string root)
    {
        var name = CurrentGenerationName(root);
        if (name is null || !System.IO.Directory.Exists(Path.Combine(root, name)))
        {
            name = NewGenerationName();
            using (var builder = GenerationBuilder.Create(root, name))
            {
                builder.Commit(0);
            }

            PublishGeneration(root, name);
        }

        return Generation.Open(root, name);
    }

    /// <summary>The generation <c>current</c> names, or null before the first one.</summary>
    public static string? CurrentGenerationName(string root)
    {
        var pointer = Path.Combine(root, PointerFile);
        return File.Exists(pointer) ? File.ReadAllText(pointer).Trim() is { Length: > 0 } name ? name : null : null;
    }

    public static string NewGenerationName() =>
        "g-" + DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..4];

    /// <summary>Points <c>current</c> at <paramref name="name"/>: write a temporary file, then rename over the old one.</summary>
    public static void PublishGeneration(string root, string name)
    {
        var temporary = Path.Combine(root, PointerFile + "." + Guid.NewGuid().ToString("N") + ".tmp");
        File.WriteAllText(temporary, name);
        File.Move(temporary, Path.Combine(root, PointerFile), overwrite: true);
    }

    /// <summary>True when another process (the <c>reindex</c> verb) published a generation this instance does not serve yet.</summary>
    public bool NewerGenerationPublished(out string name)
    {
        name = CurrentGenerationName(Root) ?? _current.Name;
        return name != _current.Name && System.IO.Directory.Exists(Path.Combine(Root, name));
    }

    /// <summary>Serves <paramref name="name"/> from now on; the old generation's folder is deleted (open readers keep working).
    /// Call under <see cref="WriteLock"/>.</summary>
    public void SwitchTo(string name)
    {
        var next = Generation.Open(Root, name);
        Generation old;
        lock (_swap)
        {
            old = _current;
            _current = next;
        }

        old.Dispose();
        if (old.Name != name)
        {
            DeleteQuietly(Path.Combine(Root, old.Name));
        }

        foreach (var stale in System.IO.Directory.GetDirectories(Root, "g-*"))
        {
            if (Path.GetFileName(stale) != name && Path.GetFileName(stale) != old.Name
                && System.IO.Directory.GetLastWriteTimeUtc(stale) < DateTime.UtcNow.AddHours(-1))
            {
                DeleteQuietly(stale); // left by a rebuild that crashed before publishing
            }
        }
    }

    public void Upsert(IEnumerable<SearchDocument> documents) => _current.Upsert(documents);

    public void Delete(IEnumerable<string> indexNos) => _current.Delete(indexNos);

    /// <summary>Makes the changes durable with the change-log position they reach, and visible to searches.</summary>
    public void Commit(long position) => _current.Commit(position);

    public int DocumentCount
    {
        get
        {
            var generation = _current;
            var searcher = generation.Searchers.Acquire();
            try
            {
                return searcher.IndexReader.NumDocs;
            }
            finally
            {
                generation.Searchers.Release(searcher);
            }
        }
    }

    public SearchResult Search(SearchRequest request, SynonymSet synonyms) => Search(request, synonyms, RankingPrior.Default);

    public SearchResult Search(SearchRequest request, SynonymSet synonyms, RankingPrior prior)
    {
        var generation = _current;
        var searcher = generation.Searchers.Acquire();
        try
        {
            return SearchExecutor.Execute(searcher, _analyzer, request, synonyms, prior);
        }
        finally
        {
            generation.Searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        _current.Dispose();
        _analyzer.Dispose();
        WriteLock.Dispose();
        _owner.Dispose();
    }

    private static void DeleteQuietly(string folder)
    {
        try
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Still in use by a slow reader on some platforms; the next switch removes it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>One open generation: its directory, writer and searcher manager.</summary>
    private sealed class Generation : IDisposable
    {
        private readonly LuceneDirectory _directory;
        private readonly IndexWriter _writer;

        private Generation(string name, LuceneDirectory directory, IndexWriter writer)
        {
            Name = name;
            _directory = directory;
            _writer = writer;
            Searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: new Bm25SearcherFactory());
            Position = ReadPosition(writer);
        }

        public string Name { get; }

        public long Position { get; private set; }

        public SearcherManager Searchers { get; }

        public static Generation Open(string root, string name)
        {
            // Positional reads, not Lucene.NET's memory-mapped directory (FSDirectory.Open's choice here): its input registers
            // every clone in a weak table, and a query clones the terms and postings files for each term it looks up. Under
            // load that table held 660,000 GC handles and every gen-0 collection took 13 ms walking them; with positional
            // reads a collection takes about 1 ms and throughput rose by a third (docs/PERFORMANCE.md, Search).
            var directory = new SearchDirectory(Path.Combine(root, name));
            var writer = new IndexWriter(directory, GenerationBuilder.Config(new ChineseBigramAnalyzer()));
            return new Generation(name, directory, writer);
        }

        public void Upsert(IEnumerable<SearchDocument> documents)
        {
            foreach (var document in documents)
            {
                _writer.UpdateDocument(new Term(SearchFields.Id, document.IndexNo), SearchFields.ToLucene(document));
            }
        }

        public void Delete(IEnumerable<string> indexNos)
        {
            foreach (var indexNo in indexNos)
            {
                _writer.DeleteDocuments(new Term(SearchFields.Id, indexNo));
            }
        }

        /// <summary>Visible first (a near-real-time reopen from the writer), then durable: searchers need not wait for
        /// the fsync. A crash in between loses nothing: the committed position is older, so the rows are applied again.</summary>
        public void Commit(long position)
        {
            Searchers.MaybeRefreshBlocking();
            _writer.SetCommitData(new Dictionary<string, string> { [PositionKey] = position.ToString(CultureInfo.InvariantCulture) });
            _writer.Commit();
            Position = position;
        }

        public void Dispose()
        {
            Searchers.Dispose();
            _writer.Dispose();
            _directory.Dispose();
        }

        private static long ReadPosition(IndexWriter writer) =>
            writer.CommitData is { } data && data.TryGetValue(PositionKey, out var text)
                && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var position) ? position : 0;
    }
}

/// <summary>The index folder is open in another process or instance: one writer per index, so this one refuses to start.</summary>
public sealed class SearchIndexInUseException(string root, Exception inner)
    : IOException($"检索索引 {root} 正被另一个进程使用（每个索引只能由一个网站进程写入）。请为该进程配置单独的 Gongkai:Search:IndexFolder，或先停止占用它的进程。", inner);

/// <summary>Writes a new generation from scratch (a rebuild, or a test indexing the law corpus) without touching the serving one.</summary>
public sealed class GenerationBuilder : IDisposable
{
    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;

    private GenerationBuilder(string folder)
    {
        Folder = folder;
        _directory = FSDirectory.Open(folder);
        var config = Config(new ChineseBigramAnalyzer());
        config.OpenMode = OpenMode.CREATE;
        config.RAMBufferSizeMB = 64;
        _writer = new IndexWriter(_directory, config);
    }

    public string Folder { get; }

    public static GenerationBuilder Create(string root, string name) => new(Path.Combine(root, name));

    internal static IndexWriterConfig Config(ChineseBigramAnalyzer analyzer) => new(ChineseBigramAnalyzer.Version, analyzer)
    {
        OpenMode = OpenMode.CREATE_OR_APPEND,
        Similarity = Bm25SearcherFactory.Similarity,
        Codec = SearchCodec.Instance,
    };

    public void Add(SearchDocument document) => _writer.AddDocument(SearchFields.ToLucene(document));

    /// <summary>Merges what was written into one segment and commits it. One segment because every query pays per segment
    /// (each term looked up, each scorer and collector set up once per segment): on the law corpus a query took about
    /// half the time on one segment as on four (docs/PERFORMANCE.md, Search); the merge adds a few seconds to a rebuild.</summary>
    public void Commit(long position)
    {
        _writer.ForceMerge(1);
        _writer.SetCommitData(new Dictionary<string, string> { [SearchIndex.PositionKey] = position.ToString(CultureInfo.InvariantCulture) });
        _writer.Commit();
    }

    public void Dispose()
    {
        _writer.Dispose();
        _directory.Dispose();
    }
}

/// <summary>BM25 for indexing (norms) and searching alike: it saturates term frequency, which suits long legal texts
/// where one word repeated fifty times should not outrank a title match (measured on the relevance set).</summary>
internal sealed class Bm25SearcherFactory : SearcherFactory
{
    public static readonly Lucene.Net.Search.Similarities.BM25Similarity Similarity = new();

    public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = Similarity };
}

/// <summary>
/// A generation's folder, read with positional reads (the comment where a generation opens it says why not memory maps).
/// Doc-values files get a larger read buffer: sorting and facet counting read a value for every matching document in
/// document order, and with Lucene's 1 KB buffer that was a system call every few documents (a sixth of the CPU under
/// load, docs/PERFORMANCE.md, Search). Doc-values inputs are cloned once per thread and segment, so the larger buffers
/// are few; postings and terms, cloned per query term, keep the small one.
/// </summary>
internal sealed class SearchDirectory(string folder) : NIOFSDirectory(folder)
{
    private const int DocValuesBufferSize = 16 * 1024;

    /// <summary>Files read for every query term or matching document (terms dictionary and index, postings, positions,
    /// norms, doc values) are held in memory once a searcher opens them: each query clones these inputs per term, and a
    /// clone of a positional-read input pays a system call (and an <c>fstat</c>) per 1 KB refill — about a tenth of a
    /// search request's CPU under load (docs/PERFORMANCE.md, Search, session 16). The body text (<c>.gktd</c>, the
    /// largest file, read once per shown hit) and stored fields stay on disk.</summary>
    private static readonly string[] InMemoryExtensions = [".tim", ".tip", ".doc", ".pos", ".pay", ".nvd", ".dvd"];

    /// <summary>A larger file is read from disk as before (an input over one array is limited to 2 GB; and an index
    /// that large should rather get more memory for the page cache).</summary>
    private const long MaxInMemoryFile = 512L * 1024 * 1024;

    public override IndexInput OpenInput(string name, IOContext context)
    {
        if (context.Context != IOContext.UsageContext.MERGE && InMemoryExtensions.Any(e => name.EndsWith(e, StringComparison.Ordinal)))
        {
            var path = Path.Combine(Directory.FullName, name);
            var length = new FileInfo(path).Length;
            if (length <= MaxInMemoryFile)
            {
                return new MemoryFileInput($"MemoryFileInput(path=\"{path}\")", File.ReadAllBytes(path));
            }
        }

        var input = base.OpenInput(name, context);
        if (name.EndsWith(".dvd", StringComparison.Ordinal) && input is BufferedIndexInput buffered)
        {
            buffered.SetBufferSize(DocValuesBufferSize);
        }

        return input;
    }
}

/// <summary>An index file held in one array: reads are array copies, and a clone (one per query term and file) shares the
/// array and keeps only its own position. Lucene files never change once written, so nothing is invalidated.</summary>
internal sealed class MemoryFileInput : IndexInput
{
    private readonly byte[] _bytes;
    private int _position;

    public MemoryFileInput(string description, byte[] bytes)
        : base(description)
    {
        _bytes = bytes;
    }

    public override long Length => _bytes.Length;

    public override long Position => _position;

    public override byte ReadByte()
    {
        if ((uint)_position >= (uint)_bytes.Length)
        {
            throw new EndOfStreamException($"read past EOF: {this}");
        }

        return _bytes[_position++];
    }

    public override void ReadBytes(byte[] b, int offset, int len)
    {
        if (len > _bytes.Length - _position)
        {
            throw new EndOfStreamException($"read past EOF: {this}");
        }

        Buffer.BlockCopy(_bytes, _position, b, offset, len);
        _position += len;
    }

    public override short ReadInt16()
    {
        if (_bytes.Length - _position < 2)
        {
            throw new EndOfStreamException($"read past EOF: {this}");
        }

        var value = System.Buffers.Binary.BinaryPrimitives.ReadInt16BigEndian(_bytes.AsSpan(_position));
        _position += 2;
        return value;
    }

    public override int ReadInt32()
    {
        if (_bytes.Length - _position < 4)
        {
            throw new EndOfStreamException($"read past EOF: {this}");
        }

        var value = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(_bytes.AsSpan(_position));
        _position += 4;
        return value;
    }

    public override long ReadInt64()
    {
        if (_bytes.Length - _position < 8)
        {
            throw new EndOfStreamException($"read past EOF: {this}");
        }

        var value = System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(_bytes.AsSpan(_position));
        _position += 8;
        return value;
    }

    public override void Seek(long pos)
    {
        if (pos < 0 || pos > _bytes.Length)
        {
            throw new EndOfStreamException($"seek past EOF: {this} ({pos})");
        }

        _position = (int)pos;
    }

    public override object Clone() => MemberwiseClone();

    protected override void Dispose(bool disposing)
    {
    }
}
