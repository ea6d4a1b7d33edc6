using Gongkai.Search.Indexing;
using Lucene.Net.Store;

namespace Gongkai.UnitTests.Search;

/// <summary>The serving directory holds the files every query term reads (terms, postings, norms, doc values) in memory:
/// what it reads must be exactly what was written, each clone keeps its own position, and reading past the end fails.</summary>
public sealed class SearchDirectoryTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gongkai-searchdir", Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_postings_file_reads_back_as_written_and_clones_keep_their_own_position()
    {
        using (var output = FSDirectory.Open(_folder).CreateOutput("_0_Lucene41_0.doc", IOContext.DEFAULT))
        {
            output.WriteInt32(0x3FD76C17);
            output.WriteInt16(-2);
            output.WriteInt64(long.MinValue + 5);
            output.WriteVInt32(300);
            output.WriteVInt64(1L << 40);
            output.WriteString("工伤保险条例");
            output.WriteBytes([1, 2, 3, 4, 5], 5);
        }

        using var directory = new SearchDirectory(_folder);
        using var input = directory.OpenInput("_0_Lucene41_0.doc", IOContext.READ);
        Assert.IsType<MemoryFileInput>(input);
        Assert.Equal(0x3FD76C17, input.ReadInt32());
        var clone = (IndexInput)input.Clone();
        Assert.Equal(-2, input.ReadInt16());
        Assert.Equal(long.MinValue + 5, input.ReadInt64());
        Assert.Equal(300, input.ReadVInt32());
        Assert.Equal(1L << 40, input.ReadVInt64());
        Assert.Equal("工伤保险条例", input.ReadString());
        var bytes = new byte[5];
        input.ReadBytes(bytes, 0, 5);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, bytes);
        Assert.Equal(input.Length, input.Position);
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());
        Assert.Throws<EndOfStreamException>(() => input.ReadInt32());

        Assert.Equal(4, clone.Position); // the clone did not move with the original
        Assert.Equal(-2, clone.ReadInt16());
        clone.Seek(0);
        Assert.Equal(0x3FD76C17, clone.ReadInt32());
        Assert.Throws<EndOfStreamException>(() => clone.Seek(input.Length + 1));
    }

    [Fact]
    public void Stored_fields_are_still_read_from_disk()
    {
        using (var output = FSDirectory.Open(_folder).CreateOutput("_0.fdt", IOContext.DEFAULT))
        {
            output.WriteInt32(7);
        }

        using var directory = new SearchDirectory(_folder);
        using var input = directory.OpenInput("_0.fdt", IOContext.READ);
        Assert.IsNotType<MemoryFileInput>(input);
        Assert.Equal(7, input.ReadInt32());
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(_folder))
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
    }
}
