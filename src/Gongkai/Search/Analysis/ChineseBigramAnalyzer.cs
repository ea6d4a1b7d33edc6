using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Gongkai.Search.Analysis;

/// <summary>
/// The analyzer of every text field: folding (<see cref="TextFolding"/>), Unicode word segmentation, then overlapping
/// CJK bigrams (垃圾分类 → 垃圾 圾分 分类). Chosen by measurement (docs/PERFORMANCE.md, Search): about ten times the
/// throughput of a dictionary segmenter, no dictionary to ship or keep current, and new words such as 政务服务网 or
/// 最多跑一次 are found because every two-character substring is indexed. A lone character stays a unigram, so
/// one-character queries still match.
/// </summary>
public sealed class ChineseBigramAnalyzer : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    protected override TextReader InitReader(string fieldName, TextReader reader) => new FoldingCharFilter(reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader) { MaxTokenLength = 64 };
        TokenStream stream = new CJKBigramFilter(tokenizer);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
