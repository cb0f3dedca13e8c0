using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SuNghiep.Core.Plans;
using SuNghiep.Core.Reorganizations;
using SuNghiep.Core.Resources;
using SuNghiep.Web.Tests.Api.JobPositions;
using SuNghiep.Web.Tests.Api.Oversight;
using SuNghiep.Web.Tests.Api.Plans;
using SuNghiep.Web.Tests.Api.Resources;
using SuNghiep.Web.Tests.Pages.Resources;

namespace SuNghiep.Web.Tests.Security;

/// <summary>
/// Attacks generated from the app's own route table: every API endpoint and every Razor page handler found in the
/// EndpointDataSource is called by each attacker on agency A's objects, and the answer must match the route's scope
/// decision below. A route without a decision fails the test, so a new endpoint cannot ship without one.
/// </summary>
public sealed partial class ScopeAttackTests(AppHosts hosts)
{
    /// <summary>What the route does with the object its {id} names.</summary>
    public enum Access
    {
        /// <summary>Open to anyone, signed in or not (sign-in, health, error pages).</summary>
        Open,

        /// <summary>Any account; no object of its own, or lists filtered by the caller's scope.</summary>
        List,

        /// <summary>A public act (a document and its files): any account reads it, but the scoped parts in it stay hidden.</summary>
        Public,

        /// <summary>An object of a scope: in scope it is there, out of scope it does not exist (404).</summary>
        Scoped,

        /// <summary>
        /// What hangs off a public act (a document's targets, tasks and files): only the issuing agency's scope adds to it.
        /// The act itself is public, so out of scope a refusal (403) is as good as not finding it (404).
        /// </summary>
        Owned,

        /// <summary>A new object (or a bulk import) that names objects of a scope: out of scope it is refused (400 or 404).</summary>
        New,

        /// <summary>One of the caller's own rows (a notification): another account's is not found.</summary>
        Own,

        /// <summary>All of the caller's own rows at once: allowed, and nobody else's change.</summary>
        OwnAll,
    }

    /// <summary>Which roles may call the route at all; any other role is refused (403, or the access-denied page).</summary>
    public enum Need
    {
        Anyone,

        /// <summary>Roles.UnitEditors: everyone but the Viewer.</summary>
        Editors,

        /// <summary>Roles.UnitCreators: neither the Viewer nor a UnitOfficer.</summary>
        Creators,

        /// <summary>Above the agency: the Department of Home Affairs or the administrator (an agency's own allocation).</summary>
        Superiors,

        Admin,

        /// <summary>Only the object's author (a scenario's): no attacker ever is.</summary>
        Author,
    }

    public sealed record Decision(Access Access, Need Need = Need.Anyone, string? Query = null, bool ViewerSeesSecret = false);

    private static Decision D(Access access, Need need = Need.Anyone, string? query = null, bool viewerSeesSecret = false) =>
        new(access, need, query, viewerSeesSecret);

    /// <summary>
    /// The scope decision of every route: "METHOD /pattern" for endpoints, "METHOD /pattern?handler=Name" for page handlers.
    /// Queries use {A} (agency A), {D} (the document), {secret}, {allocationYear} and {reportFile}.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, Decision> Decisions = new Dictionary<string, Decision>
    {
        // Outside the API and pages.
        ["GET /healthz"] = D(Access.Open),
        ["GET /openapi/{documentName}.json"] = D(Access.Open),
        ["GET /api/docs"] = D(Access.Open),

        // API: sign-in.
        ["POST /api/v1/auth/login"] = D(Access.Open),

        // API: the caller's own account. The attempt names a wrong current password, so it is refused and changes nothing;
        // signing out ends only the caller's own sessions, and runs last.
        ["POST /api/v1/account/password"] = D(Access.New),
        ["POST /api/v1/account/logout"] = D(Access.Open),

        // API: the public register and citizens' feedback, without signing in ({code} is one that names no unit).
        ["GET /api/v1/public/units"] = D(Access.Open),
        ["GET /api/v1/public/units/{code}"] = D(Access.Open),
        ["GET /api/v1/public/feedback-challenge"] = D(Access.Open),
        ["POST /api/v1/public/units/{code}/feedback"] = D(Access.Open),

        // API: feedback in the caller's scope: the unit's officers and its agency answer, agency roles moderate.
        ["GET /api/v1/feedback"] = D(Access.List, query: "q={secret}", viewerSeesSecret: true),
        ["POST /api/v1/feedback/{id:int}/reply"] = D(Access.Scoped, Need.Editors),
        ["POST /api/v1/feedback/{id:int}/publish"] = D(Access.Scoped, Need.Creators),
        ["POST /api/v1/feedback/{id:int}/reject"] = D(Access.Scoped, Need.Creators),

        // API: units.
        ["GET /api/v1/units"] = D(Access.List, query: "search={secret}&status=all", viewerSeesSecret: true),
        ["POST /api/v1/units"] = D(Access.New, Need.Creators),
        ["GET /api/v1/units/{id:int}"] = D(Access.Scoped),
        ["PUT /api/v1/units/{id:int}"] = D(Access.Scoped, Need.Editors),
        ["GET /api/v1/units/{id:int}/history"] = D(Access.Scoped),
        ["GET /api/v1/units/{id:int}/lineage"] = D(Access.Scoped),

        // API: reorganizations and counts.
        ["GET /api/v1/reorganizations"] = D(Access.List, query: "agencyId={A}&includeVoided=true"),
        ["POST /api/v1/reorganizations"] = D(Access.New, Need.Creators),
        ["GET /api/v1/reorganizations/{id:int}"] = D(Access.Scoped),
        ["POST /api/v1/reorganizations/{id:int}/void"] = D(Access.Scoped, Need.Creators),
        ["GET /api/v1/reorganizations/import-template"] = D(Access.List),
        ["POST /api/v1/reorganizations/import"] = D(Access.New, Need.Creators),
        ["GET /api/v1/counts"] = D(Access.List, query: "agencyId={A}"),
        ["GET /api/v1/counts/changes"] = D(Access.List, query: "from=2019-01-01&agencyId={A}"),

        // API: indicators, measured in the caller's scope; another agency's figures are those of its units the caller sees.
        ["GET /api/v1/indicators"] = D(Access.List),
        ["GET /api/v1/indicators/{code}"] = D(Access.List, query: "agencyId={A}&breakdown=agency"),
        ["GET /api/v1/indicators/{code}/drilldown"] = D(Access.List, query: "agencyId={A}&baseline=2015-12-31"),
        ["GET /api/v1/indicators/{code}/drilldown.xlsx"] = D(Access.List, query: "agencyId={A}"),

        // API: reorganization dossiers, seen within the drafting agency's scope; the appraisal is Home Affairs'.
        ["GET /api/v1/inspections"] = D(Access.List, query: "q={secret}"),
        ["POST /api/v1/inspections"] = D(Access.New, Need.Creators),
        ["GET /api/v1/inspections/{id:int}"] = D(Access.Scoped, viewerSeesSecret: true),
        ["POST /api/v1/inspections/{id:int}/conclusion"] = D(Access.Scoped, Need.Creators),
        ["POST /api/v1/inspections/{id:int}/directive"] = D(Access.Scoped, Need.Creators),
        ["GET /api/v1/recommendations"] = D(Access.List, query: "addresseeAgencyId={A}", viewerSeesSecret: true),
        ["POST /api/v1/recommendations/{id:int}/follow-up"] = D(Access.Scoped, Need.Editors),
        ["POST /api/v1/recommendations/{id:int}/dispute"] = D(Access.Scoped, Need.Editors),
        ["GET /api/v1/reorganization-proposals"] = D(Access.List, query: "agencyId={A}&q={secret}"),
        ["POST /api/v1/reorganization-proposals"] = D(Access.New, Need.Creators),
        ["GET /api/v1/reorganization-proposals/{id:int}"] = D(Access.Scoped),
        ["POST /api/v1/reorganization-proposals/{id:int}/submit"] = D(Access.Scoped, Need.Creators),
        ["POST /api/v1/reorganization-proposals/{id:int}/appraise"] = D(Access.Scoped, Need.Superiors),
        ["POST /api/v1/reorganization-proposals/{id:int}/decide"] = D(Access.Scoped, Need.Creators),
        ["POST /api/v1/reorganization-proposals/{id:int}/withdraw"] = D(Access.Scoped, Need.Creators),

        // API: what-if scenarios. Agency A's officer drafted one and shared it: the Viewer of agency A reads it.
        ["GET /api/v1/scenarios"] = D(Access.List, viewerSeesSecret: true),
        ["POST /api/v1/scenarios"] = D(Access.New, Need.Creators),
        ["GET /api/v1/scenarios/{id:int}"] = D(Access.Scoped, viewerSeesSecret: true),
        ["PUT /api/v1/scenarios/{id:int}"] = D(Access.Scoped, Need.Author),
        ["DELETE /api/v1/scenarios/{id:int}"] = D(Access.Scoped, Need.Author),
        ["POST /api/v1/scenarios/{id:int}/share"] = D(Access.Scoped, Need.Author),
        ["DELETE /api/v1/scenarios/{id:int}/share"] = D(Access.Scoped, Need.Author),
        ["POST /api/v1/scenarios/{id:int}/events/import"] = D(Access.Scoped, Need.Author),
        ["POST /api/v1/scenarios/{id:int}/apply"] = D(Access.Scoped, Need.Creators),
        ["GET /api/v1/scenarios/{id:int}/indicators/{code}"] = D(Access.Scoped, query: "areaCode=92"),
        ["GET /api/v1/scenarios/{id:int}/targets"] = D(Access.Scoped, query: "agencyId={A}"),

        // API: periodic reports. Agency A asked an office below it for a report: A's Viewer sees both; the board, the
        // consolidation and the reminder are the requester's, the report's steps its reporter's or its requester's.
        ["GET /api/v1/reporting-periods"] = D(Access.List),
        ["GET /api/v1/reporting-regimes"] = D(Access.List),
        ["GET /api/v1/report-requests"] = D(Access.List, viewerSeesSecret: true),
        ["POST /api/v1/report-requests"] = D(Access.New, Need.Creators),
        ["GET /api/v1/report-requests/{id:int}"] = D(Access.Scoped, viewerSeesSecret: true),
        ["GET /api/v1/report-requests/{id:int}/board"] = D(Access.Scoped, viewerSeesSecret: true),
        ["POST /api/v1/report-requests/{id:int}/remind"] = D(Access.Scoped, Need.Creators),
        ["GET /api/v1/report-requests/{id:int}/consolidated"] = D(Access.Scoped, viewerSeesSecret: true),
        ["GET /api/v1/reports"] = D(Access.List, viewerSeesSecret: true),
        ["GET /api/v1/reports/{id:int}"] = D(Access.Scoped, viewerSeesSecret: true),
        ["PUT /api/v1/reports/{id:int}"] = D(Access.Scoped, Need.Creators),
        ["POST /api/v1/reports/{id:int}/submit"] = D(Access.Scoped, Need.Creators),
        ["POST /api/v1/reports/{id:int}/return"] = D(Access.Scoped, Need.Creators),
        ["POST /api/v1/reports/{id:int}/accept"] = D(Access.Scoped, Need.Creators),
        ["POST /api/v1/reports/{id:int}/take-consolidated"] = D(Access.Scoped, Need.Creators),
        ["GET /api/v1/reports/{id:int}/document.docx"] = D(Access.Scoped),
        ["GET /api/v1/reports/{id:int}/tables.xlsx"] = D(Access.Scoped),
        ["GET /api/v1/reports/{id:int}/attachments"] = D(Access.Scoped),
        ["POST /api/v1/reports/{id:int}/attachments"] = D(Access.Scoped, Need.Creators),
        ["GET /api/v1/reports/{id:int}/attachments/{fileId:int}"] = D(Access.Scoped),
        ["DELETE /api/v1/reports/{id:int}/attachments/{fileId:int}"] = D(Access.Scoped, Need.Creators),

        // API: staffing, finance, autonomy.
        ["GET /api/v1/units/{id:int}/staffing/{year:int}"] = D(Access.Scoped),
        ["PUT /api/v1/units/{id:int}/staffing/{year:int}"] = D(Access.Scoped, Need.Editors),
        ["GET /api/v1/units/{id:int}/finance/{year:int}"] = D(Access.Scoped),

        // API: service orders. The orderer's scope writes; the provider unit's scope reads.
        ["GET /api/v1/service-orders"] = D(Access.List, query: "ordererAgencyId={A}&q={secret}"),
        ["POST /api/v1/service-orders"] = D(Access.New, Need.Creators),
        ["GET /api/v1/service-orders/import-template"] = D(Access.List),
        ["POST /api/v1/service-orders/import"] = D(Access.New, Need.Creators),
        ["GET /api/v1/service-orders/{id:int}"] = D(Access.Scoped),
        ["POST /api/v1/service-orders/{id:int}/bids"] = D(Access.Scoped, Need.Creators),
        ["POST /api/v1/service-orders/{id:int}/award"] = D(Access.Scoped, Need.Creators),
        ["POST /api/v1/service-orders/{id:int}/acceptance"] = D(Access.Scoped, Need.Creators),
        ["POST /api/v1/service-orders/{id:int}/settlement"] = D(Access.Scoped, Need.Creators),
        ["POST /api/v1/service-orders/{id:int}/cancel"] = D(Access.Scoped, Need.Creators),
        ["PUT /api/v1/units/{id:int}/finance/{year:int}"] = D(Access.Scoped, Need.Editors),
        ["GET /api/v1/units/{id:int}/autonomy-plans"] = D(Access.Scoped),
        ["POST /api/v1/units/{id:int}/autonomy-plans"] = D(Access.Scoped, Need.Editors),
        ["GET /api/v1/units/{id:int}/job-positions"] = D(Access.Scoped, query: "on=2022-01-01"),
        ["GET /api/v1/units/{id:int}/job-positions/history"] = D(Access.Scoped),
        ["POST /api/v1/units/{id:int}/job-positions"] = D(Access.Scoped, Need.Editors),
        ["POST /api/v1/units/{id:int}/job-positions/import"] = D(Access.Scoped, Need.Editors),

        // API: quality standards (reference data, written by the register's keepers) and a unit's assessments; merits and
        // model units follow the unit's, the agency's or the document's scope.
        ["GET /api/v1/quality-standards"] = D(Access.List),
        ["GET /api/v1/quality-standards/{id:int}"] = D(Access.Public),
        ["POST /api/v1/quality-standards"] = D(Access.New, Need.Superiors),
        ["GET /api/v1/units/{id:int}/assessments"] = D(Access.Scoped),
        ["POST /api/v1/units/{id:int}/assessments"] = D(Access.Scoped, Need.Editors),
        ["GET /api/v1/merits"] = D(Access.List, query: "q={secret}"),
        ["POST /api/v1/merits"] = D(Access.New, Need.Creators),
        ["GET /api/v1/documents/{id:int}/model-units"] = D(Access.Public),
        ["POST /api/v1/documents/{id:int}/model-units"] = D(Access.Owned, Need.Creators),
        ["DELETE /api/v1/documents/{id:int}/model-units/{modelUnitId:int}"] = D(Access.Owned, Need.Creators),
        ["GET /api/v1/staffing"] = D(Access.List, query: "year={allocationYear}&agencyId={A}", viewerSeesSecret: true),
        ["GET /api/v1/staffing/export"] = D(Access.List, query: "year={allocationYear}&agencyId={A}", viewerSeesSecret: true),
        ["GET /api/v1/staffing/import-template"] = D(Access.List),
        ["POST /api/v1/staffing/import"] = D(Access.New, Need.Editors),
        ["GET /api/v1/autonomy"] = D(Access.List, query: "agencyId={A}"),
        ["PUT /api/v1/agencies/{id:int}/staffing-allocations/{year:int}"] = D(Access.Scoped, Need.Superiors),

        // API: the network of providers. Licensed facilities and populations are public; a provider's writes belong to its
        // commune's area scope or its recording agency's; a unit's capacity is written as its staffing is.
        ["GET /api/v1/providers"] = D(Access.List),
        ["GET /api/v1/providers/{id:int}"] = D(Access.Public),
        ["GET /api/v1/providers/{id:int}/history"] = D(Access.Public),
        ["POST /api/v1/providers"] = D(Access.New, Need.Creators),
        ["PUT /api/v1/providers/{id:int}"] = D(Access.Owned, Need.Creators),
        ["GET /api/v1/network/coverage"] = D(Access.List, query: "sector=health&areaCode=92"),
        ["GET /api/v1/network/population"] = D(Access.List, query: "areaCode=92"),
        ["GET /api/v1/network/population/import-template"] = D(Access.List),
        ["POST /api/v1/network/population/import"] = D(Access.New, Need.Creators),
        ["GET /api/v1/units/{id:int}/capacity"] = D(Access.Scoped),
        ["PUT /api/v1/units/{id:int}/capacity"] = D(Access.Scoped, Need.Editors),

        // API: plans. A document is a public act; what is added to it belongs to its issuing agency.
        ["GET /api/v1/documents"] = D(Access.Public, query: "search={public}"),
        ["GET /api/v1/documents/{id:int}"] = D(Access.Public, viewerSeesSecret: true),
        ["POST /api/v1/documents"] = D(Access.New, Need.Creators),
        ["POST /api/v1/documents/{id:int}/targets"] = D(Access.Owned, Need.Creators),
        // The figures are read through the caller's scope by the indicator engine: the document is public, its numbers are not.
        ["GET /api/v1/documents/{id:int}/targets/status"] = D(Access.Public),
        ["POST /api/v1/documents/{id:int}/tasks"] = D(Access.Owned, Need.Creators),
        ["GET /api/v1/documents/task-import-template"] = D(Access.List),
        ["POST /api/v1/documents/{id:int}/tasks/import"] = D(Access.Owned, Need.Creators),
        ["GET /api/v1/tasks"] = D(Access.List, query: "documentId={D}", viewerSeesSecret: true),
        ["GET /api/v1/tasks/{id:int}"] = D(Access.Scoped),
        ["POST /api/v1/tasks/{id:int}/status"] = D(Access.Scoped, Need.Creators),
        ["POST /api/v1/tasks/{id:int}/progress"] = D(Access.Scoped, Need.Editors),
        ["POST /api/v1/tasks/{id:int}/explanation-requests"] = D(Access.Scoped, Need.Creators),
        ["POST /api/v1/tasks/{id:int}/explanation-requests/{requestId:int}/answer"] = D(Access.Scoped, Need.Creators),
        ["GET /api/v1/documents/{id:int}/attachments"] = D(Access.Public),
        ["POST /api/v1/documents/{id:int}/attachments"] = D(Access.Owned, Need.Creators),
        ["GET /api/v1/tasks/{taskId:int}/progress/{progressId:int}/attachments"] = D(Access.Scoped),
        ["POST /api/v1/tasks/{taskId:int}/progress/{progressId:int}/attachments"] = D(Access.Scoped, Need.Editors),
        ["GET /api/v1/attachments/{id:int}"] = D(Access.Scoped),

        // API: reference data and the caller's notifications.
        ["GET /api/v1/agencies"] = D(Access.List),
        ["GET /api/v1/areas"] = D(Access.List),
        ["GET /api/v1/reference"] = D(Access.List),

        // API: catalogues of public services, public acts; only the province's or issuing agency's scope adds to one.
        ["GET /api/v1/service-catalogues"] = D(Access.List),
        ["POST /api/v1/service-catalogues"] = D(Access.New, Need.Creators),
        ["GET /api/v1/service-catalogues/{id:int}"] = D(Access.Public),
        ["POST /api/v1/service-catalogues/{id:int}/items"] = D(Access.Owned, Need.Creators),
        ["GET /api/v1/service-catalogues/items-template"] = D(Access.List),
        ["GET /api/v1/service-catalogues/prices-template"] = D(Access.List),
        ["POST /api/v1/service-catalogues/{id:int}/items/import"] = D(Access.Owned, Need.Creators),
        ["POST /api/v1/service-catalogues/{id:int}/prices/import"] = D(Access.Owned, Need.Creators),
        ["GET /api/v1/service-items"] = D(Access.List),
        ["GET /api/v1/service-items/{id:int}"] = D(Access.Public),
        ["GET /api/v1/service-items/{id:int}/price"] = D(Access.Public),
        ["POST /api/v1/service-items/{id:int}/prices"] = D(Access.Owned, Need.Creators),
        ["POST /api/v1/service-items/{id:int}/norms"] = D(Access.Owned, Need.Creators),
        ["GET /api/v1/notifications"] = D(Access.List),
        ["POST /api/v1/notifications/{id:int}/read"] = D(Access.Own),
        ["POST /api/v1/notifications/read-all"] = D(Access.OwnAll),

        // API and page: the one search box, over what the caller's scope holds.
        ["GET /api/v1/search"] = D(Access.List, query: "q={secret}", viewerSeesSecret: true),
        ["GET /search"] = D(Access.List, query: "q={secret}", viewerSeesSecret: true),

        // API and pages' session: the area and agency pickers, over the caller's scope.
        ["GET /api/v1/lookup/areas"] = D(Access.List, query: "q=xa"),
        ["GET /api/v1/lookup/agencies"] = D(Access.List, query: "q=so"),
        ["GET /lookup/areas"] = D(Access.List, query: "q=xa"),
        ["GET /lookup/agencies"] = D(Access.List, query: "q=so"),
        ["GET /api/v1/lookup/units"] = D(Access.List, query: "q={secret}", viewerSeesSecret: true),
        ["GET /api/v1/lookup/tasks"] = D(Access.List, query: "q={secret}", viewerSeesSecret: true),

        // API: satisfaction surveys. The forms are reference data; a round is its unit's.
        ["GET /api/v1/survey-instruments"] = D(Access.List),
        ["GET /api/v1/survey-instruments/{id:int}"] = D(Access.Public),
        ["GET /api/v1/surveys"] = D(Access.List, query: "q={secret}", viewerSeesSecret: true),
        ["POST /api/v1/surveys"] = D(Access.New, Need.Editors),
        ["GET /api/v1/surveys/{id:int}"] = D(Access.Scoped, viewerSeesSecret: true),
        ["POST /api/v1/surveys/{id:int}/responses"] = D(Access.Scoped, Need.Editors),
        ["GET /api/v1/surveys/{id:int}/responses/template"] = D(Access.Scoped),
        ["POST /api/v1/surveys/{id:int}/responses/import"] = D(Access.Scoped, Need.Editors),
        ["GET /lookup/units"] = D(Access.List, query: "q={secret}", viewerSeesSecret: true),
        ["GET /lookup/tasks"] = D(Access.List, query: "q={secret}", viewerSeesSecret: true),

        // Pages: account and errors.
        ["GET /login"] = D(Access.Open),
        ["POST /login"] = D(Access.Open),
        ["GET /access-denied"] = D(Access.Open),
        ["GET /error"] = D(Access.Open),
        ["GET /status/{code:int}"] = D(Access.Open),
        ["GET /logout"] = D(Access.List),
        // Signing out answers with the sign-in page, whoever asks.
        ["POST /logout"] = D(Access.Open),
        ["GET /account/password"] = D(Access.List),
        ["POST /account/password"] = D(Access.New),
        // Single sign-on is not configured in the test hosts: the pages answer 404, to anyone.
        ["GET /login/sso/{handler?}"] = D(Access.Open),
        ["GET /login/sso/{handler?}?handler=Complete"] = D(Access.Open),
        ["GET /login/sso/{handler?}?handler=Failed"] = D(Access.Open),
        ["GET /"] = D(Access.List),

        // Pages: register.
        ["GET /units"] = D(Access.List, query: "Search={secret}&Status=all", viewerSeesSecret: true),
        ["GET /units/create"] = D(Access.New, Need.Creators),
        ["POST /units/create"] = D(Access.New, Need.Creators),
        ["GET /units/{id:int}"] = D(Access.Scoped),
        ["GET /units/{id:int}/edit"] = D(Access.Scoped, Need.Editors),
        ["POST /units/{id:int}/edit"] = D(Access.Scoped, Need.Editors),
        ["GET /units/{id:int}/resources"] = D(Access.Scoped),
        ["GET /units/{id:int}/quality"] = D(Access.Scoped),
        ["POST /units/{id:int}/quality"] = D(Access.Scoped, Need.Editors),
        ["GET /quality"] = D(Access.List, query: "q={secret}"),
        ["GET /quality/standards/{id:int}"] = D(Access.Public),
        ["GET /merits"] = D(Access.List, query: "q={secret}"),
        ["POST /merits"] = D(Access.New, Need.Creators),
        ["GET /units/{id:int}/capacity"] = D(Access.Scoped),
        ["POST /units/{id:int}/capacity"] = D(Access.Scoped, Need.Editors),
        ["POST /units/{id:int}/resources?handler=Staffing"] = D(Access.Scoped, Need.Editors),
        ["POST /units/{id:int}/resources?handler=Finance"] = D(Access.Scoped, Need.Editors),
        ["POST /units/{id:int}/resources?handler=Plan"] = D(Access.Scoped, Need.Editors),
        ["GET /units/{id:int}/job-positions"] = D(Access.Scoped, query: "on=2022-01-01"),
        ["POST /units/{id:int}/job-positions"] = D(Access.Scoped, Need.Editors),
        ["POST /units/{id:int}/job-positions?handler=Check"] = D(Access.Scoped, Need.Editors),
        ["POST /units/{id:int}/job-positions?handler=Import"] = D(Access.Scoped, Need.Editors),
        ["GET /counts"] = D(Access.List, query: "AgencyId={A}"),
        ["GET /staffing"] = D(Access.List, query: "Year={allocationYear}&AgencyId={A}", viewerSeesSecret: true),
        ["GET /staffing/export"] = D(Access.List, query: "year={allocationYear}&agencyId={A}", viewerSeesSecret: true),
        ["GET /staffing/import/{handler?}"] = D(Access.New, Need.Editors),
        ["GET /staffing/import/{handler?}?handler=Template"] = D(Access.New, Need.Editors),
        ["POST /staffing/import/{handler?}"] = D(Access.New, Need.Editors),

        // Pages: the dashboard and the indicators; an indicator's figures are of the caller's scope only.
        ["GET /dashboard"] = D(Access.List, query: "agencyId={A}"),
        ["GET /dashboard?handler=Xlsx"] = D(Access.List, query: "agencyId={A}"),
        ["GET /indicators"] = D(Access.List),
        ["GET /indicators/{code}"] = D(Access.List, query: "agencyId={A}&breakdown=agency"),
        // Searched for the world's units: other tests add units to agency A, which could push them past the first page.
        ["GET /indicators/{code}/drilldown"] = D(Access.List, query: "agencyId={A}&search={secret}", viewerSeesSecret: true),
        ["GET /indicators/{code}/drilldown?handler=Xlsx"] = D(Access.List, query: "agencyId={A}&search={secret}", viewerSeesSecret: true),

        // Pages: reorganizations.
        ["GET /reorganizations"] = D(Access.List, query: "AgencyId={A}&IncludeVoided=true"),
        ["GET /reorganizations/{id:int}"] = D(Access.Scoped),
        ["POST /reorganizations/{id:int}?handler=Void"] = D(Access.Scoped, Need.Creators),
        ["GET /reorganizations/create"] = D(Access.New, Need.Creators),
        ["GET /reorganizations/create?handler=Units"] = D(Access.New, Need.Creators),
        ["POST /reorganizations/create"] = D(Access.New, Need.Creators),
        ["GET /reorganizations/import"] = D(Access.New, Need.Creators),
        ["GET /reorganizations/import?handler=Template"] = D(Access.New, Need.Creators),
        ["POST /reorganizations/import"] = D(Access.New, Need.Creators),

        // Pages: reorganization dossiers.
        ["GET /orders"] = D(Access.List, query: "ordererAgencyId={A}&q={secret}"),
        ["GET /orders?handler=Template"] = D(Access.New, Need.Creators),
        ["POST /orders?handler=Import"] = D(Access.New, Need.Creators),
        ["GET /orders/new"] = D(Access.New, Need.Creators),
        ["GET /orders/new?handler=Price"] = D(Access.New, Need.Creators),
        ["POST /orders/new"] = D(Access.New, Need.Creators),
        ["GET /orders/{id:int}"] = D(Access.Scoped),
        ["POST /orders/{id:int}?handler=Accept"] = D(Access.Scoped, Need.Creators),
        ["POST /orders/{id:int}?handler=Settle"] = D(Access.Scoped, Need.Creators),
        ["POST /orders/{id:int}?handler=Bid"] = D(Access.Scoped, Need.Creators),
        ["POST /orders/{id:int}?handler=Award"] = D(Access.Scoped, Need.Creators),
        ["POST /orders/{id:int}?handler=Cancel"] = D(Access.Scoped, Need.Creators),
        ["GET /reorganization-proposals"] = D(Access.List, query: "agencyId={A}&q={secret}"),
        ["GET /reorganization-proposals/create"] = D(Access.New, Need.Creators),
        ["POST /reorganization-proposals/create"] = D(Access.New, Need.Creators),
        ["GET /reorganization-proposals/{id:int}"] = D(Access.Scoped),
        ["POST /reorganization-proposals/{id:int}?handler=Submit"] = D(Access.Scoped, Need.Creators),
        ["POST /reorganization-proposals/{id:int}?handler=Appraise"] = D(Access.Scoped, Need.Superiors),
        ["POST /reorganization-proposals/{id:int}?handler=Decide"] = D(Access.Scoped, Need.Creators),
        ["POST /reorganization-proposals/{id:int}?handler=Withdraw"] = D(Access.Scoped, Need.Creators),

        // Pages: satisfaction surveys.
        ["GET /surveys"] = D(Access.List, query: "q={secret}", viewerSeesSecret: true),
        ["GET /surveys/new"] = D(Access.New, Need.Editors),
        ["POST /surveys/new"] = D(Access.New, Need.Editors),
        ["GET /surveys/{id:int}"] = D(Access.Scoped, viewerSeesSecret: true),
        ["GET /surveys/{id:int}?handler=Template"] = D(Access.Scoped),
        ["POST /surveys/{id:int}?handler=Response"] = D(Access.Scoped, Need.Editors),
        ["POST /surveys/{id:int}?handler=Import"] = D(Access.Scoped, Need.Editors),
        ["GET /surveys/compare"] = D(Access.List, query: "sector=health&year=2026", viewerSeesSecret: true),
        // Pages: inspections and their recommendations.
        ["GET /inspections"] = D(Access.List, query: "q={secret}", viewerSeesSecret: true),
        ["GET /inspections/new"] = D(Access.New, Need.Creators),
        ["POST /inspections/new"] = D(Access.New, Need.Creators),
        ["GET /inspections/{id:int}"] = D(Access.Scoped, viewerSeesSecret: true),
        ["POST /inspections/{id:int}?handler=Conclusion"] = D(Access.Scoped, Need.Creators),
        ["POST /inspections/{id:int}?handler=Directive"] = D(Access.Scoped, Need.Creators),
        ["POST /inspections/{id:int}?handler=FollowUp"] = D(Access.Scoped, Need.Editors),
        ["POST /inspections/{id:int}?handler=Dispute"] = D(Access.Scoped, Need.Editors),
        ["GET /inspections/board"] = D(Access.List),
        ["GET /recommendations"] = D(Access.List, query: "addresseeAgencyId={A}", viewerSeesSecret: true),

        // Pages: what-if scenarios.
        ["GET /scenarios"] = D(Access.List, viewerSeesSecret: true),
        ["GET /scenarios/create"] = D(Access.New, Need.Creators),
        ["POST /scenarios/create"] = D(Access.New, Need.Creators),
        ["GET /scenarios/{id:int}"] = D(Access.Scoped, viewerSeesSecret: true),
        ["POST /scenarios/{id:int}?handler=AddEvent"] = D(Access.Scoped, Need.Author),
        ["POST /scenarios/{id:int}?handler=RemoveEvent"] = D(Access.Scoped, Need.Author),
        ["POST /scenarios/{id:int}?handler=Share"] = D(Access.Scoped, Need.Author),
        ["POST /scenarios/{id:int}?handler=Unshare"] = D(Access.Scoped, Need.Author),
        ["POST /scenarios/{id:int}?handler=Import"] = D(Access.Scoped, Need.Author),
        ["POST /scenarios/{id:int}?handler=Delete"] = D(Access.Scoped, Need.Author),
        ["GET /scenarios/{id:int}/apply"] = D(Access.Scoped, Need.Creators),
        ["POST /scenarios/{id:int}/apply"] = D(Access.Scoped, Need.Creators),

        // Pages: catalogues of public services.
        ["GET /services"] = D(Access.List),
        ["GET /services/catalogues/{id:int}"] = D(Access.Public),
        ["GET /services/items/{id:int}"] = D(Access.Public),
        ["GET /services/catalogues/new"] = D(Access.New, Need.Creators),
        ["POST /services/catalogues/new"] = D(Access.New, Need.Creators),
        ["GET /services/catalogues/{id:int}/items/new"] = D(Access.Owned, Need.Creators),
        ["POST /services/catalogues/{id:int}/items/new"] = D(Access.Owned, Need.Creators),
        ["GET /services/items/{id:int}/prices/new"] = D(Access.Owned, Need.Creators),
        ["POST /services/items/{id:int}/prices/new"] = D(Access.Owned, Need.Creators),
        ["GET /services/catalogues/{id:int}?handler=ItemsTemplate"] = D(Access.Owned, Need.Creators),
        ["GET /services/catalogues/{id:int}?handler=PricesTemplate"] = D(Access.Owned, Need.Creators),
        // A catalogue's items and prices as files: as public as the page that lists them.
        ["GET /services/catalogues/{id:int}?handler=ItemsXlsx"] = D(Access.Public),
        ["GET /services/catalogues/{id:int}?handler=PricesXlsx"] = D(Access.Public),
        ["POST /services/catalogues/{id:int}?handler=Items"] = D(Access.Owned, Need.Creators),
        ["POST /services/catalogues/{id:int}?handler=Prices"] = D(Access.Owned, Need.Creators),
        ["POST /services/items/{id:int}?handler=Norm"] = D(Access.Owned, Need.Creators),
        // Pages: the network of providers.
        ["GET /providers"] = D(Access.List),
        ["GET /providers/new"] = D(Access.New, Need.Creators),
        ["POST /providers/new"] = D(Access.New, Need.Creators),
        ["GET /providers/{id:int}"] = D(Access.Public),
        ["GET /providers/{id:int}/edit"] = D(Access.Owned, Need.Creators),
        ["POST /providers/{id:int}/edit"] = D(Access.Owned, Need.Creators),
        ["GET /network"] = D(Access.List, query: "sector=health&areaCode=92"),
        ["GET /network/population"] = D(Access.New, Need.Creators),
        ["GET /network/population?handler=Template"] = D(Access.New, Need.Creators),
        ["POST /network/population"] = D(Access.New, Need.Creators),

        // Pages: plans.
        ["GET /documents"] = D(Access.List),
        ["GET /documents/new"] = D(Access.New, Need.Creators),
        ["POST /documents/new"] = D(Access.New, Need.Creators),
        ["GET /documents/{id:int}"] = D(Access.Public, viewerSeesSecret: true),
        ["POST /documents/{id:int}?handler=Attachments"] = D(Access.Owned, Need.Creators),
        ["POST /documents/{id:int}?handler=ModelUnit"] = D(Access.Owned, Need.Creators),
        ["POST /documents/{id:int}?handler=RemoveModelUnit"] = D(Access.Owned, Need.Creators),
        ["GET /documents/{id:int}/targets/new"] = D(Access.Owned, Need.Creators),
        ["POST /documents/{id:int}/targets/new"] = D(Access.Owned, Need.Creators),
        ["GET /documents/{id:int}/tasks/new"] = D(Access.Owned, Need.Creators),
        ["POST /documents/{id:int}/tasks/new"] = D(Access.Owned, Need.Creators),
        ["GET /documents/{id:int}/tasks/import"] = D(Access.Owned, Need.Creators),
        ["GET /documents/{id:int}/tasks/import?handler=Template"] = D(Access.New, Need.Creators),
        ["POST /documents/{id:int}/tasks/import"] = D(Access.Owned, Need.Creators),
        ["GET /tasks"] = D(Access.List, query: "DocumentId={D}", viewerSeesSecret: true),
        ["GET /tasks/{id:int}"] = D(Access.Scoped),
        ["GET /tasks/{id:int}?handler=SubTask"] = D(Access.List),
        ["POST /tasks/{id:int}?handler=Status"] = D(Access.Scoped, Need.Creators),
        ["POST /tasks/{id:int}"] = D(Access.Scoped, Need.Editors),
        ["POST /tasks/{id:int}?handler=Explain"] = D(Access.Scoped, Need.Creators),
        ["POST /tasks/{id:int}?handler=Answer"] = D(Access.Scoped, Need.Creators),
        ["GET /attachments/{id:int}"] = D(Access.Scoped),
        ["GET /notifications"] = D(Access.List),
        ["POST /notifications?handler=Read"] = D(Access.Own),
        ["POST /notifications?handler=ReadAll"] = D(Access.OwnAll),

        // Pages: periodic reports, as their API.
        ["GET /reports"] = D(Access.List, viewerSeesSecret: true),
        ["GET /reporting-regimes"] = D(Access.List),
        ["GET /report-requests/new"] = D(Access.New, Need.Creators),
        ["POST /report-requests/new"] = D(Access.New, Need.Creators),
        ["GET /report-requests/{id:int}"] = D(Access.Scoped, viewerSeesSecret: true),
        ["POST /report-requests/{id:int}?handler=Remind"] = D(Access.Scoped, Need.Creators),
        ["GET /report-requests/{id:int}/consolidated"] = D(Access.Scoped, viewerSeesSecret: true),
        ["GET /reports/{id:int}"] = D(Access.Scoped, viewerSeesSecret: true),
        ["GET /reports/{id:int}?handler=Docx"] = D(Access.Scoped),
        ["GET /reports/{id:int}?handler=Xlsx"] = D(Access.Scoped),
        ["POST /reports/{id:int}"] = D(Access.Scoped, Need.Creators),
        ["POST /reports/{id:int}?handler=Submit"] = D(Access.Scoped, Need.Creators),
        ["POST /reports/{id:int}?handler=Return"] = D(Access.Scoped, Need.Creators),
        ["POST /reports/{id:int}?handler=Accept"] = D(Access.Scoped, Need.Creators),
        ["GET /reports/{id:int}?handler=Attachment"] = D(Access.Scoped, query: "fileId={reportFile}"),
        ["POST /reports/{id:int}?handler=Attachments"] = D(Access.Scoped, Need.Creators),
        ["POST /reports/{id:int}?handler=RemoveAttachment"] = D(Access.Scoped, Need.Creators),

        // Pages: the public register, without signing in.
        ["GET /cong-khai"] = D(Access.Open),
        ["GET /cong-khai/{code}"] = D(Access.Open),
        ["GET /cong-khai/{code}/phan-anh"] = D(Access.Open),
        ["POST /cong-khai/{code}/phan-anh"] = D(Access.Open),
        ["GET /cong-khai/rut-dong-y/{token}"] = D(Access.Open),
        ["POST /cong-khai/rut-dong-y/{token}"] = D(Access.Open),

        // Pages: citizens' feedback, as its API.
        ["GET /feedback"] = D(Access.List, viewerSeesSecret: true),
        ["GET /feedback/{id:int}"] = D(Access.Scoped, viewerSeesSecret: true),
        ["POST /feedback/{id:int}?handler=Reply"] = D(Access.Scoped, Need.Editors),
        ["POST /feedback/{id:int}?handler=Publish"] = D(Access.Scoped, Need.Creators),
        ["POST /feedback/{id:int}?handler=Reject"] = D(Access.Scoped, Need.Creators),

        // Pages: administration.
        ["GET /admin/users"] = D(Access.List, Need.Admin),
        ["GET /admin/users/create"] = D(Access.New, Need.Admin),
        ["POST /admin/users/create"] = D(Access.New, Need.Admin),
        ["GET /admin/users/{id}/edit"] = D(Access.Scoped, Need.Admin),
        ["POST /admin/users/{id}/edit"] = D(Access.Scoped, Need.Admin),
        ["POST /admin/users/{id}/edit?handler=ResetPassword"] = D(Access.Scoped, Need.Admin),
        ["GET /admin/audit"] = D(Access.List, Need.Admin),
    };

    public static TheoryData<Attacker> Attackers => new(Enum.GetValues<Attacker>());

    private static readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<ScopeAttackWorld>>> Worlds = new();

    /// <summary>The provider's world, made once for every test that calls the routes on its objects.</summary>
    internal static Task<ScopeAttackWorld> WorldAsync(SuNghiepApp app, DatabaseProvider provider) =>
        Worlds.GetOrAdd(provider, _ => new(() => ScopeAttackWorld.CreateAsync(app))).Value;

    /// <summary>One route of the app as found in its EndpointDataSource.</summary>
    public sealed record Route(string Method, string Pattern, string? Handler, bool IsPage)
    {
        public string Key => Handler is null ? $"{Method} {Pattern}" : $"{Method} {Pattern}?handler={Handler}";

        public bool Writes => Method is not ("GET" or "HEAD");
    }

    [Theory, DatabaseData]
    public async Task RouteTable_EveryRoute_HasAScopeDecision(DatabaseProvider provider)
    {
        var app = await hosts.GetAsync(provider);

        var routes = await RoutesAsync(app);

        var missing = routes.Where(r => !Decisions.ContainsKey(r.Key)).Select(r => $"new route without a scope decision: {r.Key}").ToList();
        var stale = Decisions.Keys.Except(routes.Select(r => r.Key)).Select(k => $"a scope decision for a route that no longer exists: {k}").ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{provider}: {routes.Count} routes ({routes.Count(r => !r.IsPage)} endpoints, {routes.Count(r => r.IsPage)} page handlers)");
        Assert.True(routes.Count > 100, $"only {routes.Count} routes found: the enumeration is broken");
        Assert.True(missing.Count + stale.Count == 0, string.Join("\n", missing.Concat(stale)));
    }

    [Theory, DatabaseData(nameof(Attackers))]
    public async Task EveryRoute_AttackedOnAgencyAsObjects_AnswersItsScopeDecision(DatabaseProvider provider, Attacker attacker)
    {
        var app = await hosts.GetAsync(provider);
        var world = await WorldAsync(app, provider);
        var caller = world.Callers[attacker];
        // Signing out ends the session the later page attacks use: it goes last.
        var routes = (await RoutesAsync(app)).OrderBy(r => r.Key is "POST /logout" or "POST /api/v1/account/logout").ToList();
        var failures = routes.Where(r => !Decisions.ContainsKey(r.Key)).Select(r => $"new route without a scope decision: {r.Key}").ToList();

        var tried = 0;
        foreach (var route in routes.Where(r => Decisions.ContainsKey(r.Key)))
        {
            tried++;
            var failure = await AttackAsync(world, caller, attacker, route, Decisions[route.Key]);
            if (failure is not null)
            {
                failures.Add($"{route.Key} as {attacker}: {failure}");
            }
        }

        // An unmapped method on an object route must not reach anything either (there are no deletes).
        foreach (var pattern in routes.Where(r => !r.IsPage && r.Pattern.Contains('{') && r.Pattern.StartsWith("/api/", StringComparison.Ordinal))
                     .Select(r => r.Pattern).Distinct())
        {
            tried++;
            var before = await world.FingerprintAsync(caller.UserId);
            using var response = await caller.Api.DeleteAsync(Fill(pattern, world, isPage: false));
            var code = (int)response.StatusCode;
            var after = await world.FingerprintAsync(caller.UserId);
            if (code is >= 200 and < 300 || before != after)
            {
                failures.Add($"DELETE {pattern} as {attacker}: answered {code}{(before != after ? $" and changed the database ({ScopeAttackWorld.Changed(before, after)})" : "")}");
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{provider}, {attacker}: {tried} route × role pairs tried, {failures.Count} failed");
        Assert.True(failures.Count == 0, $"{failures.Count} of {tried} attacks as {attacker} on {provider} got the wrong answer:\n" + string.Join("\n", failures));
    }

    /// <summary>Calls the route as the attacker; returns why the answer is wrong, or null.</summary>
    private static async Task<string?> AttackAsync(ScopeAttackWorld world, Caller caller, Attacker attacker, Route route, Decision decision)
    {
        var before = route.Writes ? await world.FingerprintAsync(caller.UserId) : null;
        using var request = route.IsPage ? await PageRequestAsync(world, caller, route, decision) : ApiRequest(world, route, decision);
        if (request.Method == HttpMethod.Put && route.Pattern == "/api/v1/units/{id:int}")
        {
            await AddETagAsync(world, request);
        }

        using var response = route.IsPage ? await caller.Pages!.Client.SendAsync(request) : await caller.Api.SendAsync(request);
        var code = (int)response.StatusCode;
        var location = response.Headers.Location?.ToString() ?? "";
        var body = await response.Content.ReadAsStringAsync();
        // A spreadsheet shows what its cells hold.
        if (response.Content.Headers.ContentType?.MediaType == ResourceRequests.XlsxType)
        {
            body = string.Concat(ResourceRequests.ReadRows(await response.Content.ReadAsByteArrayAsync())
                .SelectMany(row => row.Values).Select(v => $"\t{Convert.ToString(v, CultureInfo.InvariantCulture)}\t"));
        }

        // A page echoes its filter in its inputs and links: only the text a person reads counts as shown.
        if (route.IsPage && response.Content.Headers.ContentType?.MediaType == "text/html")
        {
            body = (await PageSession.ParseAsync(response)).Body?.TextContent ?? "";
        }
        var answer = code is >= 300 and < 400 ? $"{code} to {location}" : $"{code}";

        var expected = Expected(attacker, route, decision);
        string? failure = null;
        if (expected is not null && !expected.Value.Accepts(code, location))
        {
            failure = $"expected {expected.Value.Description}, got {answer}";
        }
        else if (code is >= 200 and < 300 && attacker is Attacker.OtherAgencyOfficer or Attacker.OtherUnitOfficer && Leaks(world, body))
        {
            failure = $"answered {code} with agency A's scoped data in it";
        }
        else if (code is >= 200 and < 300 && attacker is Attacker.Viewer && decision.ViewerSeesSecret && !Leaks(world, body))
        {
            failure = "the in-scope Viewer does not see the fixture's data: the leak check of this route proves nothing";
        }

        if (before is not null && decision.Access is not Access.Open)
        {
            var after = await world.FingerprintAsync(caller.UserId);
            if (before != after)
            {
                failure = (failure is null ? "" : failure + "; ") + $"answered {answer} and CHANGED agency A's data ({ScopeAttackWorld.Changed(before, after)})";
            }
        }

        return failure;
    }

    private static bool Leaks(ScopeAttackWorld world, string body) =>
        world.SecretMarkers.Any(m => body.Contains(m, StringComparison.OrdinalIgnoreCase))
        || body.Contains($"\"allocated\":{ScopeAttackWorld.SecretAllocation}", StringComparison.Ordinal)
        || body.Contains($"\t{ScopeAttackWorld.SecretAllocation}\t", StringComparison.Ordinal)
        || body.Contains(ScopeAttackWorld.SecretAllocation.ToString("N0", CultureInfo.GetCultureInfo("vi-VN")), StringComparison.Ordinal);

    private readonly record struct Expectation(string Description, Func<int, string, bool> Accepts);

    private static readonly Expectation Success = new("2xx", (c, l) => c is >= 200 and < 300 || (c is >= 300 and < 400 && !Denied(l) && !LoginRedirect(l)));
    private static readonly Expectation SuccessOrRefused = new("2xx without agency A's data, or 400, 403 or 404", (c, l) => Success.Accepts(c, l) || c is 400 or 403 or 404);
    private static readonly Expectation NotFound = new("404", (c, _) => c == 404);
    private static readonly Expectation Forbidden = new("403 (access denied)", (c, l) => c == 403 || (c == 302 && Denied(l)));
    private static readonly Expectation ForbiddenOrNotFound = new("403 or 404", (c, l) => c is 403 or 404 || (c == 302 && Denied(l)));
    private static readonly Expectation Refused = new("400, 403 or 404, nothing written", (c, _) => c is 400 or 403 or 404 or 422);
    private static readonly Expectation Unauthorized = new("401", (c, _) => c == 401);
    private static readonly Expectation ToLogin = new("a redirect to /login", (c, l) => c == 302 && LoginRedirect(l));

    private static bool Denied(string location) => location.Contains("/access-denied", StringComparison.OrdinalIgnoreCase);

    private static bool LoginRedirect(string location) => location.Contains("/login", StringComparison.OrdinalIgnoreCase);

    /// <summary>The answer the route's decision calls for; null where any answer but a 5xx will do (open routes).</summary>
    private static Expectation? Expected(Attacker attacker, Route route, Decision decision)
    {
        if (decision.Access is Access.Open)
        {
            return null;
        }

        if (attacker is Attacker.Anonymous)
        {
            return route.IsPage ? ToLogin : Unauthorized;
        }

        var inScope = attacker is Attacker.Viewer;
        var denied = decision.Need switch
        {
            Need.Anyone => false,
            Need.Editors => attacker is Attacker.Viewer,
            Need.Creators => attacker is Attacker.Viewer or Attacker.OtherUnitOfficer,
            Need.Superiors or Need.Admin or Need.Author => true,
            _ => throw new ArgumentOutOfRangeException(nameof(decision)),
        };
        if (denied)
        {
            // Out of scope, not finding the object is as good as being refused it.
            return inScope || decision.Access is not (Access.Scoped or Access.Owned) ? Forbidden : ForbiddenOrNotFound;
        }

        return decision.Access switch
        {
            // A list filtered by another scope's agency may answer without that agency's data, or refuse the filter.
            Access.List when !inScope && decision.Query?.Contains("{A}", StringComparison.Ordinal) == true => SuccessOrRefused,
            Access.List or Access.Public or Access.OwnAll => Success,
            Access.Owned => inScope ? Success : ForbiddenOrNotFound,
            Access.Scoped => inScope ? Success : NotFound,
            Access.New => route.Writes ? Refused : Success,
            Access.Own => NotFound,
            _ => throw new ArgumentOutOfRangeException(nameof(decision)),
        };
    }

    private static HttpRequestMessage ApiRequest(ScopeAttackWorld world, Route route, Decision decision)
    {
        var url = Fill(route.Pattern, world, isPage: false) + Query(decision, world);
        return new HttpRequestMessage(new HttpMethod(route.Method), url) { Content = route.Writes ? ApiBody(world, route.Key) : null };
    }

    private static string Query(Decision decision, ScopeAttackWorld world) =>
        decision.Query is null ? "" : "?" + decision.Query
            .Replace("{A}", world.AgencyA.ToString(), StringComparison.Ordinal)
            .Replace("{D}", world.Document.ToString(), StringComparison.Ordinal)
            .Replace("{secret}", world.Secret, StringComparison.Ordinal)
            .Replace("{public}", world.PublicToken, StringComparison.Ordinal)
            .Replace("{allocationYear}", ScopeAttackWorld.AllocationYear.ToString(), StringComparison.Ordinal)
            .Replace("{reportFile}", world.ReportFile.ToString(), StringComparison.Ordinal);

    /// <summary>
    /// A body that the route's owner would have accepted, so that a refusal is a refusal for scope, not for a malformed
    /// body. Where the attacker names an agency, it names its own, so that only the object's scope can refuse it.
    /// </summary>
    private static HttpContent? ApiBody(ScopeAttackWorld world, string key)
    {
        var token = Unique.Token();
        return key switch
        {
            "POST /api/v1/inspections" => ScopeAttackWorld.Json(InspectionsClient.Inspection(token, world.AgencyA, world.Unit)),
            "POST /api/v1/inspections/{id:int}/conclusion" => ScopeAttackWorld.Json(InspectionsClient.Conclusion(token, world.Unit, world.AgencyA, PlansClient.Today)),
            "POST /api/v1/inspections/{id:int}/directive" => ScopeAttackWorld.Json(new JsonObject { ["number"] = $"{token}/CĐ", ["date"] = "2025-06-20" }),
            "POST /api/v1/recommendations/{id:int}/follow-up" => ScopeAttackWorld.Json(InspectionsClient.FollowUp(PlansClient.Today, true)),
            "POST /api/v1/recommendations/{id:int}/dispute" => ScopeAttackWorld.Json(new JsonObject { ["disputed"] = true, ["reason"] = "Khiếu nại từ ngoài phạm vi" }),
            "POST /api/v1/auth/login" => ScopeAttackWorld.Json(new JsonObject { ["email"] = "khong-co@test.sunghiep.vn", ["password"] = "Sai-mat-khau-1" }),
            "POST /api/v1/units" => ScopeAttackWorld.Json(UnitsClient.Body(token, "X", world.AgencyA).With("sector", "health")),
            "PUT /api/v1/units/{id:int}" => ScopeAttackWorld.Json(world.UnitBody.With("notes", "Sửa từ ngoài phạm vi").With("address", "Số 9 đường Lạ")),
            "POST /api/v1/reorganizations" => ScopeAttackWorld.Json(HistoryClient.Event("dissolution", new DateOnly(2021, 5, 1)).With("sourceUnitIds", new JsonArray(world.Unit))),
            "POST /api/v1/reorganizations/{id:int}/void" => ScopeAttackWorld.Json(new JsonObject { ["reason"] = "Ghi nhầm quyết định" }),
            "POST /api/v1/reorganizations/import" or "POST /api/v1/scenarios/{id:int}/events/import" => ScopeAttackWorld.Xlsx(ReorganizationImport.Template()),
            "POST /api/v1/reorganization-proposals" => ScopeAttackWorld.Json(ScopeAttackWorld.ProposalBody(world.AgencyA, world.Unit, $"Hồ sơ chen {token}")),
            "POST /api/v1/reorganization-proposals/{id:int}/submit" => ScopeAttackWorld.Json(new JsonObject()),
            "POST /api/v1/service-orders/import" => ScopeAttackWorld.Xlsx(Api.Services.OrderImportTests.Sheet(
                [ScopeAttackWorld.Year, "Đặt hàng", ScopeAttackWorld.AgencyACode, null, null, world.OrderItemCode, 10, null, "01/02/2024", "30/11/2024", $"{token}/QĐ", "20/01/2024", "Sở Y tế"])),
            "POST /api/v1/service-orders" => ScopeAttackWorld.Json(Api.Services.OrdersClient.Order(world.AgencyA, world.Unit, world.OrderItem, year: ScopeAttackWorld.Year)),
            "POST /api/v1/service-orders/{id:int}/bids" => ScopeAttackWorld.Json(new JsonObject { ["providerUnitId"] = world.Unit, ["price"] = 9_000 }),
            "POST /api/v1/service-orders/{id:int}/award" => ScopeAttackWorld.Json(new JsonObject { ["bidId"] = 1 }),
            "POST /api/v1/service-orders/{id:int}/acceptance" => ScopeAttackWorld.Json(Api.Services.OrdersClient.Acceptance(10, "2024-12-15")),
            "POST /api/v1/service-orders/{id:int}/settlement" => ScopeAttackWorld.Json(new JsonObject { ["kind"] = "advance", ["date"] = "2024-03-01", ["amount"] = 1_000 }),
            "POST /api/v1/service-orders/{id:int}/cancel" => ScopeAttackWorld.Json(new JsonObject { ["reason"] = "Hủy từ ngoài phạm vi" }),
            "POST /api/v1/reorganization-proposals/{id:int}/appraise" => ScopeAttackWorld.Json(new JsonObject
            {
                ["result"] = "agreed", ["opinion"] = "Đồng ý", ["appraisedOn"] = "2024-03-10", ["appraiser"] = "Người chen",
            }),
            "POST /api/v1/reorganization-proposals/{id:int}/decide" => ScopeAttackWorld.Json(new JsonObject { ["decision"] = HistoryClient.Event("dissolution", new DateOnly(2024, 7, 1))["decision"]!.DeepClone() }),
            "POST /api/v1/reorganization-proposals/{id:int}/withdraw" => ScopeAttackWorld.Json(new JsonObject { ["reason"] = "Rút từ ngoài phạm vi" }),
            "POST /api/v1/scenarios" or "PUT /api/v1/scenarios/{id:int}" => ScopeAttackWorld.Json(ScopeAttackWorld.ScenarioBody(world.Unit, $"Kịch bản chen {token}")),
            "POST /api/v1/scenarios/{id:int}/apply" => ScopeAttackWorld.Json(new JsonObject { ["decision"] = HistoryClient.Event("dissolution", new DateOnly(2021, 5, 1))["decision"]!.DeepClone() }),
            "POST /api/v1/scenarios/{id:int}/share" or "DELETE /api/v1/scenarios/{id:int}/share" or "DELETE /api/v1/scenarios/{id:int}" => null,
            "POST /api/v1/providers" => ScopeAttackWorld.Json(Network.NetworkWorld.Provider($"chen-{token}", "31120", 10).With("recordedByAgencyId", world.AgencyA)),
            "PUT /api/v1/providers/{id:int}" => ScopeAttackWorld.Json(Network.NetworkWorld.Provider($"{world.Secret}-P", "31120", 99).With("recordedByAgencyId", world.AgencyA)),
            "POST /api/v1/network/population/import" => ScopeAttackWorld.Xlsx(Core.Services.NetworkData.Template()),
            "PUT /api/v1/units/{id:int}/capacity" => ScopeAttackWorld.Json(new JsonObject { ["capacityUnit"] = "beds", ["capacity"] = 7, ["validFrom"] = "2024-01-01" }),
            "PUT /api/v1/units/{id:int}/staffing/{year:int}" => ScopeAttackWorld.Json(ResourceRequests.Staffing(31).With("overAllocation", true)),
            "PUT /api/v1/units/{id:int}/finance/{year:int}" => ScopeAttackWorld.Json(ResourceRequests.Finance(6_000_000_000, 4_000_000_000)),
            "POST /api/v1/units/{id:int}/autonomy-plans" => ScopeAttackWorld.Json(ScopeAttackWorld.AutonomyPlan().With("periodStart", 2031).With("periodEnd", 2035)),
            "POST /api/v1/service-catalogues" => ScopeAttackWorld.Json(Api.Services.ServiceCatalogueClient.Catalogue($"Danh mục chen {token}", "2024-01-01")),
            "POST /api/v1/service-catalogues/{id:int}/items" => ScopeAttackWorld.Json(Api.Services.ServiceCatalogueClient.Item($"9.{token}", $"Dịch vụ chen {token}", "health")),
            "POST /api/v1/service-catalogues/{id:int}/items/import" => ScopeAttackWorld.Xlsx(ResourceRequests.Workbook(Core.Services.CatalogueImport.ItemHeaders,
                [[$"9.{token}", $"Dịch vụ chen {token}", "health", null, "ordering", null, null, null]])),
            "POST /api/v1/service-catalogues/{id:int}/prices/import" => ScopeAttackWorld.Xlsx(ResourceRequests.Workbook(Core.Services.CatalogueImport.PriceHeaders,
                [["1", 990_000, "đồng/lượt", "full", null, $"{token}/QĐ-UBND", "01/12/2029", "UBND", "01/01/2030"]])),
            "POST /api/v1/service-items/{id:int}/prices" => ScopeAttackWorld.Json(Api.Services.ServiceCatalogueClient.Price(990_000m, "2030-01-01")),
            "POST /api/v1/service-items/{id:int}/norms" => ScopeAttackWorld.Json(new JsonObject
            {
                ["outputUnit"] = "lượt", ["validFrom"] = "2030-01-01", ["decision"] = Api.Services.ServiceCatalogueClient.Decision($"{token}/QĐ-UBND", "2029-12-01"),
                ["inputs"] = new JsonArray(new JsonObject { ["kind"] = "labour", ["name"] = "Bác sĩ", ["unit"] = "giờ", ["quantity"] = 0.5 }),
            }),
            "POST /api/v1/units/{id:int}/job-positions" => ScopeAttackWorld.Json(ScopeAttackWorld.JobPositionList($"Vị trí chen {token}", "2024-01-02")),
            "POST /api/v1/units/{id:int}/job-positions/import" => JobPositionImportTests.Upload(
                JobPositionImportTests.Sheet([$"Vị trí chen {token}", "professional", "Giáo viên", "V.07.03.29", 20]), $"{token}/QĐ", "2024-01-03"),
            "POST /api/v1/staffing/import" => ScopeAttackWorld.Xlsx(ResourceImport.Template()),
            "POST /api/v1/surveys" => ScopeAttackWorld.Json(Api.Surveys.SurveysClient.Round(world.Unit, $"Khảo sát chen {token}")),
            "POST /api/v1/surveys/{id:int}/responses" => ScopeAttackWorld.Json(Api.Surveys.SurveysClient.Responses(Api.Surveys.SurveysClient.Answers(("1.1", 1)))),
            "POST /api/v1/surveys/{id:int}/responses/import" => ScopeAttackWorld.Xlsx(Api.Surveys.SurveysClient.Sheet(["1.1"], [1])),
            "PUT /api/v1/agencies/{id:int}/staffing-allocations/{year:int}" => ScopeAttackWorld.Json(new JsonObject { ["budgetPositions"] = 12, ["overAllocation"] = true }),
            "POST /api/v1/documents" => ScopeAttackWorld.Json(PlansClient.Document(token).With("issuerAgencyId", world.AgencyA)),
            // The first standard shipped (Circular 07/2023's six groups), scored in full.
            "POST /api/v1/units/{id:int}/assessments" => ScopeAttackWorld.Json(new JsonObject
            {
                ["standardId"] = 1, ["kind"] = "self", ["periodFrom"] = "2024-01-01", ["periodTo"] = "2024-12-31", ["assessedOn"] = "2025-01-10",
                ["scores"] = new JsonArray(Enumerable.Range(1, 6).Select(i => (JsonNode)new JsonObject { ["criterionCode"] = i.ToString(CultureInfo.InvariantCulture), ["score"] = 12 }).ToArray()),
            }),
            "POST /api/v1/quality-standards" => ScopeAttackWorld.Json(new JsonObject
            {
                ["code"] = "TC-" + token, ["name"] = "Tiêu chuẩn chen", ["issuer"] = "Sở chen", ["documentNumber"] = "1/QĐ", ["documentDate"] = "2024-01-02",
                ["version"] = "1", ["scoreBasis"] = "totalPoints",
                ["bands"] = new JsonArray(new JsonObject { ["level"] = "dat", ["label"] = "Đạt", ["min"] = 0 }),
                ["criteria"] = new JsonArray(new JsonObject { ["code"] = "1", ["group"] = "Nhóm", ["name"] = "Tiêu chí", ["maxScore"] = 10 }),
            }),
            "POST /api/v1/merits" => ScopeAttackWorld.Json(new JsonObject
            {
                ["kind"] = "discipline", ["unitId"] = world.Unit, ["form"] = "Khiển trách", ["reason"] = $"Kỷ luật chen {token}",
                ["decision"] = new JsonObject { ["number"] = $"{token}/QĐ", ["date"] = "2024-05-02", ["issuer"] = "Sở chen" },
            }),
            "POST /api/v1/documents/{id:int}/model-units" => ScopeAttackWorld.Json(new JsonObject { ["unitId"] = world.Unit, ["note"] = $"Điển hình chen {token}" }),
            "POST /api/v1/documents/{id:int}/targets" => ScopeAttackWorld.Json(new JsonObject { ["text"] = $"Chỉ tiêu chen {token}" }),
            "POST /api/v1/documents/{id:int}/tasks" => ScopeAttackWorld.Json(PlansClient.Task($"Nhiệm vụ chen {token}", world.AgencyB, PlansClient.Today.AddDays(60))),
            "POST /api/v1/documents/{id:int}/tasks/import" => ScopeAttackWorld.Xlsx(world.TaskWorkbook),
            "POST /api/v1/tasks/{id:int}/status" => ScopeAttackWorld.Json(new JsonObject { ["status"] = "cancelled" }),
            "POST /api/v1/tasks/{id:int}/progress" => ScopeAttackWorld.Json(PlansClient.Progress(PlansClient.Today, 90, "Báo cáo chen")),
            "POST /api/v1/tasks/{id:int}/explanation-requests" => ScopeAttackWorld.Json(new JsonObject
                { ["deadline"] = PlansClient.Iso(PlansClient.Today.AddDays(5)), ["message"] = $"Yêu cầu chen {token}" }),
            "POST /api/v1/tasks/{id:int}/explanation-requests/{requestId:int}/answer" => ScopeAttackWorld.Json(new JsonObject { ["answer"] = $"Giải trình chen {token}" }),
            "POST /api/v1/documents/{id:int}/attachments" or "POST /api/v1/tasks/{taskId:int}/progress/{progressId:int}/attachments"
                or "POST /api/v1/reports/{id:int}/attachments"
                => AttachmentApiTests.Files(("chen.pdf", AttachmentApiTests.Pdf(token))),
            "POST /api/v1/account/password" => ScopeAttackWorld.Json(new JsonObject { ["currentPassword"] = "Sai-mat-khau-cu-1", ["newPassword"] = $"Mat-khau-moi-{token}" }),
            "POST /api/v1/notifications/{id:int}/read" or "POST /api/v1/notifications/read-all" or "POST /api/v1/account/logout" => null,
            "POST /api/v1/report-requests" => ScopeAttackWorld.Json(ScopeAttackWorld.ReportRequestBody(world.AgencyA, world.ReportBelow, $"Báo cáo chen {token}")),
            "PUT /api/v1/reports/{id:int}" => ScopeAttackWorld.Json(new JsonObject { ["sections"] = new JsonObject { ["I"] = $"Sửa chen {token}" }, ["revision"] = 0 }),
            "POST /api/v1/reports/{id:int}/return" => ScopeAttackWorld.Json(new JsonObject { ["comment"] = "Trả lại từ ngoài phạm vi" }),
            "POST /api/v1/reports/{id:int}/take-consolidated" => ScopeAttackWorld.Json(new JsonObject { ["requestId"] = world.ReportRequest }),
            "POST /api/v1/reports/{id:int}/submit" or "POST /api/v1/reports/{id:int}/accept" or "POST /api/v1/report-requests/{id:int}/remind"
                or "DELETE /api/v1/reports/{id:int}/attachments/{fileId:int}" or "DELETE /api/v1/documents/{id:int}/model-units/{modelUnitId:int}" => null,
            "POST /api/v1/public/units/{code}/feedback" => ScopeAttackWorld.Json(new JsonObject { ["topic"] = "Khác", ["text"] = $"Phản ánh chen {token}" }),
            "POST /api/v1/feedback/{id:int}/reply" => ScopeAttackWorld.Json(new JsonObject { ["text"] = $"Trả lời chen {token}" }),
            "POST /api/v1/feedback/{id:int}/publish" => ScopeAttackWorld.Json(new JsonObject()),
            "POST /api/v1/feedback/{id:int}/reject" => ScopeAttackWorld.Json(new JsonObject { ["reason"] = "Từ chối từ ngoài phạm vi" }),
            _ => throw new InvalidOperationException($"No body for {key}: add one to ApiBody."),
        };
    }

    /// <summary>The unit's ETag, when the API offers one, so that a refused PUT is not refused for a missing If-Match.</summary>
    private static async Task AddETagAsync(ScopeAttackWorld world, HttpRequestMessage request)
    {
        using var admin = await world.App.AdminAsync();
        using var response = await admin.GetAsync($"/api/v1/units/{world.Unit}");
        if (response.Headers.ETag is { } etag)
        {
            request.Headers.IfMatch.Add(etag);
        }
    }

    /// <summary>
    /// A page request as a browser would send it: for a POST, the fields of the form that the administrator sees on the
    /// same page (so that the values are valid), with the attacker's own anti-forgery token.
    /// </summary>
    private static async Task<HttpRequestMessage> PageRequestAsync(ScopeAttackWorld world, Caller caller, Route route, Decision decision)
    {
        var path = Fill(route.Pattern, world, isPage: true);
        var url = route.Handler is null ? path : $"{path}?handler={route.Handler}";
        if (!route.Writes)
        {
            var query = Query(decision, world);
            return new HttpRequestMessage(HttpMethod.Get, query.Length == 0 ? url : url + (url.Contains('?') ? "&" : "?") + query[1..]);
        }

        var fields = await AdminFormAsync(world, path, route.Handler);
        if (caller.FormToken is { } formToken)
        {
            fields["__RequestVerificationToken"] = formToken;
        }

        var token = Unique.Token();
        switch (route.Key)
        {
            case "POST /notifications?handler=Read":
                fields["id"] = world.Notification.ToString();
                break;
            case "POST /merits":
                fields["Input.Kind"] = "discipline";
                fields["Input.Unit"] = world.UnitBody["code"]!.GetValue<string>();
                fields["Input.Form"] = "Khiển trách";
                fields["Input.Reason"] = $"Kỷ luật chen {token}";
                fields["Input.DecisionNumber"] = $"{token}/QĐ";
                fields["Input.DecisionDate"] = "02/05/2024";
                fields["Input.DecisionIssuer"] = "Sở chen";
                break;
            case "POST /services/catalogues/new":
                fields["Input.Name"] = $"Danh mục chen {token}";
                fields["Input.AreaCode"] = "92";
                fields["Input.DecisionNumber"] = $"{token}/QĐ-UBND";
                fields["Input.DecisionDate"] = "02/01/2024";
                fields["Input.DecisionIssuer"] = "Ủy ban nhân dân thành phố Cần Thơ";
                fields["Input.ValidFrom"] = "02/01/2024";
                break;
            case "POST /services/catalogues/{id:int}/items/new":
                fields["Input.Code"] = $"9.{token}";
                fields["Input.Name"] = $"Dịch vụ chen {token}";
                fields["Input.Sector"] = "health";
                fields["Input.Methods"] = "ordering";
                break;
            case "POST /services/items/{id:int}/prices/new":
                fields["Input.Price"] = "990000";
                fields["Input.Unit"] = "đồng/lượt";
                fields["Input.DecisionNumber"] = $"{token}/QĐ-UBND";
                fields["Input.DecisionDate"] = "01/12/2029";
                fields["Input.DecisionIssuer"] = "Ủy ban nhân dân thành phố Cần Thơ";
                fields["Input.ValidFrom"] = "01/01/2030";
                break;
            case "POST /services/catalogues/{id:int}?handler=Items":
                return Multipart(url, fields, "upload", "dich-vu.xlsx", ResourceRequests.Workbook(Core.Services.CatalogueImport.ItemHeaders,
                    [[$"9.{token}", $"Dịch vụ chen {token}", "health", null, "ordering", null, null, null]]));
            case "POST /services/catalogues/{id:int}?handler=Prices":
                return Multipart(url, fields, "upload", "don-gia.xlsx", ResourceRequests.Workbook(Core.Services.CatalogueImport.PriceHeaders,
                    [["1", 990_000, "đồng/lượt", "full", null, $"{token}/QĐ-UBND", "01/12/2029", "UBND", "01/01/2030"]]));
            case "POST /services/items/{id:int}?handler=Norm":
                fields["Input.OutputUnit"] = "lượt";
                fields["Input.ValidFrom"] = "01/01/2030";
                fields["Input.DecisionNumber"] = $"{token}/QĐ-UBND";
                fields["Input.DecisionDate"] = "01/12/2029";
                fields["Input.DecisionIssuer"] = "Ủy ban nhân dân thành phố Cần Thơ";
                fields["Input.Lines[0].Kind"] = "labour";
                fields["Input.Lines[0].Name"] = "Bác sĩ";
                fields["Input.Lines[0].Unit"] = "giờ";
                fields["Input.Lines[0].Quantity"] = "0,5";
                break;
            case "POST /inspections/{id:int}?handler=Dispute":
                // The recommendation the form names is agency A's own, as on the page.
                url += $"&recommendationId={world.Recommendation}";
                fields["Input.Disputed"] = "true";
                fields["Input.Reason"] = $"Khiếu nại chen {token}";
                break;
            case "POST /documents/{id:int}?handler=ModelUnit":
                fields["ModelUnitInput.Unit"] = world.UnitBody["code"]!.GetValue<string>();
                fields["ModelUnitInput.Note"] = $"Điển hình chen {token}";
                break;
            case "POST /documents/{id:int}?handler=RemoveModelUnit":
                url += $"&modelUnitId={world.ModelUnit}";
                break;
            case "POST /documents/{id:int}/targets/new":
                fields["Input.Text"] = $"Chỉ tiêu chen {token}";
                break;
            case "POST /documents/{id:int}/tasks/new":
                fields["Input.Content"] = $"Nhiệm vụ chen {token}";
                fields["Input.LeadAgencyId"] = world.AgencyB.ToString();
                fields["Input.Timing"] = "deadline";
                fields["Input.Deadline"] = "2027-12-31";
                break;
            case "POST /units/{id:int}/job-positions" or "POST /units/{id:int}/job-positions?handler=Check":
                fields["Input.DecisionNumber"] = $"{token}/QĐ-SGDĐT";
                fields["Input.DecisionDate"] = "02/01/2024";
                fields["Input.DecisionIssuer"] = "Sở Giáo dục và Đào tạo";
                break;
            case "POST /units/{id:int}/job-positions?handler=Import":
                fields["Input.DecisionNumber"] = $"{token}/QĐ-SGDĐT";
                fields["Input.DecisionDate"] = "03/01/2024";
                fields["Input.DecisionIssuer"] = "Sở Giáo dục và Đào tạo";
                return Multipart(url, fields, "upload", "vi-tri-viec-lam.xlsx",
                    JobPositionImportTests.Sheet([$"Vị trí chen {token}", "professional", "Giáo viên", "V.07.03.29", 20]));
            case "POST /documents/{id:int}?handler=Attachments":
                return Multipart(url, fields, AttachmentChecks.Field, "chen.pdf", AttachmentApiTests.Pdf(token));
            case "POST /documents/{id:int}/tasks/import":
                return Multipart(url, fields, "Upload", "phan-cong.xlsx", world.TaskWorkbook);
            case "POST /surveys/new":
                fields["Input.InstrumentId"] = world.SurveyInstrument.ToString();
                fields["Input.UnitCode"] = $"{world.Secret}-U";
                fields["Input.PeriodFrom"] = "01/07/2026";
                fields["Input.PeriodTo"] = "30/09/2026";
                fields["Input.Label"] = $"Khảo sát chen {token}";
                break;
            case "POST /surveys/{id:int}?handler=Response":
                fields["Answers[1.1]"] = "1";
                break;
            case "POST /surveys/{id:int}?handler=Import":
                return Multipart(url, fields, "file", "phieu.xlsx", Api.Surveys.SurveysClient.Sheet(["1.1"], [1]));
            case "POST /orders?handler=Import":
                return Multipart(url, fields, "upload", "dat-hang.xlsx", Api.Services.OrderImportTests.Sheet(
                    [ScopeAttackWorld.Year, "Đặt hàng", ScopeAttackWorld.AgencyACode, null, null, world.OrderItemCode, 10, null, "01/02/2024", "30/11/2024", $"{token}/QĐ", "20/01/2024", "Sở Y tế"]));
            case "POST /scenarios/{id:int}?handler=Import":
                return Multipart(url, fields, "Upload", "su-kien.xlsx", ReorganizationImport.Template());
        }

        return new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
    }

    private static HttpRequestMessage Multipart(string url, Dictionary<string, string> fields, string field, string name, byte[] file)
    {
        var content = new MultipartFormDataContent();
        foreach (var (key, value) in fields)
        {
            content.Add(new StringContent(value), key);
        }

        content.Add(new ByteArrayContent(file), field, name);
        return new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
    }

    private static async Task<Dictionary<string, string>> AdminFormAsync(ScopeAttackWorld world, string path, string? handler)
    {
        var (response, page) = await world.AdminPages.GetAsync(path);
        response.Dispose();
        var form = page.QuerySelectorAll("form")
            .FirstOrDefault(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase) && FormMatches(f, path, handler));
        var fields = new Dictionary<string, string>();
        foreach (var input in form?.QuerySelectorAll("input[name], select[name], textarea[name]") ?? Enumerable.Empty<IElement>())
        {
            var name = input.GetAttribute("name")!;
            var value = input switch
            {
                AngleSharp.Html.Dom.IHtmlInputElement { Type: "checkbox" or "radio" } box => box.IsChecked ? box.Value : null,
                AngleSharp.Html.Dom.IHtmlInputElement { Type: "file" } => null,
                AngleSharp.Html.Dom.IHtmlInputElement i => i.Value,
                AngleSharp.Html.Dom.IHtmlSelectElement s => s.Value,
                AngleSharp.Html.Dom.IHtmlTextAreaElement t => t.Value,
                _ => null,
            };
            if (value is not null)
            {
                fields[name] = value;
            }
        }

        return fields;
    }

    /// <summary>Whether the form posts to the page at the path with the handler (none for the page's own OnPost).</summary>
    internal static bool FormMatches(IElement form, string path, string? handler)
    {
        var action = form.GetAttribute("action") ?? "";
        var formHandler = HandlerOf(action) ?? form.QuerySelector("input[name=handler]")?.GetAttribute("value")
            ?? form.QuerySelector("button[name=handler]")?.GetAttribute("value");
        var samePath = action.Length == 0 || action.StartsWith('?') || action.Split('?')[0].Equals(path, StringComparison.OrdinalIgnoreCase);
        return samePath && string.Equals(formHandler, handler, StringComparison.OrdinalIgnoreCase);
    }

    private static string? HandlerOf(string action) =>
        HandlerParameter().Match(action) is { Success: true } m ? Uri.UnescapeDataString(m.Groups[1].Value) : null;

    [GeneratedRegex(@"[?&]handler=([^&]+)", RegexOptions.IgnoreCase)]
    private static partial Regex HandlerParameter();

    [GeneratedRegex(@"\{\**(\w+)[^}]*\}")]
    private static partial Regex RouteParameter();

    /// <summary>The route's URL with each parameter set to agency A's object of that kind.</summary>
    internal static string Fill(string pattern, ScopeAttackWorld world, bool isPage) =>
        RouteParameter().Replace(pattern, m => m.Groups[1].Value switch
        {
            "id" => IdFor(pattern, world, isPage),
            "taskId" => world.Task.ToString(),
            "progressId" => world.Progress.ToString(),
            "modelUnitId" => world.ModelUnit.ToString(),
            "fileId" => world.ReportFile.ToString(),
            "requestId" => world.ExplanationRequest.ToString(),
            "year" => pattern.Contains("staffing-allocations", StringComparison.Ordinal)
                ? ScopeAttackWorld.AllocationYear.ToString()
                : ScopeAttackWorld.Year.ToString(),
            // The indicator pages and endpoints take a code of the catalogue; other routes with a {code} get one that is none.
            "code" => pattern.Contains("/indicators/", StringComparison.Ordinal) ? "units.count" : "404",
            "documentName" => "v1",
            "token" => "khong-phai-ma-rut-dong-y",
            "slug" or "handler" => "",
            var name => throw new InvalidOperationException($"No value for route parameter {name} of {pattern}."),
        }).TrimEnd('/') is { Length: > 0 } url ? url : "/";

    private static string IdFor(string pattern, ScopeAttackWorld world, bool isPage)
    {
        var resource = pattern.Replace("/api/v1", "", StringComparison.Ordinal).Split('/', StringSplitOptions.RemoveEmptyEntries)[0];
        return resource switch
        {
            "units" => world.Unit.ToString(),
            "reorganizations" => world.Reorganization.ToString(),
            "reorganization-proposals" => world.Proposal.ToString(),
            "service-orders" or "orders" => world.Order.ToString(),
            "inspections" => world.Inspection.ToString(),
            "recommendations" => world.Recommendation.ToString(),
            "scenarios" => world.Scenario.ToString(),
            "providers" => world.Provider.ToString(),
            "documents" => world.Document.ToString(),
            // A shipped standard: reference data, read by every account.
            "quality-standards" or "quality" => "1",
            // Only a late task is asked to explain itself.
            "tasks" => (pattern.Contains("explanation-requests", StringComparison.Ordinal) ? world.LateTask : world.Task).ToString(),
            // The file of a progress report follows its task's scope; a document's file is public and has its own routes.
            "attachments" => world.ProgressFile.ToString(),
            "notifications" => world.Notification.ToString(),
            "report-requests" => world.ReportRequest.ToString(),
            "reports" => world.Report.ToString(),
            "agencies" => world.AgencyA.ToString(),
            "surveys" => world.Survey.ToString(),
            "survey-instruments" => world.SurveyInstrument.ToString(),
            "service-catalogues" => world.ServiceCatalogue.ToString(),
            "service-items" => world.ServiceItem.ToString(),
            "services" => (pattern.StartsWith("/services/items/", StringComparison.Ordinal) ? world.ServiceItem : world.ServiceCatalogue).ToString(),
            "admin" => world.OwnerId,
            "feedback" => world.Feedback.ToString(),
            _ => throw new InvalidOperationException($"No object for the {{id}} of {pattern} ({(isPage ? "page" : "endpoint")})."),
        };
    }

    /// <summary>Every endpoint and every page handler of the running app, from its EndpointDataSource.</summary>
    public static async Task<List<Route>> RoutesAsync(SuNghiepApp app)
    {
        var source = app.Services.GetRequiredService<EndpointDataSource>();
        var loader = app.Services.GetRequiredService<PageLoader>();
        var routes = new List<Route>();
        var pagesSeen = new HashSet<string>(StringComparer.Ordinal);
        // A page answers on each of its routes (Index on "" and "Index"); the shortest stands for it.
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>().OrderBy(e => e.RoutePattern.RawText?.Length ?? 0))
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                if (!pagesSeen.Add(page.ViewEnginePath))
                {
                    continue;
                }

                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                // A page without handler methods still answers GET with its view (OnPageHandlerSelected is no handler).
                var handlers = compiled.HandlerMethods.Where(h => h.HttpMethod is "Get" or "Post" or "Put" or "Delete" or "Patch").ToList();
                routes.AddRange(handlers.Count == 0
                    ? [new Route(HttpMethods.Get, pattern, null, IsPage: true)]
                    : handlers.Select(h => new Route(h.HttpMethod.ToUpperInvariant(), pattern, h.Name, IsPage: true)));
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get];
            routes.AddRange(methods.Where(m => m != HttpMethods.Head && m != HttpMethods.Options).Select(m => new Route(m, pattern, null, IsPage: false)));
        }

        return routes.DistinctBy(r => r.Key).ToList();
    }
}
