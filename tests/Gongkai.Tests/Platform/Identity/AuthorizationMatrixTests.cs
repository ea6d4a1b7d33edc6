using Gongkai.Admin;
using Gongkai.Channels;
using Gongkai.Publishing;
using Gongkai.Requests;
using Gongkai.Safeguards;
using Gongkai.OpenData;
using Gongkai.Organizations;
using Gongkai.Calendar;
using Gongkai.Hotline;
using Gongkai.Participation;
using Gongkai.Services;
using Gongkai.Oversight;
using Gongkai.Platform.Data;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Platform.Identity;

/// <summary>Who may open what, checked for every mapped endpoint and every role with real sign-ins. The table
/// below is the one place that states each endpoint's access; an endpoint that is mapped but missing from it fails
/// the test, so no new page or API can ship without its access being decided.</summary>
public sealed partial class AuthorizationMatrixTests(StaffTestHost host, ITestOutputHelper output) : IClassFixture<StaffTestHost>
{
    /// <summary>Expected access, by "METHOD /route/pattern" exactly as mapped (Razor pages answer GET). Entries for
    /// endpoints that are not (yet) mapped are ignored, so other slices' routes can be listed ahead of their merge.</summary>
    private static readonly Dictionary<string, Access> Expected = new(StringComparer.Ordinal)
    {
        // Public site and infrastructure
        ["GET /"] = Access.Anonymous,
        ["GET /healthz"] = Access.Anonymous,
        ["GET /readyz"] = Access.Anonymous,
        ["GET /openapi/{documentName}.json"] = Access.Anonymous,

        // Sign-in and its neighbours: the same answer whoever asks
        ["GET /admin/sign-in"] = Access.Anonymous,
        ["GET /admin/sign-in/two-factor"] = Access.Fixed(HttpStatusCode.Redirect, "/admin/sign-in"),
        ["GET /admin/sign-out"] = Access.Anonymous,
        ["GET /admin/denied"] = Access.Fixed(HttpStatusCode.Forbidden),

        // Console shell, own account
        ["GET /admin"] = Access.Staff,
        ["GET /admin/account/two-factor"] = Access.SignedIn,
        ["GET /admin/account/tokens"] = Access.Staff,

        // Staff administration and audit
        ["GET /admin/staff"] = Access.Permission(Permissions.ManageStaff),
        ["GET /admin/staff/new"] = Access.Permission(Permissions.ManageStaff),
        ["GET /admin/staff/{userId}"] = Access.Permission(Permissions.ManageStaff),
        ["GET /admin/audit"] = Access.Permission(Permissions.ViewAudit),
        ["GET /api/v1/audit"] = Access.Permission(Permissions.ViewAudit),

        // Session and personal access tokens
        ["GET /api/v1/session"] = Access.Staff,
        ["POST /api/v1/session/tokens"] = Access.Anonymous,
        ["GET /api/v1/session/tokens"] = Access.Staff,
        ["DELETE /api/v1/session/tokens/{id:int}"] = Access.Staff,
        ["POST /api/v1/session/tokens/{id:int}/renew"] = Access.Staff,

        // Console sections of other slices (checked once they are mapped)
        ["GET /admin/bodies"] = Access.Permission(OrganizationsPermissions.ManageBody),
        ["GET /admin/calendar"] = Access.Permission(CalendarPermissions.Manage),
        ["GET /admin/outbox"] = Access.Permission(AdminPermissions.ViewOutbox),
        ["GET /admin/bodies/{code}/edit"] = Access.Permission(OrganizationsPermissions.ManageBody),
        ["GET /admin/bodies/new"] = Access.Permission(OrganizationsPermissions.ManageAllBodies),
        ["GET /admin/safeguards/word-lists"] = Access.Permission(SafeguardsPermissions.ManageWordLists),
        ["GET /admin/safeguards/links"] = Access.Staff,
        ["GET /admin/safeguards/leak-reports"] = Access.Staff,
        ["GET /admin/safeguards/published-scan"] = Access.Staff,
        ["GET /report-leak/{documentId:int}"] = Access.Anonymous,
        ["GET /admin/search/synonyms"] = Access.Permission(SafeguardsPermissions.ManageWordLists),
        ["GET /admin/documents"] = Access.Staff,
        ["GET /admin/documents/deadlines"] = Access.Staff,
        ["GET /admin/documents/all"] = Access.Staff,
        ["GET /admin/co-issues"] = Access.Staff,
        ["GET /admin/documents/{id:int}"] = Access.Staff,
        ["GET /admin/documents/edit/{id:int?}"] = Access.Permission(PublishingPermissions.EditDocuments),
        ["GET /admin/documents/{id:int}/findings"] = Access.Staff,
        ["GET /admin/documents/{id:int}/interpretation"] = Access.Permission(PublishingPermissions.EditDocuments),
        ["GET /admin/documents/{id:int}/correct"] = Access.Permission(PublishingPermissions.EditDocuments),
        ["GET /admin/documents/{id:int}/corrections/{correctionId:int}"] = Access.Staff,
        ["GET /admin/requests"] = Access.Permission(RequestsPermissions.HandleRequests),
        ["GET /admin/requests/{trackingNumber}"] = Access.Permission(RequestsPermissions.HandleRequests),
        ["GET /admin/requests/{trackingNumber}/letter"] = Access.Permission(RequestsPermissions.HandleRequests),
        ["GET /admin/requests/{trackingNumber}/letter/edit"] = Access.Permission(RequestsPermissions.HandleRequests),
        ["GET /admin/requests/{trackingNumber}/consultations/{eventId:int}"] = Access.Permission(RequestsPermissions.HandleRequests),
        ["GET /admin/requests/statistics"] = Access.Staff,
        ["GET /admin/requests/records/{trackingNumber?}"] = Access.Permission(Permissions.ViewAudit),

        // Public portal
        ["GET /bodies"] = Access.Anonymous,
        ["GET /bodies/{code}"] = Access.Anonymous,
        ["GET /bodies/{code}/guide"] = Access.Anonymous,
        ["GET /xxgk"] = Access.Anonymous,
        ["GET /library"] = Access.Anonymous,
        ["GET /site-map"] = Access.Anonymous,
        ["GET /preferences"] = Access.Fixed(HttpStatusCode.Redirect, "/"),
        ["GET /error/{status:int}"] = Access.Fixed(HttpStatusCode.NotFound), // the Chinese error page, answered with its status
        ["GET /documents"] = Access.Anonymous,
        ["GET /documents/{**indexNo}"] = Access.Anonymous,
        ["GET /interpretations/{id:int}"] = Access.Anonymous,
        ["GET /interpretations/{id:int}/card.pdf"] = Access.Anonymous, // 惠民政策明白卡 (Channels/Print)
        ["GET /notice-boards/{id:int}/poster.pdf"] = Access.Anonymous, // 公示栏 poster (Channels/Print)
        ["GET /admin/channels/boards"] = Access.Permission(ChannelsPermissions.ViewChannels),
        ["GET /admin/channels/booklet"] = Access.Permission(ChannelsPermissions.ViewChannels),
        // The public log (Transparency): pages, the RFC 6962 read API and the log's public key
        ["GET /log"] = Access.Anonymous,
        ["GET /log/entries/{leafIndex:long}"] = Access.Anonymous,
        ["GET /ct/v1/get-sth"] = Access.Anonymous,
        ["GET /ct/v1/get-sth-consistency"] = Access.Anonymous,
        ["GET /ct/v1/get-proof-by-hash"] = Access.Anonymous,
        ["GET /ct/v1/get-entries"] = Access.Anonymous,
        ["GET /ct/v1/get-entry-and-proof"] = Access.Anonymous,
        ["GET /.well-known/gongkai-log-key.pem"] = Access.Anonymous,
        ["GET /calendar/explain"] = Access.Anonymous,
        ["GET /requests/apply"] = Access.Anonymous,
        ["GET /requests/track"] = Access.Anonymous,
        ["GET /search"] = Access.Anonymous,

        // Public API
        ["GET /api/v1/bodies/"] = Access.Anonymous,
        ["GET /api/v1/bodies/{code}"] = Access.Anonymous,
        ["GET /api/v1/documents/"] = Access.Anonymous,
        ["GET /api/v1/documents/{**indexNo}"] = Access.Anonymous,
        ["GET /api/v1/documents/by-index"] = Access.Anonymous,
        ["GET /api/v1/calendar/days/{date}"] = Access.Anonymous,
        ["GET /api/v1/calendar/add-working-days"] = Access.Anonymous,
        ["GET /api/v1/calendar/years"] = Access.Anonymous,
        ["POST /api/v1/requests/"] = Access.Anonymous,
        ["GET /api/v1/requests/{trackingNumber}"] = Access.Anonymous,
        ["GET /api/v1/requests/statistics"] = Access.Anonymous,
        ["GET /api/v1/search/"] = Access.Anonymous,
        ["GET /api/v1/search/status"] = Access.Anonymous,

        // Staff API (non-GET: checked for anonymous refusal here, per role in their modules' tests)
        ["PUT /api/v1/bodies/{code}"] = Access.Permission(OrganizationsPermissions.ManageBody),
        ["POST /api/v1/bodies/"] = Access.Permission(OrganizationsPermissions.ManageAllBodies),
        ["PUT /api/v1/calendar/days/{date}"] = Access.Permission(CalendarPermissions.Manage),
        ["DELETE /api/v1/calendar/days/{date}"] = Access.Permission(CalendarPermissions.Manage),
        ["POST /api/v1/calendar/years"] = Access.Permission(CalendarPermissions.Manage),
        ["POST /api/v1/safeguards/check"] = Access.Staff,
        ["GET /api/v1/changes/status"] = Access.Permission(Permissions.ViewAudit),
        ["GET /api/v1/documents/{id:int}"] = Access.Staff,
        ["POST /api/v1/documents/"] = Access.Permission(PublishingPermissions.EditDocuments),
        ["PUT /api/v1/documents/{id:int}"] = Access.Permission(PublishingPermissions.EditDocuments),
        ["POST /api/v1/documents/{id:int}/submit"] = Access.Permission(PublishingPermissions.EditDocuments),
        ["POST /api/v1/documents/{id:int}/review/first"] = Access.Permission(PublishingPermissions.ReviewFirst),
        ["POST /api/v1/documents/{id:int}/review/second"] = Access.Permission(PublishingPermissions.ReviewSecond),
        ["POST /api/v1/documents/{id:int}/review/final"] = Access.Permission(PublishingPermissions.ReviewFinal),
        ["POST /api/v1/documents/{id:int}/publish"] = Access.Permission(PublishingPermissions.ReviewFinal),
        ["POST /api/v1/documents/{id:int}/correct"] = Access.Permission(PublishingPermissions.EditDocuments),
        ["GET /api/v1/documents/{id:int}/corrections"] = Access.Staff,
        ["GET /api/v1/documents/{id:int}/corrections/{correctionId:int}"] = Access.Staff,
        ["POST /api/v1/documents/{id:int}/corrections/{correctionId:int}/approve"] = Access.Permission(PublishingPermissions.ReviewCorrections),
        ["POST /api/v1/documents/{id:int}/corrections/{correctionId:int}/return"] = Access.Permission(PublishingPermissions.ReviewCorrections),
        ["POST /api/v1/documents/{id:int}/withdraw"] = Access.Permission(PublishingPermissions.ReviewFinal),
        ["GET /api/v1/co-issues/"] = Access.Staff,
        ["POST /api/v1/co-issues/{documentId:int}/accept"] = Access.Staff,
        ["POST /api/v1/co-issues/{documentId:int}/decline"] = Access.Staff,
        ["POST /api/v1/interpretations/"] = Access.Permission(PublishingPermissions.EditDocuments),

        // Disclosure catalogue (主动公开基本目录)
        ["GET /admin/catalogue/{code?}"] = Access.Permission(OrganizationsPermissions.ManageBody),
        ["GET /admin/catalogue/{code}/node/{id:int?}"] = Access.Permission(OrganizationsPermissions.ManageBody),
        ["GET /api/v1/bodies/{code}/catalogue"] = Access.Anonymous,
        ["GET /bodies/{code}/xxgk"] = Access.Anonymous,
        ["GET /api/v1/catalogue/bodies/{code}"] = Access.Permission(OrganizationsPermissions.ManageBody),
        ["POST /api/v1/catalogue/bodies/{code}"] = Access.Permission(OrganizationsPermissions.ManageBody),
        ["PUT /api/v1/catalogue/{id:int}"] = Access.Permission(OrganizationsPermissions.ManageBody),
        ["POST /api/v1/catalogue/{id:int}/hide"] = Access.Permission(OrganizationsPermissions.ManageBody),
        ["POST /api/v1/catalogue/{id:int}/show"] = Access.Permission(OrganizationsPermissions.ManageBody),
        ["POST /api/v1/catalogue/{id:int}/move"] = Access.Permission(OrganizationsPermissions.ManageBody),
        ["DELETE /api/v1/catalogue/{id:int}"] = Access.Permission(OrganizationsPermissions.ManageBody),
        ["POST /api/v1/requests/{trackingNumber}/events"] = Access.Permission(RequestsPermissions.HandleRequests),

        // Attachments, gazette, feeds and PDF editions
        ["GET /attachments/{id:int}"] = Access.Anonymous,
        ["GET /admin/requests/{trackingNumber}/letter.pdf"] = Access.Permission(RequestsPermissions.HandleRequests),
        ["GET /admin/documents/{id:int}/attachments"] = Access.Staff,
        ["GET /admin/gazette"] = Access.Permission(PublishingPermissions.EditDocuments),
        ["GET /admin/gazette/{id:int}"] = Access.Permission(PublishingPermissions.EditDocuments),
        ["GET /gazette/{year:int?}"] = Access.Anonymous,
        ["GET /gazette/{year:int}/{number:int}"] = Access.Anonymous,
        ["GET /gazette/{year:int}/{number:int}.pdf"] = Access.Anonymous,
        ["GET /feeds/atom.xml"] = Access.Anonymous,
        ["GET /feeds/feed.json"] = Access.Anonymous,
        ["GET /feeds/bodies/{code}/atom.xml"] = Access.Anonymous,
        ["GET /feeds/bodies/{code}/feed.json"] = Access.Anonymous,
        ["GET /feeds/bodies/{code}/nodes/{node:int}/atom.xml"] = Access.Anonymous,
        ["GET /feeds/bodies/{code}/nodes/{node:int}/feed.json"] = Access.Anonymous,
        ["GET /feeds/types/{type}/atom.xml"] = Access.Anonymous,
        ["GET /feeds/types/{type}/feed.json"] = Access.Anonymous,
        ["GET /sitemap.xml"] = Access.Anonymous,
        ["GET /sitemap-{part:int}.xml"] = Access.Anonymous,
        ["GET /robots.txt"] = Access.Anonymous,
        ["GET /api/v1/documents/{id:int}/attachments/"] = Access.Staff,
        ["POST /api/v1/documents/{id:int}/attachments/"] = Access.Permission(PublishingPermissions.EditDocuments),
        ["DELETE /api/v1/documents/{id:int}/attachments/{attachmentId:int}"] = Access.Permission(PublishingPermissions.EditDocuments),
        ["POST /api/v1/documents/{id:int}/attachments/{attachmentId:int}/mask"] = Access.Permission(PublishingPermissions.EditDocuments),

        // The 12345 hotline: console, staff API, and Open311 GeoReport v2 (public; filing needs an application key)
        ["GET /admin/hotline"] = Access.Permission(HotlinePermissions.View),
        ["GET /admin/hotline/new"] = Access.Permission(HotlinePermissions.Operate),
        ["GET /admin/hotline/tickets/{number}"] = Access.Permission(HotlinePermissions.View),
        ["GET /admin/hotline/open311-keys"] = Access.Permission(HotlinePermissions.Configure),
        ["GET /api/v1/hotline/tickets/"] = Access.Permission(HotlinePermissions.View),
        ["POST /api/v1/hotline/tickets/"] = Access.Permission(HotlinePermissions.Operate),
        ["GET /api/v1/hotline/tickets/{id}"] = Access.Permission(HotlinePermissions.View),
        ["POST /api/v1/hotline/tickets/{id}/events"] = Access.Permission(HotlinePermissions.View),
        // Files: the desk then admits the centre and the bodies the ticket is or was with; only a photo the citizen
        // marked public is served anonymously.
        ["POST /api/v1/hotline/tickets/{id}/attachments"] = Access.Permission(HotlinePermissions.View),
        ["GET /api/v1/hotline/tickets/{id}/attachments/{attachmentId:int}"] = Access.Permission(HotlinePermissions.View),
        ["GET /hotline/media/{number}/{attachmentId:int}"] = Access.Anonymous,
        ["GET /admin/hotline/sms"] = Access.Permission(HotlinePermissions.Operate),
        ["GET /hotline/statistics"] = Access.Anonymous,
        ["GET /admin/hotline/knowledge/{id:int?}"] = Access.Permission(HotlinePermissions.View),
        ["GET /api/v1/hotline/knowledge"] = Access.Permission(HotlinePermissions.View),
        ["GET /hotline/new"] = Access.Anonymous,
        ["GET /admin/hotline/settings"] = Access.Permission(HotlinePermissions.Configure),
        ["GET /admin/hotline/cases"] = Access.Permission(HotlinePermissions.Operate),
        ["GET /hotline/track"] = Access.Anonymous,
        ["GET /open311/discovery.{format}"] = Access.Anonymous,
        ["GET /open311/v2/services.{format}"] = Access.Anonymous,
        ["GET /open311/v2/services/{code}.{format}"] = Access.Anonymous,
        ["POST /open311/v2/requests.{format}"] = Access.Anonymous,
        ["GET /open311/v2/requests.{format}"] = Access.Anonymous,
        ["GET /open311/v2/requests/{id}.{format}"] = Access.Anonymous,
        ["GET /open311/v2/tokens/{token}.{format}"] = Access.Anonymous,
        // 数据开放 (issue 16): console, portal, records API, CKAN Action API, DCAT and downloads
        ["GET /admin/open-data"] = Access.Permission(OpenDataPermissions.WorkOnRecords),
        ["GET /admin/open-data/overdue"] = Access.Permission(OpenDataPermissions.WorkOnRecords),
        ["GET /admin/open-data/{type}"] = Access.Permission(OpenDataPermissions.WorkOnRecords),
        ["GET /admin/open-data/{type}/new"] = Access.Permission(OpenDataPermissions.EditRecords),
        ["GET /admin/open-data/records/{id:long}"] = Access.Permission(OpenDataPermissions.EditRecords),
        ["GET /admin/open-data/types/{key}"] = Access.Permission(OpenDataPermissions.ManageRecordTypes),
        ["GET /admin/open-data/files"] = Access.Permission(OpenDataPermissions.WorkOnRecords),
        ["GET /admin/open-data/files/{id:int}"] = Access.Permission(OpenDataPermissions.WorkOnRecords),
        ["GET /data"] = Access.Anonymous,
        ["GET /data/{name}"] = Access.Anonymous,
        ["GET /data/records/{id:long}"] = Access.Anonymous,
        ["GET /api/v1/record-types"] = Access.Anonymous,
        ["GET /api/v1/records/{type}/"] = Access.Anonymous,
        ["GET /api/v1/records/{type}/{id:long}"] = Access.Anonymous,
        ["POST /api/v1/records/{type}/"] = Access.Permission(OpenDataPermissions.EditRecords),
        ["PUT /api/v1/records/{type}/{id:long}"] = Access.Permission(OpenDataPermissions.EditRecords),
        ["POST /api/v1/records/{type}/{id:long}/submit"] = Access.Permission(OpenDataPermissions.EditRecords),
        ["POST /api/v1/records/{type}/{id:long}/review"] = Access.Permission(OpenDataPermissions.ReviewRecords),
        ["POST /api/v1/records/{type}/{id:long}/withdraw"] = Access.Permission(OpenDataPermissions.ReviewRecords),
        ["POST /api/v1/open-data/datasets/"] = Access.Permission(OpenDataPermissions.EditRecords),
        ["GET /api/v1/open-data/datasets/{id:int}"] = Access.Permission(OpenDataPermissions.WorkOnRecords),
        ["POST /api/v1/open-data/datasets/{id:int}/versions"] = Access.Permission(OpenDataPermissions.EditRecords),
        ["POST /api/v1/open-data/datasets/{id:int}/declarations"] = Access.Permission(OpenDataPermissions.WorkOnRecords),
        ["POST /api/v1/open-data/datasets/{id:int}/versions/{number:int}/review"] = Access.Permission(OpenDataPermissions.ReviewRecords),
        ["GET /api/3/action/{action}"] = Access.Anonymous,
        ["POST /api/3/action/{action}"] = Access.Anonymous,
        ["GET /api/action/{action}"] = Access.Anonymous,
        ["POST /api/action/{action}"] = Access.Anonymous,
        ["GET /catalog.ttl"] = Access.Anonymous,
        ["GET /catalog.jsonld"] = Access.Anonymous,
        ["GET /catalog.rdf"] = Access.Anonymous,
        ["GET /catalog.xml"] = Access.Anonymous,
        ["GET /dataset/{id}.ttl"] = Access.Anonymous,
        ["GET /dataset/{id}.jsonld"] = Access.Anonymous,
        ["GET /dataset/{id}.rdf"] = Access.Anonymous,
        ["GET /dataset/{id}.xml"] = Access.Anonymous,
        ["GET /dataset/{datasetId:guid}/resource/{resourceId:guid}/download/{fileName}"] = Access.Anonymous,
        // 发布渠道 (issue 20): the WebSub hub, the new-media console and the public list of accounts
        ["POST /websub/hub"] = Access.Anonymous,
        ["GET /admin/channels"] = Access.Permission(ChannelsPermissions.ViewChannels),
        ["GET /admin/channels/accounts/new"] = Access.Permission(ChannelsPermissions.ManageAccounts),
        ["GET /admin/channels/accounts/{id:int}"] = Access.Permission(ChannelsPermissions.ViewChannels),
        ["GET /admin/channels/posts/{id:int}"] = Access.Permission(ChannelsPermissions.ViewChannels),
        ["GET /channels/new-media"] = Access.Anonymous,
        // Delivery adapters of posts: status and confirmations by the account's body (the desk checks the body too);
        // a released post's cover card is public (the webhook's coverImageUrl), the console's shows drafts as well
        ["GET /admin/channels/posts/{id:int}/cover.png"] = Access.Permission(ChannelsPermissions.ViewChannels),
        ["GET /channels/posts/{id:int}/cover.png"] = Access.Anonymous,
        ["GET /api/v1/new-media/posts/{id:int}"] = Access.Permission(ChannelsPermissions.ViewChannels),
        // The account's platform tool reports its figures with a staff token of the account's body (the desk checks the body)
        ["POST /api/v1/new-media/accounts/{id:int}/stats"] = Access.Permission(ChannelsPermissions.ManageAccounts),
        ["POST /api/v1/new-media/posts/{id:int}/export/published"] = Access.Permission(ChannelsPermissions.ManageAccounts),
        ["POST /api/v1/new-media/posts/{id:int}/export/removed"] = Access.Permission(ChannelsPermissions.ManageAccounts),
        ["POST /api/v1/new-media/posts/{id:int}/webhook/retry"] = Access.Permission(ChannelsPermissions.ManageAccounts),
        // 新闻发布会 (issue 20): public section, feed and photos; the console and the API's changes for the body's staff
        ["GET /press"] = Access.Anonymous,
        ["GET /press/{id:int}"] = Access.Anonymous,
        ["GET /press/{id:int}/photos/{photoId:int}"] = Access.Anonymous,
        ["GET /feeds/press.xml"] = Access.Anonymous,
        ["GET /admin/channels/press"] = Access.Permission(ChannelsPermissions.ViewChannels),
        ["GET /admin/channels/press/{id:int}"] = Access.Permission(ChannelsPermissions.ViewChannels),
        ["GET /api/v1/press-conferences/"] = Access.Anonymous,
        ["POST /api/v1/press-conferences/"] = Access.Permission(ChannelsPermissions.ManagePress),
        ["GET /api/v1/press-conferences/{id:int}"] = Access.Anonymous,
        ["PUT /api/v1/press-conferences/{id:int}"] = Access.Permission(ChannelsPermissions.ManagePress),
        ["POST /api/v1/press-conferences/{id:int}/schedule"] = Access.Permission(ChannelsPermissions.ReleasePress),
        ["POST /api/v1/press-conferences/{id:int}/held"] = Access.Permission(ChannelsPermissions.ManagePress),
        // 查阅点 (issue 20): the lobby kiosk is public; only its locking start address fences a browser in
        ["GET /kiosk"] = Access.Anonymous,
        ["GET /css/print.css"] = Access.Anonymous, // the print style sheet of every public page (issue 20)
        ["GET /kiosk/search"] = Access.Anonymous,
        ["GET /kiosk/documents"] = Access.Anonymous,
        ["GET /kiosk/documents/{**indexNo}"] = Access.Anonymous,
        ["GET /kiosk/bodies"] = Access.Anonymous,
        ["GET /kiosk/bodies/{code}"] = Access.Anonymous,
        ["GET /kiosk/guides"] = Access.Anonymous,
        ["GET /kiosk/guides/{id:int}"] = Access.Anonymous,
        // 公众参与 (issue 14): consultations — portal, console and API (reading and commenting are public)
        ["GET /consultations"] = Access.Anonymous,
        ["GET /consultations/atom.xml"] = Access.Anonymous,
        ["GET /consultations/{id:int}/attachments/{attachmentId:int}"] = Access.Anonymous,
        ["POST /api/v1/consultations/{id:int}/attachments"] = Access.Permission(ParticipationPermissions.Prepare),
        ["DELETE /api/v1/consultations/{id:int}/attachments/{attachmentId:int}"] = Access.Permission(ParticipationPermissions.Prepare),
        ["GET /consultations/{id:int}"] = Access.Anonymous,
        ["GET /consultations/{id:int}/feedback"] = Access.Anonymous,
        ["GET /admin/consultations"] = Access.Permission(ParticipationPermissions.View),
        ["GET /admin/consultations/new"] = Access.Permission(ParticipationPermissions.Prepare),
        ["GET /admin/consultations/{id:int}"] = Access.Permission(ParticipationPermissions.View),
        ["GET /admin/consultations/{id:int}/edit"] = Access.Permission(ParticipationPermissions.Prepare),
        ["GET /api/v1/consultations/"] = Access.Anonymous,
        ["POST /api/v1/consultations/"] = Access.Permission(ParticipationPermissions.Prepare),
        ["GET /api/v1/consultations/{id:int}"] = Access.Anonymous,
        ["PUT /api/v1/consultations/{id:int}"] = Access.Permission(ParticipationPermissions.Prepare),
        ["POST /api/v1/consultations/{id:int}/open"] = Access.Permission(ParticipationPermissions.Approve),
        ["POST /api/v1/consultations/{id:int}/comments"] = Access.Anonymous,
        ["GET /api/v1/consultations/{id:int}/comments"] = Access.Permission(ParticipationPermissions.View),
        ["POST /api/v1/consultations/{id:int}/comments/{commentId:long}/moderation"] = Access.Permission(ParticipationPermissions.Prepare),
        ["PUT /api/v1/consultations/{id:int}/feedback"] = Access.Permission(ParticipationPermissions.Prepare),
        ["POST /api/v1/consultations/{id:int}/feedback/publish"] = Access.Permission(ParticipationPermissions.Approve),
        // 公众参与 (issue 14): surveys — answering and reading the results are public; the CSV export is for staff
        ["GET /surveys"] = Access.Anonymous,
        ["GET /surveys/{id:int}"] = Access.Anonymous,
        ["GET /admin/surveys"] = Access.Permission(ParticipationPermissions.View),
        ["GET /admin/surveys/new"] = Access.Permission(ParticipationPermissions.Prepare),
        ["GET /admin/surveys/{id:int}"] = Access.Permission(ParticipationPermissions.View),
        ["GET /admin/surveys/{id:int}/edit"] = Access.Permission(ParticipationPermissions.Prepare),
        ["GET /api/v1/surveys/"] = Access.Anonymous,
        ["POST /api/v1/surveys/"] = Access.Permission(ParticipationPermissions.Prepare),
        ["GET /api/v1/surveys/{id:int}"] = Access.Anonymous,
        ["PUT /api/v1/surveys/{id:int}"] = Access.Permission(ParticipationPermissions.Prepare),
        ["POST /api/v1/surveys/{id:int}/open"] = Access.Permission(ParticipationPermissions.Approve),
        ["POST /api/v1/surveys/{id:int}/responses"] = Access.Anonymous,
        ["GET /api/v1/surveys/{id:int}/responses.csv"] = Access.Permission(ParticipationPermissions.View),
        ["GET /api/v1/surveys/{id:int}/answers"] = Access.Permission(ParticipationPermissions.View),
        ["POST /api/v1/surveys/{id:int}/answers/{answerId:long}/moderation"] = Access.Permission(ParticipationPermissions.Prepare),
        ["POST /api/v1/surveys/{id:int}/results/publish"] = Access.Permission(ParticipationPermissions.Approve),
        // 公众参与 (issue 14): online interviews — asking and reading the transcript are public; moderating is for staff
        ["GET /interviews"] = Access.Anonymous,
        ["GET /interviews/{id:int}"] = Access.Anonymous,
        ["GET /interviews/{id:int}/photos/{photoId:int}"] = Access.Anonymous,
        ["GET /admin/interviews"] = Access.Permission(ParticipationPermissions.View),
        ["GET /admin/interviews/{id:int}"] = Access.Permission(ParticipationPermissions.View),
        ["GET /admin/interviews/{id:int}/edit"] = Access.Permission(ParticipationPermissions.Prepare),
        ["GET /api/v1/interviews/"] = Access.Anonymous,
        ["POST /api/v1/interviews/"] = Access.Permission(ParticipationPermissions.Prepare),
        ["GET /api/v1/interviews/{id:int}"] = Access.Anonymous,
        ["PUT /api/v1/interviews/{id:int}"] = Access.Permission(ParticipationPermissions.Prepare),
        ["POST /api/v1/interviews/{id:int}/announce"] = Access.Permission(ParticipationPermissions.Approve),
        ["POST /api/v1/interviews/{id:int}/start"] = Access.Permission(ParticipationPermissions.Prepare),
        ["POST /api/v1/interviews/{id:int}/archive"] = Access.Permission(ParticipationPermissions.Prepare),
        ["POST /api/v1/interviews/{id:int}/questions"] = Access.Anonymous,
        ["GET /api/v1/interviews/{id:int}/questions"] = Access.Permission(ParticipationPermissions.View),
        ["POST /api/v1/interviews/{id:int}/questions/{questionId:long}/state"] = Access.Permission(ParticipationPermissions.Prepare),
        ["POST /api/v1/interviews/{id:int}/questions/{questionId:long}/answer"] = Access.Permission(ParticipationPermissions.Prepare),
        ["GET /api/v1/interviews/{id:int}/transcript"] = Access.Anonymous,
        ["PUT /api/v1/interviews/{id:int}/documents"] = Access.Permission(ParticipationPermissions.Prepare),
        ["POST /api/v1/interviews/{id:int}/photos"] = Access.Permission(ParticipationPermissions.Prepare),
        // 公众参与 (issue 14): public seats — applying and reading the draw and record are public; the full ID number only at the identity check
        ["GET /meetings"] = Access.Anonymous,
        ["GET /meetings/{id:int}"] = Access.Anonymous,
        ["GET /admin/meetings"] = Access.Permission(ParticipationPermissions.View),
        ["GET /admin/meetings/{id:int}"] = Access.Permission(ParticipationPermissions.View),
        ["GET /admin/meetings/{id:int}/edit"] = Access.Permission(ParticipationPermissions.Prepare),
        ["GET /admin/meetings/{id:int}/applications/{applicationId:long}"] = Access.Permission(ParticipationPermissions.Prepare),
        ["GET /api/v1/meetings/"] = Access.Anonymous,
        ["POST /api/v1/meetings/"] = Access.Permission(ParticipationPermissions.Prepare),
        ["GET /api/v1/meetings/{id:int}"] = Access.Anonymous,
        ["PUT /api/v1/meetings/{id:int}"] = Access.Permission(ParticipationPermissions.Prepare),
        ["POST /api/v1/meetings/{id:int}/announce"] = Access.Permission(ParticipationPermissions.Approve),
        ["POST /api/v1/meetings/{id:int}/applications"] = Access.Anonymous,
        ["GET /api/v1/meetings/{id:int}/applications"] = Access.Permission(ParticipationPermissions.View),
        ["GET /api/v1/meetings/{id:int}/applications/{applicationId:long}"] = Access.Permission(ParticipationPermissions.Prepare),
        ["POST /api/v1/meetings/{id:int}/applications/{applicationId:long}/check"] = Access.Permission(ParticipationPermissions.Prepare),
        ["POST /api/v1/meetings/{id:int}/seats"] = Access.Permission(ParticipationPermissions.Approve),
        ["PUT /api/v1/meetings/{id:int}/record"] = Access.Permission(ParticipationPermissions.Prepare),
        // 公平竞争审查 (issue 14): editors mark, reviewers review, both read; staff only (the year's list too)
        ["GET /admin/fair-competition"] = Access.Permission(FairCompetitionPermissions.View),
        ["GET /admin/fair-competition/documents/{id:int}"] = Access.Permission(FairCompetitionPermissions.View),
        ["GET /api/v1/documents/{id:int}/fair-competition-review"] = Access.Permission(FairCompetitionPermissions.View),
        ["PUT /api/v1/documents/{id:int}/fair-competition-review"] = Access.Permission(FairCompetitionPermissions.Review),
        ["PUT /api/v1/documents/{id:int}/market-activity"] = Access.Permission(FairCompetitionPermissions.Mark),
        ["GET /api/v1/fair-competition-reviews"] = Access.Permission(FairCompetitionPermissions.View),
        // 清单 and 办事指南 (issue 17): reading is public, changes need the editor's permission
        ["GET /lists"] = Access.Anonymous,
        ["GET /lists/{id:int}"] = Access.Anonymous,
        ["GET /lists/{id:int}/diff"] = Access.Anonymous,
        ["GET /lists/{id:int}/export"] = Access.Anonymous,
        ["GET /guides"] = Access.Anonymous,
        ["GET /guides/{id:int}"] = Access.Anonymous,
        ["GET /guides/{id:int}/notice.pdf"] = Access.Anonymous, // 一次性告知单 (Services/Print)
        ["GET /admin/lists"] = Access.Permission(ServicesPermissions.View),
        ["GET /admin/lists/{id:int}"] = Access.Permission(ServicesPermissions.View),
        ["GET /admin/guides"] = Access.Permission(ServicesPermissions.View),
        ["GET /admin/guides/new"] = Access.Permission(ServicesPermissions.Edit),
        ["GET /admin/guides/overdue"] = Access.Permission(ServicesPermissions.View),
        ["GET /admin/guides/{id:int}"] = Access.Permission(ServicesPermissions.View),
        ["GET /api/v1/lists/"] = Access.Anonymous,
        ["POST /api/v1/lists/"] = Access.Permission(ServicesPermissions.Edit),
        ["GET /api/v1/lists/{id:int}"] = Access.Anonymous,
        ["GET /api/v1/lists/{id:int}/versions"] = Access.Anonymous,
        ["GET /api/v1/lists/{id:int}/diff"] = Access.Anonymous,
        ["POST /api/v1/lists/{id:int}/versions"] = Access.Permission(ServicesPermissions.Edit),
        ["GET /api/v1/guides/"] = Access.Anonymous,
        ["POST /api/v1/guides/"] = Access.Permission(ServicesPermissions.Edit),
        ["GET /api/v1/guides/{id:int}"] = Access.Anonymous,
        ["POST /api/v1/guides/{id:int}/versions"] = Access.Permission(ServicesPermissions.Edit),
        ["POST /api/v1/guides/{id:int}/versions/{number:int}/publish"] = Access.Permission(ServicesPermissions.Edit),
        // 标准目录 and 公共企事业单位 (issue 17): templates are public; instantiating, supervising and storing templates are not;
        // citizens' complaints about a unit's disclosure are open to anyone
        ["GET /catalogue-templates"] = Access.Anonymous,
        ["GET /catalogue-templates/{code}"] = Access.Anonymous,
        ["GET /public-units"] = Access.Anonymous,
        ["GET /public-units/{code}/complaint"] = Access.Anonymous,
        ["GET /admin/catalogue-templates"] = Access.Permission(ServicesPermissions.Catalogues),
        ["GET /admin/catalogue-templates/{code}"] = Access.Permission(ServicesPermissions.Catalogues),
        ["GET /admin/catalogue-gaps/{code}"] = Access.Permission(ServicesPermissions.View),
        ["GET /admin/public-units"] = Access.Permission(ServicesPermissions.Catalogues),
        ["GET /admin/public-units/{code}"] = Access.Permission(ServicesPermissions.Catalogues),
        ["GET /api/v1/catalogue-templates/"] = Access.Anonymous,
        ["GET /api/v1/catalogue-templates/{code}"] = Access.Anonymous,
        ["PUT /api/v1/catalogue-templates/{code}"] = Access.Permission(ServicesPermissions.ManageTemplates),
        ["POST /api/v1/catalogue-templates/{code}/instances"] = Access.Permission(ServicesPermissions.Catalogues),
        ["GET /api/v1/catalogue-templates/gaps/{code}"] = Access.Permission(ServicesPermissions.View),

        // Oversight (issue 18): the work plan (its task page is public), public opinion (nothing public), self-inspection
        ["GET /workplan/{year:int?}"] = Access.Anonymous,
        ["GET /admin/oversight/workplan"] = Access.Permission(OversightPermissions.ViewInspection),
        ["GET /admin/oversight/workplan/{year:int}"] = Access.Permission(OversightPermissions.ViewInspection),
        ["GET /admin/oversight/workplan/{year:int}/{number:int}"] = Access.Permission(OversightPermissions.ViewInspection),
        ["GET /api/v1/workplan/{year:int}/tasks"] = Access.Anonymous,
        ["POST /api/v1/workplan/"] = Access.Permission(OversightPermissions.ImportWorkPlan),
        ["POST /api/v1/workplan/{year:int}/tasks/{number:int}/reports"] = Access.Permission(OversightPermissions.ReportProgress),
        ["GET /admin/oversight/opinions"] = Access.Permission(OversightPermissions.HandleOpinions),
        ["GET /admin/oversight/opinions/{id:int}"] = Access.Permission(OversightPermissions.HandleOpinions),
        ["GET /api/v1/opinions/"] = Access.Permission(OversightPermissions.HandleOpinions),
        ["POST /api/v1/opinions/"] = Access.Permission(OversightPermissions.HandleOpinions),
        ["POST /api/v1/opinions/{id:int}/steps"] = Access.Permission(OversightPermissions.HandleOpinions),
        ["GET /admin/oversight/inspection"] = Access.Permission(OversightPermissions.ViewInspection),
        ["GET /api/v1/inspection"] = Access.Permission(OversightPermissions.ViewInspection),
        ["GET /admin/oversight/inspection/{body}/{year:int}/{month:int}.pdf"] = Access.Permission(OversightPermissions.ViewInspection),
        // Annual reports: public once published (before that the desk answers 404 to all but the body's staff)
        ["GET /annual-reports"] = Access.Anonymous,
        ["GET /annual-reports/{body}/{year:int}"] = Access.Anonymous,
        ["GET /annual-reports/{body}/{year:int}.pdf"] = Access.Anonymous,
        ["GET /api/v1/annual-reports/{body}/{year:int}"] = Access.Anonymous,
        ["GET /admin/oversight/annual-reports"] = Access.Permission(OversightPermissions.ViewInspection),
        ["GET /admin/oversight/annual-reports/{id:int}"] = Access.Permission(OversightPermissions.ViewInspection),
        // 每日读网: the body's readers (the page's posts check the reader of the day and the rota permission again)
        ["GET /admin/oversight/reading"] = Access.Permission(OversightPermissions.ReadSite),
    };

    /// <summary>Values for route parameters, by parameter name; values that need the database are added at run time.</summary>
    private static readonly Dictionary<string, string> RouteValues = new(StringComparer.Ordinal)
    {
        ["documentName"] = "v1",
        ["id"] = "1",
        ["date"] = "2024-09-29",
        ["trackingNumber"] = "YSQ-2026-000001",
        ["eventId"] = "1",
        ["attachmentId"] = "1",
        ["year"] = "2024",
        ["month"] = "11",
        ["status"] = "404",
        ["number"] = "1",
        ["type"] = "通知公告",
        ["part"] = "1",
        ["node"] = "1",
        ["leafIndex"] = "0",
        ["format"] = "json",
        ["token"] = "0123456789abcdef",
        ["action"] = "status_show",
        ["name"] = "administrative-penalty-myscjgj",
        ["key"] = "administrative-penalty",
        ["datasetId"] = "00000000-0000-0000-0000-000000000001",
        ["resourceId"] = "00000000-0000-0000-0000-000000000002",
        ["fileName"] = "data.csv",
        ["commentId"] = "1",
        ["correctionId"] = "1",
        ["answerId"] = "1",
        ["questionId"] = "1",
        ["applicationId"] = "1",
        ["photoId"] = "1",
        ["body"] = "mysthjj",
    };

    private const string UnenrolledSystemAdmin = "system-admin（未启用两步验证）";

    /// <summary>A 终审 account without an authenticator (issue 23): like an unenrolled admin, it may open nothing but
    /// the two-factor setup page until it enrols.</summary>
    private const string UnenrolledFinalReviewer = "final-reviewer（未启用两步验证）";

    private static bool Unenrolled(string principal) => principal is UnenrolledSystemAdmin or UnenrolledFinalReviewer;

    [Fact]
    public async Task Every_endpoint_answers_each_role_as_the_table_says()
    {
        var staff = await host.DemoStaffAsync();
        var values = new Dictionary<string, string>(RouteValues)
        {
            ["code"] = staff.Municipal.Code,
            ["userId"] = await UserIdAsync(staff.UserName(StaffRoles.Editor)),
            ["indexNo"] = await AnyPublishedIndexNoAsync(),
            ["documentId"] = await AnyPublishedDocumentIdAsync(),
        };

        var endpoints = MappedEndpoints();
        var unknown = endpoints.Where(e => !Expected.ContainsKey(e.Key)).Select(e => e.Key).ToList();
        Assert.True(unknown.Count == 0,
            "These endpoints are not in the authorization table of AuthorizationMatrixTests; add each with its access:\n"
            + string.Join("\n", unknown.Select(key => $"        [\"{key}\"] = Access.…,")));

        var principals = new Dictionary<string, HttpClient> { ["anonymous"] = host.NewClient() };
        foreach (var role in StaffRoles.All)
        {
            principals[role] = await host.SignedInClientAsync(staff.UserName(role, staff.Municipal));
        }

        var unenrolled = await host.CreateUserAsync("matrix.unenrolled-admin", staff.Municipal.Id, StaffRoles.SystemAdmin);
        principals[UnenrolledSystemAdmin] = await host.SignedInClientAsync(unenrolled.UserName!);
        var unenrolledReviewer = await host.CreateUserAsync("matrix.unenrolled-final", staff.Municipal.Id, StaffRoles.FinalReviewer);
        principals[UnenrolledFinalReviewer] = await host.SignedInClientAsync(unenrolledReviewer.UserName!);

        var failures = new StringBuilder();
        var checkedCount = 0;
        foreach (var (key, pattern) in endpoints.Where(e => e.Key.StartsWith("GET ", StringComparison.Ordinal)))
        {
            var url = Fill(pattern, values, failures);
            if (url is null)
            {
                continue;
            }

            foreach (var (principal, client) in principals)
            {
                using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
                checkedCount++;
                var verdict = Expected[key].Judge(principal, response, host.Services.GetRequiredService<RolePermissions>());
                if (verdict is not null)
                {
                    failures.AppendLine(CultureInfo.InvariantCulture, $"{key} as {principal}: {verdict} (got {(int)response.StatusCode} {response.Headers.Location})");
                }
            }
        }

        // Endpoints that change things are not called here (their tests do that), but none may let anonymous callers in.
        foreach (var (key, pattern) in endpoints.Where(e => !e.Key.StartsWith("GET ", StringComparison.Ordinal) && Expected[e.Key] is not { Kind: AccessKind.Anonymous }))
        {
            var method = new HttpMethod(key[..key.IndexOf(' ', StringComparison.Ordinal)]);
            var url = Fill(pattern, values, failures);
            if (url is null)
            {
                continue;
            }

            using var request = new HttpRequestMessage(method, url);
            using var response = await principals["anonymous"].SendAsync(request);
            if (!Access.LooksDenied(response))
            {
                failures.AppendLine(CultureInfo.InvariantCulture, $"{key} as anonymous: expected to be refused (got {(int)response.StatusCode})");
            }
        }

        foreach (var client in principals.Values)
        {
            client.Dispose();
        }

        output.WriteLine($"{endpoints.Count} endpoints, {checkedCount} GET requests over {principals.Count} principals.");
        Assert.True(failures.Length == 0, failures.ToString());
    }

    [Fact]
    public void The_table_names_a_real_permission_for_every_restricted_endpoint()
    {
        var known = host.Services.GetRequiredService<RolePermissions>().AllPermissions;
        var bad = Expected.Where(e => e.Value.Kind == AccessKind.Permission && !known.Contains(e.Value.Policy)).Select(e => e.Key).ToList();
        Assert.Empty(bad);
    }

    /// <summary>Every routable endpoint as "METHOD /pattern" → pattern; pages (no method metadata) count as GET.</summary>
    private Dictionary<string, string> MappedEndpoints()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var endpoint in host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<ISuppressMatchingMetadata>()?.SuppressMatching == true)
            {
                continue;
            }

            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            foreach (var method in methods is null || methods.Count == 0 ? ["GET"] : methods)
            {
                result[$"{method} {pattern}"] = pattern;
            }
        }

        return result;
    }

    private static string? Fill(string pattern, Dictionary<string, string> values, StringBuilder failures)
    {
        var missing = new List<string>();
        var url = RouteParameter().Replace(pattern, match =>
        {
            var name = match.Groups["name"].Value;
            if (values.TryGetValue(name, out var value))
            {
                return Uri.EscapeDataString(value);
            }

            missing.Add(name);
            return match.Value;
        });
        if (missing.Count > 0)
        {
            failures.AppendLine(CultureInfo.InvariantCulture, $"{pattern}: no demo value for route parameter(s) {string.Join(", ", missing)}; add them to RouteValues.");
            return null;
        }

        return url;
    }

    private async Task<string> UserIdAsync(string userName)
    {
        using var scope = host.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByNameAsync(userName);
        return user!.Id;
    }

    private async Task<string> AnyPublishedIndexNoAsync()
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Gongkai.Platform.Data.GongkaiDbContext>();
        return await db.Set<Gongkai.Publishing.Document>().Where(d => d.IndexNo != null).Select(d => d.IndexNo!).FirstAsync();
    }

    private async Task<string> AnyPublishedDocumentIdAsync()
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Gongkai.Platform.Data.GongkaiDbContext>();
        var id = await db.Set<Gongkai.Publishing.Document>().Where(d => d.PublishedAt != null && d.WithdrawnAt == null).Select(d => d.Id).FirstAsync();
        return id.ToString(CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\{\*{0,2}(?<name>\w+)(:[^}]*)?\??\}")]
    private static partial Regex RouteParameter();

    public enum AccessKind
    {
        Anonymous,
        SignedIn,
        Staff,
        Permission,
        Fixed,
    }

    /// <summary>Who may open an endpoint.</summary>
    public sealed record Access(AccessKind Kind, string Policy = "", HttpStatusCode Status = HttpStatusCode.OK, string? LocationPrefix = null)
    {
        /// <summary>Anyone, signed in or not.</summary>
        public static readonly Access Anonymous = new(AccessKind.Anonymous);

        /// <summary>Any signed-in staff member, even a system admin who has not enrolled two-factor sign-in.</summary>
        public static readonly Access SignedIn = new(AccessKind.SignedIn);

        /// <summary>Any signed-in staff member; system admins only once enrolled in two-factor sign-in.</summary>
        public static readonly Access Staff = new(AccessKind.Staff);

        /// <summary>Roles granting the permission (<see cref="RolePermissions"/>), system admins once enrolled.</summary>
        public static Access Permission(string permission) => new(AccessKind.Permission, permission);

        /// <summary>The same status (and redirect target) for everyone, e.g. the 403 page itself.</summary>
        public static Access Fixed(HttpStatusCode status, string? locationPrefix = null) => new(AccessKind.Fixed, Status: status, LocationPrefix: locationPrefix);

        /// <summary>Null when the response is what this access allows the principal, else what went wrong.</summary>
        public string? Judge(string principal, HttpResponseMessage response, RolePermissions table)
        {
            if ((int)response.StatusCode >= 500)
            {
                return "server error";
            }

            if (Kind == AccessKind.Fixed)
            {
                var location = response.Headers.Location?.OriginalString ?? "";
                return response.StatusCode == Status && (LocationPrefix is null || location.StartsWith(LocationPrefix, StringComparison.Ordinal))
                    ? null
                    : $"expected {(int)Status} {LocationPrefix}";
            }

            var allowed = MayOpen(principal, table);
            var denied = LooksDenied(response);
            return allowed == !denied ? null : allowed ? "expected to be allowed" : "expected to be refused";
        }

        private bool MayOpen(string principal, RolePermissions table) => Kind switch
        {
            AccessKind.Anonymous => true,
            AccessKind.SignedIn => principal != "anonymous",
            AccessKind.Staff => principal != "anonymous" && !Unenrolled(principal),
            AccessKind.Permission => table.RolesGranting(Policy).Contains(principal),
            _ => false,
        };

        /// <summary>Refusals look like 401/403, or a redirect to sign in, to the denied page or to two-factor enrolment.</summary>
        public static bool LooksDenied(HttpResponseMessage response)
        {
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                return true;
            }

            var location = response.Headers.Location?.ToString() ?? "";
            return (int)response.StatusCode is >= 300 and < 400
                && (location.Contains("/admin/sign-in", StringComparison.Ordinal)
                    || location.Contains("/admin/denied", StringComparison.Ordinal)
                    || location.Contains("/admin/account/two-factor", StringComparison.Ordinal));
        }
    }
}
