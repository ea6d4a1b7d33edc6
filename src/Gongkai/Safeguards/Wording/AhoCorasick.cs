namespace Gongkai.Safeguards.Wording;

/// <summary>Aho–Corasick automaton over many patterns: one pass over the text finds every occurrence of every
/// pattern. Built once per word-list version and shared (read-only after construction, so thread-safe).</summary>
public sealed class AhoCorasick<TValue>
{
    private readonly List<Dictionary<char, int>> _next = [new()];
    private readonly List<int> _fail = [0];
    private readonly List<List<(int Length, TValue Value)>> _outputs = [[]];

    public AhoCorasick(IEnumerable<(string Pattern, TValue Value)> patterns)
    {
        foreach (var (pattern, value) in patterns)
        {
            if (pattern.Length == 0)
            {
                continue;
            }

            var state = 0;
            foreach (var c in pattern)
            {
                if (!_next[state].TryGetValue(c, out var child))
                {
                    child = _next.Count;
                    _next.Add([]);
                    _fail.Add(0);
                    _outputs.Add([]);
                    _next[state][c] = child;
                }

                state = child;
            }

            _outputs[state].Add((pattern.Length, value));
            PatternCount++;
        }

        BuildFailureLinks();
    }

    public int PatternCount { get; }

    /// <summary>Every occurrence, in order of end position (overlapping occurrences included).</summary>
    public List<(int Start, int Length, TValue Value)> FindAll(string text)
    {
        var matches = new List<(int, int, TValue)>();
        var state = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            int next;
            while (!_next[state].TryGetValue(c, out next) && state != 0)
            {
                state = _fail[state];
            }

            state = _next[state].TryGetValue(c, out next) ? next : 0;
            foreach (var (length, value) in _outputs[state])
            {
                matches.Add((i - length + 1, length, value));
            }
        }

        return matches;
    }

    private void BuildFailureLinks()
    {
        var queue = new Queue<int>();
        foreach (var child in _next[0].Values)
        {
            _fail[child] = 0;
            queue.Enqueue(child);
        }

        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            foreach (var (c, child) in _next[state])
            {
                var fallback = _fail[state];
                while (fallback != 0 && !_next[fallback].ContainsKey(c))
                {
                    fallback = _fail[fallback];
                }

                _fail[child] = _next[fallback].TryGetValue(c, out var target) && target != child ? target : 0;

                // Inherit the outputs of the failure state so a match ending here is reported once per pattern.
                _outputs[child].AddRange(_outputs[_fail[child]]);
                queue.Enqueue(child);
            }
        }
    }
}
