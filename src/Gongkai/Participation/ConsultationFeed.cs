using System.Globalization;
using System.ServiceModel.Syndication;
using Gongkai.Participation.Rules;
using Gongkai.Platform.Web;

namespace Gongkai.Participation;

/// <summary>The Atom feed of public consultations (<c>/consultations/atom.xml</c>): a new entry when one is opened, and
/// the entry updated when its feedback is published, so a subscriber hears both that a draft is out for comment and
/// how the comments were answered.</summary>
internal static class ConsultationFeed
{
    public const string Path = "/consultations/atom.xml";

    public static void MapConsultationFeed(this WebApplication app) =>
        app.MapGet(Path, async (HttpContext http, ConsultationDesk desk, SiteContext site, CancellationToken cancellationToken) =>
        {
            var items = await desk.ListPublicAsync(null, cancellationToken);
            var siteUri = new Uri($"{http.Request.Scheme}://{http.Request.Host}/");
            return TypedResults.Text(Atom(items.Take(50).ToList(), siteUri, site.Site.Name), AtomDocument.ContentType);
        }).WithSummary("意见征集订阅（Atom）：新开始的征集和公布的采纳情况").WithTags("意见征集").AllowAnonymous();

    /// <summary>When the entry last changed for a reader: its feedback, else its opening.</summary>
    public static DateTimeOffset Updated(Consultation c) => c.FeedbackPublishedAt ?? c.OpenedAt ?? c.UpdatedAt;

    public static string Atom(IReadOnlyList<ConsultationSummary> items, Uri site, string siteName)
    {
        var self = new Uri(site, Path);
        var feed = new SyndicationFeed($"{siteName} 意见征集", $"{siteName}公开征求意见和意见采纳情况", new Uri(site, "/consultations"))
        {
            Id = self.AbsoluteUri,
            LastUpdatedTime = items.Count == 0 ? DateTimeOffset.UnixEpoch : items.Max(i => Updated(i.Consultation)),
            Language = "zh-CN",
        };
        feed.Links.Add(new SyndicationLink(self, "self", feed.Title.Text, "application/atom+xml", 0));
        feed.Authors.Add(new SyndicationPerson { Name = siteName });
        feed.Items = items.OrderByDescending(i => Updated(i.Consultation)).Select(i =>
        {
            var c = i.Consultation;
            var link = new Uri(site, $"/consultations/{c.Id}");
            var kind = ConsultationVocabulary.ParseKind(c.Kind) is { } k ? ConsultationVocabulary.ChineseName(k) : c.Kind;
            var summary = string.Create(CultureInfo.InvariantCulture,
                $"{i.Body?.Name}，{kind}，征求意见时间 {c.OpensOn:yyyy年M月d日}至{c.ClosesOn:yyyy年M月d日}，{ConsultationVocabulary.ChineseName(i.Status)}。");
            return new SyndicationItem($"{c.Title}（{ConsultationVocabulary.ChineseName(i.Status)}）", summary, link, link.AbsoluteUri, Updated(c))
            {
                PublishDate = c.OpenedAt ?? c.UpdatedAt,
                Summary = new TextSyndicationContent(summary),
            };
        }).ToList();

        return AtomDocument.Write(feed);
    }
}
