using Lucene.Net.Analysis;

namespace Gongkai.Search.Analysis;

/// <summary>Applies <see cref="TextFolding"/> before tokenising. One character in, one out, so offsets need no correction.</summary>
internal sealed class FoldingCharFilter(TextReader input) : CharFilter(input)
{
    public override int Read(char[] buffer, int index, int count)
    {
        var read = m_input.Read(buffer, index, count);
        if (read > 0)
        {
            TextFolding.FoldInPlace(buffer.AsSpan(index, read));
        }

        return read;
    }

    public override int Read()
    {
        var c = m_input.Read();
        return c < 0 ? c : TextFolding.Fold((char)c);
    }

    protected override int Correct(int currentOff) => currentOff;
}
