using System.Net;
using SuNghiep.Core.Entities;
using static SuNghiep.Web.Tests.Infrastructure.HistoryClient;

namespace SuNghiep.Web.Tests.Api.Reorganizations;

/// <summary>An account records, sees and voids only the events of units in its scope; a unit out of scope is "not found".</summary>
public sealed class ReorganizationScopeTests(AppHosts hosts)
{
    private const string Health = "92.SYT";
    private static readonly DateOnly Day = new(2020, 2, 1);

    [Theory, DatabaseData]
    public async Task AgencyOfficer_UnitOfAnotherAgency_CannotRecordSeeOrVoidItsEvents(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var own = await s.UnitAsync("A", Health);
        var other = await s.UnitAsync("B");                      // Sở Giáo dục và Đào tạo
        var otherToo = await s.UnitAsync("C");
        var (officer, _) = await s.App.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Health);

        using var refused = await officer.PostEventAsync(Event("dissolution", Day).With("sourceUnitIds", Ids(other)));
        var ownEvent = await officer.RecordAsync(Event("dissolution", Day).With("sourceUnitIds", Ids(own)));
        var otherEvent = await s.Client.RecordAsync(Event("dissolution", Day).With("sourceUnitIds", Ids(otherToo)));

        Assert.Equal(["sourceUnitIds"], (await refused.ValidationErrorsAsync()).Keys);
        Assert.Null((await s.Client.GetUnitAsync(other.Id)).EndedOn);
        var query = $"areaCode={s.AreaCode}&includeVoided=true";
        Assert.Equal([ownEvent.Id], (await officer.ListEventsAsync(query)).Items.Select(e => e.Id));
        Assert.Equal([otherEvent.Id, ownEvent.Id], (await s.Client.ListEventsAsync(query)).Items.Select(e => e.Id).OrderDescending());
        Assert.Equal(ownEvent.Id, (await officer.GetEventAsync(ownEvent.Id)).Id);

        using var get = await officer.GetAsync($"/api/v1/reorganizations/{otherEvent.Id}");
        using var voiding = await officer.VoidAsync(otherEvent.Id, "Không thuộc thẩm quyền");

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, voiding.StatusCode);
        Assert.Null((await s.Client.GetEventAsync(otherEvent.Id)).VoidedAt);
        Assert.Equal(Day, (await s.Client.GetUnitAsync(otherToo.Id)).EndedOn);
    }

    // The new managing agency must be in the caller's scope too, or the units would leave it.
    [Theory, DatabaseData]
    public async Task AgencyOfficer_TransferOutOfItsScope_Returns400(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var own = await s.UnitAsync("A", Health);
        var (officer, _) = await s.App.SignInAsNewUserAsync(Roles.AgencyOfficer, agency: Health);

        using var response = await officer.PostEventAsync(Event("transfer", Day).With("sourceUnitIds", Ids(own)).With("newManagingAgencyId", s.AgencyId));

        Assert.Equal(["newManagingAgencyId"], (await response.ValidationErrorsAsync()).Keys);
        Assert.Equal(own.ManagingAgencyId, (await officer.GetUnitAsync(own.Id)).ManagingAgencyId);
    }

    [Theory, DatabaseData]
    public async Task Viewer_RecordOrVoid_Returns403(DatabaseProvider provider)
    {
        var s = await HistoryScenario.StartAsync(hosts, provider);
        var a = await s.UnitAsync("A");
        var recorded = await s.Client.RecordAsync(Event("dissolution", Day).With("sourceUnitIds", Ids(a)));
        var (viewer, _) = await s.App.SignInAsNewUserAsync(Roles.Viewer);

        using var post = await viewer.PostEventAsync(Event("dissolution", Day).With("sourceUnitIds", Ids(a)));
        using var voiding = await viewer.VoidAsync(recorded.Id, "Ghi nhầm");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (post.StatusCode, voiding.StatusCode));
        Assert.Null((await s.Client.GetEventAsync(recorded.Id)).VoidedAt);
    }
}
