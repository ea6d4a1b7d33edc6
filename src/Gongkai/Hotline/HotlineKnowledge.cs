using System.Globalization;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Outcomes;
using Gongkai.Search.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.EntityFrameworkCore;
using Gongkai.Platform.Data;

namespace Gongkai.Hotline;

/// <summary>What an operator types into a knowledge-base entry.</summary>
public sealed record KnowledgeDraft(string? Title, string? Answer, string? Source, string? SourceUrl, string? Category, bool Active = true);

/// <summary>A found entry with its score.</summary>
public sealed record KnowledgeHit(HotlineKnowledgeEntry Entry, float Score);

/// <summary>
/// The 12345 knowledge base (知识库): entries with their sources, kept by the centre, found with the site's Chinese
/// analyzer (<see cref="ChineseBigramAnalyzer"/>: folding, then overlapping bigrams) in a small in-memory Lucene index
/// that is rebuilt when the entries change. A knowledge base holds hundreds to a few thousand entries, so a rebuild
/// takes milliseconds and needs no change-log follower or index folder.
/// </summary>
public sealed class HotlineKnowledge(GongkaiDbContext db, AuditLog audit, KnowledgeIndex index, TimeProvider clock)
{
    public const int MaxResults = 20;

    public async Task<IReadOnlyList<HotlineKnowledgeEntry>> AllAsync(CancellationToken cancellationToken = default) =>
        await db.Set<HotlineKnowledgeEntry>().AsNoTracking().OrderByDescending(k => k.Active).ThenBy(k => k.Title).ToListAsync(cancellationToken);

    public async Task<HotlineKnowledgeEntry?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Set<HotlineKnowledgeEntry>().AsNoTracking().SingleOrDefaultAsync(k => k.Id == id, cancellationToken);

    /// <summary>Active entries matching <paramref name="query"/>, best first (title matches weigh double).</summary>
    public async Task<IReadOnlyList<KnowledgeHit>> SearchAsync(string? query, int limit = MaxResults, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }

        var version = await db.Set<HotlineKnowledgeEntry>().AsNoTracking()
            .GroupBy(_ => 1).Select(g => new { Count = g.Count(), Max = g.Max(k => k.UpdatedAt) }).FirstOrDefaultAsync(cancellationToken);
        var stamp = version is null ? "0" : string.Create(CultureInfo.InvariantCulture, $"{version.Count}/{version.Max.UtcTicks}");
        var ids = await index.SearchAsync(stamp, async () => await db.Set<HotlineKnowledgeEntry>().AsNoTracking().Where(k => k.Active).ToListAsync(cancellationToken),
            query.Trim(), Math.Clamp(limit, 1, 100));
        if (ids.Count == 0)
        {
            return [];
        }

        var keys = ids.Select(i => i.Id).ToList();
        var rows = await db.Set<HotlineKnowledgeEntry>().AsNoTracking().Where(k => keys.Contains(k.Id) && k.Active).ToDictionaryAsync(k => k.Id, cancellationToken);
        return ids.Where(i => rows.ContainsKey(i.Id)).Select(i => new KnowledgeHit(rows[i.Id], i.Score)).ToList();
    }

    /// <summary>Creates (<paramref name="id"/> null) or updates an entry. Every change is audited.</summary>
    public async Task<Outcome<HotlineKnowledgeEntry>> SaveAsync(int? id, KnowledgeDraft draft, string actor, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>();
        var title = draft.Title?.Trim() ?? "";
        var answer = draft.Answer?.Trim() ?? "";
        var source = draft.Source?.Trim() ?? "";
        var url = draft.SourceUrl?.Trim() ?? "";
        if (title.Length is 0 or > 200)
        {
            errors["title"] = [title.Length == 0 ? "请填写问题（标题）。" : "标题不能超过 200 个字。"];
        }

        if (answer.Length is 0 or > 4000)
        {
            errors["answer"] = [answer.Length == 0 ? "请填写答复口径。" : "答复口径不能超过 4000 个字。"];
        }

        if (source.Length is 0 or > 300)
        {
            errors["source"] = [source.Length == 0 ? "请注明答复依据的来源（政策文件、法规条款或部门通知）。" : "来源不能超过 300 个字。"];
        }

        if (url.Length > 0 && (url.Length > 500 || !(url.StartsWith('/') || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))))
        {
            errors["sourceUrl"] = ["来源链接应为本站路径（以 / 开头）或 http(s) 网址，且不超过 500 个字符。"];
        }

        int? categoryId = null;
        if (!string.IsNullOrWhiteSpace(draft.Category))
        {
            categoryId = await db.Set<HotlineCategory>().Where(c => c.Code == draft.Category.Trim()).Select(c => (int?)c.Id).SingleOrDefaultAsync(cancellationToken);
            if (categoryId is null)
            {
                errors["category"] = [$"没有代码为“{draft.Category}”的分类。"];
            }
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid(string.Join(" ", errors.Values.SelectMany(m => m)), errors, "知识库条目有误");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        HotlineKnowledgeEntry entry;
        if (id is { } existing)
        {
            var found = await db.Set<HotlineKnowledgeEntry>().SingleOrDefaultAsync(k => k.Id == existing, cancellationToken);
            if (found is null)
            {
                return Refusal.NotFound($"没有编号为 {existing} 的知识库条目。");
            }

            entry = found;
            entry.Title = title;
            entry.Answer = answer;
            entry.Source = source;
        }
        else
        {
            entry = new HotlineKnowledgeEntry { Title = title, Answer = answer, Source = source };
            db.Set<HotlineKnowledgeEntry>().Add(entry);
        }

        entry.SourceUrl = url;
        entry.CategoryId = categoryId;
        entry.Active = draft.Active;
        entry.UpdatedAt = clock.GetUtcNow().ToUniversalTime();
        entry.UpdatedBy = actor;
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(id is null ? "hotline.knowledge-created" : "hotline.knowledge-updated", string.Create(CultureInfo.InvariantCulture, $"knowledge/{entry.Id}"),
            $"{title}{(entry.Active ? "" : "（已停用）")}", actorName: actor);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return entry;
    }
}

/// <summary>The in-memory index of the active knowledge-base entries, shared by all requests and rebuilt when the
/// entries' version stamp (count and last change) differs from the one it was built at.</summary>
public sealed class KnowledgeIndex : IDisposable
{
    private const string IdField = "id";
    private const string TitleField = "title";
    private const string TextField = "text";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ChineseBigramAnalyzer _analyzer = new();
    private (string Stamp, RAMDirectory Directory, DirectoryReader Reader)? _current;

    public async Task<IReadOnlyList<(int Id, float Score)>> SearchAsync(string stamp, Func<Task<List<HotlineKnowledgeEntry>>> load, string query, int limit)
    {
        await _gate.WaitAsync();
        try
        {
            if (_current?.Stamp != stamp)
            {
                var entries = await load();
                var directory = new RAMDirectory();
                using (var writer = new IndexWriter(directory, new IndexWriterConfig(ChineseBigramAnalyzer.Version, _analyzer)))
                {
                    foreach (var entry in entries)
                    {
                        writer.AddDocument(new Document
                        {
                            new StringField(IdField, entry.Id.ToString(CultureInfo.InvariantCulture), Field.Store.YES),
                            new TextField(TitleField, entry.Title, Field.Store.NO),
                            new TextField(TextField, entry.Answer + "\n" + entry.Source, Field.Store.NO),
                        });
                    }

                    writer.Commit();
                }

                var old = _current;
                _current = (stamp, directory, DirectoryReader.Open(directory));
                old?.Reader.Dispose();
                old?.Directory.Dispose();
            }

            var searcher = new IndexSearcher(_current.Value.Reader);
            var built = Build(query);
            if (built is null)
            {
                return [];
            }

            return searcher.Search(built, limit).ScoreDocs
                .Select(d => (int.Parse(searcher.Doc(d.Doc).Get(IdField, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), d.Score)).ToList();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Every bigram of the query, in the title (weighing double) or the answer and source; entries sharing
    /// more of them rank first.</summary>
    private BooleanQuery? Build(string query)
    {
        var terms = new List<string>();
        using (var stream = _analyzer.GetTokenStream(TextField, query))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken() && terms.Count < 64)
            {
                terms.Add(term.ToString());
            }

            stream.End();
        }

        if (terms.Count == 0)
        {
            return null;
        }

        var result = new BooleanQuery();
        foreach (var text in terms.Distinct())
        {
            result.Add(new TermQuery(new Term(TitleField, text)) { Boost = 2f }, Occur.SHOULD);
            result.Add(new TermQuery(new Term(TextField, text)), Occur.SHOULD);
        }

        return result;
    }

    public void Dispose()
    {
        _current?.Reader.Dispose();
        _current?.Directory.Dispose();
        _analyzer.Dispose();
        _gate.Dispose();
    }
}
