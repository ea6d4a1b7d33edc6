using System.Diagnostics;
using Gongkai.Channels.Print;
using Gongkai.Platform.Pdf;

namespace Gongkai.Bench;

/// <summary>
/// Issue 20's print targets, wall clock: a 100-page booklet (contents and page numbers, so two layout passes) in ≤ 10 s
/// and a 公示栏 poster (A3, 8 sections × 6 items, one QR code each) in ≤ 1 s. Run:
/// <c>dotnet run -c Release --project bench/Gongkai.Bench -- print</c>. The first render of each is reported apart
/// (it finds the CJK font and warms Skia up).
/// </summary>
internal static class PrintScenario
{
    public static int Run()
    {
        var renderer = new PdfRenderer();
        var day = new DateOnly(2026, 12, 3);
        var documents = Enumerable.Range(1, 25).Select(i => new BookletDocument(
            $"典型案例{i}：推进基层政务公开标准化规范化的做法与成效",
            $"绵阳市人民政府办公室　2026年{i % 12 + 1}月{i % 28 + 1}日",
            Enumerable.Range(1, 52).Select(p =>
                $"第{p}段。该地梳理基层政务公开事项清单，统一公开标准和流程，依托政务服务大厅设置查阅点和标准化公示栏，群众办事更加便利，人民群众满意度明显提高。").ToList())).ToList();
        var booklet = PrintedMatter.Booklet("典型案例选编", "为总结推广各地经验，特汇编本册。", "绵阳市人民政府办公室编", documents, day);
        var sections = Enumerable.Range(1, 8).Select(s => new PosterSection($"栏目{s}", Enumerable.Range(1, 6).Select(i => new PosterItem(
            $"关于做好第{s}类事项第{i}批公开工作的通知", $"绵阳市人民政府办公室　2026年11月{i}日", $"https://www.mianyang.gov.cn/documents/11510700/2026-{s:D2}{i:D3}")).ToList())).ToList();
        var poster = PrintedMatter.Poster("政务公开栏", "绵阳市人民政府", PdfPageSize.A3, sections, day);

        var first = Stopwatch.StartNew();
        var pages = renderer.RenderDocument(booklet).Pages;
        Console.WriteLine($"booklet: {pages} pages; first render (font lookup, warm-up) {first.Elapsed.TotalSeconds:F2} s");
        Report("booklet", () => renderer.RenderDocument(booklet).Pages, runs: 5);
        first.Restart();
        renderer.RenderDocument(poster);
        Console.WriteLine($"poster: first render {first.Elapsed.TotalMilliseconds:F0} ms");
        Report("poster", () => renderer.RenderDocument(poster).Pages, runs: 10);
        return 0;
    }

    private static void Report(string what, Func<int> render, int runs)
    {
        var times = new List<double>();
        var pages = 0;
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            pages = render();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine($"{what}: {pages} page(s), {runs} runs: min {times[0]:F0} ms, median {times[runs / 2]:F0} ms, max {times[^1]:F0} ms");
    }
}
